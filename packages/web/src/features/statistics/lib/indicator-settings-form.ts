import { indicatorFormulaUnits, type IndicatorSetting, type IndicatorSettingInput } from '@anjian/domain';

/** The indicator dialog's form: the change as a percentage (−15), sent as a fraction (−0.15). */
export interface IndicatorForm extends Omit<IndicatorSettingInput, 'unit' | 'targetChange'> {
  code: string;
  changePercent: number;
}

/**
 * A new indicator starts as the next plan's deaths indicator, under a key of its own that no screen
 * shows (the bureau names indicators, not codes); an existing one as stored.
 */
export function indicatorFormOf(row: IndicatorSetting | null, now = Date.now()): IndicatorForm {
  if (!row)
    return {
      code: `plan_${now.toString(36)}`,
      nameZh: '',
      nameEn: '',
      kind: 'binding',
      formula: 'deaths',
      comparison: 'point',
      baselineFrom: 2025,
      baselineTo: 2025,
      targetYear: 2030,
      changePercent: -10,
      decimals: 0,
      position: 10,
      active: true,
      publishedBaseline: null,
      publishedBaselineNote: null,
    };
  const { id: _id, unit: _unit, targetChange, updatedAt: _at, updatedBy: _by, ...rest } = row;
  return { ...rest, changePercent: Math.round(targetChange * 10_000) / 100 };
}

/**
 * What the server is sent: the unit follows the formula, the percentage becomes a fraction, and an
 * emptied baseline goes back to computed (null) with no note; a note typed alone is dropped with it.
 */
export function indicatorPayload(form: IndicatorForm): IndicatorSettingInput {
  const { code: _code, changePercent, ...rest } = form;
  const publishedBaseline =
    typeof rest.publishedBaseline === 'number' && !Number.isNaN(rest.publishedBaseline)
      ? rest.publishedBaseline
      : null;
  return {
    ...rest,
    nameZh: rest.nameZh.trim(),
    nameEn: rest.nameEn.trim(),
    unit: indicatorFormulaUnits[form.formula],
    targetChange: Math.round(changePercent * 100) / 10_000,
    publishedBaseline,
    publishedBaselineNote: publishedBaseline === null ? null : (rest.publishedBaselineNote ?? '').trim(),
  };
}

/** −0.15 → "-15%", 0.1 → "+10%". */
export function percentText(change: number): string {
  const value = Math.round(change * 10_000) / 100;
  return `${value > 0 ? '+' : ''}${value}%`;
}
