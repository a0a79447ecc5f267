import type { DataScope, Page, RegulatedObjectKind, RegulatedObjectListQuery } from '@anjian/domain';
import type { Db, Queryable } from '../../../platform/db.ts';
import { scopeCondition } from '../../../platform/scope-sql.ts';
import { listPage } from '../../../platform/sql-page.ts';

export interface ObjectRecord {
  id: string;
  kind: RegulatedObjectKind;
  name: string;
  enterpriseId: string | null;
  enterpriseName: string | null;
  county: string;
  location: { lon: number; lat: number };
  locationApproximate: boolean;
  attributes: Record<string, unknown>;
  geometry: unknown;
  demo: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export type ObjectWrite = Omit<ObjectRecord, 'id' | 'enterpriseName' | 'createdAt' | 'updatedAt'>;

interface ObjectRow {
  id: string;
  kind: RegulatedObjectKind;
  name: string;
  enterprise_id: string | null;
  enterprise_name: string | null;
  county: string;
  lon: number;
  lat: number;
  location_approximate: boolean;
  attributes: Record<string, unknown>;
  geometry: unknown;
  demo: boolean;
  created_at: Date;
  updated_at: Date;
}

function toRecord(row: ObjectRow): ObjectRecord {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
    county: row.county,
    location: { lon: row.lon, lat: row.lat },
    locationApproximate: row.location_approximate,
    attributes: row.attributes,
    geometry: row.geometry,
    demo: row.demo,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const SELECT = `SELECT o.*, e.name AS enterprise_name FROM regulated_objects o LEFT JOIN enterprises e ON e.id = o.enterprise_id`;

/** Objects a caller may see: by the object's county, or, for an enterprise account, its own objects. */
function visible(scope: DataScope, params: unknown[]): string {
  return scopeCondition(scope, { county: 'o.county', enterprise: 'o.enterprise_id' }, params);
}

export function createObjectsRepository(db: Db) {
  return {
    async list(query: RegulatedObjectListQuery, scope: DataScope): Promise<Page<ObjectRecord>> {
      const params: unknown[] = [];
      const conditions = [visible(scope, params)];
      const add = (sql: (n: number) => string, value: unknown) => {
        params.push(value);
        conditions.push(sql(params.length));
      };
      if (query.kind) add((n) => `o.kind = $${n}`, query.kind);
      if (query.county) add((n) => `o.county = $${n}`, query.county);
      if (query.enterpriseId) add((n) => `o.enterprise_id = $${n}`, query.enterpriseId);
      if (query.q) add((n) => `o.name ILIKE $${n}`, `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      const where = conditions.join(' AND ');
      return listPage(
        db,
        {
          select: SELECT,
          countFrom: 'FROM regulated_objects o',
          where,
          orderBy: 'o.kind, o.name, o.id',
          params,
        },
        query,
        toRecord,
      );
    },

    async findById(id: string, scope: DataScope | null): Promise<ObjectRecord | null> {
      const params: unknown[] = [id];
      const where = scope ? visible(scope, params) : 'TRUE';
      const rows = await db.query<ObjectRow>(`${SELECT} WHERE o.id = $1 AND ${where}`, params);
      return rows.rows[0] ? toRecord(rows.rows[0]) : null;
    },

    async insert(source: Queryable, data: ObjectWrite, at: Date): Promise<string> {
      const rows = await source.query<{ id: string }>(
        `INSERT INTO regulated_objects (kind, name, enterprise_id, county, lon, lat, location_approximate, attributes,
           geometry, demo, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id`,
        [
          data.kind,
          data.name,
          data.enterpriseId,
          data.county,
          data.location.lon,
          data.location.lat,
          data.locationApproximate,
          JSON.stringify(data.attributes),
          data.geometry === null ? null : JSON.stringify(data.geometry),
          data.demo,
          at,
        ],
      );
      return rows.rows[0]!.id;
    },

    async update(id: string, data: ObjectWrite, at: Date, source: Queryable = db): Promise<void> {
      await source.query(
        `UPDATE regulated_objects SET kind = $2, name = $3, enterprise_id = $4, county = $5, lon = $6, lat = $7,
           location_approximate = $8, attributes = $9, geometry = $10, updated_at = $11 WHERE id = $1`,
        [
          id,
          data.kind,
          data.name,
          data.enterpriseId,
          data.county,
          data.location.lon,
          data.location.lat,
          data.locationApproximate,
          JSON.stringify(data.attributes),
          data.geometry === null ? null : JSON.stringify(data.geometry),
          at,
        ],
      );
    },

    async remove(id: string): Promise<void> {
      await db.query('DELETE FROM regulated_objects WHERE id = $1', [id]);
    },

    /** Map layer rows: every object of the given kinds in scope, geometry included. */
    async layer(
      kinds: readonly RegulatedObjectKind[],
      scope: DataScope,
      county: string | undefined,
    ): Promise<ObjectRecord[]> {
      const params: unknown[] = [kinds];
      const conditions = ['o.kind = ANY ($1::text[])', visible(scope, params)];
      if (county) {
        params.push(county);
        conditions.push(`o.county = $${params.length}`);
      }
      const rows = await db.query<ObjectRow>(
        `${SELECT} WHERE ${conditions.join(' AND ')} ORDER BY o.kind, o.name`,
        params,
      );
      return rows.rows.map(toRecord);
    },
  };
}

export type ObjectsRepository = ReturnType<typeof createObjectsRepository>;
