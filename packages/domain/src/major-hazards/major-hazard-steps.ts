import type { Gb18218BetaChoice } from './beta-factor.ts';
import type { Gb18218AlphaBand } from './exposure-alpha.ts';
import type { MajorHazardLevelBand } from './hazard-level.ts';
import type { MajorHazardStep } from './major-hazard.schema.ts';
import type { Rational } from './rational.ts';
import type { Gb18218Substance } from './substance-lookup.ts';

/** One item after lookup: q, the row's Q and q/Q, exact. */
export interface EvaluatedItem {
  readonly index: number;
  readonly input: { readonly substance: string; readonly betaCategory?: string };
  readonly substance: Gb18218Substance;
  readonly quantity: Rational;
  readonly criticalQuantity: Rational;
  readonly ratio: Rational;
}

/** An item of a major hazard source, with its β. */
export interface GradedItem extends EvaluatedItem {
  readonly beta: Gb18218BetaChoice;
}

/** Exact text of a decimal input or table value, e.g. "12.5"; never rounded. */
function exact(value: Rational): string {
  return value.toExactDecimalString() ?? value.toString();
}

function shortLabel(item: EvaluatedItem): { zh: string; en: string } {
  const ordinal = item.index + 1;
  const { substance } = item;
  return substance.kind === 'table2'
    ? { zh: `第${ordinal}项 类别${substance.code}`, en: `Item ${ordinal} category ${substance.code}` }
    : { zh: `第${ordinal}项 ${substance.row.nameZh}`, en: `Item ${ordinal} ${substance.row.nameEn}` };
}

function label(item: EvaluatedItem): { zh: string; en: string } {
  const { substance } = item;
  const ordinal = item.index + 1;
  if (substance.kind === 'table2') {
    const { code, hazardClassZh, hazardClassEn, conditionZh, conditionEn } = substance.row;
    return {
      zh: `第${ordinal}项 ${hazardClassZh}（表2 ${code}：${conditionZh}）`,
      en: `Item ${ordinal} ${hazardClassEn} (Table 2 ${code}: ${conditionEn})`,
    };
  }
  const { row, nameZh, nameEn, cas } = substance.row;
  const casText = cas.length > 0 ? { zh: `，CAS ${cas.join('/')}`, en: `, CAS ${cas.join('/')}` } : null;
  const check =
    substance.matchedBy === 'base_name'
      ? {
          zh: '；按名称匹配到带条件的条目，请确认满足条件',
          en: "; matched by name, check the row's condition",
        }
      : { zh: '', en: '' };
  return {
    zh: `第${ordinal}项 ${nameZh}（表1第${row}项${casText?.zh ?? ''}${check.zh}）`,
    en: `Item ${ordinal} ${nameEn} (Table 1 row ${row}${casText?.en ?? ''}${check.en})`,
  };
}

export function ratioStep(item: EvaluatedItem, places: number): MajorHazardStep {
  const { zh, en } = label(item);
  const formula = `q/Q = ${exact(item.quantity)} t / ${exact(item.criticalQuantity)} t = ${item.ratio.toDecimalString(places, 'down')}`;
  return { kind: 'ratio', zh: `${zh}：${formula}`, en: `${en}: ${formula}` };
}

export function sumStep(items: readonly EvaluatedItem[], s: Rational, places: number): MajorHazardStep {
  const terms = items.map((item) => item.ratio.toDecimalString(places, 'down'));
  const formula = `S = ${items.length > 1 ? `${terms.join(' + ')} = ` : ''}${s.toDecimalString(places, 'down')}`;
  return { kind: 'sum', zh: `${formula}（精确值比较）`, en: `${formula} (compared exactly)` };
}

export function identificationStep(isMajor: boolean, s: Rational, places: number): MajorHazardStep {
  const value = s.toDecimalString(places, 'down');
  return isMajor
    ? {
        kind: 'identification',
        zh: `S = ${value} ≥ 1，该单元构成危险化学品重大危险源，进行分级`,
        en: `S = ${value} ≥ 1: the unit is a major hazard source; it is graded`,
      }
    : {
        kind: 'identification',
        zh: `S = ${value} < 1，该单元不构成危险化学品重大危险源，不进行分级`,
        en: `S = ${value} < 1: the unit is not a major hazard source; no grading`,
      };
}

function betaReason(item: GradedItem): { zh: string; en: string } {
  const { beta } = item;
  switch (beta.source) {
    case 'table3':
      return { zh: '列入表3（毒性气体校正系数）', en: 'listed in Table 3 (toxic gases)' };
    case 'table3_via':
      return {
        zh: '条目名称涵盖一氧化碳，取表3一氧化碳的值',
        en: 'the row covers carbon monoxide; Table 3 value of 一氧化碳',
      };
    case 'table4_category': {
      const code = beta.category?.code ?? '';
      const hazardClass = { zh: beta.category?.hazardClassZh ?? '', en: beta.category?.hazardClassEn ?? '' };
      return item.substance.kind === 'table2'
        ? { zh: `按其类别 ${code} 取表4`, en: `Table 4 value of its category ${code}` }
        : {
            zh: `未列入表3，按危险性类别 ${code}（${hazardClass.zh}）取表4`,
            en: `not in Table 3; Table 4 value of category ${code} (${hazardClass.en})`,
          };
    }
    case 'table4_default': {
      const code = beta.category?.code ?? '';
      const all = beta.defaultCategories ?? [code];
      const several = all.length > 1;
      const check = beta.defaultConfirmed
        ? { zh: '', en: '' }
        : { zh: '，默认类别待核实', en: '; default to be checked' };
      return {
        zh: several
          ? `未列入表3，按GHS分类的默认危险性类别 ${all.join('、')} 中校正系数最大的 ${code}（${beta.category?.hazardClassZh ?? ''}）取表4${check.zh}`
          : `未列入表3，按GHS分类的默认危险性类别 ${code}（${beta.category?.hazardClassZh ?? ''}）取表4${check.zh}`,
        en: several
          ? `not in Table 3; of its default GHS categories ${all.join(', ')} the one with the largest β, ${code} (${beta.category?.hazardClassEn ?? ''}), Table 4${check.en}`
          : `not in Table 3; Table 4 value of its default GHS category ${code} (${beta.category?.hazardClassEn ?? ''})${check.en}`,
      };
    }
    case 'fallback':
      return {
        zh: '未列入表3且未指定危险性类别，按配置的默认值取值（需核实）',
        en: 'not in Table 3 and no category given; the configured default was assumed (to be checked)',
      };
  }
}

export function betaStep(item: GradedItem): MajorHazardStep {
  const { zh, en } = shortLabel(item);
  const reason = betaReason(item);
  const ignored = item.beta.ignoredCategory;
  const note = ignored
    ? { zh: `（所填类别 ${ignored} 未采用）`, en: ` (the given category ${ignored} was not used)` }
    : { zh: '', en: '' };
  return {
    kind: 'beta',
    zh: `${zh}：${reason.zh}，β = ${item.beta.betaText}${note.zh}`,
    en: `${en}: ${reason.en}, β = ${item.beta.betaText}${note.en}`,
  };
}

export function alphaStep(population: number, band: Gb18218AlphaBand, radiusMetres: number): MajorHazardStep {
  return {
    kind: 'alpha',
    zh: `厂区外${radiusMetres} m范围内暴露人员 ${population} 人，属“${band.labelZh}”档，α = ${band.alpha}`,
    en: `${population} people exposed within ${radiusMetres} m outside the plant: band "${band.labelEn}", α = ${band.alpha}`,
  };
}

export function rStep(
  alpha: string,
  items: readonly GradedItem[],
  weighted: Rational,
  r: Rational,
  places: number,
): MajorHazardStep {
  const terms = items.map((item) => `${item.beta.betaText} × ${item.ratio.toDecimalString(places, 'down')}`);
  const formula =
    `R = α × Σ(βᵢ × qᵢ/Qᵢ) = ${alpha} × (${terms.join(' + ')}) = ` +
    `${alpha} × ${weighted.toDecimalString(places, 'down')} = ${r.toDecimalString(places, 'down')}`;
  return { kind: 'r', zh: formula, en: formula };
}

export function levelStep(r: Rational, band: MajorHazardLevelBand, places: number): MajorHazardStep {
  const value = r.toDecimalString(places, 'down');
  return {
    kind: 'level',
    zh: `R = ${value}，${band.rangeText}，为${band.nameZh}重大危险源`,
    en: `R = ${value}; ${band.rangeText}: ${band.nameEn} major hazard source`,
  };
}
