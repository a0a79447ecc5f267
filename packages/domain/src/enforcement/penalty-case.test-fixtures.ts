import { chinaHolidayCalendar } from './holiday-calendar.ts';
import type { PenaltyCaseAction } from './penalty-case.schema.ts';
import { filePenaltyCase, transitionPenaltyCase } from './penalty-case.ts';
import type { PenaltyCaseActor, PenaltyCaseState } from './penalty-case-state.ts';
import type { PenaltyPartyKind } from './penalty-case-terms.ts';

/* Shared by the penalty-case tests: actors, an injected clock and cases in each status. */

export const calendar = chinaHolidayCalendar;
export const handler: PenaltyCaseActor = { role: 'handler', id: 'officer-1' };
export const head: PenaltyCaseActor = { role: 'head', id: 'head-1' };
export const reviewer: PenaltyCaseActor = { role: 'legal_reviewer', id: 'legal-1' };
export const party: PenaltyCaseActor = { role: 'party', id: 'enterprise-user-1' };
export const actors = { handler, head, legal_reviewer: reviewer, party } as const;

/** An instant in China Standard Time: at('2026-03-16') is 10:00 that day. */
export const at = (date: string, time = '10:00'): Date => new Date(`${date}T${time}:00+08:00`);

export function step(
  state: PenaltyCaseState,
  action: PenaltyCaseAction,
  actor: PenaltyCaseActor,
  now: Date,
): PenaltyCaseState {
  const result = transitionPenaltyCase(state, action, { now, actor, calendar });
  if (!result.ok)
    throw new Error(`${action.action} failed: ${result.error.code} ${JSON.stringify(result.error.details)}`);
  return result.state;
}

export function filed(
  partyKind: PenaltyPartyKind = 'organisation',
  requiresLegalReview = false,
): PenaltyCaseState {
  const result = filePenaltyCase(
    { partyKind, requiresLegalReview, summary: '未按规定对从业人员进行安全生产教育和培训' },
    {
      now: at('2026-03-02'),
      actor: head,
      calendar,
    },
  );
  if (!result.ok) throw result.error;
  return result.state;
}

export const investigating = (state = filed()) =>
  step(
    state,
    { action: 'start_investigation', investigatorIds: ['officer-1', 'officer-2'] },
    handler,
    at('2026-03-03'),
  );

/** Fine of 3万元 for an organisation: below the 5万元 hearing threshold. */
export const smallFine = { kinds: ['fine'], fineYuan: '30000' } as const;
/** Fine of 8万元 and suspension: carries a hearing right. */
export const largeFine = { kinds: ['fine', 'production_suspension'], fineYuan: '80000' } as const;

export const notified = (
  proposal: typeof smallFine | typeof largeFine = smallFine,
  state = investigating(),
) =>
  step(
    state,
    {
      action: 'issue_notice',
      proposal: { ...proposal, kinds: [...proposal.kinds] },
      servedOn: '2026-03-16',
      documentNo: '玉应急罚告〔2026〕3号',
    },
    handler,
    at('2026-03-16'),
  );

export const hearingRequested = () =>
  step(notified(largeFine), { action: 'request_hearing' }, party, at('2026-03-18'));

export const hearingScheduled = () =>
  step(
    hearingRequested(),
    { action: 'schedule_hearing', date: '2026-03-30', notifiedOn: '2026-03-19', presiderId: 'officer-9' },
    handler,
    at('2026-03-19'),
  );

export const heard = () =>
  step(
    hearingScheduled(),
    { action: 'conclude_hearing', outcome: 'held' },
    handler,
    at('2026-03-30', '16:00'),
  );

export const reviewedAfterHearing = () =>
  step(
    heard(),
    { action: 'complete_legal_review', passed: true, opinion: '事实清楚，证据确凿，适用依据正确' },
    reviewer,
    at('2026-04-01'),
  );

/** A 3万元 fine decided after the periods ran out (statement 03-19, no hearing right). */
export const decided = () =>
  step(
    notified(),
    {
      action: 'decide',
      outcome: 'penalty',
      penalty: { kinds: ['fine'], fineYuan: '30000' },
      documentNo: '玉应急罚〔2026〕5号',
      creditGrounds: [],
    },
    head,
    at('2026-03-24'),
  );

export const served = () =>
  step(decided(), { action: 'serve_decision', servedOn: '2026-03-25' }, handler, at('2026-03-25'));

export const executed = () =>
  step(
    served(),
    { action: 'record_execution', method: 'voluntary', completedOn: '2026-04-03', paidYuan: '30000' },
    handler,
    at('2026-04-03'),
  );

export const closed = () => step(executed(), { action: 'close' }, head, at('2026-04-07'));

export const withdrawn = () =>
  step(filed(), { action: 'withdraw', reason: '经核查不存在违法行为' }, head, at('2026-03-04'));

export const terminated = () =>
  step(notified(), { action: 'terminate', reason: '当事人已注销且无权利义务承受人' }, head, at('2026-03-20'));
