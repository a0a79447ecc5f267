import { describe, expect, it } from 'vitest';
import { selfAssessmentBody, selfAssessmentForm, type RankedUnit } from './self-assessment.ts';

const items = [
  { code: 'duty', name: '责任落实', maxScore: 60 },
  { code: 'hazards', name: '隐患治理', maxScore: 40 },
];

const unit = (selfAssessment: RankedUnit['selfAssessment']): RankedUnit => ({
  organisationId: 'o1',
  organisationName: '市住房和城乡建设局',
  rank: 1,
  total: 0,
  grade: 'fail',
  veto: null,
  manualVeto: null,
  autoVeto: null,
  vetoOverride: null,
  comment: '',
  scores: {},
  scoredAt: null,
  selfAssessment,
  allowedActions: ['self_assess'],
});

describe('the self-assessment form', () => {
  it('opens with what the unit entered before and blank items for the rest', () => {
    const form = selfAssessmentForm(
      items,
      unit({
        total: 58,
        items: { duty: { score: 58, comment: '责任书全部签订', evidence: ['u1'] } },
        submittedBy: '张三',
        submittedAt: '2026-11-29T02:00:00.000Z',
      }),
    );
    expect(form).toEqual({
      duty: { score: 58, comment: '责任书全部签订', evidence: ['u1'] },
      hazards: { score: null, comment: '', evidence: [] },
    });
  });

  it('sends the items given a score, in the scheme’s order, comments trimmed', () => {
    const form = selfAssessmentForm(items, unit(null));
    form.hazards = { score: 36.5, comment: ' 重大隐患全部销号 ', evidence: ['u2'] };
    expect(selfAssessmentBody(items, form)).toEqual({
      items: [{ code: 'hazards', score: 36.5, comment: '重大隐患全部销号', evidence: ['u2'] }],
    });
    form.duty!.score = 0;
    expect(selfAssessmentBody(items, form).items.map((i) => [i.code, i.score])).toEqual([
      ['duty', 0],
      ['hazards', 36.5],
    ]);
  });
});
