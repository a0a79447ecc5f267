import { describe, expect, it } from 'vitest';
import type { PenaltyCaseAction } from './penalty-case.schema.ts';
import {
  filePenaltyCase,
  penaltyCaseActionRoles,
  penaltyCaseActionStatuses,
  transitionPenaltyCase,
} from './penalty-case.ts';
import {
  actors,
  at,
  calendar,
  closed,
  decided,
  executed,
  filed,
  handler,
  head,
  heard,
  hearingRequested,
  hearingScheduled,
  investigating,
  largeFine,
  notified,
  party,
  reviewedAfterHearing,
  reviewer,
  served,
  smallFine,
  step,
  terminated,
  withdrawn,
} from './penalty-case.test-fixtures.ts';
import type { PenaltyCaseActor, PenaltyCaseState } from './penalty-case-state.ts';
import {
  type PenaltyCaseActionName,
  type PenaltyCaseRole,
  type PenaltyCaseStatus,
  penaltyCaseActions,
  penaltyCaseRoles,
  penaltyCaseStatuses,
} from './penalty-case-terms.ts';

function failure(state: PenaltyCaseState, action: PenaltyCaseAction, actor: PenaltyCaseActor, now: Date) {
  const result = transitionPenaltyCase(state, action, { now, actor, calendar });
  if (result.ok) throw new Error(`expected ${action.action} to fail`);
  return result.error;
}

describe('filing (立案)', () => {
  it('opens a case on the filing day, with the first timeline entry', () => {
    const state = filed();
    expect(state).toMatchObject({
      status: 'filed',
      filedOn: '2026-03-02',
      partyKind: 'organisation',
      requiresLegalReview: false,
    });
    expect(state.timeline).toEqual([
      {
        at: at('2026-03-02'),
        role: 'head',
        actorId: 'head-1',
        action: 'file',
        from: null,
        to: 'filed',
        note: '未按规定对从业人员进行安全生产教育和培训',
      },
    ]);
  });

  it.each<[string, PenaltyCaseActor, string | undefined, string]>([
    ['by a handler alone', handler, undefined, 'enforcement.case_action_not_allowed'],
    ['dated tomorrow', head, '2026-03-03', 'enforcement.case_invalid_date'],
    ['with an impossible date', head, '2026-02-30', 'enforcement.invalid_date'],
  ])('refuses a filing %s', (_name, actor, filedOn, code) => {
    const result = filePenaltyCase(
      { partyKind: 'organisation', ...(filedOn ? { filedOn } : {}) },
      { now: at('2026-03-02'), actor, calendar },
    );
    expect(result.ok ? 'ok' : result.error.code).toBe(code);
  });
});

describe('legal transitions', () => {
  it.each<[string, () => PenaltyCaseState, PenaltyCaseAction, PenaltyCaseActor, Date, PenaltyCaseStatus]>([
    [
      'investigate with two officers',
      filed,
      { action: 'start_investigation', investigatorIds: ['a', 'b'] },
      handler,
      at('2026-03-03'),
      'investigating',
    ],
    [
      'serve the notice',
      investigating,
      { action: 'issue_notice', proposal: { kinds: ['warning'] }, servedOn: '2026-03-16' },
      handler,
      at('2026-03-16'),
      'notified',
    ],
    [
      'record a statement',
      () => notified(),
      { action: 'record_statement', summary: '已立即组织培训' },
      party,
      at('2026-03-17'),
      'notified',
    ],
    [
      'waive statement and hearing',
      () => notified(),
      { action: 'waive_rights' },
      party,
      at('2026-03-16'),
      'notified',
    ],
    [
      'request a hearing on the last day',
      () => notified(largeFine),
      { action: 'request_hearing' },
      party,
      at('2026-03-23', '23:59'),
      'hearing',
    ],
    [
      'handler records a hearing request',
      () => notified(largeFine),
      { action: 'request_hearing' },
      handler,
      at('2026-03-17'),
      'hearing',
    ],
    [
      'schedule the hearing 7 working days after telling the party',
      hearingRequested,
      { action: 'schedule_hearing', date: '2026-03-30', notifiedOn: '2026-03-19', presiderId: 'officer-9' },
      handler,
      at('2026-03-19'),
      'hearing',
    ],
    [
      'hold the hearing',
      hearingScheduled,
      { action: 'conclude_hearing', outcome: 'held' },
      handler,
      at('2026-03-30'),
      'heard',
    ],
    [
      'party withdraws the request',
      hearingRequested,
      { action: 'conclude_hearing', outcome: 'request_withdrawn' },
      handler,
      at('2026-03-20'),
      'heard',
    ],
    [
      'party does not come',
      hearingScheduled,
      { action: 'conclude_hearing', outcome: 'party_absent' },
      handler,
      at('2026-03-30'),
      'heard',
    ],
    [
      'legal review',
      heard,
      { action: 'complete_legal_review', passed: true, opinion: '同意' },
      reviewer,
      at('2026-03-31'),
      'heard',
    ],
    [
      'extend the decision period',
      investigating,
      { action: 'extend_decision_period', days: 30, reason: '需要技术鉴定' },
      head,
      at('2026-05-20'),
      'investigating',
    ],
    [
      'decide after the hearing and review',
      reviewedAfterHearing,
      {
        action: 'decide',
        outcome: 'penalty',
        penalty: { kinds: ['fine'], fineYuan: '60000' },
        creditGrounds: [],
      },
      head,
      at('2026-04-02'),
      'decided',
    ],
    [
      'decide once the periods are over',
      () => notified(),
      {
        action: 'decide',
        outcome: 'penalty',
        penalty: { kinds: ['fine'], fineYuan: '30000' },
        creditGrounds: [],
      },
      head,
      at('2026-03-20'),
      'decided',
    ],
    [
      'decide no penalty after the investigation',
      investigating,
      { action: 'decide', outcome: 'no_penalty', reason: '违法事实不能成立', creditGrounds: [] },
      head,
      at('2026-03-10'),
      'decided',
    ],
    [
      'serve the decision',
      decided,
      { action: 'serve_decision', servedOn: '2026-03-24' },
      handler,
      at('2026-03-24'),
      'decided',
    ],
    [
      'record the payment',
      served,
      { action: 'record_execution', method: 'voluntary', completedOn: '2026-04-01' },
      handler,
      at('2026-04-01'),
      'executed',
    ],
    ['close an executed case', executed, { action: 'close' }, head, at('2026-04-07'), 'closed'],
    [
      'withdraw the filing',
      filed,
      { action: 'withdraw', reason: '不属于本机关管辖' },
      head,
      at('2026-03-03'),
      'withdrawn',
    ],
    [
      'withdraw during the investigation',
      investigating,
      { action: 'withdraw', reason: '违法事实不存在' },
      head,
      at('2026-03-05'),
      'withdrawn',
    ],
    [
      'terminate during the hearing',
      hearingRequested,
      { action: 'terminate', reason: '当事人已注销' },
      head,
      at('2026-03-20'),
      'terminated',
    ],
    [
      'terminate a decided case',
      served,
      { action: 'terminate', reason: '执行终结：当事人已注销' },
      head,
      at('2026-05-01'),
      'terminated',
    ],
    [
      're-notice after the hearing',
      heard,
      { action: 'issue_notice', proposal: { kinds: ['fine'], fineYuan: '90000' }, servedOn: '2026-03-31' },
      handler,
      at('2026-03-31'),
      'notified',
    ],
  ])('%s', (_name, before, action, actor, now, status) => {
    const state = before();
    const result = transitionPenaltyCase(state, action, { now, actor, calendar });
    if (!result.ok) throw new Error(`${result.error.code} ${JSON.stringify(result.error.details)}`);
    expect(result.state.status).toBe(status);
    expect(result.entry).toMatchObject({
      at: now,
      role: actor.role,
      actorId: actor.id,
      action: action.action,
      from: state.status,
      to: status,
    });
    expect(result.state.timeline).toEqual([...state.timeline, result.entry]);
  });

  it('closes a served 不予处罚 decision without execution', () => {
    const decidedNoPenalty = step(
      investigating(),
      { action: 'decide', outcome: 'no_penalty', reason: '违法事实不能成立', creditGrounds: [] },
      head,
      at('2026-03-10'),
    );
    const servedNoPenalty = step(
      decidedNoPenalty,
      { action: 'serve_decision', servedOn: '2026-03-11' },
      handler,
      at('2026-03-11'),
    );
    expect(step(servedNoPenalty, { action: 'close' }, head, at('2026-03-12')).status).toBe('closed');
  });
});

/** A valid body for each action, to show that the status or the role alone refuses it. */
const sampleActions: Readonly<Record<PenaltyCaseActionName, PenaltyCaseAction>> = {
  start_investigation: { action: 'start_investigation', investigatorIds: ['a', 'b'] },
  issue_notice: { action: 'issue_notice', proposal: { kinds: ['warning'] }, servedOn: '2026-03-16' },
  record_statement: { action: 'record_statement', summary: '陈述' },
  waive_rights: { action: 'waive_rights' },
  request_hearing: { action: 'request_hearing' },
  schedule_hearing: {
    action: 'schedule_hearing',
    date: '2026-04-30',
    notifiedOn: '2026-03-19',
    presiderId: 'p',
  },
  conclude_hearing: { action: 'conclude_hearing', outcome: 'request_withdrawn' },
  complete_legal_review: { action: 'complete_legal_review', passed: true, opinion: '同意' },
  extend_decision_period: { action: 'extend_decision_period', days: 10, reason: '鉴定' },
  decide: { action: 'decide', outcome: 'no_penalty', reason: '不成立', creditGrounds: [] },
  serve_decision: { action: 'serve_decision', servedOn: '2026-03-25' },
  record_execution: { action: 'record_execution', method: 'voluntary', completedOn: '2026-04-01' },
  close: { action: 'close' },
  withdraw: { action: 'withdraw', reason: '不成立' },
  terminate: { action: 'terminate', reason: '注销' },
};

const statesByStatus: Readonly<Record<PenaltyCaseStatus, () => PenaltyCaseState>> = {
  filed,
  investigating,
  notified: () => notified(),
  hearing: hearingRequested,
  heard,
  decided,
  executed,
  closed,
  withdrawn,
  terminated,
};

describe('illegal transitions', () => {
  const pairs = penaltyCaseActions.flatMap((action) =>
    penaltyCaseStatuses
      .filter((status) => !penaltyCaseActionStatuses[action].includes(status))
      .map((status) => [action, status] as const),
  );

  it('covers every action in every status it is not possible in', () => {
    // 15 actions × 10 statuses, less the 34 legal (action, status) pairs of the state machine.
    expect(pairs.length).toBe(15 * 10 - 34);
  });

  it.each(pairs)('%s is refused while %s', (action, status) => {
    const role = penaltyCaseActionRoles[action][0]!;
    const error = failure(statesByStatus[status](), sampleActions[action], actors[role], at('2026-06-01'));
    expect(error.code).toBe('enforcement.case_illegal_transition');
    expect(error.details).toMatchObject({ status, action });
    expect(error.status).toBe(409);
  });
});

describe('role checks', () => {
  const pairs = penaltyCaseActions.flatMap((action) =>
    penaltyCaseRoles
      .filter((role) => !penaltyCaseActionRoles[action].includes(role))
      .map((role) => [action, role] as const),
  );

  it.each(pairs)('%s is refused to the %s', (action, role: PenaltyCaseRole) => {
    const status = penaltyCaseActionStatuses[action][0]!;
    const error = failure(statesByStatus[status](), sampleActions[action], actors[role], at('2026-06-01'));
    expect(error.code).toBe('enforcement.case_action_not_allowed');
    expect(error.status).toBe(403);
  });

  it('lets only the head decide, and only the legal reviewer review', () => {
    expect(penaltyCaseActionRoles.decide).toEqual(['head']);
    expect(penaltyCaseActionRoles.complete_legal_review).toEqual(['legal_reviewer']);
    expect(penaltyCaseActionRoles.request_hearing).toEqual(['handler', 'party']);
  });
});

describe('rules of the steps', () => {
  it.each<
    [
      string,
      () => PenaltyCaseState,
      PenaltyCaseAction,
      PenaltyCaseActor,
      Date,
      string,
      Record<string, unknown>?,
    ]
  >([
    [
      'one investigator',
      filed,
      { action: 'start_investigation', investigatorIds: ['a', 'a'] },
      handler,
      at('2026-03-03'),
      'enforcement.case_too_few_investigators',
      { given: 1, required: 2 },
    ],
    [
      'a fine without an amount',
      investigating,
      { action: 'issue_notice', proposal: { kinds: ['fine'] }, servedOn: '2026-03-16' },
      handler,
      at('2026-03-16'),
      'enforcement.case_proposal_invalid',
      { problems: ['fine_amount_missing'] },
    ],
    [
      'an amount without a fine',
      investigating,
      { action: 'issue_notice', proposal: { kinds: ['warning'], fineYuan: '100' }, servedOn: '2026-03-16' },
      handler,
      at('2026-03-16'),
      'enforcement.case_proposal_invalid',
      { problems: ['fine_amount_without_kind'] },
    ],
    [
      'a notice served tomorrow',
      investigating,
      { action: 'issue_notice', proposal: { kinds: ['warning'] }, servedOn: '2026-03-17' },
      handler,
      at('2026-03-16'),
      'enforcement.case_invalid_date',
    ],
    [
      'a notice served before filing',
      investigating,
      { action: 'issue_notice', proposal: { kinds: ['warning'] }, servedOn: '2026-03-01' },
      handler,
      at('2026-03-16'),
      'enforcement.case_invalid_date',
    ],
    [
      'a hearing for a small fine',
      () => notified(smallFine),
      { action: 'request_hearing' },
      party,
      at('2026-03-17'),
      'enforcement.case_hearing_not_available',
    ],
    [
      'a hearing asked for after 5 working days',
      () => notified(largeFine),
      { action: 'request_hearing' },
      party,
      at('2026-03-24', '00:00'),
      'enforcement.case_hearing_request_late',
      { dueDate: '2026-03-23' },
    ],
    [
      'a hearing 6 working days after telling the party',
      hearingRequested,
      { action: 'schedule_hearing', date: '2026-03-27', notifiedOn: '2026-03-19', presiderId: 'p' },
      handler,
      at('2026-03-19'),
      'enforcement.case_hearing_too_early',
      { earliest: '2026-03-30' },
    ],
    [
      'an investigator presiding',
      hearingRequested,
      { action: 'schedule_hearing', date: '2026-03-30', notifiedOn: '2026-03-19', presiderId: 'officer-2' },
      handler,
      at('2026-03-19'),
      'enforcement.case_hearing_presider_conflict',
    ],
    [
      'holding a hearing never scheduled',
      hearingRequested,
      { action: 'conclude_hearing', outcome: 'held' },
      handler,
      at('2026-03-30'),
      'enforcement.case_illegal_transition',
      { reason: 'hearing_not_scheduled' },
    ],
    [
      'holding a hearing before its day',
      hearingScheduled,
      { action: 'conclude_hearing', outcome: 'held' },
      handler,
      at('2026-03-29'),
      'enforcement.case_illegal_transition',
      { reason: 'hearing_date_not_reached' },
    ],
    [
      'deciding on the last statement day',
      () => notified(),
      { action: 'decide', outcome: 'penalty', penalty: smallFineAction(), creditGrounds: [] },
      head,
      at('2026-03-19', '23:59'),
      'enforcement.case_notice_period_running',
    ],
    [
      'deciding while a hearing may still be asked for',
      () => notified(largeFine),
      { action: 'decide', outcome: 'penalty', penalty: largeFineAction(), creditGrounds: [] },
      head,
      at('2026-03-23'),
      'enforcement.case_notice_period_running',
    ],
    [
      'deciding after a hearing without the legal review',
      heard,
      { action: 'decide', outcome: 'penalty', penalty: largeFineAction(), creditGrounds: [] },
      head,
      at('2026-04-02'),
      'enforcement.case_legal_review_required',
      { reviewed: false },
    ],
    [
      'a heavier fine than notified',
      () => notified(),
      {
        action: 'decide',
        outcome: 'penalty',
        penalty: { kinds: ['fine'], fineYuan: '30000.01' },
        creditGrounds: [],
      },
      head,
      at('2026-03-20'),
      'enforcement.case_decision_heavier_than_notice',
    ],
    [
      'a kind not notified',
      () => notified(),
      {
        action: 'decide',
        outcome: 'penalty',
        penalty: { kinds: ['fine', 'warning'], fineYuan: '10000' },
        creditGrounds: [],
      },
      head,
      at('2026-03-20'),
      'enforcement.case_decision_heavier_than_notice',
    ],
    [
      'a penalty without a notice',
      investigating,
      { action: 'decide', outcome: 'penalty', penalty: smallFineAction(), creditGrounds: [] },
      head,
      at('2026-03-20'),
      'enforcement.case_illegal_transition',
      { reason: 'notice_required' },
    ],
    [
      'a penalty decision without the penalty',
      () => notified(),
      { action: 'decide', outcome: 'penalty', creditGrounds: [] },
      head,
      at('2026-03-20'),
      'enforcement.case_proposal_invalid',
      { problems: ['penalty_missing'] },
    ],
    [
      '不予处罚 without a reason',
      investigating,
      { action: 'decide', outcome: 'no_penalty', reason: ' ', creditGrounds: [] },
      head,
      at('2026-03-20'),
      'enforcement.case_reason_required',
    ],
    [
      'extensions beyond 90 days',
      investigating,
      { action: 'extend_decision_period', days: 91, reason: '鉴定' },
      head,
      at('2026-05-20'),
      'enforcement.case_extension_exceeded',
      { total: 91, max: 90 },
    ],
    [
      'serving a decision twice',
      served,
      { action: 'serve_decision', servedOn: '2026-03-26' },
      handler,
      at('2026-03-26'),
      'enforcement.case_illegal_transition',
      { reason: 'already_served' },
    ],
    [
      'serving before the decision date',
      decided,
      { action: 'serve_decision', servedOn: '2026-03-23' },
      handler,
      at('2026-03-25'),
      'enforcement.case_invalid_date',
    ],
    [
      'executing an unserved decision',
      decided,
      { action: 'record_execution', method: 'voluntary', completedOn: '2026-03-24' },
      handler,
      at('2026-03-24'),
      'enforcement.case_illegal_transition',
      { reason: 'not_served' },
    ],
    [
      'closing an unexecuted penalty',
      served,
      { action: 'close' },
      head,
      at('2026-04-01'),
      'enforcement.case_illegal_transition',
      { reason: 'not_executed' },
    ],
    [
      'a withdrawal without reason',
      filed,
      { action: 'withdraw', reason: '' },
      head,
      at('2026-03-03'),
      'enforcement.case_reason_required',
    ],
  ])('refuses %s', (_name, before, action, actor, now, code, details) => {
    const error = failure(before(), action, actor, now);
    expect(error.code).toBe(code);
    if (details) expect(error.details).toMatchObject(details);
  });

  it('lets the decision follow at once when the party waives its rights', () => {
    const waived = step(notified(largeFine), { action: 'waive_rights' }, party, at('2026-03-16', '15:00'));
    const decision = step(
      waived,
      {
        action: 'decide',
        outcome: 'penalty',
        penalty: largeFineAction(),
        creditGrounds: ['refuse_suspension'],
      },
      head,
      at('2026-03-16', '16:00'),
    );
    expect(decision.decision).toMatchObject({
      outcome: 'penalty',
      decidedOn: '2026-03-16',
      creditGrounds: ['refuse_suspension'],
    });
  });

  it('requires a passed legal review when the filing said so', () => {
    const reviewed = notified(smallFine, investigating(filed('organisation', true)));
    const decide: PenaltyCaseAction = {
      action: 'decide',
      outcome: 'penalty',
      penalty: smallFineAction(),
      creditGrounds: [],
    };
    expect(failure(reviewed, decide, head, at('2026-03-20')).code).toBe(
      'enforcement.case_legal_review_required',
    );
    const rejected = step(
      reviewed,
      { action: 'complete_legal_review', passed: false, opinion: '证据不足，补充调查' },
      reviewer,
      at('2026-03-20'),
    );
    expect(failure(rejected, decide, head, at('2026-03-20')).details).toEqual({ reviewed: true });
    const passed = step(
      rejected,
      { action: 'complete_legal_review', passed: true, opinion: '已补充' },
      reviewer,
      at('2026-03-21'),
    );
    expect(step(passed, decide, head, at('2026-03-23')).status).toBe('decided');
  });

  it('marks a statement after its period as late, and keeps it', () => {
    const early = step(
      notified(),
      { action: 'record_statement', summary: '申辩一' },
      party,
      at('2026-03-19', '23:59'),
    );
    const late = step(early, { action: 'record_statement', summary: '申辩二' }, handler, at('2026-03-20'));
    expect(late.statements.map((s) => [s.by, s.late])).toEqual([
      ['party', false],
      ['handler', true],
    ]);
  });

  it('gives a hearing right by kind or by amount, with a lower threshold for an individual', () => {
    const notice = (proposal: Parameters<typeof notified>[0], partyKind: 'organisation' | 'individual') =>
      notified(proposal, investigating(filed(partyKind))).notice?.hearingRight;
    expect(notice(largeFine, 'organisation')).toBe(true);
    expect(notice(smallFine, 'organisation')).toBe(false);
    expect(notice(smallFine, 'individual')).toBe(true);
    const exactly = { kinds: ['fine'], fineYuan: '50000' } as unknown as typeof smallFine;
    expect(notice(exactly, 'organisation')).toBe(true);
  });
});

function smallFineAction() {
  return { kinds: ['fine' as const], fineYuan: '30000' };
}

function largeFineAction() {
  return { kinds: ['fine' as const, 'production_suspension' as const], fineYuan: '80000' };
}

describe('a new notice', () => {
  it('needs a new legal review, and a decision dated no earlier than the notice', () => {
    const renotified = step(
      reviewedAfterHearing(),
      { action: 'issue_notice', proposal: { kinds: ['fine'], fineYuan: '60000' }, servedOn: '2026-04-02' },
      handler,
      at('2026-04-02'),
    );
    expect(renotified.legalReview).toBeUndefined();
    const waived = step(renotified, { action: 'waive_rights' }, party, at('2026-04-02', '11:00'));
    const decide: PenaltyCaseAction = {
      action: 'decide',
      outcome: 'penalty',
      penalty: { kinds: ['fine'], fineYuan: '60000' },
      creditGrounds: [],
    };
    expect(failure(waived, decide, head, at('2026-04-03')).code).toBe(
      'enforcement.case_legal_review_required',
    );
    const reviewed = step(
      waived,
      { action: 'complete_legal_review', passed: true, opinion: '同意' },
      reviewer,
      at('2026-04-03'),
    );
    expect(
      failure(reviewed, { ...decide, decidedOn: '2026-04-01' }, head, at('2026-04-03')).details,
    ).toMatchObject({
      field: 'decidedOn',
      earliest: '2026-04-02',
    });
    expect(step(reviewed, decide, head, at('2026-04-03')).decision?.decidedOn).toBe('2026-04-03');
  });
});
