import type { DataScope, EnterpriseListQuery, Page } from '@anjian/domain';
import type { Db, Queryable } from '../../../platform/db.ts';
import { scopeCondition } from '../../../platform/scope-sql.ts';
import { createEnterpriseLicencesRepository } from './enterprise-licences.repository.ts';
import { enterpriseWhere, SORT_COLUMNS, type EnterpriseFilter } from './enterprise-search.ts';
import { countWithin, offsetOf, sortClause } from '../../../platform/sql-page.ts';

export { enterpriseWhere, type EnterpriseFilter } from './enterprise-search.ts';

export type ContactRole = 'legalRepresentative' | 'principal' | 'safetyManager';
export interface SealedContact {
  name: string;
  phoneEnc: string | null;
}

/** An enterprise as stored; phones stay sealed until the service decides what the caller sees. */
export interface EnterpriseRecord {
  id: string;
  name: string;
  creditCode: string;
  county: string;
  township: string | null;
  address: string | null;
  location: { lon: number; lat: number } | null;
  locationApproximate: boolean;
  industryCode: string | null;
  sectors: string[];
  scale: 'large' | 'medium' | 'small' | 'micro' | null;
  employees: number | null;
  contacts: Partial<Record<ContactRole, SealedContact>>;
  status: 'operating' | 'suspended' | 'closed';
  keyTags: string[];
  responsibleDepartment: string | null;
  demo: boolean;
  createdAt: Date;
  updatedAt: Date;
  licences: LicenceRecord[];
  objectCount: number;
}

export interface LicenceRecord {
  id: string;
  type: string;
  number: string;
  validUntil: string;
}

export type EnterpriseWrite = Omit<
  EnterpriseRecord,
  'id' | 'createdAt' | 'updatedAt' | 'licences' | 'objectCount'
>;

interface EnterpriseRow {
  id: string;
  name: string;
  credit_code: string;
  county: string;
  township: string | null;
  address: string | null;
  lon: number | null;
  lat: number | null;
  location_approximate: boolean;
  industry_code: string | null;
  sectors: string[];
  scale: EnterpriseRecord['scale'];
  employees: number | null;
  contacts: EnterpriseRecord['contacts'];
  status: EnterpriseRecord['status'];
  key_tags: string[];
  responsible_department: string | null;
  demo: boolean;
  created_at: Date;
  updated_at: Date;
  licences?: LicenceRecord[] | null;
  object_count?: number;
}

function toRecord(row: EnterpriseRow): EnterpriseRecord {
  return {
    id: row.id,
    name: row.name,
    creditCode: row.credit_code,
    county: row.county,
    township: row.township,
    address: row.address,
    location: row.lon === null || row.lat === null ? null : { lon: row.lon, lat: row.lat },
    locationApproximate: row.location_approximate,
    industryCode: row.industry_code,
    sectors: row.sectors,
    scale: row.scale,
    employees: row.employees,
    contacts: row.contacts,
    status: row.status,
    keyTags: row.key_tags,
    responsibleDepartment: row.responsible_department,
    demo: row.demo,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    licences: row.licences ?? [],
    objectCount: row.object_count ?? 0,
  };
}

const SELECT_FULL = `
  SELECT e.*,
    (SELECT coalesce(json_agg(json_build_object('id', l.id, 'type', l.type, 'number', l.number,
                                                'validUntil', to_char(l.valid_until, 'YYYY-MM-DD'))
                              ORDER BY l.valid_until), '[]')
       FROM enterprise_licences l WHERE l.enterprise_id = e.id) AS licences,
    (SELECT count(*)::int FROM regulated_objects o WHERE o.enterprise_id = e.id) AS object_count
  FROM enterprises e`;

export function createEnterprisesRepository(db: Db) {
  return {
    ...createEnterpriseLicencesRepository(db),

    /**
     * One page, and the total: exact when it costs little (the page is the last one, or a count
     * finishes within COUNT_BUDGET_MS), otherwise PostgreSQL's estimate with `totalExact: false`.
     * At a province's 370,000 rows a broad filter (one county and sector: 22,000 rows) took 440 ms
     * to count; the page itself comes from an index in a few.
     */
    async list(
      query: EnterpriseListQuery,
      scope: DataScope,
      today: string,
    ): Promise<Page<EnterpriseRecord> & { totalExact: boolean }> {
      const params: unknown[] = [];
      const where = enterpriseWhere(query, scope, today, params);
      const order = sortClause(SORT_COLUMNS, query.sort, query.order, 'e.id');
      const offset = offsetOf(query);
      const rows = await db.query<EnterpriseRow>(
        `WITH page AS (
           SELECT e.id FROM enterprises e WHERE ${where}
           ORDER BY ${order} LIMIT $${params.length + 1} OFFSET $${params.length + 2})
         ${SELECT_FULL.replace('FROM enterprises e', 'FROM enterprises e JOIN page ON page.id = e.id')}
         ORDER BY ${order}`,
        [...params, query.pageSize, offset],
      );
      const page = { items: rows.rows.map(toRecord), page: query.page, pageSize: query.pageSize };
      if (rows.rows.length < query.pageSize && (rows.rows.length > 0 || offset === 0)) {
        return { ...page, total: offset + rows.rows.length, totalExact: true };
      }
      const counted = await countWithin(db, `FROM enterprises e WHERE ${where}`, params);
      return {
        ...page,
        total: counted.exact ? counted.total : Math.max(counted.total, offset + rows.rows.length + 1),
        totalExact: counted.exact,
      };
    },

    /** Rows for the Excel export, in list order, in batches so memory stays flat. */
    async *iterate(
      filter: EnterpriseFilter,
      scope: DataScope,
      today: string,
      batch = 5000,
    ): AsyncGenerator<EnterpriseRecord[]> {
      let after: { name: string; id: string } | null = null;
      for (;;) {
        const params: unknown[] = [];
        const where = enterpriseWhere(filter, scope, today, params);
        let keyset = '';
        if (after) {
          params.push(after.name, after.id);
          keyset = ` AND (e.name, e.id) > ($${params.length - 1}, $${params.length}::uuid)`;
        }
        const rows: { rows: EnterpriseRow[] } = await db.query<EnterpriseRow>(
          `${SELECT_FULL} WHERE ${where}${keyset} ORDER BY e.name, e.id LIMIT ${batch}`,
          params,
        );
        if (rows.rows.length === 0) return;
        yield rows.rows.map(toRecord);
        const last: EnterpriseRow = rows.rows[rows.rows.length - 1]!;
        after = { name: last.name, id: last.id };
        if (rows.rows.length < batch) return;
      }
    },

    async findById(
      id: string,
      scope: DataScope | null,
      source: Queryable = db,
    ): Promise<EnterpriseRecord | null> {
      const params: unknown[] = [id];
      const where = scope
        ? scopeCondition(scope, { county: 'e.county', enterprise: 'e.id' }, params)
        : 'TRUE';
      const rows = await source.query<EnterpriseRow>(`${SELECT_FULL} WHERE e.id = $1 AND ${where}`, params);
      return rows.rows[0] ? toRecord(rows.rows[0]) : null;
    },

    /**
     * Up to `limit` operating enterprises whose name contains the text or whose credit code starts
     * with it: the public report page's suggestions (name, credit code and county only).
     */
    async suggest(
      text: string,
      limit = 8,
    ): Promise<{ id: string; name: string; creditCode: string; county: string }[]> {
      const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`);
      const rows = await db.query<{ id: string; name: string; credit_code: string; county: string }>(
        `SELECT id, name, credit_code, county FROM enterprises
          WHERE status = 'operating' AND (name ILIKE $1 OR credit_code LIKE $2)
          ORDER BY length(name), name, id LIMIT $3`,
        [`%${escaped}%`, `${escaped.toUpperCase()}%`, limit],
      );
      return rows.rows.map((r) => ({ id: r.id, name: r.name, creditCode: r.credit_code, county: r.county }));
    },

    /**
     * Operating enterprises registered within `radiusM` metres of a point, nearest first (the GiST
     * index on ll_to_earth finds the candidates in the bounding cube; earth_distance cuts them).
     */
    async nearby(
      lon: number,
      lat: number,
      radiusM: number,
      limit = 3,
    ): Promise<{ id: string; name: string; county: string; distanceM: number }[]> {
      if (radiusM <= 0) return [];
      const rows = await db.query<{ id: string; name: string; county: string; distance_m: number }>(
        `SELECT id, name, county, earth_distance(ll_to_earth($1, $2), ll_to_earth(lat, lon)) AS distance_m
           FROM enterprises
          WHERE status = 'operating' AND lat IS NOT NULL
            AND earth_box(ll_to_earth($1, $2), $3) @> ll_to_earth(lat, lon)
            AND earth_distance(ll_to_earth($1, $2), ll_to_earth(lat, lon)) <= $3
          ORDER BY distance_m, id LIMIT $4`,
        [lat, lon, radiusM, limit],
      );
      return rows.rows.map((r) => ({
        id: r.id,
        name: r.name,
        county: r.county,
        distanceM: Math.round(r.distance_m),
      }));
    },

    async findByCreditCodes(
      codes: readonly string[],
      source: Queryable = db,
    ): Promise<Map<string, EnterpriseRecord>> {
      const rows = await source.query<EnterpriseRow>(
        `${SELECT_FULL} WHERE e.credit_code = ANY ($1::text[])`,
        [codes],
      );
      return new Map(rows.rows.map((row) => [row.credit_code, toRecord(row)]));
    },

    async insert(source: Queryable, data: EnterpriseWrite, at: Date): Promise<string> {
      const rows = await source.query<{ id: string }>(
        `INSERT INTO enterprises (name, credit_code, county, township, address, lon, lat, location_approximate,
           industry_code, sectors, scale, employees, contacts, status, key_tags, responsible_department, demo,
           created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $18) RETURNING id`,
        [
          data.name,
          data.creditCode,
          data.county,
          data.township,
          data.address,
          data.location?.lon ?? null,
          data.location?.lat ?? null,
          data.locationApproximate,
          data.industryCode,
          data.sectors,
          data.scale,
          data.employees,
          JSON.stringify(data.contacts),
          data.status,
          data.keyTags,
          data.responsibleDepartment,
          data.demo,
          at,
        ],
      );
      return rows.rows[0]!.id;
    },

    /** Bulk insert for demo data and benchmarks; answers credit code → id. */
    async insertMany(
      source: Queryable,
      rows: readonly EnterpriseWrite[],
      at: Date,
    ): Promise<Map<string, string>> {
      const column = <T>(pick: (row: EnterpriseWrite) => T) => rows.map(pick);
      const inserted = await source.query<{ id: string; credit_code: string }>(
        `INSERT INTO enterprises (name, credit_code, county, township, address, lon, lat, location_approximate,
           industry_code, sectors, scale, employees, contacts, status, key_tags, responsible_department, demo,
           created_at, updated_at)
         SELECT n, c, co, t, a, lo, la, ap, ic, string_to_array(s, ','), sc, em, ct::jsonb, st,
                string_to_array(kt, ','), rd, d, $18, $18
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::float8[], $7::float8[],
                     $8::bool[], $9::text[], $10::text[], $11::text[], $12::int[], $13::text[], $14::text[],
                     $15::text[], $16::text[], $17::bool[])
              AS u(n, c, co, t, a, lo, la, ap, ic, s, sc, em, ct, st, kt, rd, d)
         RETURNING id, credit_code`,
        [
          column((r) => r.name),
          column((r) => r.creditCode),
          column((r) => r.county),
          column((r) => r.township),
          column((r) => r.address),
          column((r) => r.location?.lon ?? null),
          column((r) => r.location?.lat ?? null),
          column((r) => r.locationApproximate),
          column((r) => r.industryCode),
          column((r) => r.sectors.join(',')),
          column((r) => r.scale),
          column((r) => r.employees),
          column((r) => JSON.stringify(r.contacts)),
          column((r) => r.status),
          column((r) => r.keyTags.join(',')),
          column((r) => r.responsibleDepartment),
          column((r) => r.demo),
          at,
        ],
      );
      return new Map(inserted.rows.map((row) => [row.credit_code, row.id]));
    },

    async update(source: Queryable, id: string, data: EnterpriseWrite, at: Date): Promise<void> {
      await source.query(
        `UPDATE enterprises SET name = $2, credit_code = $3, county = $4, township = $5, address = $6, lon = $7,
           lat = $8, location_approximate = $9, industry_code = $10, sectors = $11, scale = $12, employees = $13,
           contacts = $14, status = $15, key_tags = $16, responsible_department = $17, updated_at = $18
         WHERE id = $1`,
        [
          id,
          data.name,
          data.creditCode,
          data.county,
          data.township,
          data.address,
          data.location?.lon ?? null,
          data.location?.lat ?? null,
          data.locationApproximate,
          data.industryCode,
          data.sectors,
          data.scale,
          data.employees,
          JSON.stringify(data.contacts),
          data.status,
          data.keyTags,
          data.responsibleDepartment,
          at,
        ],
      );
    },

    /**
     * Compact points of the map layer, [id, lon, lat, first sector, name, status, demo] each, as
     * JSON text built by PostgreSQL: tens of thousands of rows pass through without being parsed
     * and serialised again in Node.
     */
    async mapPointsJson(
      filter: EnterpriseFilter,
      scope: DataScope,
      today: string,
    ): Promise<{ json: string; count: number }> {
      const params: unknown[] = [];
      const where = enterpriseWhere(filter, scope, today, params);
      const rows = await db.query<{ points: string; count: number }>(
        `SELECT coalesce(json_agg(json_build_array(e.id, e.lon, e.lat, e.sectors[1], e.name, e.status, e.demo)), '[]')::text AS points,
                count(*)::int AS count
         FROM enterprises e WHERE ${where} AND e.lon IS NOT NULL AND e.lat IS NOT NULL`,
        params,
      );
      return { json: rows.rows[0]!.points, count: rows.rows[0]!.count };
    },
  };
}

export type EnterprisesRepository = ReturnType<typeof createEnterprisesRepository>;
