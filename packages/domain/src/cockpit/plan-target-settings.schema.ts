import { z } from 'zod';
import { planTargetCodes, type PlanTargetCode } from './plan-targets.ts';

/**
 * The plan's other targets as the bureau edits them (table cockpit_plan_targets): names, unit, the
 * target and the at-risk threshold, order and whether the cockpit shows it. What the numbers mean
 * depends on the target (plan-targets.ts), so each is checked by its own rule:
 * - monitoring_online_rate: target and at-risk are percentages, at-risk ≤ target;
 * - major_hazards_cleared: target = the open major hidden hazards allowed (a whole number);
 * - drills_held: target = the city's drills a year (a whole number ≥ 1), at-risk = the % of the
 *   drills due below which it is off track.
 */
export const planTargetCodeSchema = z.enum(planTargetCodes);

export const planTargetSettingInputSchema = z.strictObject({
  nameZh: z.string().trim().min(1).max(60),
  nameEn: z.string().trim().min(1).max(120),
  unit: z.string().trim().min(1).max(20),
  target: z.number().min(0).max(100_000),
  atRisk: z.number().min(0).max(100_000),
  position: z.number().int().min(0).max(99),
  active: z.boolean(),
});
export type PlanTargetSettingInput = z.infer<typeof planTargetSettingInputSchema>;

export type PlanTargetProblem =
  | 'statistics.plan_target_percent'
  | 'statistics.plan_target_at_risk_above_target'
  | 'statistics.plan_target_whole';

/** The rule a target's values break, if any (checked after the schema, since it depends on the code). */
export function planTargetInputProblem(
  code: PlanTargetCode,
  input: PlanTargetSettingInput,
): PlanTargetProblem | null {
  const whole = (v: number) => Number.isInteger(v);
  if (code === 'monitoring_online_rate') {
    if (input.target > 100 || input.atRisk > 100) return 'statistics.plan_target_percent';
    return input.atRisk > input.target ? 'statistics.plan_target_at_risk_above_target' : null;
  }
  if (code === 'major_hazards_cleared') return whole(input.target) ? null : 'statistics.plan_target_whole';
  if (!whole(input.target) || input.target < 1) return 'statistics.plan_target_whole';
  return input.atRisk > 100 ? 'statistics.plan_target_percent' : null;
}

export const planTargetSettingSchema = z.object({
  id: z.string(),
  code: planTargetCodeSchema,
  nameZh: z.string(),
  nameEn: z.string(),
  sourceZh: z.string().describe('The module the figure comes from'),
  sourceEn: z.string(),
  unit: z.string(),
  target: z.number(),
  atRisk: z.number(),
  position: z.number().int(),
  active: z.boolean(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type PlanTargetSetting = z.infer<typeof planTargetSettingSchema>;
