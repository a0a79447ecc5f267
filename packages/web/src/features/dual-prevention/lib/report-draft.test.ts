import { describe, expect, it } from 'vitest';
import { emptyReportDraft, reportBody, reportProblems } from './report-draft.ts';

describe('登记隐患 draft (phone and desktop)', () => {
  it('starts as a self-check for an enterprise account and as an inspection for the bureau', () => {
    expect(emptyReportDraft('e1')).toMatchObject({ enterpriseId: 'e1', source: 'self_check' });
    expect(emptyReportDraft(null)).toMatchObject({ enterpriseId: '', source: 'inspection' });
  });

  it('names every field the server would refuse', () => {
    const draft = {
      ...emptyReportDraft(null),
      locationText: ' a ',
      description: '四个字啊',
      deadline: '2026-11-28',
    };
    expect(reportProblems(draft, '2026-11-29')).toEqual([
      'enterprise',
      'location',
      'description',
      'category',
      'deadline',
    ]);
    const ready = {
      ...emptyReportDraft('e1'),
      locationText: '罐区',
      description: '报警仪失效五个字',
      category: '08' as const,
      deadline: '2026-11-29',
    };
    expect(reportProblems(ready, '2026-11-29')).toEqual([]);
  });

  it('sends the trimmed fields, the judgement and deadline only when given', () => {
    const draft = {
      ...emptyReportDraft('e1'),
      locationText: ' 罐区 ',
      description: ' 报警仪失效 ',
      category: '08' as const,
      ticked: ['hc-12'],
      judgement: '  ',
      photos: ['p1'],
    };
    expect(reportBody(draft)).toEqual({
      enterpriseId: 'e1',
      source: 'self_check',
      location: { text: '罐区' },
      description: '报警仪失效',
      category: '08',
      tickedCriteria: ['hc-12'],
      photos: ['p1'],
    });
    expect(reportBody({ ...draft, judgement: ' 整改难度大 ', deadline: '2026-12-10' })).toMatchObject({
      majorJudgement: '整改难度大',
      deadline: '2026-12-10',
    });
  });

  it('sends the security label only when it is not the server’s default (内部)', () => {
    const draft = {
      ...emptyReportDraft('e1'),
      locationText: '库房',
      description: '灭火器过期',
      category: '08' as const,
    };
    expect(draft.securityLabel).toBe('internal');
    expect(reportBody(draft)).not.toHaveProperty('securityLabel');
    expect(reportBody({ ...draft, securityLabel: 'sensitive' })).toMatchObject({
      securityLabel: 'sensitive',
    });
  });
});
