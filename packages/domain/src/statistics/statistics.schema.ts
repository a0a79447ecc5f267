import { z } from 'zod';
import type { IndicatorSummary } from './indicator-status.ts';
import { codedIssue } from '../errors/coded-issue.ts';
import { countyCodeSchema, industryCodeSchema } from '../registry/enterprise.schema.ts';
import { accidentSectors } from './accident-sectors.ts';

/** History starts with 十三五 (2016), the base period of the 十四五 plan. */
export const STATISTICS_FIRST_YEAR = 2016;
export const STATISTICS_LAST_YEAR = 2100;

export const statisticsYearSchema = z.coerce
  .number()
  .int()
  .refine(
    (year) => year >= STATISTICS_FIRST_YEAR && year <= STATISTICS_LAST_YEAR,
    codedIssue('statistics.year_out_of_range', { from: STATISTICS_FIRST_YEAR, to: STATISTICS_LAST_YEAR }),
  )
  .describe('Calendar year (China time), 2016 onwards');

export const statisticsScopeQuerySchema = z
  .object({
    year: statisticsYearSchema,
    divisionCode: countyCodeSchema.optional().describe('A county of Yuxi; absent = the whole city'),
  })
  .strict();

export const monthlyReportQuerySchema = statisticsScopeQuerySchema
  .extend({ month: z.coerce.number().int().min(1).max(12).describe('Reporting month 1–12 (累计 = 1–N月)') })
  .strict();

export const drillQuerySchema = monthlyReportQuerySchema
  .extend({
    month: z.coerce.number().int().min(1).max(12).optional(),
    enterpriseId: z.uuid().optional(),
  })
  .strict();

/** The statistical classification a reviewer gives an incident (who reviewed it is the caller). */
export const incidentStatisticsSchema = z
  .object({
    sector: z.enum(accidentSectors).describe('行业领域 for the statistics (工矿商贸 or another sector)'),
    industryCode: industryCodeSchema.optional().describe("GB/T 4754 class; default the enterprise's"),
    township: z.string().trim().max(64).optional().describe('乡镇（街道）'),
    countsAsProduction: z.boolean().describe('Counts as a 生产安全事故 (a reviewer’s decision)'),
    reason: z
      .string()
      .trim()
      .max(500)
      .refine((reason) => reason.length >= 2, codedIssue('statistics.reason_required'))
      .describe('Why it counts or not (e.g. 自然灾害 核销, 刑事案件)'),
  })
  .strict();

const countFigures = z.object({
  accidents: z.number().int(),
  deaths: z.number().int().describe('死亡（含下落不明）'),
  seriousInjuries: z.number().int(),
  lossWan: z.number().describe('直接经济损失, 万元'),
});

const yoy = z.object({
  previous: z.number(),
  change: z.number(),
  ratePercent: z.number().nullable().describe('null: zero base (净增加)'),
  kind: z.enum(['up', 'down', 'flat', 'net_increase']),
});

export const reportRowSchema = z.object({
  key: z.string().describe('"total", "larger_plus", a sector code or a county code'),
  labelZh: z.string(),
  labelEn: z.string(),
  month: countFigures,
  cumulative: countFigures,
  monthYoy: z.object({ accidents: yoy, deaths: yoy, seriousInjuries: yoy, lossWan: yoy }),
  cumulativeYoy: z.object({ accidents: yoy, deaths: yoy, seriousInjuries: yoy, lossWan: yoy }),
});

export const monthlyReportSchema = z.object({
  year: z.number().int(),
  month: z.number().int(),
  divisionCode: z.string().nullable(),
  includesDemo: z.boolean(),
  bySector: z.array(reportRowSchema),
  byCounty: z.array(reportRowSchema),
  byType: z.array(reportRowSchema),
  byClass: z.array(reportRowSchema),
  largerAccidents: z.array(
    z.object({
      id: z.string(),
      occurredAt: z.string(),
      county: z.string(),
      location: z.string(),
      deaths: z.number(),
    }),
  ),
});

export const indicatorStatusSchema = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  unit: z.string(),
  kind: z.enum(['binding', 'expected']),
  decimals: z.number().int().describe('The indicator’s decimals: every value is rounded to them'),
  baselineValue: z.number().nullable(),
  baselineSource: z
    .enum(['published', 'computed'])
    .describe(
      'published = the plan’s own figure (whole city only); computed = from the base period’s figures',
    ),
  baselineNote: z.string().nullable().describe('Where the published figure comes from; null when computed'),
  baselineFrom: z.number().int(),
  baselineTo: z.number().int(),
  targetValue: z.number().nullable(),
  milestone: z.number().nullable(),
  actual: z.number().nullable(),
  projected: z.number().nullable(),
  projectedLow: z.number().nullable(),
  projectedHigh: z.number().nullable(),
  status: z.enum(['on_track', 'at_risk', 'off_track', 'no_data']),
  reasonZh: z.string(),
  reasonEn: z.string(),
  trajectory: z.array(
    z.object({ year: z.number().int(), milestone: z.number().nullable(), actual: z.number().nullable() }),
  ),
});

export const indicatorSummarySchema = z.object({
  year: z.number().int(),
  divisionCode: z.string().nullable(),
  includesDemo: z.boolean(),
  indicators: z.array(indicatorStatusSchema),
}) satisfies z.ZodType<IndicatorSummary>;

export const controlNumbersSchema = z.object({
  year: z.number().int(),
  items: z.array(
    z.object({
      county: z.string(),
      countyZh: z.string(),
      countyEn: z.string(),
      used: z.number().int(),
      limit: z.number().int(),
      remaining: z.number().int(),
      percent: z.number().nullable(),
      level: z.enum(['normal', 'warning', 'reached']),
    }),
  ),
});

export const statisticsImportKinds = ['accidents', 'denominators', 'control-numbers'] as const;
export type StatisticsImportKind = (typeof statisticsImportKinds)[number];

export const statisticsImportReportSchema = z.object({
  committed: z.boolean(),
  totalRows: z.number().int(),
  imported: z.number().int(),
  invalidRows: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), column: z.string(), message: z.string() })),
});

export type IncidentStatistics = z.infer<typeof incidentStatisticsSchema>;
export type MonthlyReport = z.infer<typeof monthlyReportSchema>;
export type ReportRow = z.infer<typeof reportRowSchema>;
export type StatisticsImportReport = z.infer<typeof statisticsImportReportSchema>;
