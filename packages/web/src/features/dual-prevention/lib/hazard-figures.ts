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
  /** Regulatory sectors of the enterprise, when known. */
  readonly sectors?: readonly string[] | undefined;
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

/**
 * Counts per key, in the order of `keys` first (so a county without hazards still has its column),
 * then any other key met. A row with several keys (an enterprise in two sectors) counts under each.
 */
export function countHazardsBy(
  rows: Iterable<HazardFigureRow>,
  keysOf: (row: HazardFigureRow) => readonly string[],
  keys: readonly string[] = [],
): Map<string, HazardCounts> {
  const groups = new Map<string, HazardCounts>(keys.map((key) => [key, emptyCounts()]));
  for (const row of rows) {
    for (const key of keysOf(row)) {
      let counts = groups.get(key);
      if (!counts) {
        counts = emptyCounts();
        groups.set(key, counts);
      }
      add(counts, row);
    }
  }
  return groups;
}

/** The CST calendar day of an instant, YYYY-MM-DD. */
function cstDay(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** 整改率: closed ÷ (all − dismissed); null when nothing counts. */
export function rectificationRate(rows: readonly HazardFigureRow[]): number | null {
  const real = rows.filter((row) => row.status !== 'dismissed');
  if (real.length === 0) return null;
  return real.filter((row) => row.status === 'closed').length / real.length;
}

/**
 * 按期整改率: closed on or before the deadline's day ÷ closed hazards that had a deadline; a hazard
 * due on the 31st and closed during the 31st (Beijing time) is on time. Null when none is closed.
 */
export function onTimeRate(rows: readonly HazardFigureRow[]): number | null {
  const closed = rows.filter((row) => row.status === 'closed' && row.closedAt && row.deadline);
  if (closed.length === 0) return null;
  return closed.filter((row) => cstDay(row.closedAt!) <= row.deadline!).length / closed.length;
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

/** The figures counted here from the hazards themselves (when the server gives only totals). */
export function figuresFromRows(
  rows: readonly HazardFigureRow[],
  counties: readonly string[],
): HazardFigures {
  return {
    totals: countHazards(rows),
    byCounty: countHazardsBy(rows, (row) => [row.county], counties),
    bySector: countHazardsBy(rows, (row) => (row.sectors && row.sectors.length > 0 ? row.sectors : [''])),
    byLevel: {
      general: rows.filter((row) => row.level === 'general').length,
      major: rows.filter((row) => row.level === 'major').length,
    },
    byStatus: Object.fromEntries(
      statuses.map((s) => [s, rows.filter((row) => row.status === s).length]),
    ) as Record<HiddenHazardStatus, number>,
    rectificationRate: rectificationRate(rows),
    onTimeRate: onTimeRate(rows),
  };
}

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
  overdue?: { total: number };
  closed?: { total: number };
  byLevel?: Record<HiddenHazardLevel, Tally>;
  byCounty?: (Tally & { key: string })[];
  bySector?: (Tally & { key: string })[];
  rectificationRate?: { rate: number | null };
  onTimeRate?: { rate: number | null };
}

/** The server's breakdown as the page's figures; null when the server gives totals only. */
export function figuresFromStatistics(
  answer: HazardStatisticsAnswer,
  counties: readonly string[],
): HazardFigures | null {
  if (!answer.byCounty || !answer.bySector || !answer.byLevel || !answer.overdue || !answer.closed)
    return null;
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
    rectificationRate: answer.rectificationRate?.rate ?? null,
    onTimeRate: answer.onTimeRate?.rate ?? null,
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
