import {
  COCKPIT_EVENT_LIMIT,
  COCKPIT_MAP_LIMIT,
  COCKPIT_TREND_DAYS,
  type CockpitAlarmCounts,
  type CockpitEvent,
  type CockpitMapAlarm,
  type CockpitMapIncident,
  type DataScope,
} from '@anjian/domain';
import type { Db } from '../../platform/db.ts';
import { labelCondition, scopeCondition, type ReaderScope } from '../../platform/scope-sql.ts';

/** The Beijing calendar date of a timestamptz column, in SQL. */
const beijingDay = (column: string) => `((${column} AT TIME ZONE 'UTC') + interval '8 hours')::date`;
/** The instant a Beijing date (a parameter) begins, in SQL. */
const beijingStart = (param: string) => `(${param}::date::timestamp - interval '8 hours') AT TIME ZONE 'UTC'`;

/** Open alarms and hidden hazards, as the lists behind the figures count them. */
const OPEN_ALARM = "status IN ('firing', 'acknowledged', 'handling')";
const OPEN_HAZARD = "status IN ('reported', 'rectifying', 'pending_acceptance')";

/** The tables behind the trend lines and the column each record is dated by. */
const trendSpecs = {
  alarms: { table: 'alarms', at: 'raised_at', labelled: false },
  hazards: { table: 'hidden_hazards', at: 'reported_at', labelled: true },
  incidents: { table: 'incidents', at: 'occurred_at', labelled: true },
} as const;
export type CockpitTrendName = keyof typeof trendSpecs;

function scoped(scope: DataScope, params: unknown[], prefix = ''): string {
  return scopeCondition(scope, { county: `${prefix}county`, enterprise: `${prefix}enterprise_id` }, params);
}

/**
 * The scope of a labelled table (hidden hazards, incidents): on top of the data scope, the caller's
 * clearance (decision 0005), as their own lists apply it — so the map, the event list and the
 * figures show no record the caller cannot open.
 */
function scopedLabelled(scope: ReaderScope, params: unknown[], prefix = ''): string {
  return `${scoped(scope, params, prefix)} AND ${labelCondition(scope, `${prefix}security_label`, params)}`;
}

/**
 * The cockpit's read model over the other features' tables (like the workbench): one scoped query
 * per figure, each with the same scope condition the list behind it applies, so a number on the
 * cockpit is the number of rows that list shows.
 */
export function createCockpitRepository(db: Db) {
  async function count(sql: string, params: unknown[]): Promise<number> {
    const result = await db.query<{ count: number }>(sql, params);
    return result.rows[0]?.count ?? 0;
  }

  return {
    /** Incidents that occurred from `monthStart` (a Beijing date) on, and those still open: one scan. */
    async incidentCounts(
      scope: DataScope,
      monthStart: string,
    ): Promise<{ sinceMonth: number; open: number }> {
      const params: unknown[] = [monthStart];
      const result = await db.query<{ since_month: number; open: number }>(
        `SELECT count(*) FILTER (WHERE occurred_at >= ${beijingStart('$1')})::int AS since_month,
                count(*) FILTER (WHERE status = 'open')::int AS open
           FROM incidents WHERE ${scopedLabelled(scope, params)}`,
        params,
      );
      const row = result.rows[0]!;
      return { sinceMonth: row.since_month, open: row.open };
    },

    /** Open 重大 hidden hazards, and open hidden hazards under 挂牌督办 (a supervision level is set). */
    async hazardCounts(scope: DataScope): Promise<{ major: number; supervised: number }> {
      const params: unknown[] = [];
      const result = await db.query<{ major: number; supervised: number }>(
        `SELECT count(*) FILTER (WHERE level = 'major')::int AS major,
                count(*) FILTER (WHERE supervision_level IS NOT NULL)::int AS supervised
           FROM hidden_hazards WHERE ${scopedLabelled(scope, params)} AND ${OPEN_HAZARD}`,
        params,
      );
      return result.rows[0]!;
    },

    /** Inspections completed from `monthStart` (a Beijing date) on. */
    inspectionsSince(scope: DataScope, monthStart: string): Promise<number> {
      const params: unknown[] = [monthStart];
      return count(
        `SELECT count(*)::int AS count FROM enforcement_inspections
          WHERE ${scoped(scope, params)} AND status = 'completed' AND completed_at >= ${beijingStart('$1')}`,
        params,
      );
    },

    async liveAlarms(scope: DataScope): Promise<CockpitAlarmCounts> {
      const params: unknown[] = [];
      const result = await db.query<CockpitAlarmCounts>(
        `SELECT count(*) FILTER (WHERE colour = 'red')::int AS red,
                count(*) FILTER (WHERE colour = 'orange')::int AS orange,
                count(*) FILTER (WHERE colour = 'yellow')::int AS yellow,
                count(*) FILTER (WHERE colour = 'blue')::int AS blue,
                count(*)::int AS total
           FROM alarms WHERE ${scoped(scope, params)} AND ${OPEN_ALARM}`,
        params,
      );
      return result.rows[0]!;
    },

    /** New records per Beijing day over the trend window ending `today`, oldest first. */
    async trend(name: CockpitTrendName, scope: DataScope, today: string): Promise<number[]> {
      const { table, at, labelled } = trendSpecs[name];
      const params: unknown[] = [today];
      const where = labelled ? scopedLabelled(scope, params) : scoped(scope, params);
      const result = await db.query<{ trend: number[] }>(
        `WITH days AS (
           SELECT d::date AS day FROM generate_series($1::date - ${COCKPIT_TREND_DAYS - 1}, $1::date, interval '1 day') AS d
         ), recent AS (
           SELECT ${beijingDay(at)} AS day FROM ${table}
            WHERE ${where} AND ${at} >= ${beijingStart(`($1::date - ${COCKPIT_TREND_DAYS - 1})`)}
         )
         SELECT ARRAY(SELECT count(recent.day)::int FROM days LEFT JOIN recent ON recent.day = days.day
                       GROUP BY days.day ORDER BY days.day) AS trend`,
        params,
      );
      return result.rows[0]!.trend;
    },

    /** Open alarms placed at their monitored object, most recent first. */
    async mapAlarms(scope: DataScope): Promise<CockpitMapAlarm[]> {
      const params: unknown[] = [];
      const result = await db.query<{
        id: string;
        colour: CockpitMapAlarm['colour'];
        lon: number;
        lat: number;
        enterprise_name: string | null;
        raised_at: Date;
      }>(
        `SELECT a.id, a.colour, o.lon, o.lat, e.name AS enterprise_name, a.raised_at
           FROM alarms a
           JOIN regulated_objects o ON o.id = a.object_id
           LEFT JOIN enterprise_directory e ON e.id = a.enterprise_id
          WHERE ${scoped(scope, params, 'a.')} AND a.${OPEN_ALARM}
          ORDER BY a.raised_at DESC, a.id LIMIT ${COCKPIT_MAP_LIMIT}`,
        params,
      );
      return result.rows.map((row) => ({
        id: row.id,
        colour: row.colour,
        lon: row.lon,
        lat: row.lat,
        enterpriseName: row.enterprise_name,
        raisedAt: row.raised_at.toISOString(),
      }));
    },

    /** Incidents in progress that have a location, most recent first. */
    async mapIncidents(scope: DataScope): Promise<CockpitMapIncident[]> {
      const params: unknown[] = [];
      const result = await db.query<{
        id: string;
        lon: number;
        lat: number;
        location: string;
        occurred_at: Date;
      }>(
        `SELECT id, lon, lat, location, occurred_at FROM incidents
          WHERE ${scopedLabelled(scope, params)} AND status = 'open' AND lon IS NOT NULL
          ORDER BY occurred_at DESC, id LIMIT ${COCKPIT_MAP_LIMIT}`,
        params,
      );
      return result.rows.map((row) => ({
        id: row.id,
        lon: row.lon,
        lat: row.lat,
        location: row.location,
        occurredAt: row.occurred_at.toISOString(),
      }));
    },

    /** The newest alarms, hidden hazards and incidents of the kinds the caller may read, newest first. */
    async recentEvents(scope: DataScope, kinds: ReadonlySet<CockpitEvent['kind']>): Promise<CockpitEvent[]> {
      const params: unknown[] = [];
      const parts: string[] = [];
      const newest = (sql: string) => `(${sql} LIMIT ${COCKPIT_EVENT_LIMIT})`;
      if (kinds.has('alarm'))
        parts.push(
          newest(`SELECT 'alarm' AS kind, a.id, a.raised_at AS at, a.county, e.name AS subject, a.colour AS grade
                    FROM alarms a LEFT JOIN enterprise_directory e ON e.id = a.enterprise_id
                   WHERE ${scoped(scope, params, 'a.')} ORDER BY a.raised_at DESC`),
        );
      if (kinds.has('hazard'))
        parts.push(
          newest(`SELECT 'hazard' AS kind, h.id, h.reported_at AS at, h.county, e.name AS subject, h.level AS grade
                    FROM hidden_hazards h LEFT JOIN enterprise_directory e ON e.id = h.enterprise_id
                   WHERE ${scopedLabelled(scope, params, 'h.')} ORDER BY h.reported_at DESC`),
        );
      if (kinds.has('incident'))
        parts.push(
          newest(`SELECT 'incident' AS kind, i.id, i.occurred_at AS at, i.county, i.location AS subject, NULL AS grade
                    FROM incidents i WHERE ${scopedLabelled(scope, params, 'i.')} ORDER BY i.occurred_at DESC`),
        );
      if (parts.length === 0) return [];
      const result = await db.query<{
        kind: CockpitEvent['kind'];
        id: string;
        at: Date;
        county: string;
        subject: string | null;
        grade: string | null;
      }>(
        `SELECT * FROM (${parts.join(' UNION ALL ')}) AS recent ORDER BY at DESC, id LIMIT ${COCKPIT_EVENT_LIMIT}`,
        params,
      );
      return result.rows.map((row) => ({
        kind: row.kind,
        id: row.id,
        at: row.at.toISOString(),
        county: row.county,
        subject: row.subject ?? '',
        grade: row.grade,
      }));
    },

    /** Whether the caller's scope holds demo (演示) enterprises, so the figures are labelled. */
    async includesDemo(scope: DataScope): Promise<boolean> {
      const params: unknown[] = [];
      const where = scopeCondition(scope, { county: 'county', enterprise: 'id' }, params);
      const result = await db.query<{ demo: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM enterprise_directory WHERE demo AND ${where}) AS demo`,
        params,
      );
      return result.rows[0]!.demo;
    },
  };
}

export type CockpitRepository = ReturnType<typeof createCockpitRepository>;
