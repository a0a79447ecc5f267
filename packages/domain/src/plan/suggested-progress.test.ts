import { describe, expect, it } from 'vitest';
import type { PlanTarget } from '../cockpit/plan-targets.ts';
import { suggestedProgress } from './suggested-progress.ts';

const target = (over: Partial<PlanTarget>): PlanTarget => ({
  code: 'monitoring_online_rate',
  nameZh: '',
  nameEn: '',
  sourceZh: '',
  sourceEn: '',
  unit: '%',
  value: null,
  target: 100,
  status: 'no_data',
  reasonZh: '',
  reasonEn: '',
  ...over,
});

describe('suggested progress from figures Anjian holds', () => {
  it('suggests the online rate, rounded down so an almost-full rate never reads as done', () => {
    expect(suggestedProgress(target({ value: 92.5 }))).toBe(92);
    expect(suggestedProgress(target({ value: 99.6 }))).toBe(99);
    expect(suggestedProgress(target({ value: 100 }))).toBe(100);
    expect(suggestedProgress(target({ value: null }))).toBeNull();
  });

  it('suggests drills held against the year’s number, capped at 100', () => {
    const drills = (value: number, yearly: number) =>
      suggestedProgress(target({ code: 'drills_held', unit: '次', value, target: yearly }));
    expect(drills(3, 12)).toBe(25);
    expect(drills(15, 12)).toBe(100);
    expect(drills(0, 0)).toBeNull();
  });

  it('suggests 100 when no major hazard is open, and nothing while some are', () => {
    const hazards = (value: number) =>
      suggestedProgress(target({ code: 'major_hazards_cleared', unit: '项', value, target: 0 }));
    expect(hazards(0)).toBe(100);
    expect(hazards(2)).toBeNull();
  });
});
