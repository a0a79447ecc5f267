import { describe, expect, it } from 'vitest';
import type { DomainError } from '../../errors/domain-error.ts';
import {
  addWeekdays,
  checkDisasterReport,
  disasterDeadlines,
  latestPerTownship,
  nextDailyTime,
  normaliseDecimal,
  totalFigures,
  zeroFigures,
} from './disaster-figures.ts';
import { defaultDisasterRules } from './disaster-rules.ts';
import type { DisasterFigures, DisasterReport } from './disaster.schema.ts';

const A = '530427100'; // 扬武镇
const B = '530427101'; // 漠沙镇
let seq = 0;
function report(
  township: string,
  stage: DisasterReport['stage'],
  reportedAt: string,
  figures: Partial<DisasterFigures>,
): DisasterReport {
  seq += 1;
  return {
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    township,
    stage,
    reportedAt,
    recordedAt: reportedAt,
    reporter: '灾害信息员',
    recordedBy: '县应急局',
    figures: { ...zeroFigures, ...figures },
    note: null,
  };
}
const codeOf = (fn: () => void) => {
  try {
    fn();
  } catch (error) {
    return (error as DomainError).code;
  }
  return 'none';
};

describe('latest figures per township', () => {
  it('takes each township’s latest report and keeps the earlier ones out of the current figure', () => {
    const first = report(A, 'initial', '2026-07-01T10:00:00+08:00', { affected: 100 });
    const second = report(A, 'follow_up', '2026-07-02T09:00:00+08:00', { affected: 180 });
    const other = report(B, 'initial', '2026-07-01T11:00:00+08:00', { affected: 40 });
    const latest = latestPerTownship([second, other, first]);
    expect(latest.get(A)).toBe(second);
    expect(latest.get(B)).toBe(other);
    expect(latest.size).toBe(2);
  });

  it('adds the townships’ latest figures, decimals exactly', () => {
    const totals = totalFigures([
      { ...zeroFigures, affected: 180, deaths: 1, cropsHectares: '12.3', directLossWan: '0.1' },
      { ...zeroFigures, affected: 40, missing: 2, cropsHectares: '7.75', directLossWan: '0.2' },
    ]);
    expect(totals).toEqual({
      ...zeroFigures,
      affected: 220,
      deaths: 1,
      missing: 2,
      cropsHectares: '20.05',
      directLossWan: '0.3',
    });
    expect(normaliseDecimal('12.5000')).toBe('12.5');
    expect(normaliseDecimal('0.0000')).toBe('0');
  });
});

describe('a new report', () => {
  const rules = defaultDisasterRules;
  const initial = report(A, 'initial', '2026-07-01T10:00:00+08:00', { affected: 100, relocated: 20 });
  const at = '2026-07-02T09:00:00+08:00';

  it('starts with one initial report, then follow-ups, and nothing after the verified one', () => {
    expect(
      codeOf(() =>
        checkDisasterReport([], { stage: 'follow_up', reportedAt: at, figures: zeroFigures }, rules),
      ),
    ).toBe('disaster.stage_out_of_order');
    expect(
      codeOf(() =>
        checkDisasterReport([initial], { stage: 'initial', reportedAt: at, figures: initial.figures }, rules),
      ),
    ).toBe('disaster.stage_out_of_order');
    expect(
      codeOf(() =>
        checkDisasterReport(
          [initial],
          { stage: 'follow_up', reportedAt: at, figures: { ...initial.figures, affected: 150 } },
          rules,
        ),
      ),
    ).toBe('none');
    const verified = report(A, 'verified', at, initial.figures);
    expect(
      codeOf(() =>
        checkDisasterReport(
          [initial, verified],
          { stage: 'follow_up', reportedAt: '2026-07-03T09:00:00+08:00', figures: initial.figures },
          rules,
        ),
      ),
    ).toBe('disaster.stage_out_of_order');
  });

  it('is not dated before the township’s latest figures', () => {
    expect(
      codeOf(() =>
        checkDisasterReport(
          [initial],
          { stage: 'follow_up', reportedAt: '2026-07-01T09:00:00+08:00', figures: initial.figures },
          rules,
        ),
      ),
    ).toBe('disaster.report_time_invalid');
  });

  it('keeps relocated, needing aid, dead and missing within the people affected', () => {
    expect(
      codeOf(() =>
        checkDisasterReport(
          [],
          { stage: 'initial', reportedAt: at, figures: { ...zeroFigures, affected: 5, relocated: 6 } },
          rules,
        ),
      ),
    ).toBe('disaster.figures_inconsistent');
    expect(
      codeOf(() =>
        checkDisasterReport(
          [],
          { stage: 'initial', reportedAt: at, figures: { ...zeroFigures, affected: 5, relocated: 6 } },
          { ...rules, consistencyChecks: false },
        ),
      ),
    ).toBe('none');
  });

  it('needs an explanation for a fall or a jump beyond the configured ratio', () => {
    const fall = {
      stage: 'follow_up' as const,
      reportedAt: at,
      figures: { ...initial.figures, affected: 90 },
    };
    expect(codeOf(() => checkDisasterReport([initial], fall, rules))).toBe('disaster.explanation_required');
    expect(codeOf(() => checkDisasterReport([initial], { ...fall, note: '核减重复统计' }, rules))).toBe(
      'none',
    );
    const jump = {
      stage: 'follow_up' as const,
      reportedAt: at,
      figures: { ...initial.figures, relocated: 60 },
    };
    // relocated 20 → 60 rises by more than 100 % but by fewer than 100 people: no explanation needed
    expect(codeOf(() => checkDisasterReport([initial], jump, rules))).toBe('none');
    const big = report(A, 'initial', '2026-07-01T10:00:00+08:00', { affected: 1000 });
    expect(
      codeOf(() =>
        checkDisasterReport(
          [big],
          { stage: 'follow_up', reportedAt: at, figures: { ...big.figures, affected: 2001 } },
          rules,
        ),
      ),
    ).toBe('disaster.explanation_required');
    expect(
      codeOf(() =>
        checkDisasterReport(
          [big],
          { stage: 'follow_up', reportedAt: at, figures: { ...big.figures, affected: 2000 } },
          rules,
        ),
      ),
    ).toBe('none');
  });
});

describe('deadlines', () => {
  const rules = defaultDisasterRules;
  const occurredAt = '2026-07-01T06:00:00+08:00';

  it('the initial report is due 2 hours after the disaster, late when sent after', () => {
    const onTime = report(A, 'initial', '2026-07-01T07:30:00+08:00', { affected: 10 });
    const [initial] = disasterDeadlines(
      { occurredAt, stabilisedAt: null, townships: [A] },
      [onTime],
      rules,
      new Date('2026-07-01T12:00:00+08:00'),
    );
    expect(initial).toEqual({
      stage: 'initial',
      township: null,
      dueAt: '2026-07-01T00:00:00.000Z',
      doneAt: onTime.recordedAt,
      overdue: false,
    });
    const [missing] = disasterDeadlines(
      { occurredAt, stabilisedAt: null, townships: [A] },
      [],
      rules,
      new Date('2026-07-01T08:01:00+08:00'),
    );
    expect(missing!.overdue).toBe(true);
  });

  it('while not stable the next daily follow-up is due at 09:00 China time after the latest report', () => {
    const first = report(A, 'initial', '2026-07-01T07:30:00+08:00', { affected: 10 });
    const list = disasterDeadlines(
      { occurredAt, stabilisedAt: null, townships: [A] },
      [first],
      rules,
      new Date('2026-07-01T12:00:00+08:00'),
    );
    expect(list.find((d) => d.stage === 'follow_up')).toMatchObject({
      dueAt: '2026-07-01T01:00:00.000Z',
      overdue: true,
    });
    expect(nextDailyTime(new Date('2026-07-01T10:00:00+08:00'), '09:00').toISOString()).toBe(
      '2026-07-02T01:00:00.000Z',
    );
    expect(list.find((d) => d.stage === 'verified')).toMatchObject({
      township: A,
      dueAt: null,
      overdue: false,
    });
  });

  it('once stable each township’s verified report is due within 2 weekdays', () => {
    expect(addWeekdays('2026-07-03', 2)).toBe('2026-07-07'); // Friday → Tuesday
    const first = report(A, 'initial', '2026-07-01T07:30:00+08:00', { affected: 10 });
    const verified = report(A, 'verified', '2026-07-06T10:00:00+08:00', { affected: 10 });
    const list = disasterDeadlines(
      { occurredAt, stabilisedAt: '2026-07-03T18:00:00+08:00', townships: [A, B] },
      [first, verified],
      rules,
      new Date('2026-07-08T10:00:00+08:00'),
    );
    expect(list.filter((d) => d.stage === 'verified')).toEqual([
      {
        stage: 'verified',
        township: A,
        dueAt: '2026-07-07T16:00:00.000Z',
        doneAt: verified.recordedAt,
        overdue: false,
      },
      { stage: 'verified', township: B, dueAt: '2026-07-07T16:00:00.000Z', doneAt: null, overdue: true },
    ]);
    expect(list.some((d) => d.stage === 'follow_up')).toBe(false);
  });
});
