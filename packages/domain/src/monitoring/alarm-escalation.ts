import type { AlarmStatus } from './alarm.schema.ts';
import { MonitoringError } from './monitoring.errors.ts';
import type { AlarmActorKind } from './monitoring-terms.ts';

const minute = 60_000;

/**
 * Response clock of a firing alarm. The issue fixes 30 minutes for the enterprise's response and
 * then the county, then the city; the reference has no national time limits (standards.md §6.4 NF),
 * so both numbers are configurable. `cityAfterMinutes` counts from the county escalation.
 */
export interface AlarmEscalationRules {
  readonly responseMinutes: number;
  readonly cityAfterMinutes: number;
}

/** 30 min to respond (the issue); a further 30 min before the city is told (our assumption). */
export const defaultAlarmEscalationRules: AlarmEscalationRules = Object.freeze({
  responseMinutes: 30,
  cityAfterMinutes: 30,
});

export const alarmEscalationStates = [
  'none',
  'awaiting_response',
  'escalated_county',
  'escalated_city',
  'responded',
] as const;
export type AlarmEscalationState = (typeof alarmEscalationStates)[number];

/** A reminder to send once: the worker stores `key` per alarm and skips keys it has sent. */
export interface AlarmEscalationReminder {
  readonly key: string;
  readonly kind: 'escalated_county' | 'escalated_city';
  readonly recipients: readonly AlarmActorKind[];
  readonly since: Date;
}

export interface AlarmEscalation {
  readonly state: AlarmEscalationState;
  /** The response deadline of an alarm that fired; null before it fired. */
  readonly respondBy: Date | null;
  /** When a worker should look again; null when nothing more can happen without an action. */
  readonly nextChangeAt: Date | null;
  readonly reminder: AlarmEscalationReminder | null;
}

function checkRules(rules: AlarmEscalationRules): void {
  const whole = (value: number, min: number) => Number.isInteger(value) && value >= min && value <= 10_080;
  if (!whole(rules.responseMinutes, 1) || !whole(rules.cityAfterMinutes, 0)) {
    throw new MonitoringError('monitoring.escalation_rules_invalid', {
      details: { problem: 'whole minutes: response 1–10080, city after 0–10080', rules },
    });
  }
}

/**
 * Where a firing alarm stands against its response deadline at `now`. The clock starts when the
 * alarm fires (not while pending) and stops at the first acknowledgement or when the alarm is
 * cleared (automatically or by hand) or closed. Boundaries: escalated to the county from exactly
 * `responseMinutes` after firing, to the city from exactly `cityAfterMinutes` later. Pure and
 * idempotent: the same alarm and `now` give the same reminder key all through a stage.
 */
export function evaluateAlarmEscalation(
  alarm: {
    readonly status: AlarmStatus;
    readonly firedAt?: Date | undefined;
    readonly acknowledgedAt?: Date | undefined;
  },
  now: Date,
  rules: AlarmEscalationRules = defaultAlarmEscalationRules,
): AlarmEscalation {
  checkRules(rules);
  if (!alarm.firedAt) return { state: 'none', respondBy: null, nextChangeAt: null, reminder: null };
  const fired = alarm.firedAt.getTime();
  const respondBy = new Date(fired + rules.responseMinutes * minute);
  const cityAt = new Date(respondBy.getTime() + rules.cityAfterMinutes * minute);
  const quiet = { respondBy, nextChangeAt: null, reminder: null };
  if (alarm.status !== 'firing') return { ...quiet, state: alarm.acknowledgedAt ? 'responded' : 'none' };
  const key = (kind: string) => `${kind}:${alarm.firedAt!.toISOString()}`;
  if (now.getTime() >= cityAt.getTime()) {
    const recipients: AlarmActorKind[] = ['enterprise', 'county', 'city'];
    const reminder = {
      key: key('escalated_city'),
      kind: 'escalated_city' as const,
      recipients,
      since: cityAt,
    };
    return { ...quiet, state: 'escalated_city', reminder };
  }
  if (now.getTime() >= respondBy.getTime()) {
    const recipients: AlarmActorKind[] = ['enterprise', 'county'];
    const reminder = {
      key: key('escalated_county'),
      kind: 'escalated_county' as const,
      recipients,
      since: respondBy,
    };
    return { ...quiet, state: 'escalated_county', nextChangeAt: cityAt, reminder };
  }
  return { ...quiet, state: 'awaiting_response', nextChangeAt: respondBy };
}
