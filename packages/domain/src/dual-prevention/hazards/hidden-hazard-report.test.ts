import { describe, expect, it } from 'vitest';
import { hazardCriteriaHazchem2017 } from './hazard-criteria-hazchem.ts';
import { county, enterprise, inspector, reportedAt } from './hidden-hazard.test-fixtures.ts';
import { reportHazard } from './hidden-hazard-report.ts';

const report = (input: Partial<Parameters<typeof reportHazard>[0]>, actor = enterprise, rules = {}) =>
  reportHazard({ source: 'self_check', tickedCriteria: [], ...input }, { now: reportedAt, actor, rules });

describe('reportHazard', () => {
  it('registers a 一般 hazard with its first timeline entry', () => {
    const result = report({});
    if (!result.ok) throw result.error;
    expect(result.state).toEqual({
      status: 'reported',
      level: 'general',
      criteria: [],
      source: 'self_check',
      reportedAt,
      extensions: [],
      rejectionCount: 0,
      timeline: [result.entry],
    });
    expect(result.entry).toEqual({
      at: reportedAt,
      actorKind: 'enterprise',
      actorId: 'user-enterprise',
      action: 'report',
      from: null,
      to: 'reported',
    });
  });

  it('makes a hazard 重大 when a criterion is ticked and keeps which', () => {
    const result = report(
      { source: 'inspection', tickedCriteria: ['hc-12', 'hc-06'], deadline: '2025-03-31' },
      inspector,
    );
    if (!result.ok) throw result.error;
    expect(result.state).toMatchObject({ level: 'major', source: 'inspection', deadline: '2025-03-31' });
    expect(result.state.criteria.map((criterion) => criterion.code)).toEqual(['hc-06', 'hc-12']);
    expect(result.state.criteria[0]).toEqual({
      code: 'hc-06',
      text: '全压力式液化烃储罐未按国家标准设置注水措施',
      list: 'hazchem-2017',
      listVersion: '2017',
    });
  });

  it('makes a hazard 重大 on a reasoned judgement without a criterion', () => {
    const result = report({ source: 'public_report', majorJudgement: ' 需全部停产停业治理 ' }, county);
    if (!result.ok) throw result.error;
    expect(result.state).toMatchObject({
      level: 'major',
      criteria: [],
      majorJudgement: '需全部停产停业治理',
    });
  });

  it.each<[string, Partial<Parameters<typeof reportHazard>[0]>, string, Record<string, unknown>]>([
    ['an unknown criterion', { tickedCriteria: ['hc-99'] }, 'hazard.unknown_criterion', { codes: ['hc-99'] }],
    ['a blank judgement', { majorJudgement: '   ' }, 'hazard.reason_required', { field: 'majorJudgement' }],
    [
      'a notice deadline already past',
      { deadline: '2025-02-28' },
      'hazard.invalid_deadline',
      { field: 'deadline', deadline: '2025-02-28', reason: 'past' },
    ],
  ])('refuses %s', (_, input, code, details) => {
    const result = report(input);
    if (result.ok) throw new Error('expected a refusal');
    expect([result.error.code, result.error.details]).toEqual([code, details]);
  });

  it('classifies with the bureau’s lists', () => {
    const result = report({ tickedCriteria: ['fw-01'] }, enterprise, {
      criteriaLists: [hazardCriteriaHazchem2017],
    });
    expect(result.ok).toBe(false);
  });
});
