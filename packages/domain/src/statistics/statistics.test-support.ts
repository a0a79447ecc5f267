import type { IndicatorDefinition } from './indicator-definition.ts';
import type { IndicatorSetting } from './indicator-settings.schema.ts';

/*
 * Test fixtures of the statistics area, shared by the domain's, the server's and the web's tests
 * (imported as `@anjian/domain/statistics.test-support`; not part of the package's main entry).
 */

/**
 * 专栏1's first indicator, 生产安全事故死亡人数, as one definition: 2020 the baseline, 2025 the
 * target, 下降 15 %, whole numbers, no published baseline. A test that needs another figure spreads
 * this and names the one it changes.
 */
export const deathsIndicator: IndicatorDefinition = Object.freeze({
  code: 'deaths',
  nameZh: '生产安全事故死亡人数',
  nameEn: 'Deaths in work-safety accidents',
  unit: '人',
  kind: 'binding',
  formula: 'deaths',
  comparison: 'point',
  baselineFrom: 2020,
  baselineTo: 2020,
  targetYear: 2025,
  targetChange: -0.15,
  decimals: 0,
  publishedBaseline: null,
  publishedBaselineNote: null,
});

/** The same indicator as the settings form sends it (PUT /statistics/indicator-settings/deaths). */
export const deathsIndicatorInput = Object.freeze({
  nameZh: deathsIndicator.nameZh,
  nameEn: deathsIndicator.nameEn,
  unit: deathsIndicator.unit,
  kind: deathsIndicator.kind,
  formula: deathsIndicator.formula,
  comparison: deathsIndicator.comparison,
  baselineFrom: deathsIndicator.baselineFrom,
  baselineTo: deathsIndicator.baselineTo,
  targetYear: deathsIndicator.targetYear,
  targetChange: deathsIndicator.targetChange,
  decimals: deathsIndicator.decimals,
  position: 1,
  active: true,
});

/** The same indicator as the settings endpoint answers it. */
export const deathsIndicatorSetting: IndicatorSetting = Object.freeze({
  ...deathsIndicator,
  id: deathsIndicator.code,
  position: 1,
  active: true,
  updatedAt: null,
  updatedBy: null,
});
