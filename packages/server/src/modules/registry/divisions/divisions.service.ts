import { DomainError, findCounty, yuxiCity, yuxiCounties, yuxiTownships } from '@anjian/domain';
import type { Clock } from '../../../platform/clock.ts';
import { inTransaction, type Db } from '../../../platform/db.ts';
import type { DivisionRow, DivisionsRepository } from './divisions.repository.ts';
import { countyBoundarySource, yuxiCountyBoundaries } from './county-boundaries.ts';
import { schematicCityOutline, schematicTownshipCentres } from './schematic-boundaries.ts';

export interface BoundaryFeature {
  type: 'Feature';
  properties: { code: string; nameZh: string; nameEn: string | null; schematic: boolean; source: string };
  geometry: unknown;
}

const positionOk = (p: unknown) =>
  Array.isArray(p) &&
  p.length >= 2 &&
  p.every((n) => typeof n === 'number' && Number.isFinite(n)) &&
  Math.abs(p[0]) <= 180 &&
  Math.abs(p[1]) <= 90;
const ringOk = (r: unknown) =>
  Array.isArray(r) && r.length >= 4 && r.length <= 200_000 && r.every(positionOk);
function isArea(geometry: unknown): boolean {
  const g = geometry as { type?: string; coordinates?: unknown };
  if (g?.type === 'Polygon')
    return Array.isArray(g.coordinates) && g.coordinates.length > 0 && g.coordinates.every(ringOk);
  if (g?.type === 'MultiPolygon') {
    return (
      Array.isArray(g.coordinates) &&
      g.coordinates.length > 0 &&
      g.coordinates.every((p) => Array.isArray(p) && p.length > 0 && p.every(ringOk))
    );
  }
  return false;
}

/** A county's boundary for locating a point in it (WGS-84 GeoJSON geometry, Polygon or MultiPolygon). */
export interface CountyArea {
  code: string;
  nameZh: string;
  nameEn: string;
  geometry:
    { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };
}

export function createDivisionsService(deps: { db: Db; clock: Clock; divisions: DivisionsRepository }) {
  const { db, clock, divisions } = deps;
  // The county boundaries are ~400 kB; read again only when an import changed them (any process).
  let areas: { version: string; value: CountyArea[] } | null = null;
  return {
    /** The nine counties' current boundaries (the real ones, or a bureau's import), cached. */
    async countyAreas(): Promise<CountyArea[]> {
      const version = await divisions.boundariesVersion();
      if (areas?.version === version) return areas.value;
      const records = await divisions.boundaries(yuxiCounties.map((c) => c.code));
      const value = records
        .filter((record) => isArea(record.geometry))
        .map((record) => {
          const county = findCounty(record.code)!;
          return {
            code: record.code,
            nameZh: county.nameZh,
            nameEn: county.nameEn,
            geometry: record.geometry as CountyArea['geometry'],
          };
        });
      areas = { version, value };
      return value;
    },

    /**
     * Divisions are reference data, seeded on every fresh database: the counties with their real
     * boundaries (county-boundaries.ts), the city outline and township centres schematic. A database
     * seeded before the real boundaries came gets them in place of the schematic ones.
     */
    async seed(): Promise<void> {
      const boundaries = yuxiCountyBoundaries();
      const countyRecords = () =>
        [...boundaries].map(([code, geometry]) => ({
          code,
          geometry,
          schematic: false,
          source: countyBoundarySource,
        }));
      if ((await divisions.count()) > 0) {
        const stale = (await divisions.boundaries(yuxiCounties.map((c) => c.code)))
          .filter((record) => record.source === 'schematic')
          .map((record) => record.code);
        if (stale.length === 0) return;
        const records = countyRecords().filter((record) => stale.includes(record.code));
        await inTransaction(db, (tx) => divisions.replaceBoundaries(tx, records, clock.now()));
        return;
      }
      const townshipCentres = schematicTownshipCentres(boundaries);
      const rows: DivisionRow[] = [
        {
          code: yuxiCity.code,
          parent_code: null,
          level: 'city',
          name_zh: yuxiCity.nameZh,
          name_en: yuxiCity.nameEn,
          lon: yuxiCity.seat[0],
          lat: yuxiCity.seat[1],
          centre_schematic: false,
        },
        ...yuxiCounties.map((c) => ({
          code: c.code,
          parent_code: yuxiCity.code,
          level: 'county' as const,
          name_zh: c.nameZh,
          name_en: c.nameEn,
          lon: c.seat[0],
          lat: c.seat[1],
          centre_schematic: false,
        })),
        ...yuxiTownships.map((t) => {
          const [lon, lat] = townshipCentres.get(t.code)!;
          return {
            code: t.code,
            parent_code: t.county,
            level: 'township' as const,
            name_zh: t.nameZh,
            name_en: null,
            lon,
            lat,
            centre_schematic: true,
          };
        }),
      ];
      await inTransaction(db, async (tx) => {
        await divisions.upsertMany(tx, rows);
        await divisions.replaceBoundaries(
          tx,
          [
            {
              code: yuxiCity.code,
              geometry: schematicCityOutline().geometry,
              schematic: true,
              source: 'schematic',
            },
            ...countyRecords(),
          ],
          clock.now(),
        );
      });
    },

    async list() {
      const rows = await divisions.list();
      return rows.map((row) => ({
        code: row.code,
        parentCode: row.parent_code,
        level: row.level,
        nameZh: row.name_zh,
        nameEn: row.name_en,
        centre: [row.lon, row.lat] as [number, number],
        centreSchematic: row.centre_schematic,
      }));
    },

    async boundaries(
      level: 'city' | 'county',
    ): Promise<{ type: 'FeatureCollection'; schematic: boolean; features: BoundaryFeature[] }> {
      const codes = level === 'city' ? [yuxiCity.code] : yuxiCounties.map((c) => c.code);
      const records = await divisions.boundaries(codes);
      const features = records.map((record): BoundaryFeature => {
        const division = findCounty(record.code) ?? yuxiCity;
        return {
          type: 'Feature',
          properties: {
            code: record.code,
            nameZh: division.nameZh,
            nameEn: division.nameEn,
            schematic: record.schematic,
            source: record.source,
          },
          geometry: record.geometry,
        };
      });
      return { type: 'FeatureCollection', schematic: features.some((f) => f.properties.schematic), features };
    },

    /**
     * Replaces boundaries from an administrator's GeoJSON: a FeatureCollection whose features carry
     * the GB/T 2260 code (properties.code or properties.adcode) of the city or a county and a
     * Polygon or MultiPolygon in WGS-84 / CGCS2000. All or nothing.
     */
    async importBoundaries(collection: unknown, source: string): Promise<{ replaced: string[] }> {
      const c = collection as { type?: string; features?: unknown[] };
      if (c?.type !== 'FeatureCollection' || !Array.isArray(c.features) || c.features.length === 0)
        throw new DomainError('boundary.invalid');
      const known = new Set([yuxiCity.code, ...yuxiCounties.map((county) => county.code)]);
      const boundaries = c.features.map((feature, index) => {
        const f = feature as { properties?: Record<string, unknown>; geometry?: unknown };
        const code = String(f?.properties?.code ?? f?.properties?.adcode ?? '');
        if (!known.has(code) || !isArea(f?.geometry)) {
          throw new DomainError('boundary.invalid', {
            fields: [{ path: `features.${index}`, code: 'invalid', message: code || 'no code' }],
          });
        }
        return { code, geometry: f.geometry, schematic: false, source };
      });
      await inTransaction(db, (tx) => divisions.replaceBoundaries(tx, boundaries, clock.now()));
      return { replaced: boundaries.map((b) => b.code).sort() };
    },
  };
}

export type DivisionsService = ReturnType<typeof createDivisionsService>;
