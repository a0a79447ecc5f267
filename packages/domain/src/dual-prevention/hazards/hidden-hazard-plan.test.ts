import { describe, expect, it } from 'vitest';
import type { HiddenHazardPlanInput } from './hidden-hazard.schema.ts';
import {
  enterprise,
  fullPlan,
  generalPlan,
  generalReported,
  majorReported,
  reportedAt,
} from './hidden-hazard.test-fixtures.ts';
import { missingHiddenHazardPlanElements } from './hidden-hazard-plan.ts';
import { type HiddenHazardPlanElement, hiddenHazardPlanElements } from './hidden-hazard-terms.ts';
import { transitionHazard } from './hidden-hazard-workflow.ts';

const submit = (plan: HiddenHazardPlanInput, state = majorReported, rules = {}) =>
  transitionHazard(state, { action: 'submit_plan', plan }, { now: reportedAt, actor: enterprise, rules });

function without(
  plan: HiddenHazardPlanInput,
  fields: readonly (keyof HiddenHazardPlanInput)[],
): HiddenHazardPlanInput {
  const copy: Partial<HiddenHazardPlanInput> = { ...plan };
  for (const field of fields) delete copy[field];
  return copy as HiddenHazardPlanInput;
}

describe('重大 treatment plan: 五落实 (责任、措施、资金、时限、预案) and objectives (16号令)', () => {
  it('accepts a plan with every element and starts the rectification with its deadline', () => {
    const result = submit(fullPlan);
    if (!result.ok) throw result.error;
    expect(result.state.status).toBe('rectifying');
    expect(result.state.deadline).toBe('2025-04-30');
    expect(result.state.plan).toEqual({ ...fullPlan, submittedAt: reportedAt });
  });

  it.each<[HiddenHazardPlanElement, (keyof HiddenHazardPlanInput)[]]>([
    ['responsibility', ['responsibleOrganisation']],
    ['measures', ['measures']],
    ['funds', ['funds']],
    ['contingency', ['contingencyPlan']],
    ['objectives', ['objectives']],
  ])('refuses a 重大 plan without %s', (element, fields) => {
    const result = submit(without(fullPlan, fields));
    if (result.ok) throw new Error('expected a refusal');
    expect(result.error.code).toBe('hazard.plan_incomplete');
    expect(result.error.details).toEqual({ missing: [element] });
    expect(result.error.fields?.map((field) => field.path)).toEqual(fields.map((field) => `plan.${field}`));
  });

  it('lists every missing element of a bare plan, in order', () => {
    const result = submit(generalPlan);
    if (result.ok) throw new Error('expected a refusal');
    expect(result.error.details).toEqual({
      missing: ['responsibility', 'measures', 'funds', 'contingency', 'objectives'],
    });
  });

  it('treats blank texts as missing', () => {
    expect(
      missingHiddenHazardPlanElements({ ...fullPlan, measures: '  ' }, hiddenHazardPlanElements).elements,
    ).toEqual(['measures']);
  });

  it('asks only for the elements the bureau requires', () => {
    const fiveOnly = hiddenHazardPlanElements.filter((element) => element !== 'objectives');
    expect(submit(without(fullPlan, ['objectives']), majorReported, { majorPlanElements: fiveOnly }).ok).toBe(
      true,
    );
  });

  it('asks a 一般 plan only for the responsible person and the deadline', () => {
    expect(submit(generalPlan, generalReported).ok).toBe(true);
  });

  it.each<[string, string, Record<string, unknown>]>([
    ['yesterday', '2025-02-28', { field: 'plan.deadline', deadline: '2025-02-28', reason: 'past' }],
    ['a date that does not exist', '2025-02-30', { deadline: '2025-02-30', reason: 'not_a_date' }],
  ])('refuses a deadline of %s', (_, deadline, details) => {
    const result = submit({ ...fullPlan, deadline });
    if (result.ok) throw new Error('expected a refusal');
    expect([result.error.code, result.error.details]).toEqual(['hazard.invalid_deadline', details]);
  });

  it('accepts today as the deadline: the day is not over yet', () => {
    expect(submit({ ...generalPlan, deadline: '2025-03-01' }, generalReported).ok).toBe(true);
  });
});
