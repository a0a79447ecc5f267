import type { HiddenHazardReportInput } from './hidden-hazard.schema.ts';
import { HiddenHazardError } from './hidden-hazard.errors.ts';
import { classifyHiddenHazard } from './hidden-hazard-classification.ts';
import { isHiddenHazardDeadlinePast } from './hidden-hazard-deadline.ts';
import {
  defaultHiddenHazardWorkflowRules,
  type HiddenHazardContext,
  type HiddenHazardState,
  type HiddenHazardTimelineEntry,
  type HiddenHazardTransition,
} from './hidden-hazard-state.ts';

/**
 * Registers a hazard (登记): anyone may report one (16号令, standards.md §4.6). The level comes from
 * the ticked statutory criteria or a reasoned judgement; the first timeline entry has `from: null`.
 */
export function reportHazard(
  input: Pick<HiddenHazardReportInput, 'source' | 'tickedCriteria' | 'majorJudgement' | 'deadline'>,
  context: HiddenHazardContext,
): HiddenHazardTransition {
  const rules = { ...defaultHiddenHazardWorkflowRules, ...context.rules };
  try {
    const classification = classifyHiddenHazard(input, rules.criteriaLists);
    if (input.deadline !== undefined && isHiddenHazardDeadlinePast(input.deadline, context.now)) {
      throw new HiddenHazardError('hazard.invalid_deadline', {
        field: 'deadline',
        deadline: input.deadline,
        reason: 'past',
      });
    }
    const entry: HiddenHazardTimelineEntry = {
      at: context.now,
      actorKind: context.actor.kind,
      actorId: context.actor.id,
      action: 'report',
      from: null,
      to: 'reported',
    };
    const state: HiddenHazardState = {
      status: 'reported',
      ...classification,
      source: input.source,
      reportedAt: context.now,
      ...(input.deadline !== undefined ? { deadline: input.deadline } : {}),
      extensions: [],
      rejectionCount: 0,
      timeline: [entry],
    };
    return { ok: true, state, entry };
  } catch (error) {
    if (error instanceof HiddenHazardError) return { ok: false, error };
    throw error;
  }
}
