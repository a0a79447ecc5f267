import type { HiddenHazardPlanInput } from '@anjian/domain';

/** The plan form's fields, all text as the inputs hold them. */
export interface PlanDraft {
  responsiblePerson: string;
  responsibleOrganisation: string;
  measures: string;
  fundsAmount: string;
  fundsSource: string;
  deadline: string;
  contingencyPlan: string;
  objectives: string;
  productionSuspension: '' | 'none' | 'partial' | 'full';
}

export const emptyPlanDraft = (): PlanDraft => ({
  responsiblePerson: '',
  responsibleOrganisation: '',
  measures: '',
  fundsAmount: '',
  fundsSource: '',
  deadline: '',
  contingencyPlan: '',
  objectives: '',
  productionSuspension: '',
});

/**
 * The plan as the API takes it: empty optional fields left out (the server then names the missing
 * parts of a 重大 plan), the amount with thousands separators and 元 removed.
 */
export function planFromDraft(draft: PlanDraft): HiddenHazardPlanInput {
  const text = (value: string) => value.trim() || undefined;
  const amount = draft.fundsAmount.replace(/[,，\s元]/g, '');
  const plan: HiddenHazardPlanInput = {
    responsiblePerson: draft.responsiblePerson.trim(),
    deadline: draft.deadline,
  };
  const organisation = text(draft.responsibleOrganisation);
  if (organisation) plan.responsibleOrganisation = organisation;
  const measures = text(draft.measures);
  if (measures) plan.measures = measures;
  if (amount)
    plan.funds = {
      amountYuan: amount,
      ...(text(draft.fundsSource) ? { source: draft.fundsSource.trim() } : {}),
    };
  const contingency = text(draft.contingencyPlan);
  if (contingency) plan.contingencyPlan = contingency;
  const objectives = text(draft.objectives);
  if (objectives) plan.objectives = objectives;
  if (draft.productionSuspension) plan.productionSuspension = draft.productionSuspension;
  return plan;
}
