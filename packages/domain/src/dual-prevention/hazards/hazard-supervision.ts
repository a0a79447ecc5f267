import { z } from 'zod';
import { HiddenHazardError } from './hidden-hazard.errors.ts';
import type {
  HiddenHazardContext,
  HiddenHazardState,
  HiddenHazardSupervision,
  HiddenHazardTimelineEntry,
  HiddenHazardTransition,
} from './hidden-hazard-state.ts';
import { type HiddenHazardSupervisionStep, openHiddenHazardStatuses } from './hidden-hazard-terms.ts';

/*
 * After a 重大 hazard is listed (挂牌督办, the `list_supervision` action), the listing department
 * reviews it (督办检查, as often as it likes while the hazard is open) and, once the rectification
 * has been accepted on site, closes the listing (核销 / 摘牌) — standards.md §4.6 government side,
 * steps 1 and 5 (V2 provincially). Only the listing department does either.
 */

const opinionSchema = z.string().trim().min(2).max(2000);

/** Body of `POST /api/v1/hazards/:id/supervision/review`. */
export const hazardSupervisionReviewSchema = z
  .object({
    opinion: opinionSchema.describe('What the review found (督办检查意见)'),
    onSite: z.boolean().default(false).describe('Reviewed on site (现场核查)'),
  })
  .strict()
  .describe('督办检查 by the listing department');

/** Body of `POST /api/v1/hazards/:id/supervision/close`. */
export const hazardSupervisionCloseSchema = z
  .object({
    opinion: opinionSchema.describe('核销意见'),
    documentNo: z.string().trim().max(64).optional().describe('核销文号'),
  })
  .strict()
  .describe('核销 (摘牌) of a listing once the hazard is accepted');

export type HazardSupervisionReviewInput = z.infer<typeof hazardSupervisionReviewSchema>;
export type HazardSupervisionCloseInput = z.infer<typeof hazardSupervisionCloseSchema>;

function activeSupervision(state: HiddenHazardState, context: HiddenHazardContext): HiddenHazardSupervision {
  const supervision = state.supervision;
  if (!supervision || supervision.closedAt) throw new HiddenHazardError('hazard.not_listed', {});
  if (context.actor.kind !== supervision.level) {
    throw new HiddenHazardError('hazard.wrong_supervisor', {
      actor: context.actor.kind,
      listedBy: supervision.level,
    });
  }
  return supervision;
}

function stepped(
  state: HiddenHazardState,
  supervision: HiddenHazardSupervision,
  action: HiddenHazardSupervisionStep,
  context: HiddenHazardContext,
  note: string,
): HiddenHazardTransition {
  const entry: HiddenHazardTimelineEntry = {
    at: context.now,
    actorKind: context.actor.kind,
    actorId: context.actor.id,
    action,
    from: state.status,
    to: state.status,
    note,
  };
  return { ok: true, state: { ...state, supervision, timeline: [...state.timeline, entry] }, entry };
}

function attempt(work: () => HiddenHazardTransition): HiddenHazardTransition {
  try {
    return work();
  } catch (error) {
    if (error instanceof HiddenHazardError) return { ok: false, error };
    throw error;
  }
}

/** 督办检查: appends the review to the listing while the hazard is open. */
export function reviewSupervision(
  state: HiddenHazardState,
  input: HazardSupervisionReviewInput,
  context: HiddenHazardContext,
): HiddenHazardTransition {
  return attempt(() => {
    const supervision = activeSupervision(state, context);
    if (!openHiddenHazardStatuses.includes(state.status)) {
      throw new HiddenHazardError('hazard.illegal_transition', {
        status: state.status,
        action: 'review_supervision',
      });
    }
    const review = { at: context.now, by: context.actor.id, opinion: input.opinion, onSite: input.onSite };
    const reviews = [...(supervision.reviews ?? []), review];
    return stepped(state, { ...supervision, reviews }, 'review_supervision', context, input.opinion);
  });
}

/** 核销: closes the listing of an accepted (closed) hazard; its escalation ladder stops. */
export function closeSupervision(
  state: HiddenHazardState,
  input: HazardSupervisionCloseInput,
  context: HiddenHazardContext,
): HiddenHazardTransition {
  return attempt(() => {
    const supervision = activeSupervision(state, context);
    if (state.status !== 'closed') {
      throw new HiddenHazardError('hazard.illegal_transition', {
        status: state.status,
        action: 'close_supervision',
        reason: 'not_accepted',
      });
    }
    const closed = {
      ...supervision,
      closedAt: context.now,
      closedBy: context.actor.id,
      closingOpinion: input.opinion,
      ...(input.documentNo ? { closingDocumentNo: input.documentNo } : {}),
    };
    return stepped(state, closed, 'close_supervision', context, input.documentNo ?? input.opinion);
  });
}
