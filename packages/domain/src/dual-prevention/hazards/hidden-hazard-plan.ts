import type { FieldProblem } from '../../errors/domain-error.ts';
import type { HiddenHazardPlanInput } from './hidden-hazard.schema.ts';
import { type HiddenHazardPlanElement, hiddenHazardPlanElements } from './hidden-hazard-terms.ts';

const filled = (text: string | undefined): boolean => text !== undefined && text.trim().length > 0;

/** The plan fields that carry each element. */
const elementFields: Readonly<Record<HiddenHazardPlanElement, readonly (keyof HiddenHazardPlanInput)[]>> = {
  responsibility: ['responsibleOrganisation', 'responsiblePerson'],
  measures: ['measures'],
  funds: ['funds'],
  deadline: ['deadline'],
  contingency: ['contingencyPlan'],
  objectives: ['objectives'],
};

function fieldFilled(plan: HiddenHazardPlanInput, field: keyof HiddenHazardPlanInput): boolean {
  const value = plan[field];
  if (field === 'funds') return plan.funds !== undefined && filled(plan.funds.amountYuan);
  return typeof value === 'string' && filled(value);
}

/**
 * The required elements a plan leaves empty, in the order of {@link hiddenHazardPlanElements},
 * with one field problem per empty field (path `plan.<field>`).
 */
export function missingHiddenHazardPlanElements(
  plan: HiddenHazardPlanInput,
  required: readonly HiddenHazardPlanElement[],
): { readonly elements: readonly HiddenHazardPlanElement[]; readonly fields: readonly FieldProblem[] } {
  const elements: HiddenHazardPlanElement[] = [];
  const fields: FieldProblem[] = [];
  for (const element of hiddenHazardPlanElements.filter((candidate) => required.includes(candidate))) {
    const empty = elementFields[element].filter((field) => !fieldFilled(plan, field));
    if (empty.length === 0) continue;
    elements.push(element);
    for (const field of empty) {
      fields.push({
        path: `plan.${field}`,
        code: 'hazard.plan_incomplete',
        message: `${element} is required`,
      });
    }
  }
  return { elements, fields };
}
