import type { AlarmAction, AlarmDisposal, AlarmStatus } from './alarm.schema.ts';
import type { AlarmTransition, AlarmTransitionReason } from './alarm-state.ts';
import { MonitoringError } from './monitoring.errors.ts';
import type { AlarmActorKind } from './monitoring-terms.ts';

/*
 * The handling of one alarm (报警处置), after ThingsBoard's acknowledged × cleared model and
 * OpenRemote's Open → Acknowledged → In progress → Resolved → Closed (peer-systems.md §4 item 1):
 *
 *   pending ──fire──▶ firing ──acknowledge──▶ acknowledged ──handle──▶ handling
 *      │                 │                        │                       │
 *      │                 └───────── clear (消警, by hand, with a reason) ──┴──▶ cleared ──close──▶ closed
 *      │                 └──── return_to_normal (automatic, normal again) ────▶ cleared
 *      └──return_to_normal (never fired: nothing to handle)──────────────────────────────────▶ closed
 *
 * System events (`fire`, `return_to_normal`) come from evaluator transitions. A manual clear while
 * the condition persists silences this alarm only: the rule stays firing in the evaluator and raises
 * a new alarm only after it has been normal again. The reference has no national rule on who may
 * clear (§6.4 NF); our choice is below and the clearing party is recorded for the regulator.
 */

export interface AlarmActor {
  readonly kind: AlarmActorKind;
  readonly id: string;
}

export const systemActor: AlarmActor = Object.freeze({ kind: 'system', id: 'system' });

export interface AlarmTimelineEntry {
  readonly at: Date;
  readonly actorKind: AlarmActorKind;
  readonly actorId: string;
  /** `raise` opens the alarm (from null). */
  readonly action: AlarmEventName | 'raise';
  readonly from: AlarmStatus | null;
  readonly to: AlarmStatus;
  readonly note?: string;
  readonly reason?: AlarmTransitionReason;
}

export interface AlarmRecord {
  readonly status: AlarmStatus;
  readonly raisedAt: Date;
  readonly firedAt?: Date;
  readonly acknowledgedAt?: Date;
  readonly assignee?: string;
  readonly clearedAt?: Date;
  readonly clearedBy?: 'auto' | Exclude<AlarmActorKind, 'system'>;
  readonly clearReason?: string;
  readonly disposal?: AlarmDisposal;
  readonly closedAt?: Date;
  readonly timeline: readonly AlarmTimelineEntry[];
}

export type AlarmSystemEvent =
  | { readonly action: 'fire'; readonly reason?: AlarmTransitionReason }
  | { readonly action: 'return_to_normal'; readonly reason?: AlarmTransitionReason };

export type AlarmEvent = AlarmAction | AlarmSystemEvent;
export type AlarmEventName = AlarmEvent['action'];

/** Who may perform each step (our assumption; standards.md §6.4: no national rule found). */
export const alarmActionActors: Readonly<Record<AlarmEventName, readonly AlarmActorKind[]>> = {
  fire: ['system'],
  return_to_normal: ['system'],
  acknowledge: ['enterprise', 'county', 'city'],
  handle: ['enterprise'],
  clear: ['enterprise', 'county', 'city'],
  close: ['enterprise', 'county', 'city'],
};

const allowedFrom: Readonly<Record<AlarmEventName, readonly AlarmStatus[]>> = {
  fire: ['pending'],
  return_to_normal: ['pending', 'firing', 'acknowledged', 'handling'],
  acknowledge: ['firing'],
  handle: ['acknowledged', 'handling'],
  clear: ['firing', 'acknowledged', 'handling'],
  close: ['cleared'],
};

/** A new alarm for an evaluator transition that opens one (normal → pending or normal → firing); else null. */
export function openAlarm(transition: AlarmTransition): AlarmRecord | null {
  if (transition.from !== 'normal' || transition.to === 'normal') return null;
  const status: AlarmStatus = transition.to === 'pending' ? 'pending' : 'firing';
  const entry: AlarmTimelineEntry = {
    at: transition.at,
    actorKind: 'system',
    actorId: systemActor.id,
    action: 'raise',
    from: null,
    to: status,
    reason: transition.reason,
  };
  return {
    status,
    raisedAt: transition.at,
    ...(status === 'firing' ? { firedAt: transition.at } : {}),
    timeline: [entry],
  };
}

/** The lifecycle event of an evaluator transition on an open alarm: fire, return_to_normal, or none. */
export function alarmEventOf(transition: AlarmTransition): AlarmSystemEvent | null {
  if (transition.to === 'firing' && transition.from === 'pending')
    return { action: 'fire', reason: transition.reason };
  if (transition.to === 'normal') return { action: 'return_to_normal', reason: transition.reason };
  return null;
}

function requireText(
  value: string | undefined,
  code: 'monitoring.reason_required' | 'monitoring.assignee_required',
  path: string,
) {
  const trimmed = value?.trim();
  if (!trimmed) throw new MonitoringError(code, { fields: [{ path, code, message: 'required' }] });
  return trimmed;
}

function nextStatus(alarm: AlarmRecord, event: AlarmEvent): AlarmStatus {
  switch (event.action) {
    case 'fire':
      return 'firing';
    case 'return_to_normal':
      return alarm.status === 'pending' ? 'closed' : 'cleared';
    case 'acknowledge':
      return 'acknowledged';
    case 'handle':
      return 'handling';
    case 'clear':
      return 'cleared';
    case 'close':
      return 'closed';
  }
}

/** The fields an event sets besides the status, after checking what it needs. */
function changes(alarm: AlarmRecord, event: AlarmEvent, actor: AlarmActor, now: Date): Partial<AlarmRecord> {
  switch (event.action) {
    case 'fire':
      return { firedAt: now };
    case 'return_to_normal':
      return alarm.status === 'pending' ? { closedAt: now } : { clearedAt: now, clearedBy: 'auto' };
    case 'acknowledge':
      return { acknowledgedAt: now };
    case 'handle':
      requireText(event.notes, 'monitoring.assignee_required', 'notes');
      return { assignee: requireText(event.assignee, 'monitoring.assignee_required', 'assignee') };
    case 'clear': {
      const clearReason = requireText(event.reason, 'monitoring.reason_required', 'reason');
      return { clearedAt: now, clearedBy: actor.kind as Exclude<AlarmActorKind, 'system'>, clearReason };
    }
    case 'close': {
      const disposal = event.disposal ?? alarm.disposal;
      if (!disposal?.cause.trim() || !disposal.measures.trim()) {
        throw new MonitoringError('monitoring.disposal_required', {
          fields: [
            {
              path: 'disposal',
              code: 'monitoring.disposal_required',
              message: 'give the cause and measures',
            },
          ],
        });
      }
      return { closedAt: now, disposal };
    }
  }
}

const noteOf = (event: AlarmEvent): string | undefined =>
  event.action === 'handle'
    ? event.notes
    : event.action === 'clear'
      ? event.reason
      : event.action === 'acknowledge' || event.action === 'close'
        ? event.note
        : undefined;

/**
 * One step of an alarm's lifecycle at `now` by `actor`. Throws `monitoring.action_not_allowed` for
 * the wrong kind of actor and `monitoring.illegal_transition` for the wrong status — except for a
 * system event on an alarm already cleared or closed by hand, which is a no-op (`entry` null).
 * For a system event pass the evaluator transition's `at` as `now`.
 */
export function applyAlarmEvent(
  alarm: AlarmRecord,
  event: AlarmEvent,
  context: { readonly now: Date; readonly actor: AlarmActor },
): { readonly alarm: AlarmRecord; readonly entry: AlarmTimelineEntry | null } {
  const { now, actor } = context;
  if (!alarmActionActors[event.action].includes(actor.kind)) {
    throw new MonitoringError('monitoring.action_not_allowed', {
      details: { action: event.action, actor: actor.kind },
    });
  }
  if (!allowedFrom[event.action].includes(alarm.status)) {
    if (actor.kind === 'system') return { alarm, entry: null };
    throw new MonitoringError('monitoring.illegal_transition', {
      details: { action: event.action, status: alarm.status },
    });
  }
  const to = nextStatus(alarm, event);
  const note = noteOf(event);
  const reason = event.action === 'fire' || event.action === 'return_to_normal' ? event.reason : undefined;
  const entry: AlarmTimelineEntry = {
    at: now,
    actorKind: actor.kind,
    actorId: actor.id,
    action: event.action,
    from: alarm.status,
    to,
    ...(note ? { note: note.trim() } : {}),
    ...(reason ? { reason } : {}),
  };
  const next = {
    ...alarm,
    ...changes(alarm, event, actor, now),
    status: to,
    timeline: [...alarm.timeline, entry],
  };
  return { alarm: next, entry };
}
