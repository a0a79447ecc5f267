import { describe, expect, it } from 'vitest';
import type { CreditListingAction } from './credit-list.schema.ts';
import {
  createCreditCandidate,
  creditListingActionRoles,
  creditListingActionStatuses,
  transitionCreditListing,
} from './credit-list.ts';
import { creditListingDeadlines, isCreditListedAt } from './credit-list-deadlines.ts';
import type { CreditListingActor, CreditListingState } from './credit-list-state.ts';
import {
  type CreditListingActionName,
  type CreditListingStatus,
  creditListingActions,
  creditListingRoles,
  creditListingStatuses,
} from './credit-list-terms.ts';
import { chinaHolidayCalendar as calendar } from './holiday-calendar.ts';

const handler: CreditListingActor = { role: 'handler', id: 'officer-1' };
const head: CreditListingActor = { role: 'head', id: 'head-1' };
const party: CreditListingActor = { role: 'party', id: 'enterprise-user-1' };
const system: CreditListingActor = { role: 'system', id: 'deadline-worker' };
const actors = { handler, head, party, system } as const;
const at = (date: string, time = '10:00') => new Date(`${date}T${time}:00+08:00`);

function step(state: CreditListingState, action: CreditListingAction, actor: CreditListingActor, now: Date) {
  const result = transitionCreditListing(state, action, { now, actor, calendar });
  if (!result.ok)
    throw new Error(`${action.action}: ${result.error.code} ${JSON.stringify(result.error.details)}`);
  return result.state;
}

function failure(
  state: CreditListingState,
  action: CreditListingAction,
  actor: CreditListingActor,
  now: Date,
) {
  const result = transitionCreditListing(state, action, { now, actor, calendar });
  if (result.ok) throw new Error(`expected ${action.action} to fail`);
  return result.error;
}

const candidate = () => {
  const result = createCreditCandidate(
    { enterpriseId: 'ent-1', penaltyCaseId: 'case-1', grounds: ['refuse_suspension', 'not-a-ground'] },
    { now: at('2026-03-24'), actor: system, calendar },
  );
  if (!result.ok) throw result.error;
  return result.state;
};
// Notice served Monday 2026-03-30: the 5 working days end Monday 04-07 (清明 04-04 to 04-06 is off).
const notified = () =>
  step(candidate(), { action: 'notify', servedOn: '2026-03-30' }, handler, at('2026-03-30'));
const objected = () =>
  step(notified(), { action: 'object', summary: '已停产整改，非拒不执行' }, party, at('2026-04-02'));
const listed = () =>
  step(
    notified(),
    { action: 'decide', outcome: 'list', documentNo: '玉应急失信〔2026〕1号' },
    head,
    at('2026-04-08'),
  );
const published = () =>
  step(listed(), { action: 'publish', publishedOn: '2026-04-10' }, handler, at('2026-04-10'));
const repairPending = () =>
  step(published(), { action: 'apply_repair', summary: '已整改并履行处罚' }, party, at('2027-04-09'));
const repaired = () =>
  step(repairPending(), { action: 'decide_repair', approve: true }, head, at('2027-04-20'));
const expired = () => step(published(), { action: 'expire' }, system, at('2029-04-09'));
const dismissed = () =>
  step(candidate(), { action: 'dismiss', reason: '不属于情节严重' }, head, at('2026-03-25'));
const cancelled = () =>
  step(published(), { action: 'cancel', reason: '处罚决定经复议被撤销' }, head, at('2026-06-01'));

describe('creating a candidate from a penalty decision', () => {
  it('keeps only the listable grounds', () => {
    expect(candidate()).toMatchObject({
      status: 'candidate',
      grounds: ['refuse_suspension'],
      objections: [],
    });
    expect(candidate().timeline[0]).toMatchObject({
      action: 'create',
      from: null,
      to: 'candidate',
      role: 'system',
    });
  });

  it('refuses a decision with no listable ground, and a party creating one', () => {
    const none = createCreditCandidate(
      { enterpriseId: 'e', penaltyCaseId: 'c', grounds: ['late_training'] },
      { now: at('2026-03-24'), actor: system, calendar },
    );
    expect(none.ok ? 'ok' : none.error.code).toBe('credit.not_listable');
    const byParty = createCreditCandidate(
      { enterpriseId: 'e', penaltyCaseId: 'c', grounds: ['concealed_accident'] },
      { now: at('2026-03-24'), actor: party, calendar },
    );
    expect(byParty.ok ? 'ok' : byParty.error.code).toBe('credit.action_not_allowed');
  });

  it('uses the bureau’s own list of listable grounds', () => {
    const result = createCreditCandidate(
      { enterpriseId: 'e', penaltyCaseId: 'c', grounds: ['refuse_suspension'] },
      { now: at('2026-03-24'), actor: system, calendar, rules: { listableGrounds: ['concealed_accident'] } },
    );
    expect(result.ok ? 'ok' : result.error.code).toBe('credit.not_listable');
  });
});

describe('legal transitions', () => {
  it.each<
    [string, () => CreditListingState, CreditListingAction, CreditListingActor, Date, CreditListingStatus]
  >([
    [
      'notify',
      candidate,
      { action: 'notify', servedOn: '2026-03-30' },
      handler,
      at('2026-03-30'),
      'notified',
    ],
    [
      'object on the last day',
      notified,
      { action: 'object', summary: '异议' },
      party,
      at('2026-04-07', '23:59'),
      'notified',
    ],
    ['waive', notified, { action: 'waive_objection' }, party, at('2026-03-31'), 'notified'],
    [
      'list after the objection period',
      notified,
      { action: 'decide', outcome: 'list' },
      head,
      at('2026-04-08'),
      'listed',
    ],
    [
      'list answering the objection',
      objected,
      { action: 'decide', outcome: 'list', objectionResponse: '经核实仍未停产' },
      head,
      at('2026-04-08'),
      'listed',
    ],
    [
      'not list',
      objected,
      { action: 'decide', outcome: 'not_list', reason: '异议成立' },
      head,
      at('2026-04-08'),
      'dismissed',
    ],
    [
      'dismiss before notice',
      candidate,
      { action: 'dismiss', reason: '情节不严重' },
      head,
      at('2026-03-25'),
      'dismissed',
    ],
    [
      'publish',
      listed,
      { action: 'publish', publishedOn: '2026-04-09' },
      handler,
      at('2026-04-09'),
      'published',
    ],
    [
      'apply for repair after the 12 months',
      published,
      { action: 'apply_repair', summary: '已整改' },
      party,
      at('2027-04-09', '00:00'),
      'repair_pending',
    ],
    [
      'approve the repair',
      repairPending,
      { action: 'decide_repair', approve: true },
      head,
      at('2027-04-20'),
      'repaired',
    ],
    [
      'refuse the repair',
      repairPending,
      { action: 'decide_repair', approve: false, reason: '未履行罚款' },
      head,
      at('2027-04-20'),
      'published',
    ],
    [
      'revoke a fraudulent repair',
      repaired,
      { action: 'revoke_repair', reason: '申请材料弄虚作假' },
      head,
      at('2027-06-01'),
      'published',
    ],
    ['expire after 3 years', published, { action: 'expire' }, system, at('2029-04-09', '00:00'), 'expired'],
    [
      'expire while a repair is pending',
      repairPending,
      { action: 'expire' },
      system,
      at('2029-04-09'),
      'expired',
    ],
    [
      'cancel',
      published,
      { action: 'cancel', reason: '处罚决定被撤销' },
      head,
      at('2026-06-01'),
      'cancelled',
    ],
  ])('%s', (_name, before, action, actor, now, status) => {
    const state = before();
    const result = transitionCreditListing(state, action, { now, actor, calendar });
    if (!result.ok) throw new Error(`${result.error.code} ${JSON.stringify(result.error.details)}`);
    expect(result.state.status).toBe(status);
    expect(result.state.timeline).toEqual([...state.timeline, result.entry]);
    expect(result.entry).toMatchObject({ from: state.status, to: status, action: action.action, at: now });
  });
});

const samples: Readonly<Record<CreditListingActionName, CreditListingAction>> = {
  notify: { action: 'notify', servedOn: '2026-03-30' },
  object: { action: 'object', summary: '异议' },
  waive_objection: { action: 'waive_objection' },
  decide: { action: 'decide', outcome: 'not_list', reason: '异议成立' },
  dismiss: { action: 'dismiss', reason: '情节不严重' },
  publish: { action: 'publish', publishedOn: '2026-04-10' },
  apply_repair: { action: 'apply_repair', summary: '已整改' },
  decide_repair: { action: 'decide_repair', approve: false, reason: '未履行' },
  revoke_repair: { action: 'revoke_repair', reason: '弄虚作假' },
  expire: { action: 'expire' },
  cancel: { action: 'cancel', reason: '撤销' },
};

const byStatus: Readonly<Record<CreditListingStatus, () => CreditListingState>> = {
  candidate,
  notified,
  listed,
  published,
  repair_pending: repairPending,
  repaired,
  expired,
  dismissed,
  cancelled,
};

describe('illegal transitions and roles', () => {
  const illegal = creditListingActions.flatMap((a) =>
    creditListingStatuses
      .filter((s) => !creditListingActionStatuses[a].includes(s))
      .map((s) => [a, s] as const),
  );
  it.each(illegal)('%s is refused while %s', (action, status) => {
    const actor = actors[creditListingActionRoles[action][0]!];
    const error = failure(byStatus[status](), samples[action], actor, at('2030-01-01'));
    expect(error.code).toBe('credit.illegal_transition');
  });

  const forbidden = creditListingActions.flatMap((a) =>
    creditListingRoles.filter((r) => !creditListingActionRoles[a].includes(r)).map((r) => [a, r] as const),
  );
  it.each(forbidden)('%s is refused to the %s', (action, role) => {
    const status = creditListingActionStatuses[action][0]!;
    expect(failure(byStatus[status](), samples[action], actors[role], at('2030-01-01')).code).toBe(
      'credit.action_not_allowed',
    );
  });
});

describe('rules and periods, with an injected clock', () => {
  it.each<
    [
      string,
      () => CreditListingState,
      CreditListingAction,
      CreditListingActor,
      Date,
      string,
      Record<string, unknown>?,
    ]
  >([
    [
      'an objection after 5 working days',
      notified,
      { action: 'object', summary: '异议' },
      party,
      at('2026-04-08', '00:00'),
      'credit.objection_late',
      { dueDate: '2026-04-07' },
    ],
    [
      'a decision inside the objection period',
      notified,
      { action: 'decide', outcome: 'list' },
      head,
      at('2026-04-07'),
      'credit.objection_window_open',
      { dueDate: '2026-04-07' },
    ],
    [
      'a listing ignoring the objection',
      objected,
      { action: 'decide', outcome: 'list' },
      head,
      at('2026-04-08'),
      'credit.objection_unanswered',
    ],
    [
      'not listing without a reason',
      notified,
      { action: 'decide', outcome: 'not_list' },
      head,
      at('2026-04-08'),
      'credit.reason_required',
    ],
    [
      'publishing before the decision',
      listed,
      { action: 'publish', publishedOn: '2026-04-07' },
      handler,
      at('2026-04-09'),
      'enforcement.case_invalid_date',
    ],
    [
      'a repair on the last day of the 12 months',
      published,
      { action: 'apply_repair', summary: '已整改' },
      party,
      at('2027-04-08', '23:59'),
      'credit.repair_too_early',
      { opensOn: '2027-04-08' },
    ],
    [
      'expiry on the last day of the term',
      published,
      { action: 'expire' },
      system,
      at('2029-04-08', '23:59'),
      'credit.not_yet_expired',
      { dueDate: '2029-04-08' },
    ],
    [
      'refusing a repair without a reason',
      repairPending,
      { action: 'decide_repair', approve: false },
      head,
      at('2027-04-20'),
      'credit.reason_required',
    ],
  ])('refuses %s', (_name, before, action, actor, now, code, details) => {
    const error = failure(before(), action, actor, now);
    expect(error.code).toBe(code);
    if (details) expect(error.details).toMatchObject(details);
  });

  it('lets the decision follow a waiver at once', () => {
    const waived = step(notified(), { action: 'waive_objection' }, party, at('2026-03-31'));
    expect(
      step(waived, { action: 'decide', outcome: 'list' }, head, at('2026-03-31', '15:00')).listedOn,
    ).toBe('2026-03-31');
  });

  it.each<[string, () => CreditListingState, Date, (string | boolean)[][]]>([
    ['notified: objection period', notified, at('2026-04-01'), [['objection', '2026-04-07', false]]],
    [
      'listed: publication, repair and term',
      listed,
      at('2026-04-08'),
      [
        ['publication', '2026-04-17', false],
        ['repair_opens', '2027-04-08', false],
        ['term', '2029-04-08', false],
      ],
    ],
    [
      'published a year on: repair window open',
      published,
      at('2027-04-09'),
      [
        ['repair_opens', '2027-04-08', true],
        ['term', '2029-04-08', false],
      ],
    ],
    ['repair pending: the term only', repairPending, at('2027-04-10'), [['term', '2029-04-08', false]]],
    ['repaired: nothing', repaired, at('2027-05-01'), []],
  ])('%s', (_name, state, now, expected) => {
    expect(
      creditListingDeadlines(state(), { now, calendar }).map((d) => [d.kind, d.dueDate, d.overdue]),
    ).toEqual(expected);
  });

  it.each<[string, () => CreditListingState, Date, boolean]>([
    ['a candidate is not listed', candidate, at('2026-03-25'), false],
    ['notified is not listed yet', notified, at('2026-04-01'), false],
    ['listed before publication', listed, at('2026-04-08'), true],
    ['published', published, at('2027-01-01'), true],
    ['published, last day of the term', published, at('2029-04-08', '23:59'), true],
    ['published, term over but not yet expired by the worker', published, at('2029-04-09'), false],
    ['repair pending', repairPending, at('2027-04-10'), true],
    ['repaired', repaired, at('2027-05-01'), false],
    [
      'repair revoked: listed again',
      () => step(repaired(), { action: 'revoke_repair', reason: '弄虚作假' }, head, at('2027-06-01')),
      at('2027-06-02'),
      true,
    ],
    ['expired', expired, at('2029-04-10'), false],
    ['cancelled', cancelled, at('2026-06-02'), false],
  ])('on the list? %s', (_name, state, now, listedAt) => {
    expect(isCreditListedAt(state(), { now, calendar })).toBe(listedAt);
  });
});
