import { describe, expect, it } from 'vitest';
import {
  type CreditReportFact,
  type CreditReportRuleSet,
  checkCreditReportRuleSet,
  creditReportDeductions,
  creditReportRuleSets,
  creditReportRulesOn,
} from './credit-report-deductions.ts';

const fact = (
  reportId: string,
  verifiedOn: string,
  outcome: CreditReportFact['outcome'] = 'true',
): CreditReportFact => ({ reportId, verifiedOn, category: 'major_hazard', outcome });

describe('creditReportDeductions (issue 16: repeated verified reports feed the credit rules)', () => {
  it('makes nothing of one verified report, and one deduction at the second', () => {
    expect(creditReportDeductions([fact('a', '2025-03-01')], '2025-06-01')).toEqual([]);
    const [deduction, ...rest] = creditReportDeductions(
      [fact('b', '2025-05-10', 'partly_true'), fact('a', '2025-03-01')],
      '2025-06-01',
    );
    expect(rest).toEqual([]);
    expect(deduction).toEqual({
      recordedOn: '2025-05-10',
      endsOn: '2026-05-10',
      inForce: true,
      points: 5,
      ruleId: 'anjian-2025',
      threshold: 2,
      windowMonths: 12,
      reports: [fact('a', '2025-03-01'), fact('b', '2025-05-10', 'partly_true')],
      reasonZh:
        '12个月内2件举报经核查属实：2025-03-01核查属实的重大事故隐患举报、2025-05-10核查部分属实的重大事故隐患举报（达到2件的标准）',
      reasonEn:
        '2 reports verified within 12 months: a major hidden hazard report verified true on 2025-03-01; ' +
        'a major hidden hazard report verified partly true on 2025-05-10 (the rule counts 2)',
    });
  });

  it('counts two reports exactly 12 months apart, not one day more', () => {
    expect(
      creditReportDeductions([fact('a', '2024-03-01'), fact('b', '2025-03-01')], '2025-03-01'),
    ).toHaveLength(1);
    expect(creditReportDeductions([fact('a', '2024-02-29'), fact('b', '2025-03-01')], '2025-03-01')).toEqual(
      [],
    );
  });

  it('uses each report once: three reports make one deduction, four make two (newest first)', () => {
    const three = [fact('a', '2025-01-01'), fact('b', '2025-02-01'), fact('c', '2025-03-01')];
    expect(creditReportDeductions(three, '2025-04-01').map((d) => d.recordedOn)).toEqual(['2025-02-01']);
    const four = [...three, fact('d', '2025-04-01')];
    expect(
      creditReportDeductions(four, '2025-04-01').map((d) => [d.recordedOn, d.reports.map((r) => r.reportId)]),
    ).toEqual([
      ['2025-04-01', ['c', 'd']],
      ['2025-02-01', ['a', 'b']],
    ]);
  });

  it('leaves a deduction on record after its term, no longer in force', () => {
    const facts = [fact('a', '2024-01-05'), fact('b', '2024-02-05')];
    expect(creditReportDeductions(facts, '2025-02-05')[0]).toMatchObject({
      endsOn: '2025-02-05',
      inForce: true,
    });
    expect(creditReportDeductions(facts, '2025-02-06')[0]).toMatchObject({ inForce: false });
  });

  it('does not count a report verified after today', () => {
    expect(creditReportDeductions([fact('a', '2025-01-01'), fact('b', '2025-02-02')], '2025-02-01')).toEqual(
      [],
    );
  });

  it('goes when a verification is reversed: the facts without that report make none', () => {
    const facts = [fact('a', '2025-01-01'), fact('b', '2025-02-01')];
    expect(creditReportDeductions(facts, '2025-03-01')).toHaveLength(1);
    expect(
      creditReportDeductions(
        facts.filter((f) => f.reportId !== 'b'),
        '2025-03-01',
      ),
    ).toEqual([]);
  });

  it('applies the set in force on the day the count completes; an earlier deduction keeps its set', () => {
    const local: CreditReportRuleSet = {
      ...creditReportRuleSets[0]!,
      id: 'local',
      validFrom: '2025-06-01',
      threshold: 3,
      points: 8,
    };
    const sets = [...creditReportRuleSets, local];
    const facts = [
      fact('a', '2025-01-01'),
      fact('b', '2025-02-01'),
      fact('c', '2025-07-01'),
      fact('d', '2025-08-01'),
    ];
    expect(creditReportDeductions(facts, '2025-09-01', sets).map((d) => [d.ruleId, d.points])).toEqual([
      ['anjian-2025', 5],
    ]);
    const more = [...facts, fact('e', '2025-08-15')];
    expect(creditReportDeductions(more, '2025-09-01', sets).map((d) => [d.ruleId, d.reports.length])).toEqual(
      [
        ['local', 3],
        ['anjian-2025', 2],
      ],
    );
    expect(creditReportRulesOn('2025-05-31', sets).id).toBe('anjian-2025');
    expect(creditReportRulesOn('2025-06-01', sets).id).toBe('local');
  });

  it('refuses a rule set with a figure out of range', () => {
    expect(() => checkCreditReportRuleSet({ ...creditReportRuleSets[0]!, threshold: 0 })).toThrow(
      'threshold must be an integer from 1 to 20',
    );
    expect(checkCreditReportRuleSet(creditReportRuleSets[0]!).threshold).toBe(2);
  });
});
