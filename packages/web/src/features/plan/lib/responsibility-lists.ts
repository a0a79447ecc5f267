/** Responsibility lists (责任清单) as the pages show them, and the item text of the edit form. */
export type HolderKind = 'leader' | 'department' | 'county';

export interface ResponsibilityList {
  id: string;
  kind: HolderKind;
  organisationId: string | null;
  organisationName: string | null;
  holder: string;
  title: string;
  version: number;
  publishedAt: string;
  publishedBy: string;
  itemCount: number;
  demo: boolean;
}

export interface ResponsibilityVersionSummary {
  version: number;
  publishedAt: string;
  publishedBy: string;
  note: string;
  itemCount: number;
}

export interface ResponsibilityListDetail extends ResponsibilityList {
  items: string[];
  note: string;
  versions: ResponsibilityVersionSummary[];
  allowedActions: 'revise'[];
}

export interface ResponsibilityVersion extends ResponsibilityVersionSummary {
  items: string[];
  added: string[];
  removed: string[];
}

/** The items typed one a line: trimmed, blank lines dropped (the server refuses repeats). */
export function itemsOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** Which units a list's holder may name (as the server checks): none for a city leader. */
export function holderUnitKinds(kind: HolderKind): readonly string[] {
  if (kind === 'department') return ['city_department', 'county_department'];
  return ['county'];
}

export interface DiffRow {
  /** The item's number in the version; none for an item it removed. */
  no: number | null;
  text: string;
  change: 'added' | 'kept' | 'removed';
}

/**
 * A version's items for the diff view, numbered in the version's order, each marked added or kept,
 * followed by the items the version removed.
 */
export function diffRows(version: Pick<ResponsibilityVersion, 'items' | 'added' | 'removed'>): DiffRow[] {
  const added = new Set(version.added);
  return [
    ...version.items.map((text, i) => ({
      no: i + 1,
      text,
      change: added.has(text) ? ('added' as const) : ('kept' as const),
    })),
    ...version.removed.map((text) => ({ no: null, text, change: 'removed' as const })),
  ];
}
