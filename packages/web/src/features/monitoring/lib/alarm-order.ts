import { warningColourRank, type AlarmStatus, type WarningColour } from '@anjian/domain';

/** What the queue needs of an alarm to order it. */
export interface QueuedAlarm {
  readonly id: string;
  readonly colour: WarningColour | null;
  readonly status: AlarmStatus;
  readonly raisedAt: string;
  readonly firedAt?: string | undefined;
}

/** Alarms that still need someone: everything before cleared. */
export const openAlarmStatuses: readonly AlarmStatus[] = ['pending', 'firing', 'acknowledged', 'handling'];

/** Still waiting for the first response (the escalation clock runs) comes before being dealt with. */
const statusUrgency: Readonly<Record<AlarmStatus, number>> = {
  firing: 3,
  pending: 2,
  acknowledged: 1,
  handling: 1,
  cleared: 0,
  closed: 0,
};

const startOf = (alarm: QueuedAlarm) => Date.parse(alarm.firedAt ?? alarm.raisedAt);

/**
 * Queue order: the most severe colour first (红 > 橙 > 黄 > 蓝 > device alarms without a colour),
 * then those still awaiting a response, then the newest. Ties keep a stable order by id.
 */
export function compareAlarms(a: QueuedAlarm, b: QueuedAlarm): number {
  return (
    warningColourRank(b.colour) - warningColourRank(a.colour) ||
    statusUrgency[b.status] - statusUrgency[a.status] ||
    startOf(b) - startOf(a) ||
    a.id.localeCompare(b.id)
  );
}

export function sortAlarmQueue<T extends QueuedAlarm>(alarms: readonly T[]): T[] {
  return [...alarms].sort(compareAlarms);
}

/** Display colours of the four warning levels (the one-map's 红橙黄蓝), and grey for none. */
export const warningHex: Readonly<Record<WarningColour | 'none', string>> = {
  red: '#e0252b',
  orange: '#f5811f',
  yellow: '#f2c811',
  blue: '#1e6fd9',
  none: '#8c939d',
};

export function colourHex(colour: WarningColour | null | undefined): string {
  return warningHex[colour ?? 'none'];
}

/** Element Plus tag type of an alarm status. */
export function statusTagType(status: AlarmStatus): 'danger' | 'warning' | 'primary' | 'success' | 'info' {
  switch (status) {
    case 'firing':
      return 'danger';
    case 'pending':
      return 'warning';
    case 'acknowledged':
    case 'handling':
      return 'primary';
    case 'cleared':
      return 'success';
    case 'closed':
      return 'info';
  }
}

/** The steps a person takes on an alarm (alarm.schema.ts). */
export type AlarmActionName = 'acknowledge' | 'handle' | 'clear' | 'close';

/** Which lifecycle buttons to offer for an alarm (the server checks again). Handling is the enterprise's. */
export function availableAlarmActions(
  status: AlarmStatus,
  actorKind: 'enterprise' | 'county' | 'city',
): AlarmActionName[] {
  const out: AlarmActionName[] = [];
  if (status === 'firing') out.push('acknowledge');
  if ((status === 'acknowledged' || status === 'handling') && actorKind === 'enterprise') out.push('handle');
  if (status === 'firing' || status === 'acknowledged' || status === 'handling') out.push('clear');
  if (status === 'cleared') out.push('close');
  return out;
}
