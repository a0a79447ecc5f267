import { z } from 'zod';
import { planTargetCodes, planTargetSchema, type PlanTarget } from '../cockpit/plan-targets.ts';
import type { IndicatorStatus } from '../statistics/indicator-status.ts';

/**
 * Figures Anjian holds that a plan task can be tied to (issue 14, "no one types a number the system
 * knows"), each read through the owning module's port and shown with its source and period:
 *
 * - the cockpit's plan targets (monitoring online, major hazards open, drills held);
 * - 隐患整改率 (dual prevention): hidden hazards closed of those found in the period (dismissed ones
 *   were no hazard and do not count), the seed's 三（二）"隐患排查治理" closed loop;
 * - 执法检查次数 (enforcement): inspections completed in the period;
 * - 视频监控接入企业 (video): enterprises whose cameras reach the bureau's platform — 专栏16 asks
 *   "督促全市工贸行业企业建立完善视频监控系统，并将实时监控画面和数据接入市应急管理局应急指挥平台";
 * - 专栏1 indicators (statistics): `indicator:<code>`, the indicator's year-to-date actual.
 */
export const planOwnFigureCodes = [
  'hazard_rectification_rate',
  'inspections_done',
  'video_sites_equipped',
] as const;
export const planFigureCodes = [...planTargetCodes, ...planOwnFigureCodes] as const;
export type PlanFigureCode = (typeof planFigureCodes)[number];

const INDICATOR_PREFIX = 'indicator:';
export const planFigureCodeSchema = z
  .union([z.enum(planFigureCodes), z.string().regex(/^indicator:[a-z0-9_]{1,60}$/)])
  .describe('A figure Anjian measures, or indicator:<code> for a statistics indicator (专栏1)');

/** The statistics indicator code of a figure tied to one, else null. */
export function indicatorCodeOf(figureCode: string): string | null {
  return figureCode.startsWith(INDICATOR_PREFIX) ? figureCode.slice(INDICATOR_PREFIX.length) : null;
}

export const planFigureSchema = planTargetSchema.extend({
  code: z.string(),
  target: z.number().nullable().describe('null: the figure has no target of its own'),
  periodZh: z.string().describe('The period or date the figure covers'),
  periodEn: z.string(),
});
export type PlanFigure = z.infer<typeof planFigureSchema>;

/** The period a figure covers: from the year's first day, or as of today. */
export const yearToDate = (today: string) => ({
  periodZh: `${today.slice(0, 4)}-01-01 至 ${today}`,
  periodEn: `${today.slice(0, 4)}-01-01 to ${today}`,
});
export const asOf = (today: string) => ({ periodZh: `截至 ${today}`, periodEn: `as of ${today}` });

/** A cockpit target with its period: drills count the year, the other two stand as of today. */
export function targetFigure(target: PlanTarget, today: string): PlanFigure {
  return { ...target, ...(target.code === 'drills_held' ? yearToDate(today) : asOf(today)) };
}

export function hazardRectificationFigure(
  counts: { found: number; closed: number },
  today: string,
): PlanFigure {
  const base = {
    code: 'hazard_rectification_rate',
    nameZh: '隐患整改率',
    nameEn: 'Hidden hazards rectified',
    sourceZh: '隐患排查治理',
    sourceEn: 'Hidden hazards',
    unit: '%',
    target: 100,
    ...yearToDate(today),
  };
  if (counts.found === 0)
    return {
      ...base,
      value: null,
      status: 'no_data',
      reasonZh: '本期未发现隐患',
      reasonEn: 'No hazards found in the period',
    };
  const value = Math.floor((counts.closed * 1000) / counts.found) / 10;
  return {
    ...base,
    value,
    status: counts.closed === counts.found ? 'on_track' : 'at_risk',
    reasonZh: `本期发现隐患 ${counts.found} 项，已整改销号 ${counts.closed} 项（${value.toFixed(1)}%）`,
    reasonEn: `${counts.found} hazards found in the period, ${counts.closed} closed (${value.toFixed(1)} %)`,
  };
}

export function inspectionsFigure(done: number, today: string): PlanFigure {
  return {
    code: 'inspections_done',
    nameZh: '执法检查次数',
    nameEn: 'Inspections done',
    sourceZh: '监管执法',
    sourceEn: 'Enforcement',
    unit: '次',
    target: null,
    value: done,
    status: 'no_data',
    reasonZh: `本期完成执法检查 ${done} 次`,
    reasonEn: `${done} inspections completed in the period`,
    ...yearToDate(today),
  };
}

export function videoSitesFigure(
  counts: { enterprises: number; cameras: number },
  today: string,
): PlanFigure {
  return {
    code: 'video_sites_equipped',
    nameZh: '视频监控接入企业数',
    nameEn: 'Enterprises with cameras on the platform',
    sourceZh: '视频监控',
    sourceEn: 'Video',
    unit: '家',
    target: null,
    value: counts.enterprises,
    status: 'no_data',
    reasonZh: `${counts.enterprises} 家企业的 ${counts.cameras} 路视频已接入平台`,
    reasonEn: `${counts.cameras} cameras of ${counts.enterprises} enterprises on the platform`,
    ...asOf(today),
  };
}

export function indicatorFigure(indicator: IndicatorStatus, today: string): PlanFigure {
  return {
    code: `${INDICATOR_PREFIX}${indicator.code}`,
    nameZh: indicator.nameZh,
    nameEn: indicator.nameEn,
    sourceZh: '统计分析',
    sourceEn: 'Statistics',
    unit: indicator.unit,
    target: indicator.milestone,
    value: indicator.actual,
    status: indicator.status,
    reasonZh: indicator.reasonZh,
    reasonEn: indicator.reasonEn,
    ...yearToDate(today),
  };
}
