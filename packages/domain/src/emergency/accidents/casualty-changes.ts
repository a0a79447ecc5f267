import { AccidentError } from './accident.errors.ts';
import { classifyAccident, type AccidentFigures, type AccidentLevel } from './accident-level.ts';
import { findAccidentType } from './accident-type-versions.ts';

/**
 * Later changes in casualties (国务院令第493号 Art. 13, standards.md §3.3): when the number of
 * casualties changes within 30 days of the accident — 7 days for road traffic and fire accidents —
 * the change is reported (补报) and the level is recomputed on the new numbers; a change after the
 * window does not alter the accident's figures.
 *
 * Day counting (standards.md §3.3, the usual legal convention): the day of the accident is day 0 and
 * the window ends at the end of day 30 (or 7). Days are calendar days in China Standard Time (UTC+8,
 * no daylight saving), so an accident at 2025-03-01 10:00 counts changes up to 2025-03-31 23:59:59
 * and ignores one at 2025-04-01 00:00.
 */
export interface CasualtyChange {
  readonly at: Date;
  /** New total of deaths as of `at` (not an increment); omitted when unchanged. */
  readonly deaths?: number;
  /** New total of serious injuries as of `at`; omitted when unchanged. */
  readonly seriousInjuries?: number;
}

export interface CasualtyRecountInput {
  readonly occurredAt: Date;
  /** GB 6441-1986 type code; 08 火灾 takes the 7-day window. */
  readonly accidentType: string;
  /** A road traffic accident (道路交通事故), which takes the 7-day window whatever its GB 6441 type. */
  readonly roadTraffic?: boolean;
  readonly original: AccidentFigures;
  readonly changes: readonly CasualtyChange[];
}

export interface CasualtyRecount {
  readonly windowDays: number;
  /** The first instant after the window: changes at or after it are ignored. */
  readonly windowEndsAt: Date;
  readonly figures: AccidentFigures;
  readonly level: AccidentLevel;
  readonly originalLevel: AccidentLevel;
  readonly reclassified: boolean;
  readonly counted: readonly CasualtyChange[];
  readonly ignored: readonly CasualtyChange[];
}

export interface CasualtyWindowOptions {
  /** Offset of the calendar used to count days, in minutes east of UTC; 480 = China Standard Time. */
  readonly utcOffsetMinutes: number;
}

export const defaultCasualtyWindowOptions: CasualtyWindowOptions = Object.freeze({ utcOffsetMinutes: 480 });

const dayMs = 86_400_000;

/** 7 days for road traffic and fire accidents, 30 for the rest (Art. 13). */
export function casualtyChangeWindowDays(accidentType: string, roadTraffic = false): number {
  // Fire: GB 6441-1986 type 08, GB 6441-2025 type WSA10009.
  const found = findAccidentType(accidentType);
  if (!found) throw new AccidentError('accident.unknown_type', { input: accidentType });
  return roadTraffic || found.type.fire === true ? 7 : 30;
}

/** Start of the calendar day after day `windowDays` (day 0 = the accident's day). */
export function casualtyWindowEnd(
  occurredAt: Date,
  windowDays: number,
  options = defaultCasualtyWindowOptions,
): Date {
  const offsetMs = options.utcOffsetMinutes * 60_000;
  const accidentDay = Math.floor((occurredAt.getTime() + offsetMs) / dayMs);
  return new Date((accidentDay + windowDays + 1) * dayMs - offsetMs);
}

function checkChange(change: CasualtyChange, occurredAt: Date): void {
  if (Number.isNaN(change.at.getTime())) throw new AccidentError('accident.invalid_time', { at: change.at });
  if (change.at < occurredAt) {
    throw new AccidentError('accident.change_before_accident', { at: change.at, occurredAt });
  }
  for (const field of ['deaths', 'seriousInjuries'] as const) {
    const value = change[field];
    if (value !== undefined && (!Number.isSafeInteger(value) || value < 0)) {
      throw new AccidentError('accident.invalid_figures', { field, input: value });
    }
  }
}

/** The figures and level that count after the changes reported within the Art. 13 window. */
export function recountAccidentCasualties(
  input: CasualtyRecountInput,
  options: CasualtyWindowOptions = defaultCasualtyWindowOptions,
): CasualtyRecount {
  const { occurredAt, original } = input;
  if (Number.isNaN(occurredAt.getTime())) throw new AccidentError('accident.invalid_time', { occurredAt });
  const originalLevel = classifyAccident(original).level;
  const windowDays = casualtyChangeWindowDays(input.accidentType, input.roadTraffic);
  const windowEndsAt = casualtyWindowEnd(occurredAt, windowDays, options);
  input.changes.forEach((change) => checkChange(change, occurredAt));
  const ordered = [...input.changes].sort((a, b) => a.at.getTime() - b.at.getTime());
  const counted = ordered.filter((change) => change.at < windowEndsAt);
  const ignored = ordered.filter((change) => change.at >= windowEndsAt);
  const figures = counted.reduce<AccidentFigures>(
    (current, change) => ({
      ...current,
      deaths: change.deaths ?? current.deaths,
      seriousInjuries: change.seriousInjuries ?? current.seriousInjuries,
    }),
    original,
  );
  const level = classifyAccident(figures).level;
  return {
    windowDays,
    windowEndsAt,
    figures,
    level,
    originalLevel,
    reclassified: level !== originalLevel,
    counted,
    ignored,
  };
}
