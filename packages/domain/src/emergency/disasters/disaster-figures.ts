import { DomainError } from '../../errors/domain-error.ts';
import { CHINA_OFFSET_MS, chinaCalendarDay, chinaDate, chinaDayEnd } from '../../common/china-time.ts';
import {
  disasterFigureFields,
  type DisasterDeadline,
  type DisasterFigures,
  type DisasterReport,
  type DisasterReportInput,
} from './disaster.schema.ts';
import type { DisasterRules } from './disaster-rules.ts';

/** The figures a report of a township without any report starts from. */
export const zeroFigures: DisasterFigures = Object.freeze({
  affected: 0,
  relocated: 0,
  needingAid: 0,
  deaths: 0,
  missing: 0,
  housesCollapsed: 0,
  housesSeverelyDamaged: 0,
  housesDamaged: 0,
  cropsHectares: '0',
  directLossWan: '0',
});

const SCALE = 10_000n;
/** A decimal string (up to 4 places) as ten-thousandths, exactly. */
function scaled(value: string): bigint {
  const [whole = '0', fraction = ''] = value.trim().split('.');
  return BigInt(whole || '0') * SCALE + BigInt((fraction + '0000').slice(0, 4));
}
function unscaled(value: bigint): string {
  const whole = value / SCALE;
  const fraction = (value % SCALE).toString().padStart(4, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : `${whole}`;
}
/** `12.5000` → `12.5`, `007` → `7`: the one way a decimal figure is written. */
export const normaliseDecimal = (value: string): string => unscaled(scaled(value));

const isDecimalField = (field: string) => field === 'cropsHectares' || field === 'directLossWan';
const numberOf = (figures: DisasterFigures, field: (typeof disasterFigureFields)[number]): bigint =>
  isDecimalField(field) ? scaled(figures[field] as string) : BigInt(figures[field] as number) * SCALE;

/** Reports in the order they hold: by the time of the figures, then by when they were recorded. */
export function byReportTime(a: DisasterReport, b: DisasterReport): number {
  return a.reportedAt === b.reportedAt
    ? Date.parse(a.recordedAt) - Date.parse(b.recordedAt)
    : Date.parse(a.reportedAt) - Date.parse(b.reportedAt);
}

/** The current figures: each township's latest report. Earlier reports stay in the history. */
export function latestPerTownship(reports: readonly DisasterReport[]): Map<string, DisasterReport> {
  const latest = new Map<string, DisasterReport>();
  for (const report of [...reports].sort(byReportTime)) latest.set(report.township, report);
  return latest;
}

/** The sum of figures, decimals added exactly. */
export function totalFigures(all: Iterable<DisasterFigures>): DisasterFigures {
  const sums = new Map<string, bigint>(disasterFigureFields.map((field) => [field, 0n]));
  for (const figures of all)
    for (const field of disasterFigureFields) sums.set(field, sums.get(field)! + numberOf(figures, field));
  const out: Record<string, string | number> = {};
  for (const field of disasterFigureFields) {
    const sum = sums.get(field)!;
    out[field] = isDecimalField(field) ? unscaled(sum) : Number(sum / SCALE);
  }
  return out as DisasterFigures;
}

/** The figures that fell, or rose by more than the rules allow without an explanation. */
export function figuresNeedingExplanation(
  previous: DisasterFigures,
  next: DisasterFigures,
  rules: Pick<DisasterRules, 'jumpRatio' | 'jumpMinimum'>,
): (typeof disasterFigureFields)[number][] {
  const ratio = BigInt(Math.round(rules.jumpRatio * 10_000));
  const minimum = BigInt(Math.round(rules.jumpMinimum * 10_000));
  return disasterFigureFields.filter((field) => {
    const before = numberOf(previous, field);
    const after = numberOf(next, field);
    if (after < before) return true;
    const rise = after - before;
    return before > 0n && rise * 10_000n > before * ratio && rise >= minimum;
  });
}

/**
 * Checks a new report of a township against its history: stages in order (one 初报, then 续报,
 * one 核报 that ends it), time not before the township's latest figures, consistent figures, and
 * an explanation for a fall or a big jump. Throws a DomainError; returns nothing.
 */
export function checkDisasterReport(
  history: readonly DisasterReport[],
  input: Pick<DisasterReportInput, 'stage' | 'figures' | 'note'> & { reportedAt: string },
  rules: DisasterRules,
): void {
  const ordered = [...history].sort(byReportTime);
  const latest = ordered.at(-1);
  const verified = ordered.some((r) => r.stage === 'verified');
  const outOfOrder =
    verified || (latest === undefined ? input.stage !== 'initial' : input.stage === 'initial');
  if (outOfOrder) throw new DomainError('disaster.stage_out_of_order');
  if (latest && Date.parse(input.reportedAt) < Date.parse(latest.reportedAt))
    throw new DomainError('disaster.report_time_invalid');
  const f = input.figures;
  if (
    rules.consistencyChecks &&
    (f.relocated > f.affected || f.needingAid > f.affected || f.deaths + f.missing > f.affected)
  )
    throw new DomainError('disaster.figures_inconsistent');
  if (latest && !input.note?.trim()) {
    const fields = figuresNeedingExplanation(latest.figures, f, rules);
    if (fields.length > 0)
      throw new DomainError('disaster.explanation_required', {
        fields: fields.map((field) => ({
          path: `figures.${field}`,
          code: 'explanation_required',
          message: field,
        })),
      });
  }
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** The first China wall time `hh:mm` strictly after an instant. */
export function nextDailyTime(after: Date, hhmm: string): Date {
  const [hours = 9, minutes = 0] = hhmm.split(':').map(Number);
  const day = chinaCalendarDay(after).getTime();
  let at = day + (hours * 60 + minutes) * 60_000 - CHINA_OFFSET_MS;
  if (at <= after.getTime()) at += DAY_MS;
  return new Date(at);
}

/** The China date `count` weekdays (Mon–Fri) after a date's own day. */
export function addWeekdays(date: string, count: number): string {
  let day = Date.parse(`${date}T00:00:00Z`);
  let left = count;
  while (left > 0) {
    day += DAY_MS;
    const weekday = new Date(day).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return new Date(day).toISOString().slice(0, 10);
}

/**
 * The event's reporting deadlines: the 初报 within `initialWithinHours` of the disaster; while it is
 * not stable and figures have come in, the next daily 续报; once stable, each township's 核报 within
 * `verifiedWithinWorkingDays` weekdays (to the end of that China day).
 */
export function disasterDeadlines(
  event: { occurredAt: string; stabilisedAt: string | null; townships: readonly string[] },
  reports: readonly DisasterReport[],
  rules: DisasterRules,
  now: Date,
): DisasterDeadline[] {
  const late = (due: Date, done: string | null) => (done ? Date.parse(done) : now.getTime()) > due.getTime();
  const recorded = (r: DisasterReport) => r.recordedAt;
  const initialDue = new Date(Date.parse(event.occurredAt) + rules.initialWithinHours * HOUR_MS);
  const initials = reports
    .filter((r) => r.stage === 'initial')
    .map(recorded)
    .sort();
  const initialDone = initials[0] ?? null;
  const out: DisasterDeadline[] = [
    {
      stage: 'initial',
      township: null,
      dueAt: initialDue.toISOString(),
      doneAt: initialDone,
      overdue: late(initialDue, initialDone),
    },
  ];
  if (event.stabilisedAt === null) {
    const lastRecorded = reports.map(recorded).sort().at(-1);
    if (lastRecorded) {
      const due = nextDailyTime(new Date(lastRecorded), rules.followUpDailyAt);
      out.push({
        stage: 'follow_up',
        township: null,
        dueAt: due.toISOString(),
        doneAt: null,
        overdue: late(due, null),
      });
    }
    for (const township of event.townships)
      out.push({ stage: 'verified', township, dueAt: null, doneAt: null, overdue: false });
    return out;
  }
  const verifiedDue = chinaDayEnd(
    addWeekdays(chinaDate(new Date(event.stabilisedAt)), rules.verifiedWithinWorkingDays),
  );
  for (const township of event.townships) {
    const done = reports.find((r) => r.township === township && r.stage === 'verified')?.recordedAt ?? null;
    out.push({
      stage: 'verified',
      township,
      dueAt: verifiedDue.toISOString(),
      doneAt: done,
      overdue: late(verifiedDue, done),
    });
  }
  return out;
}
