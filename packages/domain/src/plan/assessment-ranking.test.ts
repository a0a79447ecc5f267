import { describe, expect, it } from 'vitest';
import { assessmentGrade, rankAssessment } from './assessment-ranking.ts';

const items = [
  { code: 'a', name: '责任落实', maxScore: 60 },
  { code: 'b', name: '隐患治理', maxScore: 40 },
];

describe('yearly assessment ranking (目标责任考核)', () => {
  it('grades at the band edges', () => {
    expect(assessmentGrade(90, null)).toBe('excellent');
    expect(assessmentGrade(89.9, null)).toBe('good');
    expect(assessmentGrade(80, null)).toBe('good');
    expect(assessmentGrade(60, null)).toBe('pass');
    expect(assessmentGrade(59.9, null)).toBe('fail');
    expect(assessmentGrade(100, '发生较大生产安全事故')).toBe('fail');
  });

  it('ranks by total, shares ranks on ties, and puts vetoed units last', () => {
    const ranked = rankAssessment(items, [
      { organisationId: 'x', scores: { a: 50, b: 35 }, veto: null },
      { organisationId: 'v', scores: { a: 60, b: 40 }, veto: '发生较大生产安全事故' },
      { organisationId: 'y', scores: { a: 55, b: 37.5 }, veto: null },
      { organisationId: 'z', scores: { a: 45, b: 40 }, veto: null },
      { organisationId: 'w', scores: { a: 0.1, b: 0.2 }, veto: null },
    ]);
    expect(ranked.map((u) => [u.organisationId, u.total, u.rank, u.grade])).toEqual([
      ['y', 92.5, 1, 'excellent'],
      ['x', 85, 2, 'good'],
      ['z', 85, 2, 'good'],
      ['w', 0.3, 4, 'fail'],
      ['v', 100, 5, 'fail'],
    ]);
  });
});
