import { describe, expect, it } from 'vitest';
import {
  countHazards,
  countHazardsBy,
  figuresFromRows,
  figuresFromStatistics,
  formatRate,
  groupedValues,
  hasFigures,
  onTimeRate,
  rectificationRate,
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
  row({ status: 'closed', deadline: '2026-12-31', closedAt: '2026-12-31T15:59:59Z', sectors: ['chem'] }),
  row({ status: 'closed', deadline: '2026-12-31', closedAt: '2026-12-31T16:00:00Z', level: 'major' }),
  row({ status: 'rectifying', escalation: 'overdue', county: '530423', sectors: ['chem', 'mine'] }),
  row({ status: 'pending_acceptance', escalation: 'escalated_city', level: 'major' }),
  row({ status: 'dismissed' }),
  row({ status: 'reported', escalation: 'due_soon' }),
];

describe('hazard figures for the statistics page', () => {
  it('counts open, closed, overdue and major hazards', () => {
    expect(countHazards(rows)).toEqual({ total: 6, open: 3, closed: 2, overdue: 2, major: 2 });
  });

  it('groups by county keeping the given order and empty counties', () => {
    const byCounty = countHazardsBy(rows, (r) => [r.county], ['530402', '530403', '530423']);
    expect([...byCounty.keys()]).toEqual(['530402', '530403', '530423']);
    expect(byCounty.get('530402')).toEqual({ total: 0, open: 0, closed: 0, overdue: 0, major: 0 });
    expect(byCounty.get('530423')).toEqual({ total: 1, open: 1, closed: 0, overdue: 1, major: 0 });
  });

  it('counts an enterprise in two sectors under each', () => {
    const bySector = countHazardsBy(rows, (r) => r.sectors ?? ['']);
    expect(bySector.get('chem')?.total).toBe(2);
    expect(bySector.get('mine')?.overdue).toBe(1);
    expect(bySector.get('')?.total).toBe(4);
  });

  it('leaves dismissed hazards out of the rectification rate', () => {
    expect(rectificationRate(rows)).toBe(2 / 5);
    expect(rectificationRate([row({ status: 'dismissed' })])).toBeNull();
  });

  it('counts a hazard closed during its deadline day in Beijing as on time, the next day as late', () => {
    expect(onTimeRate(rows)).toBe(0.5);
    expect(onTimeRate([row({ status: 'rectifying' })])).toBeNull();
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
    )!;
    expect(figures.totals).toEqual({ total: 3, open: 1, closed: 2, overdue: 1, major: 2 });
    expect([...figures.byCounty.keys()]).toEqual(['530402', '530403']);
    expect(figures.byCounty.get('530403')?.closed).toBe(2);
    expect(figures.byLevel).toEqual({ general: 1, major: 2 });
    expect(figures.byStatus.closed).toBe(2);
    expect(figures.rectificationRate).toBe(0.6667);
  });

  it('answers null when the server gives totals only, so the page counts the rows itself', () => {
    expect(
      figuresFromStatistics({ total: { general: 0, major: 0, total: 0 }, open: { total: 0 }, byStatus }, []),
    ).toBeNull();
    const figures = figuresFromRows(rows, ['530403']);
    expect(figures.totals.closed).toBe(2);
    expect(figures.byStatus.dismissed).toBe(1);
  });
});

describe('charts without data', () => {
  it('have nothing to draw when every value is zero, so the page shows 暂无数据 instead of equal halves', () => {
    expect(hasFigures([0, 0])).toBe(false);
    expect(hasFigures([])).toBe(false);
    expect(hasFigures([0, 3])).toBe(true);
    const none = countHazardsBy([], () => [], ['530402', '530403']);
    expect(groupedValues(none)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(hasFigures(groupedValues(none))).toBe(false);
  });
});
