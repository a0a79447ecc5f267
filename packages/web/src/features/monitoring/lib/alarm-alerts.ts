import type { WarningColour } from '@anjian/domain';

/** An event of the live stream as the page receives it. */
export interface StreamEvent {
  readonly type: 'alarm' | 'warning' | 'escalation';
  readonly id?: string;
  readonly objectId: string;
  readonly pointId?: string;
  readonly status?: string;
  readonly state?: string;
  readonly colour?: WarningColour | null;
  readonly county: string;
  readonly enterpriseId: string;
  readonly at: string;
  readonly from?: WarningColour | null;
  readonly to?: WarningColour | null;
}

/** Colours that call for a browser notification and a sound (issue 5 §7: new red and orange alarms). */
export const alertingColours: readonly WarningColour[] = ['red', 'orange'];

/**
 * Whether this event is a new red or orange alarm this tab has not alerted on yet: the alarm's
 * first firing event. Later events of the same alarm (acknowledged, cleared) never alert; the
 * caller adds the id to `alerted` when it alerts.
 */
export function shouldAlert(event: StreamEvent, alerted: ReadonlySet<string>): boolean {
  if (event.type !== 'alarm' || !event.id || alerted.has(event.id)) return false;
  if (event.status !== 'firing') return false;
  return event.colour != null && alertingColours.includes(event.colour);
}
