import type { PlanTarget } from '../cockpit/plan-targets.ts';

/**
 * Progress a task tied to a figure Anjian measures (the cockpit's plan targets, plan-targets.ts)
 * is suggested, for the unit to confirm when it reports — never stored by itself:
 *
 * - 监测点在线率: the rate itself (a task to bring monitoring online is as far along as the points
 *   online), rounded down so 99.6 % never reads as done;
 * - 应急演练次数: the drills held against the year's number, capped at 100;
 * - 重大事故隐患动态清零: 100 when none is open; with hazards open there is no share to suggest
 *   (the figures hold open ones, not those found), so the unit judges and the figure stands beside.
 *
 * null when nothing is measured yet.
 */
export function suggestedProgress(target: PlanTarget): number | null {
  if (target.value === null) return null;
  if (target.code === 'monitoring_online_rate') return Math.max(0, Math.min(100, Math.floor(target.value)));
  if (target.code === 'drills_held')
    return target.target > 0 ? Math.min(100, Math.floor((target.value * 100) / target.target)) : null;
  return target.value === 0 ? 100 : null;
}
