import type { AlarmRule, DataScope } from '@anjian/domain';
import type { Db, Queryable } from '../../platform/db.ts';
import { scopeCondition } from '../../platform/scope-sql.ts';
import { selectPage } from '../../platform/sql-page.ts';
import type { AlarmListRow } from './alarm-rows.ts';
import type { PointRow } from './live-points.ts';

export const MONITORABLE_KINDS = [
  'major_hazard_source',
  'tailings_pond',
  'underground_mine',
  'open_pit_mine',
  'geo_hazard_site',
  'forest_fire_area',
];

const POINT_SELECT = `
  SELECT p.id, p.no, p.code, p.name, p.object_id, o.kind AS object_kind, p.enterprise_id, p.county, p.type,
         p.unit, p.gas, p.range_min, p.range_max, p.expected_interval_seconds, p.thresholds, p.deadband,
         s.state, s.next_check, l.ts AS last_stored
    FROM monitoring_points p
    JOIN regulated_objects o ON o.id = p.object_id
    LEFT JOIN point_alarm_states s ON s.point_id = p.id
    -- The newest stored reading: found from the hour of the newest hour aggregate up to an hour past
    -- the roll-up's watermark (readings newer than it are not aggregated yet), so that only a day
    -- partition or two is searched (not one probe per day partition).
    LEFT JOIN LATERAL (
      SELECT (SELECT max(r.ts) FROM readings r
               WHERE r.point_no = p.no AND r.ts >= h.bucket AND r.ts < greatest(h.bucket, w.built_to) + interval '1 hour') AS ts
        FROM readings_rollup_state w,
             LATERAL (SELECT coalesce((SELECT bucket FROM readings_hour WHERE point_no = p.no ORDER BY bucket DESC LIMIT 1),
                                      w.built_to - interval '1 hour') AS bucket) h
    ) l ON true
   WHERE p.disabled_at IS NULL`;

export interface PointListRow {
  id: string;
  /** Key of the point's readings. */
  no: number;
  code: string;
  name: string;
  type: string;
  unit: string;
  gas: string | null;
  object_id: string;
  object_name: string;
  object_kind: string;
  enterprise_id: string | null;
  enterprise_name: string | null;
  /** A site without an enterprise answers to this unit (decision 0006). */
  responsible_unit: string | null;
  county: string;
  range_min: number;
  range_max: number;
  expected_interval_seconds: number;
  thresholds: unknown;
  deadband: number | null;
  location: string | null;
  version: number;
  demo: boolean;
}

export interface PointFilter {
  objectId?: string | undefined;
  enterpriseId?: string | undefined;
  county?: string | undefined;
  type?: string | undefined;
  q?: string | undefined;
}

export interface AlarmFilter {
  open?: boolean | undefined;
  status?: string | undefined;
  colour?: string | undefined;
  county?: string | undefined;
  enterpriseId?: string | undefined;
  pointId?: string | undefined;
  objectId?: string | undefined;
}

/**
 * Alarms with their point's code, name and unit, the enterprise's and the site's names (a
 * geological-hazard site or fire area has no enterprise: its responsible unit instead).
 */
const alarmSelect = (extra = '') => `
  SELECT a.*, p.code AS point_code, p.name AS point_name, p.unit, e.name AS enterprise_name, o.name AS object_name,
         o.attributes->>'responsibleUnit' AS responsible_unit${extra}
    FROM alarms a
    JOIN monitoring_points p ON p.id = a.point_id
    LEFT JOIN enterprise_directory e ON e.id = a.enterprise_id
    JOIN regulated_objects o ON o.id = a.object_id`;

const POINT_LIST_COLUMNS = `p.id, p.no, p.code, p.name, p.type, p.unit, p.gas, p.object_id,
  o.name AS object_name, o.kind AS object_kind, p.enterprise_id, e.name AS enterprise_name,
  o.attributes->>'responsibleUnit' AS responsible_unit, p.county,
  p.range_min, p.range_max, p.expected_interval_seconds, p.thresholds, p.deadband, p.location, p.version, p.demo`;
const POINT_LIST_FROM = `FROM monitoring_points p
    JOIN regulated_objects o ON o.id = p.object_id
    LEFT JOIN enterprise_directory e ON e.id = p.enterprise_id`;

export function createMonitoringRepository(db: Db) {
  return {
    async livePointRows(client: Queryable = db, ids?: readonly string[]): Promise<PointRow[]> {
      const result = await client.query<PointRow>(
        ids ? `${POINT_SELECT} AND p.id = ANY($1::uuid[])` : POINT_SELECT,
        ids ? [ids] : [],
      );
      return result.rows;
    },

    async storedRules(client: Queryable = db): Promise<AlarmRule[]> {
      const result = await client.query<{ body: AlarmRule }>(
        `SELECT DISTINCT ON (id, scope_kind, scope_key) body
           FROM alarm_rules ORDER BY id, scope_kind, scope_key, version DESC`,
      );
      return result.rows.map((row) => row.body);
    },

    async ruleVersions(id: string, scopeKind: string, scopeKey: string): Promise<number> {
      const result = await db.query<{ version: number | null }>(
        'SELECT max(version) AS version FROM alarm_rules WHERE id = $1 AND scope_kind = $2 AND scope_key = $3',
        [id, scopeKind, scopeKey],
      );
      return result.rows[0]?.version ?? 0;
    },

    async insertRule(rule: AlarmRule, userId: string, at: Date): Promise<void> {
      const key = rule.scope.kind === 'point' ? rule.scope.point : rule.scope.type;
      await db.query(
        `INSERT INTO alarm_rules (id, version, scope_kind, scope_key, body, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [rule.id, rule.version, rule.scope.kind, key, JSON.stringify(rule), userId, at],
      );
    },

    async siteWarnings(): Promise<{ object_id: string; level: string | null; reasons: unknown }[]> {
      const result = await db.query<{ object_id: string; level: string | null; reasons: unknown }>(
        'SELECT object_id, level, reasons FROM site_warnings',
      );
      return result.rows;
    },

    async findObject(id: string) {
      const result = await db.query<{
        id: string;
        kind: string;
        enterprise_id: string | null;
        county: string;
      }>('SELECT id, kind, enterprise_id, county FROM regulated_objects WHERE id = $1', [id]);
      return result.rows[0] ?? null;
    },

    async listPoints(scope: DataScope, filter: PointFilter, page: number, pageSize: number) {
      const params: unknown[] = [];
      const where = [
        'p.disabled_at IS NULL',
        scopeCondition(scope, { county: 'p.county', enterprise: 'p.enterprise_id' }, params),
      ];
      const add = (sql: string, value: unknown) => {
        params.push(value);
        where.push(sql.replaceAll('?', `$${params.length}`));
      };
      if (filter.objectId) add('p.object_id = ?::uuid', filter.objectId);
      if (filter.enterpriseId) add('p.enterprise_id = ?::uuid', filter.enterpriseId);
      if (filter.county) add('p.county = ?', filter.county);
      if (filter.type) add('p.type = ?', filter.type);
      if (filter.q) add(`(p.code ILIKE '%' || ? || '%' OR strpos(p.name, ?) > 0)`, filter.q);
      return selectPage<PointListRow>(
        db,
        {
          select: `SELECT ${POINT_LIST_COLUMNS} ${POINT_LIST_FROM}`,
          countFrom: POINT_LIST_FROM,
          where: where.join(' AND '),
          orderBy: 'p.county, e.name, p.code, p.id',
          params,
        },
        { page, pageSize },
      );
    },

    async getPoint(scope: DataScope, id: string): Promise<PointListRow | null> {
      const params: unknown[] = [id];
      const result = await db.query<PointListRow>(
        `SELECT ${POINT_LIST_COLUMNS} ${POINT_LIST_FROM}
          WHERE p.id = $1 AND p.disabled_at IS NULL
            AND ${scopeCondition(scope, { county: 'p.county', enterprise: 'p.enterprise_id' }, params)}`,
        params,
      );
      return result.rows[0] ?? null;
    },

    async readings(pointNo: number, from: Date, to: Date, bucketSeconds: number) {
      const result =
        bucketSeconds > 0
          ? await db.query<{ at: number; value: number | null; flags: number }>(
              `SELECT (extract(epoch FROM date_bin(make_interval(secs => $4), ts, '2000-01-01')) * 1000)::float8 AS at,
                      max(value) FILTER (WHERE flags = 0) AS value, bit_and(flags)::int AS flags
                 FROM readings WHERE point_no = $1 AND ts >= $2 AND ts < $3
                GROUP BY 1 ORDER BY 1`,
              [pointNo, from, to, bucketSeconds],
            )
          : await db.query<{ at: number; value: number | null; flags: number }>(
              `SELECT (extract(epoch FROM ts) * 1000)::float8 AS at, value, flags
                 FROM readings WHERE point_no = $1 AND ts >= $2 AND ts < $3 ORDER BY ts`,
              [pointNo, from, to],
            );
      return result.rows;
    },

    async countReadings(pointNo: number, from: Date, to: Date): Promise<number> {
      const result = await db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM readings WHERE point_no = $1 AND ts >= $2 AND ts < $3',
        [pointNo, from, to],
      );
      return result.rows[0]!.n;
    },

    async listAlarms(scope: DataScope, filter: AlarmFilter, page: number, pageSize: number) {
      const params: unknown[] = [];
      const where = [scopeCondition(scope, { county: 'a.county', enterprise: 'a.enterprise_id' }, params)];
      const add = (sql: string, value: unknown) => {
        params.push(value);
        where.push(sql.replaceAll('?', `$${params.length}`));
      };
      if (filter.open) where.push(`a.status IN ('pending', 'firing', 'acknowledged', 'handling')`);
      if (filter.status) add('a.status = ?', filter.status);
      if (filter.colour) add('a.colour = ?', filter.colour);
      if (filter.county) add('a.county = ?', filter.county);
      if (filter.enterpriseId) add('a.enterprise_id = ?::uuid', filter.enterpriseId);
      if (filter.pointId) add('a.point_id = ?::uuid', filter.pointId);
      if (filter.objectId) add('a.object_id = ?::uuid', filter.objectId);
      return selectPage<AlarmListRow>(
        db,
        {
          select: alarmSelect(),
          countFrom: 'FROM alarms a',
          where: where.join(' AND '),
          orderBy: `(a.status IN ('pending', 'firing', 'acknowledged', 'handling')) DESC,
                   array_position(ARRAY['red', 'orange', 'yellow', 'blue']::text[], a.colour) NULLS LAST,
                   a.raised_at DESC, a.id`,
          params,
        },
        { page, pageSize },
      );
    },

    async getAlarm(
      client: Queryable,
      scope: DataScope,
      id: string,
      lock = false,
    ): Promise<AlarmListRow | null> {
      const params: unknown[] = [id];
      const result = await client.query<AlarmListRow>(
        `${alarmSelect()} WHERE a.id = $1 AND ${scopeCondition(scope, { county: 'a.county', enterprise: 'a.enterprise_id' }, params)}
         ${lock ? 'FOR UPDATE OF a' : ''}`,
        params,
      );
      return result.rows[0] ?? null;
    },

    async sites(scope: DataScope) {
      const params: unknown[] = [];
      const result = await db.query<{
        object_id: string;
        object_name: string;
        object_kind: string;
        enterprise_id: string | null;
        enterprise_name: string | null;
        responsible_unit: string | null;
        county: string;
        lon: number;
        lat: number;
        level: string | null;
        reasons: unknown[] | null;
        items: unknown[] | null;
        point_count: number;
        firing_count: number;
        demo: boolean;
      }>(
        `SELECT o.id AS object_id, o.name AS object_name, o.kind AS object_kind, o.enterprise_id,
                e.name AS enterprise_name, o.attributes->>'responsibleUnit' AS responsible_unit,
                o.county, o.lon, o.lat, w.level, w.reasons, w.items, o.demo,
                (SELECT count(*)::int FROM monitoring_points p WHERE p.object_id = o.id AND p.disabled_at IS NULL) AS point_count,
                (SELECT count(*)::int FROM alarms a WHERE a.object_id = o.id AND a.evaluation = 'firing'
                    AND a.status IN ('firing', 'acknowledged', 'handling')) AS firing_count
           FROM regulated_objects o
           LEFT JOIN enterprise_directory e ON e.id = o.enterprise_id
           LEFT JOIN site_warnings w ON w.object_id = o.id
          WHERE EXISTS (SELECT 1 FROM monitoring_points p WHERE p.object_id = o.id AND p.disabled_at IS NULL)
            AND ${scopeCondition(scope, { county: 'o.county', enterprise: 'o.enterprise_id' }, params)}
          ORDER BY array_position(ARRAY['red', 'orange', 'yellow', 'blue']::text[], w.level) NULLS LAST, o.name`,
        params,
      );
      return result.rows;
    },

    async warningHistory(objectId: string, limit: number) {
      const result = await db.query<{
        from_level: string | null;
        to_level: string | null;
        reasons: unknown;
        at: Date;
      }>(
        `SELECT from_level, to_level, reasons, at FROM site_warning_changes WHERE object_id = $1 ORDER BY at DESC, id DESC LIMIT $2`,
        [objectId, limit],
      );
      return result.rows;
    },
  };
}

export type MonitoringRepository = ReturnType<typeof createMonitoringRepository>;
