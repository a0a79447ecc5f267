/** The one-map's 企业主体责任缺项 layer: what the server sends, and the marker popup's text. */
export interface ObligationGapPoint {
  id: string;
  name: string;
  county: string;
  lon: number;
  lat: number;
  demo: boolean;
  certificateGaps: {
    kind: 'no_principal' | 'no_safety_manager' | 'uncertified_operation';
    personName: string | null;
    operation: string | null;
  }[];
  uninsured: boolean;
}

type Translate = (key: string, named?: Record<string, unknown>) => string;

/** One line per gap, named in the UI language (never a code): the person and operation when known. */
export function obligationGapLines(point: ObligationGapPoint, t: Translate): string[] {
  const lines = point.certificateGaps.map((gap) => {
    const what = t(`obligations.gap.${gap.kind}`);
    if (!gap.personName) return what;
    const who = gap.operation
      ? t('oneMap.gaps.personOperation', {
          name: gap.personName,
          operation: t(`obligations.operation.${gap.operation}`),
        })
      : gap.personName;
    return t('oneMap.gaps.withPerson', { gap: what, who });
  });
  if (point.uninsured) lines.push(t('oneMap.gaps.uninsured'));
  return lines;
}

/** The 一企一档 page of the enterprise, opened on its 主体责任 tab. */
export function obligationsTabLocation(id: string) {
  return { name: 'enterprise-detail', params: { id }, query: { tab: 'obligations' } } as const;
}

/**
 * The popup's content as DOM (text set as text, so names cannot inject markup): the enterprise,
 * its gaps, and a link that `open` follows inside the app.
 */
export function obligationGapPopup(
  point: ObligationGapPoint,
  t: Translate,
  link: { href: string; open: () => void },
): HTMLElement {
  const root = document.createElement('div');
  root.className = 'aj-gap-popup';
  root.dataset.testid = 'map-gap-popup';
  const title = document.createElement('strong');
  title.textContent = point.name;
  root.append(title);
  const list = document.createElement('ul');
  for (const line of obligationGapLines(point, t)) {
    const item = document.createElement('li');
    item.textContent = line;
    list.append(item);
  }
  root.append(list);
  const anchor = document.createElement('a');
  anchor.href = link.href;
  anchor.textContent = t('oneMap.gaps.open');
  anchor.dataset.testid = 'map-gap-open';
  anchor.addEventListener('click', (event) => {
    event.preventDefault();
    link.open();
  });
  root.append(anchor);
  return root;
}
