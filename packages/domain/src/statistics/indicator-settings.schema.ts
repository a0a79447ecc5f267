import { z } from 'zod';
import { codedIssue } from '../errors/coded-issue.ts';
import { indicatorComparisons, indicatorFormulas } from './indicator-definition.ts';
import { STATISTICS_FIRST_YEAR, STATISTICS_LAST_YEAR } from './statistics.schema.ts';

/**
 * The plan's indicators as the bureau edits them (统计分析 → 指标与目标设置, table
 * statistics_indicators). The formula and the comparison rule are chosen from the kinds Anjian
 * computes (indicator-value.ts, indicator-trajectory.ts), never written as code; a plan runs at most
 * ten years after its base period, and its base period is at most ten years long.
 */
export const INDICATOR_MAX_WINDOW_YEARS = 10;
/** The largest change a plan may ask for, either way: −90 % … +100 %. */
export const INDICATOR_MIN_CHANGE = -0.9;
export const INDICATOR_MAX_CHANGE = 1;

/** A published baseline is at most this (no indicator of a city comes near it; numeric(14, 4) holds it). */
export const INDICATOR_MAX_PUBLISHED_BASELINE = 1_000_000;
export const INDICATOR_BASELINE_NOTE_MAX = 200;

/** True when `value` has no more than `decimals` decimal places (0.1 with 1: yes; 1.005 with 2: no). */
export const hasAtMostDecimals = (value: number, decimals: number) =>
  Number(value.toFixed(decimals)) === value;

export const indicatorKinds = ['binding', 'expected'] as const;

/** Each formula's unit (the web names units through its i18n; no free text reaches a screen). */
export const indicatorFormulaUnits = {
  deaths: '人',
  major_accidents: '起',
  deaths_per_100m_gdp: '人/亿元',
  deaths_per_100k_workers: '人/十万人',
} as const satisfies Record<(typeof indicatorFormulas)[number], string>;
export const indicatorUnits = ['人', '起', '人/亿元', '人/十万人'] as const;

export const indicatorCodeSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,39}$/)
  .describe('The indicator’s stable key: lower-case letters, digits and _');

const year = z
  .number()
  .int()
  .refine(
    (y) => y >= STATISTICS_FIRST_YEAR && y <= STATISTICS_LAST_YEAR,
    codedIssue('statistics.year_out_of_range', { from: STATISTICS_FIRST_YEAR, to: STATISTICS_LAST_YEAR }),
  );

export const indicatorSettingInputSchema = z
  .strictObject({
    nameZh: z.string().trim().min(1).max(60),
    nameEn: z.string().trim().min(1).max(120),
    unit: z.enum(indicatorUnits).describe('The formula’s unit (indicatorFormulaUnits)'),
    kind: z.enum(indicatorKinds).describe('binding = 约束性, expected = 预期性'),
    formula: z.enum(indicatorFormulas).describe('The quantity measured, one of the formulas Anjian computes'),
    comparison: z
      .enum(indicatorComparisons)
      .describe('point = target year vs base year; period_average = plan-period mean vs base-period mean'),
    baselineFrom: year,
    baselineTo: year,
    targetYear: year,
    targetChange: z
      .number()
      .refine(
        (v) => v >= INDICATOR_MIN_CHANGE && v <= INDICATOR_MAX_CHANGE && v !== 0,
        codedIssue('statistics.indicator_change_out_of_range', { min: -90, max: 100 }),
      )
      .describe('Relative change asked for by the plan end: −0.15 = 下降 15 %'),
    decimals: z.number().int().min(0).max(4),
    position: z.number().int().min(0).max(99),
    active: z.boolean(),
    publishedBaseline: z
      .number()
      .refine(
        (v) => Number.isFinite(v) && v >= 0 && v <= INDICATOR_MAX_PUBLISHED_BASELINE,
        codedIssue('statistics.indicator_published_baseline_range', {
          max: INDICATOR_MAX_PUBLISHED_BASELINE,
        }),
      )
      .nullable()
      .default(null)
      .describe(
        'The baseline the plan publishes for the whole city (e.g. a 十三五 figure of 专栏1); null = computed from the imported figures. A PUT without it clears it.',
      ),
    publishedBaselineNote: z
      .string()
      .trim()
      .max(INDICATOR_BASELINE_NOTE_MAX)
      .nullable()
      .default(null)
      .describe(
        'Where the published baseline comes from, e.g. 《玉溪市“十四五”安全生产规划》专栏1; kept only with a figure',
      ),
  })
  .superRefine((input, ctx) => {
    if (input.publishedBaseline !== null) {
      if (!hasAtMostDecimals(input.publishedBaseline, input.decimals))
        ctx.addIssue({
          code: 'custom',
          path: ['publishedBaseline'],
          ...codedIssue('statistics.indicator_published_baseline_decimals', { decimals: input.decimals }),
        });
      if (!input.publishedBaselineNote)
        ctx.addIssue({
          code: 'custom',
          path: ['publishedBaselineNote'],
          ...codedIssue('statistics.indicator_published_baseline_note'),
        });
    }
    const window = input.baselineTo - input.baselineFrom + 1;
    if (window < 1 || window > INDICATOR_MAX_WINDOW_YEARS)
      ctx.addIssue({
        code: 'custom',
        path: ['baselineTo'],
        ...codedIssue('statistics.indicator_baseline_window', { max: INDICATOR_MAX_WINDOW_YEARS }),
      });
    else if (input.comparison === 'point' && window !== 1)
      ctx.addIssue({
        code: 'custom',
        path: ['baselineTo'],
        ...codedIssue('statistics.indicator_point_one_year'),
      });
    if (input.unit !== indicatorFormulaUnits[input.formula])
      ctx.addIssue({
        code: 'custom',
        path: ['unit'],
        ...codedIssue('statistics.indicator_unit_mismatch', { unit: indicatorFormulaUnits[input.formula] }),
      });
    const plan = input.targetYear - input.baselineTo;
    if (plan < 1 || plan > INDICATOR_MAX_WINDOW_YEARS)
      ctx.addIssue({
        code: 'custom',
        path: ['targetYear'],
        ...codedIssue('statistics.indicator_target_year', { max: INDICATOR_MAX_WINDOW_YEARS }),
      });
  });
export type IndicatorSettingInput = z.infer<typeof indicatorSettingInputSchema>;

export const indicatorSettingSchema = z.object({
  id: z.string(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  unit: z.string(),
  kind: z.enum(indicatorKinds),
  formula: z.enum(indicatorFormulas),
  comparison: z.enum(indicatorComparisons),
  baselineFrom: z.number().int(),
  baselineTo: z.number().int(),
  targetYear: z.number().int(),
  targetChange: z.number(),
  decimals: z.number().int(),
  position: z.number().int(),
  active: z.boolean(),
  publishedBaseline: z.number().nullable(),
  publishedBaselineNote: z.string().nullable(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable().describe('Display name of who changed it last; null = as seeded'),
});
export type IndicatorSetting = z.infer<typeof indicatorSettingSchema>;
