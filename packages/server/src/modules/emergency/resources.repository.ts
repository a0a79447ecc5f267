import type { DataScope, EmergencyMaterial, EmergencyResourceKind, Page } from '@anjian/domain';
import { inTransaction, type Db, type Queryable } from '../../platform/db.ts';
import { scopeCondition } from '../../platform/scope-sql.ts';
import { listPage } from '../../platform/sql-page.ts';

export interface ResourceRecord {
  id: string;
  kind: EmergencyResourceKind;
  name: string;
  county: string;
  lon: number;
  lat: number;
  address: string | null;
  contactName: string | null;
  contactPhoneSealed: string | null;
  attributes: Record<string, unknown>;
  materials: EmergencyMaterial[];
  demo: boolean;
  distanceM?: number;
}

export type ResourceWrite = Omit<ResourceRecord, 'id' | 'materials' | 'distanceM'>;

interface Row {
  id: string;
  kind: EmergencyResourceKind;
  name: string;
  county: string;
  lon: number;
  lat: number;
  address: string | null;
  contact_name: string | null;
  contact_phone_enc: string | null;
  attributes: Record<string, unknown>;
  demo: boolean;
  materials:
    | {
        name: string;
        unit: string;
        quantity: string;
        minimum_stock: string | null;
        expires_on: string | null;
      }[]
    | null;
  distance_m?: number;
}

function toRecord(row: Row): ResourceRecord {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    county: row.county,
    lon: row.lon,
    lat: row.lat,
    address: row.address,
    contactName: row.contact_name,
    contactPhoneSealed: row.contact_phone_enc,
    attributes: row.attributes,
    demo: row.demo,
    materials: (row.materials ?? []).map((m) => ({
      name: m.name,
      unit: m.unit,
      quantity: Number(m.quantity),
      ...(m.minimum_stock !== null ? { minimumStock: Number(m.minimum_stock) } : {}),
      ...(m.expires_on ? { expiresOn: m.expires_on } : {}),
    })),
    ...(row.distance_m !== undefined ? { distanceM: row.distance_m } : {}),
  };
}

const MATERIALS = `(SELECT json_agg(json_build_object('name', m.name, 'unit', m.unit, 'quantity', m.quantity,
    'minimum_stock', m.minimum_stock, 'expires_on', to_char(m.expires_on, 'YYYY-MM-DD')) ORDER BY m.name)
  FROM emergency_materials m WHERE m.warehouse_id = r.id) AS materials`;
// Emergency resources belong to a county; enterprise accounts see none of the public libraries' contacts.
const visible = (scope: DataScope, params: unknown[]) =>
  scope.kind === 'enterprise'
    ? 'FALSE'
    : scopeCondition(scope, { county: 'r.county', enterprise: 'NULL' }, params);

export function createResourcesRepository(db: Db) {
  return {
    async list(
      scope: DataScope,
      filter: { kind?: string | undefined; county?: string | undefined; q?: string | undefined },
      page: { page: number; pageSize: number },
    ): Promise<Page<ResourceRecord>> {
      const params: unknown[] = [];
      const conditions = [visible(scope, params)];
      const add = (sql: (n: number) => string, value: unknown) => {
        params.push(value);
        conditions.push(sql(params.length));
      };
      if (filter.kind) add((n) => `r.kind = $${n}`, filter.kind);
      if (filter.county) add((n) => `r.county = $${n}`, filter.county);
      if (filter.q) add((n) => `r.name ILIKE $${n}`, `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      const where = conditions.join(' AND ');
      return listPage(
        db,
        {
          select: `SELECT r.*, ${MATERIALS} FROM emergency_resources r`,
          countFrom: 'FROM emergency_resources r',
          where,
          orderBy: 'r.kind, r.name, r.id',
          params,
        },
        page,
        toRecord,
      );
    },

    async find(id: string, scope: DataScope): Promise<ResourceRecord | null> {
      const params: unknown[] = [id];
      const rows = await db.query<Row>(
        `SELECT r.*, ${MATERIALS} FROM emergency_resources r WHERE r.id = $1 AND ${visible(scope, params)}`,
        params,
      );
      return rows.rows[0] ? toRecord(rows.rows[0]) : null;
    },

    /**
     * Resources within `radiusM` of a point, nearest first: the GiST index on ll_to_earth finds the
     * candidates in the bounding cube, earth_distance orders and cuts them exactly.
     */
    async nearby(
      scope: DataScope,
      query: {
        lon: number;
        lat: number;
        radiusM: number;
        kinds: readonly string[];
        material?: string | undefined;
        limit: number;
      },
    ): Promise<ResourceRecord[]> {
      const params: unknown[] = [query.lat, query.lon, query.radiusM, query.kinds];
      const conditions = [
        'earth_box(ll_to_earth($1, $2), $3) @> ll_to_earth(r.lat, r.lon)',
        'earth_distance(ll_to_earth($1, $2), ll_to_earth(r.lat, r.lon)) <= $3',
        'r.kind = ANY ($4::text[])',
        visible(scope, params),
      ];
      if (query.material) {
        params.push(`%${query.material.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
        conditions.push(
          `EXISTS (SELECT 1 FROM emergency_materials m WHERE m.warehouse_id = r.id AND m.quantity > 0 AND m.name ILIKE $${params.length})`,
        );
      }
      params.push(query.limit);
      const rows = await db.query<Row>(
        `SELECT r.*, ${MATERIALS}, earth_distance(ll_to_earth($1, $2), ll_to_earth(r.lat, r.lon)) AS distance_m
         FROM emergency_resources r WHERE ${conditions.join(' AND ')} ORDER BY distance_m, r.id LIMIT $${params.length}`,
        params,
      );
      return rows.rows.map(toRecord);
    },

    /** Stock rows below their minimum or expiring within `warningDays` of `today`. */
    async materialCandidates(
      scope: DataScope,
      today: string,
      warningDays: number,
      county?: string,
    ): Promise<
      (EmergencyMaterial & {
        warehouseId: string;
        warehouseName: string;
        county: string;
        owner: string | null;
        demo: boolean;
      })[]
    > {
      const params: unknown[] = [today, warningDays];
      const conditions = [
        visible(scope, params),
        '(m.quantity < m.minimum_stock OR m.expires_on <= $1::date + $2::int)',
      ];
      if (county) {
        params.push(county);
        conditions.push(`r.county = $${params.length}`);
      }
      const rows = await db.query<{
        warehouse_id: string;
        warehouse_name: string;
        county: string;
        owner: string | null;
        demo: boolean;
        name: string;
        unit: string;
        quantity: string;
        minimum_stock: string | null;
        expires_on: string | null;
      }>(
        `SELECT r.id AS warehouse_id, r.name AS warehouse_name, r.county, r.attributes->>'owner' AS owner, r.demo,
           m.name, m.unit, m.quantity, m.minimum_stock, m.expires_on::text AS expires_on
         FROM emergency_materials m JOIN emergency_resources r ON r.id = m.warehouse_id
         WHERE ${conditions.join(' AND ')} ORDER BY m.expires_on NULLS LAST, r.name, m.name LIMIT 500`,
        params,
      );
      return rows.rows.map((row) => ({
        warehouseId: row.warehouse_id,
        warehouseName: row.warehouse_name,
        county: row.county,
        owner: row.owner,
        demo: row.demo,
        name: row.name,
        unit: row.unit,
        quantity: Number(row.quantity),
        ...(row.minimum_stock !== null ? { minimumStock: Number(row.minimum_stock) } : {}),
        ...(row.expires_on ? { expiresOn: row.expires_on } : {}),
      }));
    },

    async insert(source: Queryable, data: ResourceWrite, at: Date): Promise<string> {
      const rows = await source.query<{ id: string }>(
        `INSERT INTO emergency_resources (kind, name, county, lon, lat, address, contact_name, contact_phone_enc, attributes, demo, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id`,
        [
          data.kind,
          data.name,
          data.county,
          data.lon,
          data.lat,
          data.address,
          data.contactName,
          data.contactPhoneSealed,
          JSON.stringify(data.attributes),
          data.demo,
          at,
        ],
      );
      return rows.rows[0]!.id;
    },

    async update(id: string, data: ResourceWrite, at: Date): Promise<void> {
      await db.query(
        `UPDATE emergency_resources SET kind = $2, name = $3, county = $4, lon = $5, lat = $6, address = $7, contact_name = $8,
           contact_phone_enc = $9, attributes = $10, updated_at = $11 WHERE id = $1`,
        [
          id,
          data.kind,
          data.name,
          data.county,
          data.lon,
          data.lat,
          data.address,
          data.contactName,
          data.contactPhoneSealed,
          JSON.stringify(data.attributes),
          at,
        ],
      );
    },

    async remove(id: string): Promise<void> {
      await db.query('DELETE FROM emergency_resources WHERE id = $1', [id]);
    },

    /** The whole stock list at once: the old list stays if the new one cannot be written. */
    async replaceMaterials(warehouseId: string, materials: readonly EmergencyMaterial[]): Promise<void> {
      await inTransaction(db, async (tx) => {
        await tx.query('DELETE FROM emergency_materials WHERE warehouse_id = $1', [warehouseId]);
        if (materials.length === 0) return;
        await tx.query(
          `INSERT INTO emergency_materials (warehouse_id, name, unit, quantity, minimum_stock, expires_on)
         SELECT $1, n, u, q, ms, e::date FROM unnest($2::text[], $3::text[], $4::numeric[], $5::numeric[], $6::text[]) AS x(n, u, q, ms, e)`,
          [
            warehouseId,
            materials.map((m) => m.name),
            materials.map((m) => m.unit),
            materials.map((m) => m.quantity),
            materials.map((m) => m.minimumStock ?? null),
            materials.map((m) => m.expiresOn ?? null),
          ],
        );
      });
    },
  };
}

export type ResourcesRepository = ReturnType<typeof createResourcesRepository>;
