import type { Db, Queryable } from '../../../platform/db.ts';

export interface DivisionRow {
  code: string;
  parent_code: string | null;
  level: 'city' | 'county' | 'township';
  name_zh: string;
  name_en: string | null;
  lon: number;
  lat: number;
  centre_schematic: boolean;
}

export interface BoundaryRecord {
  code: string;
  geometry: unknown;
  schematic: boolean;
  source: string;
  importedAt: Date;
}

export function createDivisionsRepository(db: Db) {
  return {
    async count(): Promise<number> {
      const rows = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM divisions');
      return rows.rows[0]?.count ?? 0;
    },

    async upsertMany(source: Queryable, rows: DivisionRow[]): Promise<void> {
      for (const row of rows) {
        await source.query(
          `INSERT INTO divisions (code, parent_code, level, name_zh, name_en, lon, lat, centre_schematic)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
           ON CONFLICT (code) DO UPDATE SET name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en`,
          [
            row.code,
            row.parent_code,
            row.level,
            row.name_zh,
            row.name_en,
            row.lon,
            row.lat,
            row.centre_schematic,
          ],
        );
      }
    },

    async list(): Promise<DivisionRow[]> {
      const rows = await db.query<DivisionRow>('SELECT * FROM divisions ORDER BY code');
      return rows.rows;
    },

    async boundaries(codes: readonly string[] | null): Promise<BoundaryRecord[]> {
      const rows = await db.query<{
        code: string;
        geometry: unknown;
        schematic: boolean;
        source: string;
        imported_at: Date;
      }>(
        `SELECT * FROM division_boundaries WHERE $1::text[] IS NULL OR code = ANY ($1::text[]) ORDER BY code`,
        [codes],
      );
      return rows.rows.map((row) => ({
        code: row.code,
        geometry: row.geometry,
        schematic: row.schematic,
        source: row.source,
        importedAt: row.imported_at,
      }));
    },

    /** When the boundaries last changed: a cache of them is fresh while this answers the same. */
    async boundariesVersion(): Promise<string> {
      const rows = await db.query<{ version: string }>(
        `SELECT coalesce(max(imported_at)::text, '') || '/' || count(*) AS version FROM division_boundaries`,
      );
      return rows.rows[0]!.version;
    },

    async replaceBoundaries(
      source: Queryable,
      boundaries: Omit<BoundaryRecord, 'importedAt'>[],
      at: Date,
    ): Promise<void> {
      for (const boundary of boundaries) {
        await source.query(
          `INSERT INTO division_boundaries (code, geometry, schematic, source, imported_at) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (code) DO UPDATE SET geometry = EXCLUDED.geometry, schematic = EXCLUDED.schematic,
             source = EXCLUDED.source, imported_at = EXCLUDED.imported_at`,
          [boundary.code, JSON.stringify(boundary.geometry), boundary.schematic, boundary.source, at],
        );
      }
    },
  };
}

export type DivisionsRepository = ReturnType<typeof createDivisionsRepository>;
