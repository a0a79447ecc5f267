import { randomUUID } from 'node:crypto';
import type { PoolClient } from 'pg';
import {
  alarmEventOf,
  applyAlarmEvent,
  openAlarm,
  systemActor,
  type AlarmEscalationRules,
  type AlarmRecord,
  type AlarmTransition,
  type PointAlarmState,
  type SiteWarning,
} from '@anjian/domain';
import { columnsOf, recordOf, type AlarmRow } from './alarm-rows.ts';
import type { LivePoint } from './live-points.ts';

export interface PointTransition {
  readonly point: LivePoint;
  readonly transition: AlarmTransition;
}

/** What changed, for the live stream once committed. */
export interface AlarmChange {
  readonly id: string;
  readonly pointId: string;
  readonly ruleId: string;
  readonly status: AlarmRecord['status'];
  readonly colour: string | null;
  readonly county: string;
  readonly enterpriseId: string | null;
  readonly objectId: string;
  readonly at: Date;
  /** The alarm went to firing in this change (for the repeated-alarm rule and notifications). */
  readonly fired: boolean;
}

interface Working {
  row: AlarmRow;
  record: AlarmRecord;
  isNew: boolean;
  changed: boolean;
  fired: boolean;
}

const OPEN = ['pending', 'firing', 'acknowledged', 'handling'];
const minute = 60_000;

/**
 * Applies the evaluator's transitions to the alarms, inside the caller's transaction: a transition
 * from normal opens an alarm; later ones fire it or return it to normal (the domain's lifecycle). An
 * alarm already cleared by hand (消警) ignores them; at most one alarm per point and rule is open.
 */
export async function persistTransitions(
  client: PoolClient,
  changes: readonly PointTransition[],
  escalation: AlarmEscalationRules,
): Promise<AlarmChange[]> {
  if (changes.length === 0) return [];
  const pointIds = [...new Set(changes.map((change) => change.point.id))];
  const open = await client.query<AlarmRow>(
    `SELECT * FROM alarms WHERE point_id = ANY($1::uuid[]) AND status = ANY($2::text[]) FOR UPDATE`,
    [pointIds, OPEN],
  );
  const working = new Map<string, Working>();
  for (const row of open.rows)
    working.set(`${row.point_id}|${row.rule_id}`, {
      row,
      record: recordOf(row),
      isNew: false,
      changed: false,
      fired: false,
    });
  const touched: Working[] = [];
  const respondBy = (firedAt: Date | undefined) =>
    firedAt ? new Date(firedAt.getTime() + escalation.responseMinutes * minute) : null;

  for (const { point, transition } of changes) {
    const key = `${point.id}|${transition.ruleId}`;
    const current = working.get(key);
    if (transition.from === 'normal' && transition.to !== 'normal' && !current) {
      const record = openAlarm(transition)!;
      const row: AlarmRow = {
        id: randomUUID(),
        point_id: point.id,
        object_id: point.objectId,
        enterprise_id: point.enterpriseId,
        county: point.county,
        rule_id: transition.ruleId,
        rule_version: transition.ruleVersion,
        kind: transition.kind!,
        level: transition.level,
        colour: transition.colour,
        value: transition.value,
        evaluation: transition.to,
        respond_by: respondBy(record.firedAt),
        escalation: record.firedAt ? 'awaiting_response' : 'none',
        ...columnsOf(record),
      } as AlarmRow;
      const item = { row, record, isNew: true, changed: true, fired: record.status === 'firing' };
      working.set(key, item);
      touched.push(item);
      continue;
    }
    if (!current) continue;
    const event = alarmEventOf(transition);
    current.row.evaluation = transition.to;
    current.changed = true;
    if (!touched.includes(current)) touched.push(current);
    if (!event) continue;
    const { alarm, entry } = applyAlarmEvent(current.record, event, {
      now: transition.at,
      actor: systemActor,
    });
    if (!entry) continue;
    current.record = alarm;
    if (event.action === 'fire') {
      current.fired = true;
      current.row.value = transition.value;
      current.row.respond_by = respondBy(alarm.firedAt);
      current.row.escalation = 'awaiting_response';
    }
    if (alarm.status === 'cleared' || alarm.status === 'closed') working.delete(key);
  }

  const rows = touched.map((item) => ({ ...item.row, ...columnsOf(item.record) }));
  const inserted = rows.filter((_, index) => touched[index]!.isNew);
  const updated = rows.filter((_, index) => !touched[index]!.isNew);
  if (inserted.length > 0) {
    await client.query(
      `INSERT INTO alarms (id, point_id, object_id, enterprise_id, county, rule_id, rule_version, kind, level, colour,
         value, status, evaluation, raised_at, fired_at, respond_by, escalation, cleared_at, cleared_by, closed_at,
         timeline, updated_at)
       SELECT id, point_id, object_id, enterprise_id, county, rule_id, rule_version, kind, level, colour,
         value, status, evaluation, raised_at, fired_at, respond_by, escalation, cleared_at, cleared_by, closed_at,
         timeline, now()
       FROM jsonb_to_recordset($1::jsonb) AS r (id uuid, point_id uuid, object_id uuid, enterprise_id uuid,
         county text, rule_id text, rule_version int, kind text, level text, colour text, value float8,
         status text, evaluation text, raised_at timestamptz, fired_at timestamptz, respond_by timestamptz,
         escalation text, cleared_at timestamptz, cleared_by text, closed_at timestamptz, timeline jsonb)`,
      [JSON.stringify(inserted)],
    );
  }
  if (updated.length > 0) {
    await client.query(
      `UPDATE alarms a SET status = r.status, evaluation = r.evaluation, value = r.value, fired_at = r.fired_at,
         respond_by = r.respond_by, escalation = r.escalation, cleared_at = r.cleared_at,
         cleared_by = r.cleared_by, closed_at = r.closed_at, timeline = r.timeline, updated_at = now()
       FROM jsonb_to_recordset($1::jsonb) AS r (id uuid, status text, evaluation text, value float8,
         fired_at timestamptz, respond_by timestamptz, escalation text, cleared_at timestamptz,
         cleared_by text, closed_at timestamptz, timeline jsonb)
       WHERE a.id = r.id`,
      [JSON.stringify(updated)],
    );
  }
  return touched.map((item) => ({
    id: item.row.id,
    pointId: item.row.point_id,
    ruleId: item.row.rule_id,
    status: item.record.status,
    colour: item.row.colour,
    county: item.row.county,
    enterpriseId: item.row.enterprise_id,
    objectId: item.row.object_id,
    at: item.record.timeline.at(-1)!.at,
    fired: item.fired,
  }));
}

export interface WarningChange {
  readonly objectId: string;
  readonly county: string;
  readonly enterpriseId: string | null;
  readonly from: string | null;
  readonly to: string | null;
  readonly warning: SiteWarning;
  readonly at: Date;
}

/** Stores the new warning of each site whose level or reasons changed, with the change. */
export async function persistWarnings(client: PoolClient, changes: readonly WarningChange[]): Promise<void> {
  if (changes.length === 0) return;
  const rows = changes.map((change) => ({
    object_id: change.objectId,
    county: change.county,
    from_level: change.from,
    to_level: change.to,
    reasons: change.warning.reasons,
    items: change.warning.items,
    preset_id: change.warning.presetId,
    at: change.at.toISOString(),
  }));
  await client.query(
    `WITH r AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS r (object_id uuid, county text, from_level text,
       to_level text, reasons jsonb, items jsonb, preset_id text, at timestamptz)),
     upsert AS (
       INSERT INTO site_warnings (object_id, level, reasons, items, preset_id, changed_at)
       SELECT object_id, to_level, reasons, items, preset_id, at FROM r
       ON CONFLICT (object_id) DO UPDATE SET level = excluded.level, reasons = excluded.reasons,
         items = excluded.items, preset_id = excluded.preset_id, changed_at = excluded.changed_at)
     INSERT INTO site_warning_changes (object_id, county, from_level, to_level, reasons, at)
     SELECT object_id, county, from_level, to_level, reasons, at FROM r WHERE from_level IS DISTINCT FROM to_level`,
    [JSON.stringify(rows)],
  );
}

/** Writes the evaluator state of the points (for a restart); the in-memory copy stays the live one. */
export interface StateToWrite {
  readonly id: string;
  readonly state: PointAlarmState;
  readonly nextCheckAt: number | null;
}

export async function persistStates(
  client: PoolClient,
  entries: readonly StateToWrite[],
  now: Date,
): Promise<void> {
  if (entries.length === 0) return;
  const rows = entries.map(({ id, state, nextCheckAt }) => ({
    point_id: id,
    state,
    last_ts: state.last ? new Date(state.last[0]).toISOString() : null,
    last_value: state.last ? state.last[1] : null,
    next_check: nextCheckAt === null ? null : new Date(nextCheckAt).toISOString(),
  }));
  await client.query(
    `INSERT INTO point_alarm_states (point_id, state, last_ts, last_value, next_check, updated_at)
     SELECT point_id, state, last_ts, last_value, next_check, $2
       FROM jsonb_to_recordset($1::jsonb) AS r (point_id uuid, state jsonb, last_ts timestamptz,
         last_value float8, next_check timestamptz)
     ON CONFLICT (point_id) DO UPDATE SET state = excluded.state, last_ts = excluded.last_ts,
       last_value = excluded.last_value, next_check = excluded.next_check, updated_at = excluded.updated_at`,
    [JSON.stringify(rows), now],
  );
}
