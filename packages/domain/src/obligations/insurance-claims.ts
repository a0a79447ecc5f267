/**
 * 安责险 claims (理赔) and the insurers' accident-prevention services (事故预防服务), 应急〔2025〕27号.
 * A claim walks 报案 → 受理 → 已赔付 or 拒赔; each step is dated and never before the previous one.
 */
import type { Term } from './obligation-terms.ts';

export const claimStatuses = ['reported', 'accepted', 'paid', 'rejected'] as const;
export type ClaimStatus = (typeof claimStatuses)[number];
export const claimStatusNames: Record<ClaimStatus, Term> = {
  reported: { zh: '报案', en: 'Reported' },
  accepted: { zh: '受理', en: 'Accepted' },
  paid: { zh: '已赔付', en: 'Paid' },
  rejected: { zh: '拒赔', en: 'Rejected' },
};

/** The steps a claim can take next from each status (拒赔 may come before or after 受理). */
const NEXT: Record<ClaimStatus, readonly ClaimStatus[]> = {
  reported: ['accepted', 'rejected'],
  accepted: ['paid', 'rejected'],
  paid: [],
  rejected: [],
};

export const claimNextSteps = (status: ClaimStatus): readonly ClaimStatus[] => NEXT[status];

export type ClaimStepError =
  | 'obligations.claim_step_not_allowed'
  | 'obligations.claim_step_before_previous'
  | 'obligations.claim_paid_amount_required'
  | 'obligations.claim_reason_required';

/** Checks one step of a claim; null when it may be taken. */
export function checkClaimStep(
  claim: { status: ClaimStatus; lastStepOn: string },
  step: { step: ClaimStatus; on: string; paidYuan?: number | undefined; reason?: string | undefined },
): ClaimStepError | null {
  if (!NEXT[claim.status].includes(step.step)) return 'obligations.claim_step_not_allowed';
  if (step.on < claim.lastStepOn) return 'obligations.claim_step_before_previous';
  if (step.step === 'paid' && step.paidYuan === undefined) return 'obligations.claim_paid_amount_required';
  if (step.step === 'rejected' && !step.reason) return 'obligations.claim_reason_required';
  return null;
}

/** Whether a policy covers a day (both ends included). */
export const policyInForceOn = (policy: { startsOn: string; endsOn: string }, day: string) =>
  policy.startsOn <= day && day <= policy.endsOn;

/** 事故预防服务 kinds; hazard investigation first, as 应急厅函〔2024〕322号 makes it the priority. */
export const preventionServiceKinds = [
  'hazard_investigation',
  'training',
  'drill_guidance',
  'risk_assessment',
  'other',
] as const;
export type PreventionServiceKind = (typeof preventionServiceKinds)[number];
export const preventionServiceKindNames: Record<PreventionServiceKind, Term> = {
  hazard_investigation: { zh: '隐患排查', en: 'Hazard investigation' },
  training: { zh: '安全培训', en: 'Safety training' },
  drill_guidance: { zh: '应急演练指导', en: 'Drill guidance' },
  risk_assessment: { zh: '风险评估', en: 'Risk assessment' },
  other: { zh: '其他', en: 'Other' },
};
