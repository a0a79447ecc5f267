import type { CameraStatus, DataScope, Page } from '@anjian/domain';
import type { Db, Queryable } from '../../platform/db.ts';
import { scopeCondition } from '../../platform/scope-sql.ts';
import { listPage } from '../../platform/sql-page.ts';

export interface CameraRecord {
  id: string;
  code: string;
  name: string;
  /** Null for a camera on a hazard site without an enterprise (then `responsibleUnit` names its unit). */
  enterpriseId: string | null;
  enterpriseName: string | null;
  responsibleUnit?: string;
  county: string;
  objectId: string | null;
  objectName: string | null;
  monitoringPointId: string | null;
  monitoringPointName: string | null;
  roadSection: string | null;
  location: { lon: number; lat: number };
  direction: number | null;
  gatewayId: string;
  streamRef: string;
  status: CameraStatus;
  checkedAt: string | null;
  lastOnlineAt: string | null;
  distanceM?: number;
  demo: boolean;
}

export interface CameraWrite {
  code: string;
  name: string;
  enterpriseId: string | null;
  county: string;
  objectId: string | null;
  monitoringPointId: string | null;
  roadSection: string | null;
  location: { lon: number; lat: number };
  direction: number | null;
  gatewayId: string;
  streamRef: string;
}

export interface CameraFilter {
  q?: string | undefined;
  county?: string | undefined;
  enterpriseId?: string | undefined;
  status?: CameraStatus | undefined;
  gatewayId?: string | undefined;
}

const FROM = `FROM video_cameras c
  LEFT JOIN enterprise_directory e ON e.id = c.enterprise_id
  LEFT JOIN regulated_objects o ON o.id = c.object_id
  LEFT JOIN monitoring_points p ON p.id = c.monitoring_point_id`;
const COLUMNS = `c.id, c.code, c.name, c.enterprise_id, e.name AS enterprise_name, c.county, c.object_id,
  o.name AS object_name, o.attributes->>'responsibleUnit' AS responsible_unit, c.monitoring_point_id, p.name AS point_name, c.road_section, c.lon, c.lat, c.direction,
  c.gateway_id, c.stream_ref, c.status, c.checked_at, c.last_online_at, c.demo`;
/** Metres between the camera and the point ($lon, $lat): haversine, as in the domain's distanceMetres. */
const distance = (lon: number, lat: number) =>
  `(2 * 6371008.8 * asin(least(1, sqrt(power(sin(radians(c.lat - $${lat}) / 2), 2)
    + cos(radians($${lat})) * cos(radians(c.lat)) * power(sin(radians(c.lon - $${lon}) / 2), 2)))))`;

interface Row {
  id: string;
  code: string;
  name: string;
  enterprise_id: string | null;
  enterprise_name: string | null;
  county: string;
  object_id: string | null;
  object_name: string | null;
  responsible_unit: string | null;
  monitoring_point_id: string | null;
  point_name: string | null;
  road_section: string | null;
  lon: number;
  lat: number;
  direction: number | null;
  gateway_id: string;
  stream_ref: string;
  status: CameraStatus;
  checked_at: Date | null;
  last_online_at: Date | null;
  demo: boolean;
  distance_m?: number;
}

const toRecord = (r: Row): CameraRecord => ({
  id: r.id,
  code: r.code,
  name: r.name,
  enterpriseId: r.enterprise_id,
  enterpriseName: r.enterprise_name,
  ...(r.responsible_unit && !r.enterprise_id ? { responsibleUnit: r.responsible_unit } : {}),
  county: r.county,
  objectId: r.object_id,
  objectName: r.object_name,
  monitoringPointId: r.monitoring_point_id,
  monitoringPointName: r.point_name,
  roadSection: r.road_section,
  location: { lon: r.lon, lat: r.lat },
  direction: r.direction,
  gatewayId: r.gateway_id,
  streamRef: r.stream_ref,
  status: r.status,
  checkedAt: r.checked_at?.toISOString() ?? null,
  lastOnlineAt: r.last_online_at?.toISOString() ?? null,
  ...(r.distance_m === undefined ? {} : { distanceM: Math.round(r.distance_m) }),
  demo: r.demo,
});

const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export interface RateCounts {
  key: string;
  name: string;
  county: string;
  cameras: number;
  checked: number;
  online: number;
}

export function createCamerasRepository(db: Db) {
  const scoped = (scope: DataScope, params: unknown[]) =>
    scopeCondition(scope, { county: 'c.county', enterprise: 'c.enterprise_id' }, params);

  return {
    async list(scope: DataScope, filter: CameraFilter, page: { page: number; pageSize: number }) {
      const params: unknown[] = [];
      const where = [scoped(scope, params)];
      const add = (sql: (n: number) => string, value: unknown) => {
        params.push(value);
        where.push(sql(params.length));
      };
      if (filter.county) add((n) => `c.county = $${n}`, filter.county);
      if (filter.enterpriseId) add((n) => `c.enterprise_id = $${n}::uuid`, filter.enterpriseId);
      if (filter.status) add((n) => `c.status = $${n}`, filter.status);
      if (filter.gatewayId) add((n) => `c.gateway_id = $${n}`, filter.gatewayId);
      if (filter.q)
        add(
          (n) =>
            `(c.name ILIKE $${n} OR c.code ILIKE $${n} OR e.name ILIKE $${n} OR c.road_section ILIKE $${n})`,
          containing(filter.q),
        );
      return listPage<Row, CameraRecord>(
        db,
        {
          select: `SELECT ${COLUMNS} ${FROM}`,
          countFrom: FROM,
          where: where.join(' AND '),
          orderBy: 'c.county, e.name, c.name, c.id',
          params,
        },
        page,
        toRecord,
      ) as Promise<Page<CameraRecord>>;
    },

    async find(id: string, scope: DataScope, source: Queryable = db): Promise<CameraRecord | null> {
      const params: unknown[] = [id];
      const rows = await source.query<Row>(
        `SELECT ${COLUMNS} ${FROM} WHERE c.id = $1::uuid AND ${scoped(scope, params)}`,
        params,
      );
      return rows.rows[0] ? toRecord(rows.rows[0]) : null;
    },

    /** Cameras of the scope within `radiusM` of a point, nearest first. */
    async near(
      scope: DataScope,
      at: { lon: number; lat: number },
      radiusM: number,
      limit: number,
    ): Promise<CameraRecord[]> {
      const params: unknown[] = [at.lon, at.lat, radiusM, limit];
      const d = distance(1, 2);
      const rows = await db.query<Row>(
        `SELECT * FROM (SELECT ${COLUMNS}, ${d} AS distance_m ${FROM} WHERE ${scoped(scope, params)}) near
          WHERE distance_m <= $3 ORDER BY distance_m, name, id LIMIT $4`,
        params,
      );
      return rows.rows.map(toRecord);
    },

    async codeTaken(code: string, exceptId: string | null, source: Queryable = db): Promise<boolean> {
      const rows = await source.query(
        'SELECT 1 FROM video_cameras WHERE code = $1 AND id IS DISTINCT FROM $2::uuid',
        [code, exceptId],
      );
      return rows.rows.length > 0;
    },

    /**
     * The monitoring point's enterprise and site (a read of the monitoring module's table, to check a
     * link); null when there is no such point.
     */
    async pointOwner(
      pointId: string,
      source: Queryable = db,
    ): Promise<{ enterpriseId: string | null; objectId: string } | null> {
      const rows = await source.query<{ enterprise_id: string | null; object_id: string }>(
        'SELECT enterprise_id, object_id FROM monitoring_points WHERE id = $1::uuid',
        [pointId],
      );
      const row = rows.rows[0];
      return row ? { enterpriseId: row.enterprise_id, objectId: row.object_id } : null;
    },

    async insert(source: Queryable, data: CameraWrite, demo: boolean, at: Date): Promise<string> {
      const rows = await source.query<{ id: string }>(
        `INSERT INTO video_cameras (code, name, enterprise_id, county, object_id, monitoring_point_id, road_section,
           lon, lat, direction, gateway_id, stream_ref, demo, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14) RETURNING id`,
        [
          data.code,
          data.name,
          data.enterpriseId,
          data.county,
          data.objectId,
          data.monitoringPointId,
          data.roadSection,
          data.location.lon,
          data.location.lat,
          data.direction,
          data.gatewayId,
          data.streamRef,
          demo,
          at,
        ],
      );
      return rows.rows[0]!.id;
    },

    async update(source: Queryable, id: string, data: CameraWrite, at: Date): Promise<void> {
      await source.query(
        `UPDATE video_cameras SET code = $2, name = $3, enterprise_id = $4, county = $5, object_id = $6,
           monitoring_point_id = $7, road_section = $8, lon = $9, lat = $10, direction = $11,
           gateway_id = $12, stream_ref = $13,
           status = CASE WHEN gateway_id = $12 AND stream_ref = $13 THEN status ELSE 'unknown' END,
           updated_at = $14
         WHERE id = $1`,
        [
          id,
          data.code,
          data.name,
          data.enterpriseId,
          data.county,
          data.objectId,
          data.monitoringPointId,
          data.roadSection,
          data.location.lon,
          data.location.lat,
          data.direction,
          data.gatewayId,
          data.streamRef,
          at,
        ],
      );
    },

    async remove(id: string): Promise<void> {
      await db.query('DELETE FROM video_cameras WHERE id = $1', [id]);
    },

    /** Every camera's stream, for the online check. */
    async targets(source: Queryable = db) {
      const rows = await source.query<{ id: string; code: string; gateway_id: string; stream_ref: string }>(
        'SELECT id, code, gateway_id, stream_ref FROM video_cameras ORDER BY id',
      );
      return rows.rows.map((r) => ({
        id: r.id,
        code: r.code,
        gatewayId: r.gateway_id,
        streamRef: r.stream_ref,
      }));
    },

    async recordStatuses(source: Queryable, results: { id: string; online: boolean }[], at: Date) {
      if (results.length === 0) return;
      await source.query(
        `UPDATE video_cameras c SET status = CASE WHEN r.online THEN 'online' ELSE 'offline' END, checked_at = $3,
           last_online_at = CASE WHEN r.online THEN $3 ELSE c.last_online_at END
           FROM unnest($1::uuid[], $2::boolean[]) AS r (id, online) WHERE c.id = r.id`,
        [results.map((r) => r.id), results.map((r) => r.online), at],
      );
    },

    /** Counts per county and per enterprise within the scope (for the online rate). */
    async rateCounts(scope: DataScope): Promise<{ counties: RateCounts[]; enterprises: RateCounts[] }> {
      const params: unknown[] = [];
      const where = scoped(scope, params);
      const counts = `count(*)::int AS cameras, count(*) FILTER (WHERE c.status <> 'unknown')::int AS checked,
        count(*) FILTER (WHERE c.status = 'online')::int AS online`;
      const counties = await db.query<RateCounts>(
        `SELECT c.county AS key, c.county AS name, c.county, ${counts} FROM video_cameras c WHERE ${where}
          GROUP BY c.county ORDER BY c.county`,
        params,
      );
      const enterprises = await db.query<RateCounts>(
        `SELECT c.enterprise_id::text AS key, e.name, e.county, ${counts}
           FROM video_cameras c JOIN enterprise_directory e ON e.id = c.enterprise_id WHERE ${where}
          GROUP BY c.enterprise_id, e.name, e.county ORDER BY e.county, e.name`,
        params,
      );
      return { counties: counties.rows, enterprises: enterprises.rows };
    },
  };
}

export type CamerasRepository = ReturnType<typeof createCamerasRepository>;
