/** One reporting step of an incident as the server sends it (国务院令第493号 Arts. 9–11). */
export interface ReportingStep {
  id: string;
  latestAt: string;
  sentAt: string | null;
}

export type CountdownState = 'sent' | 'running' | 'due_soon' | 'overdue';

export interface Countdown {
  state: CountdownState;
  /** Milliseconds left (negative once missed); 0 when sent. */
  remainingMs: number;
  /** `0:42:05` left, or `1:03:00` past the deadline (the state says which); empty when sent. */
  text: string;
  /** Whole days past the deadline, and the hours beyond them (a timer missed by a day or more). */
  overdueDays: { days: number; hours: number } | null;
}

/** Under this much time left the timer turns orange: a quarter of the 1-hour step. */
export const DUE_SOON_MS = 15 * 60_000;

function clock(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/**
 * The timer of a reporting step at `now`: counts down to its latest lawful time, then up in red
 * (the time past it, shown after 已超时 — a day or more as days and hours).
 */
export function reportingCountdown(step: ReportingStep, now: number): Countdown {
  if (step.sentAt) return { state: 'sent', remainingMs: 0, text: '', overdueDays: null };
  const remainingMs = new Date(step.latestAt).getTime() - now;
  // A deadline falls on a whole second: count the last partial second as still running.
  const shown = remainingMs > 0 ? Math.ceil(remainingMs / 1000) * 1000 : remainingMs;
  const state = remainingMs <= 0 ? 'overdue' : remainingMs <= DUE_SOON_MS ? 'due_soon' : 'running';
  const pastHours = Math.floor(-remainingMs / 3_600_000);
  const overdueDays = pastHours >= 24 ? { days: Math.floor(pastHours / 24), hours: pastHours % 24 } : null;
  return { state, remainingMs, text: clock(shown), overdueDays };
}

/** The first step still to be made, which the list shows; null when every report is sent. */
export function nextReportingStep<T extends ReportingStep>(steps: readonly T[]): T | null {
  return steps.find((step) => !step.sentAt) ?? null;
}
