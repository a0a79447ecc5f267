import type { PlanFigure } from './plan-figures.ts';

/**
 * Progress a task tied to a figure Anjian measures (the cockpit's plan targets, plan-targets.ts)
 * is suggested, for the unit to confirm when it reports — never stored by itself:
 *
 * - 监测点在线率: the rate itself (a task to bring monitoring online is as far along as the points
 *   online), rounded down so 99.6 % never reads as done;
 * - 应急演练次数: the drills held against the year's number, capped at 100;
 * - 重大事故隐患动态清零: 100 when none is open; with hazards open there is no share to suggest
 *   (the figures hold open ones, not those found), so the unit judges and the figure stands beside;
 * - 隐患整改率: the rate, rounded down like the online rate;
 * - inspections, enterprises with cameras and 专栏1 indicators have no share of a target to suggest:
 *   the figure stands beside the report, with its source and period, for the unit to judge.
 *
 * null when nothing is measured yet.
 */
export function suggestedProgress(target: PlanFigure): number | null {
  if (target.value === null) return null;
  if (target.code === 'monitoring_online_rate' || target.code === 'hazard_rectification_rate')
    return Math.max(0, Math.min(100, Math.floor(target.value)));
  if (target.code === 'drills_held')
    return target.target ? Math.min(100, Math.floor((target.value * 100) / target.target)) : null;
  if (target.code === 'major_hazards_cleared') return target.value === 0 ? 100 : null;
  return null;
}
