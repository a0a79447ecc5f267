import { describe, expect, it } from 'vitest';
import { defaultPlanTargets, planTargetStatuses, type PlanTargetInput } from './plan-targets.ts';

const HALF = { elapsedDays: 183, daysInYear: 366 };
const input = (over: Partial<PlanTargetInput>): PlanTargetInput => ({
  online: null,
  majorHazards: null,
  drillsHeld: null,
  counties: 9,
  progress: HALF,
  ...over,
});
const only = (over: Partial<PlanTargetInput>) => planTargetStatuses(input(over))[0]!;

describe('the plan’s other targets', () => {
  it.each([
    [{ online: 20, total: 20 }, 100, 'on_track'],
    [{ online: 19, total: 20 }, 95, 'at_risk'],
    [{ online: 18, total: 20 }, 90, 'off_track'],
    [{ online: 0, total: 0 }, null, 'no_data'],
  ] as const)('online rate %o → %s %s', (online, value, status) => {
    expect(only({ online })).toMatchObject({ code: 'monitoring_online_rate', value, target: 100, status });
  });

  it('names its source and says why: 19 of 20 points online is short of 100 %', () => {
    expect(only({ online: { online: 19, total: 20 } })).toMatchObject({
      sourceZh: '监测预警',
      reasonZh: '19/20 个监测点在线（95.0%），未达到 100%',
    });
  });

  it.each([
    [0, 0, 'on_track'],
    [2, 0, 'at_risk'],
    [2, 1, 'off_track'],
  ] as const)('%i open major hazards, %i overdue → %s', (open, overdue, status) => {
    expect(only({ majorHazards: { open, overdue } })).toMatchObject({ value: open, target: 0, status });
  });

  it('drills keep the 十三五 pace: 107 a year for the city, half of it (53.5) due by mid-year', () => {
    expect(only({ drillsHeld: 54 })).toMatchObject({ target: 107, status: 'on_track' });
    expect(only({ drillsHeld: 43 })).toMatchObject({ status: 'at_risk' }); // 43 ≥ 0.8 × 53.5 = 42.8
    expect(only({ drillsHeld: 42 })).toMatchObject({ status: 'off_track' });
    expect(only({ drillsHeld: 42 }).reasonZh).toBe('本年已演练 42 次，按全年 107 次进度应达 53.5 次');
    // One county of nine: ⌈107 ÷ 9⌉ = 12 a year.
    expect(only({ drillsHeld: 6, counties: 1 })).toMatchObject({ target: 12, status: 'on_track' });
  });

  it('leaves out what the viewer may not read, in a fixed order otherwise', () => {
    expect(planTargetStatuses(input({})).length).toBe(0);
    const all = planTargetStatuses(
      input({ online: { online: 1, total: 1 }, majorHazards: { open: 0, overdue: 0 }, drillsHeld: 60 }),
    );
    expect(all.map((t) => t.code)).toEqual([
      'monitoring_online_rate',
      'major_hazards_cleared',
      'drills_held',
    ]);
  });
});

describe('the plan’s other targets as data', () => {
  // The bureau lowers the online target to 98 % (at risk from 90 %), asks 90 drills a year (at risk
  // from 50 % of those due) and lists drills first.
  const edited = [
    { ...defaultPlanTargets[2]!, target: 90, atRisk: 50 },
    { ...defaultPlanTargets[0]!, target: 98, atRisk: 90 },
  ];
  const all = input({
    online: { online: 49, total: 50 },
    majorHazards: { open: 1, overdue: 0 },
    drillsHeld: 25,
  });

  it('reads the targets and thresholds of the rows, in their order, and leaves out a target without a row', () => {
    // 49/50 = 98 % meets 98 %. Drills: 90 × 183 ÷ 366 = 45 due; 25 ≥ 50 % of 45 → at risk.
    expect(planTargetStatuses(all, edited).map((x) => [x.code, x.target, x.status, x.reasonZh])).toEqual([
      ['drills_held', 90, 'at_risk', '本年已演练 25 次，按全年 90 次进度应达 45.0 次'],
      ['monitoring_online_rate', 98, 'on_track', '49/50 个监测点在线（98.0%）'],
    ]);
  });

  it('gives the seed’s answers with the default rows', () => {
    expect(planTargetStatuses(all).map((x) => [x.code, x.target, x.status])).toEqual([
      ['monitoring_online_rate', 100, 'at_risk'],
      ['major_hazards_cleared', 0, 'at_risk'],
      ['drills_held', 107, 'off_track'],
    ]);
  });
});
