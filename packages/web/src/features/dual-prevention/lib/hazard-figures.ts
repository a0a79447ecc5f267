import type { HiddenHazardEscalationState, HiddenHazardLevel, HiddenHazardStatus } from '@anjian/domain';

/** What the statistics page needs of one hazard (a row of GET /hazards). */
export interface HazardFigureRow {
  readonly county: string;
  readonly level: HiddenHazardLevel;
  readonly status: HiddenHazardStatus;
  readonly escalation: HiddenHazardEscalationState;
  /** YYYY-MM-DD, China Standard Time */
  readonly deadline?: string | undefined;
  readonly closedAt?: string | undefined;
}

export interface HazardCounts {
  total: number;
  open: number;
  closed: number;
  overdue: number;
  major: number;
}

const OPEN: readonly HiddenHazardStatus[] = ['reported', 'rectifying', 'pending_acceptance'];
const OVERDUE: readonly HiddenHazardEscalationState[] = ['overdue', 'escalated_county', 'escalated_city'];

export const isOpenHazard = (row: Pick<HazardFigureRow, 'status'>) => OPEN.includes(row.status);

/** Open and past its deadline (逾期未整改). */
export const isOverdueHazard = (row: Pick<HazardFigureRow, 'status' | 'escalation'>) =>
  isOpenHazard(row) && OVERDUE.includes(row.escalation);

const emptyCounts = (): HazardCounts => ({ total: 0, open: 0, closed: 0, overdue: 0, major: 0 });

function add(counts: HazardCounts, row: HazardFigureRow): void {
  counts.total += 1;
  if (isOpenHazard(row)) counts.open += 1;
  if (row.status === 'closed') counts.closed += 1;
  if (isOverdueHazard(row)) counts.overdue += 1;
  if (row.level === 'major') counts.major += 1;
}

/** Counts of every row. */
export function countHazards(rows: Iterable<HazardFigureRow>): HazardCounts {
  const counts = emptyCounts();
  for (const row of rows) add(counts, row);
  return counts;
}

/** 87.5% style, one decimal; '—' for no figure. */
export function formatRate(rate: number | null): string {
  if (rate === null) return '—';
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** Everything the statistics page draws. */
export interface HazardFigures {
  readonly totals: HazardCounts;
  readonly byCounty: Map<string, HazardCounts>;
  readonly bySector: Map<string, HazardCounts>;
  readonly byLevel: Readonly<Record<HiddenHazardLevel, number>>;
  readonly byStatus: Readonly<Record<HiddenHazardStatus, number>>;
  readonly rectificationRate: number | null;
  readonly onTimeRate: number | null;
}

const statuses: readonly HiddenHazardStatus[] = [
  'reported',
  'rectifying',
  'pending_acceptance',
  'closed',
  'dismissed',
];

interface Tally {
  total: number;
  open: number;
  closed: number;
  overdue: number;
}

/** GET /hazards/statistics with its breakdown by county and sector and the two rates. */
export interface HazardStatisticsAnswer {
  total: { general: number; major: number; total: number };
  open: { total: number };
  byStatus: Record<HiddenHazardStatus, { total: number }>;
  overdue: { total: number };
  closed: { total: number };
  byLevel: Record<HiddenHazardLevel, Tally>;
  byCounty: (Tally & { key: string })[];
  bySector: (Tally & { key: string })[];
  rectificationRate: { rate: number | null };
  onTimeRate: { rate: number | null };
}

/** The server's breakdown (GET /hazards/statistics, rates included) as the page's figures. */
export function figuresFromStatistics(
  answer: HazardStatisticsAnswer,
  counties: readonly string[],
): HazardFigures {
  const withMajor = (tally: Tally): HazardCounts => ({ ...tally, major: 0 });
  const byCounty = new Map<string, HazardCounts>(counties.map((code) => [code, countHazards([])]));
  for (const row of answer.byCounty) byCounty.set(row.key, withMajor(row));
  return {
    totals: {
      total: answer.total.total,
      open: answer.open.total,
      closed: answer.closed.total,
      overdue: answer.overdue.total,
      major: answer.total.major,
    },
    byCounty,
    bySector: new Map(answer.bySector.map((row) => [row.key, withMajor(row)])),
    byLevel: { general: answer.byLevel.general.total, major: answer.byLevel.major.total },
    byStatus: Object.fromEntries(statuses.map((s) => [s, answer.byStatus[s].total])) as Record<
      HiddenHazardStatus,
      number
    >,
    rectificationRate: answer.rectificationRate.rate,
    onTimeRate: answer.onTimeRate.rate,
  };
}

/**
 * Whether a chart has anything to draw: some value above zero. A chart of nothing shows an empty
 * state instead — a donut of zeros would draw equal halves, a proportion that does not exist.
 */
export function hasFigures(values: Iterable<number>): boolean {
  for (const value of values) if (value > 0) return true;
  return false;
}

/** The values a bar chart of grouped counts draws (open, closed and overdue of each group). */
export function groupedValues(groups: ReadonlyMap<string, HazardCounts>): number[] {
  return [...groups.values()].flatMap((c) => [c.open, c.closed, c.overdue]);
}
