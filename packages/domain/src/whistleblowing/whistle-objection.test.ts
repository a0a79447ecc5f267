import { describe, expect, it } from 'vitest';
import {
  whistleDecisionShownOn,
  whistleObjectionRefusal,
  whistleObjectionReopen,
  whistleObjectionReviewDue,
  whistleObjectionRulesOn,
  whistleObjectionWindow,
  type WhistleObjectionFacts,
  type WhistleObjectionRuleSet,
} from './whistle-objection.ts';
import { availableWhistleActions } from './whistle-workflow.ts';

const replied: WhistleObjectionFacts = {
  status: 'replied',
  decidedOn: '2026-11-01',
  repliedOn: '2026-12-01',
  rewardProposedOn: null,
  objection: null,
};

describe('the objection window (应急〔2023〕106号: 10 days, review 30)', () => {
  it.each([
    ['outcome replied', replied, '2026-12-01'],
    ['reward proposed later', { ...replied, rewardProposedOn: '2026-12-04' }, '2026-12-04'],
    ['reward proposed the same day', { ...replied, rewardProposedOn: '2026-12-01' }, '2026-12-01'],
    ['refused (不予受理)', { ...replied, status: 'not_accepted', repliedOn: null }, '2026-11-01'],
    ['transferred', { ...replied, status: 'transferred', repliedOn: null }, null],
    ['verified, not yet replied', { ...replied, status: 'verified', repliedOn: null }, null],
    ['accepted', { ...replied, status: 'accepted', repliedOn: null }, null],
  ] as const)('the decision is shown: %s', (_case, facts, shown) => {
    expect(whistleDecisionShownOn(facts as WhistleObjectionFacts)).toBe(shown);
  });

  it.each([
    ['the day of the reply', replied, '2026-12-01', 'open', null],
    ['the tenth day after', replied, '2026-12-11', 'open', null],
    ['the eleventh day', replied, '2026-12-12', 'final', 'whistle.objection_window_closed'],
    [
      'before any decision',
      { ...replied, status: 'accepted', repliedOn: null },
      '2026-12-01',
      'not_open',
      'whistle.objection_not_open',
    ],
    [
      'a refusal, day 10',
      { ...replied, status: 'not_accepted', repliedOn: null },
      '2026-11-11',
      'open',
      null,
    ],
    [
      'a refusal, day 11',
      { ...replied, status: 'not_accepted', repliedOn: null },
      '2026-11-12',
      'final',
      'whistle.objection_window_closed',
    ],
    [
      'a pending objection',
      { ...replied, objection: { status: 'pending' } },
      '2026-12-02',
      'under_review',
      'whistle.objection_already_filed',
    ],
    [
      'a rejected objection',
      { ...replied, objection: { status: 'rejected' } },
      '2026-12-02',
      'final',
      'whistle.objection_already_filed',
    ],
    [
      'upheld, being verified again',
      { ...replied, status: 'accepted', repliedOn: null, objection: { status: 'upheld' } },
      '2026-12-02',
      'reopened',
      'whistle.objection_already_filed',
    ],
    [
      'upheld and replied again',
      { ...replied, repliedOn: '2026-12-20', objection: { status: 'upheld' } },
      '2026-12-21',
      'final',
      'whistle.objection_already_filed',
    ],
  ] as const)('%s', (_case, facts, today, phase, refusal) => {
    expect(whistleObjectionWindow(facts as WhistleObjectionFacts, today).phase).toBe(phase);
    expect(whistleObjectionRefusal(facts as WhistleObjectionFacts, today)).toBe(refusal);
  });

  it('ends the window ten days after the later of reply and reward proposal', () => {
    expect(whistleObjectionWindow(replied, '2026-12-01').endsOn).toBe('2026-12-11');
    expect(whistleObjectionWindow({ ...replied, rewardProposedOn: '2026-12-10' }, '2026-12-15')).toEqual({
      phase: 'open',
      endsOn: '2026-12-20',
    });
  });

  it('measures a window by the rule in force on the day the decision was shown', () => {
    const sets: WhistleObjectionRuleSet[] = [
      { id: 'a', validFrom: '2023-10-18', windowDays: 10, reviewDays: 30, source: 'a' },
      { id: 'b', validFrom: '2026-12-05', windowDays: 15, reviewDays: 20, source: 'b' },
    ];
    expect(whistleObjectionRulesOn('2026-12-04', sets).id).toBe('a');
    expect(whistleObjectionRulesOn('2026-12-05', sets).id).toBe('b');
    expect(whistleObjectionRulesOn('2020-01-01', sets).id).toBe('a');
    expect(whistleObjectionWindow(replied, '2026-12-12', sets).phase).toBe('final');
    expect(whistleObjectionWindow({ ...replied, repliedOn: '2026-12-05' }, '2026-12-20', sets)).toEqual({
      phase: 'open',
      endsOn: '2026-12-20',
    });
    expect(whistleObjectionReviewDue('2026-12-02')).toBe('2027-01-01');
    expect(whistleObjectionReviewDue('2026-12-05', sets)).toBe('2026-12-25');
  });
});

describe('an upheld objection reopens the case', () => {
  it.each([
    [
      'a refusal goes back to the decision',
      'not_accepted',
      null,
      { ok: true, to: 'received', dropReward: false },
    ],
    [
      'an outcome goes back to verification',
      'replied',
      null,
      { ok: true, to: 'accepted', dropReward: false },
    ],
    [
      'an unpaid reward is dropped with it',
      'replied',
      'approved_once',
      { ok: true, to: 'accepted', dropReward: true },
    ],
    ['a paid reward stops it', 'replied', 'paid', { ok: false, code: 'whistle.objection_reward_paid' }],
    ['nothing else reopens', 'transferred', null, { ok: false, code: 'whistle.action_not_allowed' }],
  ] as const)('%s', (_case, status, rewardStatus, expected) => {
    expect(whistleObjectionReopen({ status, rewardStatus })).toEqual(expected);
  });

  it('while an objection waits, only the city may act, and only to review it', () => {
    const state = {
      status: 'replied',
      assignedCounty: '530403',
      rewardStatus: 'approved',
      rewardApprovers: ['a', 'b'],
      rewardProposedBy: 'c',
      outcomeRewardable: true,
      objectionPending: true,
      cityReviewer: true,
    } as const;
    expect(availableWhistleActions(state, 'd')).toEqual(['review_objection']);
    expect(availableWhistleActions({ ...state, cityReviewer: false }, 'd')).toEqual([]);
    expect(availableWhistleActions({ ...state, objectionPending: false }, 'd')).toEqual(['pay_reward']);
  });
});
