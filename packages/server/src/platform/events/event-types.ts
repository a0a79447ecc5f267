/**
 * Every event the server publishes, declared once: name → payload. Payloads carry ids and a few
 * small fields (the scope fields the stream filters on, a status); a consumer that needs more
 * re-reads the record. They travel as JSON through PostgreSQL NOTIFY, whose limit is 8,000 bytes.
 */
export interface AppEvents {
  /** An alarm fired, changed colour or status, was acknowledged, cleared or closed. */
  'alarm.changed': {
    readonly id: string;
    readonly pointId: string;
    readonly status: string;
    readonly colour: string | null;
    readonly county: string;
    readonly enterpriseId: string | null;
    readonly objectId: string;
    readonly at: string;
    /** When the reading that caused it arrived (epoch ms): the benchmark measures arrival → event. */
    readonly arrivedAt?: number;
  };
  /** An unacknowledged alarm went one step up the ladder (county, then city). */
  'alarm.escalated': {
    readonly id: string;
    readonly state: string;
    readonly county: string;
    readonly enterpriseId: string | null;
    readonly objectId: string;
    readonly at: string;
  };
  /** A monitored site's four-colour warning level changed. */
  'monitoring.site-level-changed': {
    readonly objectId: string;
    readonly county: string;
    readonly enterpriseId: string | null;
    readonly from: string | null;
    readonly to: string | null;
    readonly at: string;
  };
  /** A step of the hidden-hazard escalation ladder fired (提醒, 警示, 通报, 约谈). */
  'hazard.escalated': {
    /** The fired step's id. */
    readonly id: string;
    readonly hazardId: string;
    readonly county: string;
    readonly enterpriseId: string;
    readonly subject: string;
    readonly step: string;
    /** How many in-app notifications it made. */
    readonly notified: number;
    readonly at: string;
  };
  /** A public warning version was released (CAP Alert, Update or Cancel). */
  'warning.published': {
    readonly id: string;
    readonly version: number;
    readonly identifier: string;
    readonly msgType: string;
    readonly level: string;
    readonly counties: readonly string[];
    readonly at: string;
  };
  /**
   * An incident was reported, followed up (casualties, class), reviewed for the statistics or
   * closed. `change` says which; `status` is the incident's status after it.
   */
  'incident.changed': {
    readonly id: string;
    readonly county: string;
    readonly enterpriseId: string | null;
    readonly change: 'reported' | 'followed_up' | 'classified' | 'closed';
    readonly status: string;
  };
  /**
   * 应急联动: a rescue team's dispatch task moved (a phone's position) or changed status (from the
   * phone or the command page). The command page's stream sends it on as it is.
   */
  'team.moved': {
    readonly incidentId: string;
    readonly county: string;
    readonly taskId: string;
    readonly teamId: string;
    readonly status: string;
    readonly position: { readonly lon: number; readonly lat: number; readonly at: string } | null;
    /** When the server received it (epoch ms): the benchmark measures receipt → browser. */
    readonly receivedAt: number;
  };
  /**
   * A direct push (warnings module) was tried: delivered, failed and retrying, or failed for good.
   * The command page's team stream passes a dispatch's on, so its push tags change as they happen.
   */
  'push.changed': {
    readonly source: string;
    readonly ref: string;
    readonly status: 'delivered' | 'retrying' | 'failed';
  };
  /** Accident statistics changed: an accident added or reclassified, or history imported (null = city-wide). */
  'statistics.changed': {
    readonly divisionCode: string | null;
  };
}

export type EventType = keyof AppEvents;

export const eventTypes: readonly EventType[] = [
  'alarm.changed',
  'alarm.escalated',
  'monitoring.site-level-changed',
  'hazard.escalated',
  'warning.published',
  'incident.changed',
  'statistics.changed',
  'team.moved',
  'push.changed',
];
