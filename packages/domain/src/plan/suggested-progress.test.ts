import { describe, expect, it } from 'vitest';
import { hazardRectificationFigure, inspectionsFigure, type PlanFigure } from './plan-figures.ts';
import { suggestedProgress } from './suggested-progress.ts';

const target = (over: Partial<PlanFigure>): PlanFigure => ({
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
  periodZh: '',
  periodEn: '',
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

  it('suggests the hidden-hazard rectification rate of the period, rounded down', () => {
    const figure = hazardRectificationFigure({ found: 3, closed: 2 }, '2026-12-07');
    expect(figure).toMatchObject({
      value: 66.6,
      periodZh: '2026-01-01 至 2026-12-07',
      sourceZh: '隐患排查治理',
    });
    expect(figure.reasonZh).toBe('本期发现隐患 3 项，已整改销号 2 项（66.6%）');
    expect(suggestedProgress(figure)).toBe(66);
    expect(suggestedProgress(hazardRectificationFigure({ found: 0, closed: 0 }, '2026-12-07'))).toBeNull();
  });

  it('suggests nothing for counts without a target of their own: the unit judges', () => {
    const figure = inspectionsFigure(5, '2026-12-07');
    expect(figure).toMatchObject({ value: 5, target: null, reasonZh: '本期完成执法检查 5 次' });
    expect(suggestedProgress(figure)).toBeNull();
  });
});
