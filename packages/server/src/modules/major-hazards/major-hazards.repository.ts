import type {
  DataScope,
  MajorHazardResult,
  MajorHazardUnitHistoryEntry,
  MajorHazardUnitListQuery,
  MajorHazardSummary,
  Page,
} from '@anjian/domain';
import type { Db, Queryable } from '../../platform/db.ts';
import { scopeCondition } from '../../platform/scope-sql.ts';
import { listPage } from '../../platform/sql-page.ts';

/** One declared chemical as stored: the input text, the table row it resolved to, q exact. */
export interface InventoryItemRecord {
  substance: string;
  substanceCode: string;
  quantityTonnes: string;
  betaCategory: string | null;
}

export interface UnitRecord {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  county: string;
  name: string;
  kind: 'production' | 'storage';
  locationText: string | null;
  location: { lon: number; lat: number } | null;
  exposedPopulation: number;
  inventory: InventoryItemRecord[];
  identification: MajorHazardResult;
  registryObjectId: string | null;
  version: number;
  demo: boolean;
  updatedAt: Date;
  updatedBy: string;
}

/** The columns a declaration writes; the identification is computed by the service. */
export interface UnitWrite {
  name: string;
  kind: 'production' | 'storage';
  locationText: string | null;
  location: { lon: number; lat: number } | null;
  exposedPopulation: number;
  inventory: InventoryItemRecord[];
  identification: MajorHazardResult;
  updatedBy: string;
}

export interface HistoryWrite {
  unitId: string;
  version: number;
  at: Date;
  actorId: string | null;
  actorName: string;
  change: MajorHazardUnitHistoryEntry['change'];
  exposedPopulation: number;
  inventory: readonly { substance: string; quantityTonnes: string; betaCategory?: string }[];
  identification: MajorHazardResult;
}

interface UnitRow {
  id: string;
  enterprise_id: string;
  enterprise_name: string;
  county: string;
  name: string;
  kind: 'production' | 'storage';
  location_text: string | null;
  lon: number | null;
  lat: number | null;
  exposed_population: number;
  identification: MajorHazardResult;
  registry_object_id: string | null;
  version: number;
  demo: boolean;
  updated_at: Date;
  updated_by: string;
  updated_by_name?: string;
  inventory: {
    substance: string;
    substance_code: string;
    quantity_tonnes: string;
    beta_category: string | null;
  }[];
}

function toRecord(row: UnitRow): UnitRecord {
  return {
    id: row.id,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
    county: row.county,
    name: row.name,
    kind: row.kind,
    locationText: row.location_text,
    location: row.lon === null || row.lat === null ? null : { lon: row.lon, lat: row.lat },
    exposedPopulation: row.exposed_population,
    inventory: row.inventory.map((item) => ({
      substance: item.substance,
      substanceCode: item.substance_code,
      quantityTonnes: item.quantity_tonnes,
      betaCategory: item.beta_category,
    })),
    identification: row.identification,
    registryObjectId: row.registry_object_id,
    version: row.version,
    demo: row.demo,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by_name ?? row.updated_by,
  };
}

// quantity_tonnes::text keeps the exact decimal through json_agg.
const SELECT_UNIT = `
  SELECT u.*, e.name AS enterprise_name,
    -- updated_by holds a login; the answer names the person.
    coalesce((SELECT p.display_name FROM users p WHERE lower(p.username) = lower(u.updated_by)), u.updated_by)
      AS updated_by_name,
    coalesce((SELECT json_agg(json_build_object('substance', i.substance, 'substance_code', i.substance_code,
                'quantity_tonnes', i.quantity_tonnes::text, 'beta_category', i.beta_category) ORDER BY i.position)
              FROM major_hazard_inventory i WHERE i.unit_id = u.id), '[]') AS inventory
  FROM major_hazard_units u JOIN enterprise_directory e ON e.id = u.enterprise_id`;

const visible = (scope: DataScope, params: unknown[]) =>
  scopeCondition(scope, { county: 'u.county', enterprise: 'u.enterprise_id' }, params);

function listConditions(query: MajorHazardUnitListQuery, scope: DataScope, params: unknown[]): string {
  const conditions = ['u.retired_at IS NULL', visible(scope, params)];
  const add = (sql: (n: number) => string, value: unknown) => {
    params.push(value);
    conditions.push(sql(params.length));
  };
  if (query.enterpriseId) add((n) => `u.enterprise_id = $${n}`, query.enterpriseId);
  if (query.county) add((n) => `u.county = $${n}`, query.county);
  if (query.isMajor) add((n) => `u.is_major = $${n}`, query.isMajor === 'true');
  if (query.level) add((n) => `u.level = $${n}`, query.level);
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    add((n) => `(u.name ILIKE $${n} OR e.name ILIKE $${n})`, pattern);
  }
  return conditions.join(' AND ');
}

export function createMajorHazardsRepository(db: Db) {
  return {
    async list(query: MajorHazardUnitListQuery, scope: DataScope): Promise<Page<UnitRecord>> {
      const params: unknown[] = [];
      const where = listConditions(query, scope, params);
      return listPage(
        db,
        {
          select: SELECT_UNIT,
          countFrom: 'FROM major_hazard_units u JOIN enterprise_directory e ON e.id = u.enterprise_id',
          where,
          orderBy: 'u.level NULLS LAST, u.county, e.name, u.name, u.id',
          params,
        },
        query,
        toRecord,
      );
    },

    /** An active unit, within `scope` when one is given. */
    async findById(id: string, scope: DataScope | null, source: Queryable = db): Promise<UnitRecord | null> {
      const params: unknown[] = [id];
      const where = scope ? visible(scope, params) : 'TRUE';
      const rows = await source.query<UnitRow>(
        `${SELECT_UNIT} WHERE u.id = $1 AND u.retired_at IS NULL AND ${where}`,
        params,
      );
      return rows.rows[0] ? toRecord(rows.rows[0]) : null;
    },

    async nameTaken(enterpriseId: string, name: string, exceptId: string | null): Promise<boolean> {
      const rows = await db.query(
        `SELECT 1 FROM major_hazard_units WHERE enterprise_id = $1 AND name = $2 AND retired_at IS NULL
           AND id IS DISTINCT FROM $3::uuid`,
        [enterpriseId, name, exceptId],
      );
      return (rows.rowCount ?? 0) > 0;
    },

    async insert(
      tx: Queryable,
      owner: { enterpriseId: string; county: string; demo: boolean },
      data: UnitWrite,
      at: Date,
    ): Promise<string> {
      const rows = await tx.query<{ id: string }>(
        `INSERT INTO major_hazard_units (enterprise_id, county, name, kind, location_text, lon, lat, exposed_population,
           s, is_major, level, identification, demo, created_at, updated_at, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14, $15) RETURNING id`,
        [
          owner.enterpriseId,
          owner.county,
          data.name,
          data.kind,
          data.locationText,
          data.location?.lon ?? null,
          data.location?.lat ?? null,
          data.exposedPopulation,
          data.identification.s,
          data.identification.isMajor,
          data.identification.level,
          JSON.stringify(data.identification),
          owner.demo,
          at,
          data.updatedBy,
        ],
      );
      const id = rows.rows[0]!.id;
      await insertInventory(tx, id, data.inventory);
      return id;
    },

    /** Replaces the declaration and its inventory; answers the new version. */
    async update(tx: Queryable, id: string, data: UnitWrite, at: Date): Promise<number> {
      const rows = await tx.query<{ version: number }>(
        `UPDATE major_hazard_units SET name = $2, kind = $3, location_text = $4, lon = $5, lat = $6,
           exposed_population = $7, s = $8, is_major = $9, level = $10, identification = $11, updated_at = $12,
           updated_by = $13, version = version + 1
         WHERE id = $1 RETURNING version`,
        [
          id,
          data.name,
          data.kind,
          data.locationText,
          data.location?.lon ?? null,
          data.location?.lat ?? null,
          data.exposedPopulation,
          data.identification.s,
          data.identification.isMajor,
          data.identification.level,
          JSON.stringify(data.identification),
          at,
          data.updatedBy,
        ],
      );
      await tx.query('DELETE FROM major_hazard_inventory WHERE unit_id = $1', [id]);
      await insertInventory(tx, id, data.inventory);
      return rows.rows[0]!.version;
    },

    async retire(tx: Queryable, id: string, at: Date, by: string): Promise<number> {
      const rows = await tx.query<{ version: number }>(
        `UPDATE major_hazard_units SET retired_at = $2, updated_at = $2, updated_by = $3, version = version + 1,
           registry_object_id = NULL
         WHERE id = $1 RETURNING version`,
        [id, at, by],
      );
      return rows.rows[0]!.version;
    },

    async linkRegistryObject(tx: Queryable, id: string, objectId: string): Promise<void> {
      await tx.query('UPDATE major_hazard_units SET registry_object_id = $2 WHERE id = $1', [id, objectId]);
    },

    /** Registry objects already kept by an active unit (so that a name match never steals one). */
    async linkedObjectIds(tx: Queryable, objectIds: readonly string[]): Promise<Set<string>> {
      const rows = await tx.query<{ registry_object_id: string }>(
        `SELECT registry_object_id FROM major_hazard_units WHERE registry_object_id = ANY ($1::uuid[])`,
        [objectIds],
      );
      return new Set(rows.rows.map((row) => row.registry_object_id));
    },

    async appendHistory(tx: Queryable, entry: HistoryWrite): Promise<void> {
      const { identification } = entry;
      await tx.query(
        `INSERT INTO major_hazard_unit_history (unit_id, version, at, actor_id, actor_name, change, exposed_population,
           inventory, s, is_major, r, level, identification)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [
          entry.unitId,
          entry.version,
          entry.at,
          entry.actorId,
          entry.actorName,
          entry.change,
          entry.exposedPopulation,
          JSON.stringify(entry.inventory),
          identification.s,
          identification.isMajor,
          identification.r,
          identification.level,
          JSON.stringify(identification),
        ],
      );
    },

    async history(unitId: string): Promise<MajorHazardUnitHistoryEntry[]> {
      const rows = await db.query<{
        version: number;
        at: Date;
        actor_name: string;
        change: MajorHazardUnitHistoryEntry['change'];
        s: string;
        is_major: boolean;
        r: string | null;
        level: number | null;
        exposed_population: number;
        inventory: MajorHazardUnitHistoryEntry['inventory'];
      }>(
        // The person's name, not the login stored when the entry was written.
        `SELECT h.version, h.at, coalesce(p.display_name, h.actor_name) AS actor_name, h.change, h.s, h.is_major, h.r,
                h.level, h.exposed_population, h.inventory
         FROM major_hazard_unit_history h LEFT JOIN users p ON p.id = h.actor_id
         WHERE h.unit_id = $1 ORDER BY h.id DESC LIMIT 500`,
        [unitId],
      );
      return rows.rows.map((row) => ({
        version: row.version,
        at: row.at.toISOString(),
        actor: row.actor_name,
        change: row.change,
        s: row.s,
        isMajor: row.is_major,
        r: row.r,
        level: row.level,
        exposedPopulation: row.exposed_population,
        inventory: row.inventory,
      }));
    },

    /** Active major units by county and level, and declared units, in scope. */
    /** Declared units by county; the service adds the registry's counts. */
    async summary(scope: DataScope): Promise<MajorHazardSummary> {
      const params: unknown[] = [];
      const rows = await db.query<{
        county: string;
        level1: number;
        level2: number;
        level3: number;
        level4: number;
        declared_units: number;
      }>(
        `SELECT u.county,
           count(*) FILTER (WHERE u.level = 1)::int AS level1, count(*) FILTER (WHERE u.level = 2)::int AS level2,
           count(*) FILTER (WHERE u.level = 3)::int AS level3, count(*) FILTER (WHERE u.level = 4)::int AS level4,
           count(*)::int AS declared_units
         FROM major_hazard_units u WHERE u.retired_at IS NULL AND ${visible(scope, params)}
         GROUP BY u.county ORDER BY u.county`,
        params,
      );
      return {
        rows: rows.rows.map((row) => ({
          county: row.county,
          level1: row.level1,
          level2: row.level2,
          level3: row.level3,
          level4: row.level4,
          declaredUnits: row.declared_units,
          undeclared: 0,
        })),
        undeclared: [],
      };
    },
  };
}

async function insertInventory(tx: Queryable, unitId: string, items: readonly InventoryItemRecord[]) {
  if (items.length === 0) return;
  await tx.query(
    `INSERT INTO major_hazard_inventory (unit_id, position, substance, substance_code, quantity_tonnes, beta_category)
     SELECT $1, ord::int, s, c, q::numeric, b
     FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS t(s, c, q, b, ord)`,
    [
      unitId,
      items.map((item) => item.substance),
      items.map((item) => item.substanceCode),
      items.map((item) => item.quantityTonnes),
      items.map((item) => item.betaCategory),
    ],
  );
}

export type MajorHazardsRepository = ReturnType<typeof createMajorHazardsRepository>;
