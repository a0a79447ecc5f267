import { describe, expect, it } from 'vitest';
import {
  countHazards,
  figuresFromStatistics,
  formatRate,
  groupedValues,
  hasFigures,
  type HazardFigureRow,
} from './hazard-figures.ts';

const row = (over: Partial<HazardFigureRow>): HazardFigureRow => ({
  county: '530403',
  level: 'general',
  status: 'reported',
  escalation: 'on_time',
  ...over,
});

const rows: HazardFigureRow[] = [
  row({ status: 'closed', deadline: '2026-12-31', closedAt: '2026-12-31T15:59:59Z' }),
  row({ status: 'closed', deadline: '2026-12-31', closedAt: '2026-12-31T16:00:00Z', level: 'major' }),
  row({ status: 'rectifying', escalation: 'overdue', county: '530423' }),
  row({ status: 'pending_acceptance', escalation: 'escalated_city', level: 'major' }),
  row({ status: 'dismissed' }),
  row({ status: 'reported', escalation: 'due_soon' }),
];

describe('hazard figures for the statistics page', () => {
  it('counts open, closed, overdue and major hazards', () => {
    expect(countHazards(rows)).toEqual({ total: 6, open: 3, closed: 2, overdue: 2, major: 2 });
  });

  it('formats rates with one decimal', () => {
    expect(formatRate(2 / 3)).toBe('66.7%');
    expect(formatRate(1)).toBe('100.0%');
    expect(formatRate(null)).toBe('—');
  });
});

describe('figures from the server’s breakdown', () => {
  const tally = (total: number, open: number, closed: number, overdue: number) => ({
    total,
    open,
    closed,
    overdue,
  });
  const byStatus = {
    reported: { total: 1 },
    rectifying: { total: 0 },
    pending_acceptance: { total: 0 },
    closed: { total: 2 },
    dismissed: { total: 0 },
  };

  it('uses the breakdown, keeping every county as a column', () => {
    const figures = figuresFromStatistics(
      {
        total: { general: 1, major: 2, total: 3 },
        open: { total: 1 },
        byStatus,
        overdue: { total: 1 },
        closed: { total: 2 },
        byLevel: { general: tally(1, 1, 0, 1), major: tally(2, 0, 2, 0) },
        byCounty: [{ key: '530403', ...tally(3, 1, 2, 1) }],
        bySector: [{ key: 'chem', ...tally(3, 1, 2, 1) }],
        rectificationRate: { rate: 0.6667 },
        onTimeRate: { rate: 1 },
      },
      ['530402', '530403'],
    );
    expect(figures.totals).toEqual({ total: 3, open: 1, closed: 2, overdue: 1, major: 2 });
    expect([...figures.byCounty.keys()]).toEqual(['530402', '530403']);
    expect(figures.byCounty.get('530403')?.closed).toBe(2);
    expect(figures.byLevel).toEqual({ general: 1, major: 2 });
    expect(figures.byStatus.closed).toBe(2);
    expect(figures.rectificationRate).toBe(0.6667);
  });
});

describe('charts without data', () => {
  it('have nothing to draw when every value is zero, so the page shows 暂无数据 instead of equal halves', () => {
    expect(hasFigures([0, 0])).toBe(false);
    expect(hasFigures([])).toBe(false);
    expect(hasFigures([0, 3])).toBe(true);
    const none = new Map(['530402', '530403'].map((county) => [county, countHazards([])]));
    expect(groupedValues(none)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(hasFigures(groupedValues(none))).toBe(false);
  });
});
