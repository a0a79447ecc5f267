import type { DataScope } from '@anjian/domain';
import type { Db } from '../../../platform/db.ts';
import { enterpriseWhere, type EnterpriseFilter } from './enterprise-search.ts';

/** A view of the one-map: the box [west, south, east, north] in WGS-84 degrees, and the zoom. */
export interface MapView {
  bbox: readonly [number, number, number, number];
  zoom: number;
}

/** At most this many enterprises are sent as points; more in the view are sent as clusters. */
export const MAP_POINT_LIMIT = 3000;
/** The finest grid computed for a whole scope at once; coarser zooms add its cells up. */
export const FINE_ZOOM = 14;

/** Edge of a cluster cell at a zoom: a quarter of a 256-pixel tile, about 64 pixels on screen. */
export function cellDegrees(zoom: number): number {
  return 90 / 2 ** zoom;
}

/** A scope's enterprises on the finest grid: [cell x, cell y, Σ lon, Σ lat, count] per cell. */
export interface FineGrid {
  cells: Float64Array;
  total: number;
  /** Enterprises per first sector ('' for none). */
  sectors: [string, number][];
}

const POSITION = 'e.lon IS NOT NULL AND e.lat IS NOT NULL';

function boxCondition(bbox: MapView['bbox'], params: unknown[]): string {
  params.push(bbox[0], bbox[2], bbox[1], bbox[3]);
  const n = params.length;
  return `e.lon BETWEEN $${n - 3} AND $${n - 2} AND e.lat BETWEEN $${n - 1} AND $${n}`;
}

/**
 * The map layer's queries at a province's size (issue 19): counts that stop at the point limit,
 * the points of a box, and grid clusters, all from the (lon, lat, county) index.
 */
export function createEnterpriseMapRepository(db: Db) {
  return {
    /** Moves with every statement that writes enterprises (a trigger keeps it; 0077). */
    async version(): Promise<string> {
      const rows = await db.query<{ version: string }>('SELECT version::text FROM enterprises_version');
      return rows.rows[0]?.version ?? '0';
    },

    /** Enterprises with a position in the scope (and box), counted up to `limit` at most. */
    async countUpTo(
      filter: EnterpriseFilter,
      scope: DataScope,
      today: string,
      limit: number,
      bbox?: MapView['bbox'],
    ): Promise<number> {
      const params: unknown[] = [];
      const where = enterpriseWhere(filter, scope, today, params);
      const box = bbox ? ` AND ${boxCondition(bbox, params)}` : '';
      params.push(limit);
      const rows = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM (SELECT 1 FROM enterprises e WHERE ${where} AND ${POSITION}${box}
           LIMIT $${params.length}) AS capped`,
        params,
      );
      return rows.rows[0]!.n;
    },

    /** The compact points ([id, lon, lat, sector, name, status, demo]) inside a box, as JSON text. */
    async pointsInBoxJson(
      filter: EnterpriseFilter,
      scope: DataScope,
      today: string,
      bbox: MapView['bbox'],
    ): Promise<string> {
      const params: unknown[] = [];
      const where = enterpriseWhere(filter, scope, today, params);
      const rows = await db.query<{ points: string }>(
        `SELECT coalesce(json_agg(json_build_array(e.id, e.lon, e.lat, e.sectors[1], e.name, e.status, e.demo)), '[]')::text AS points
         FROM enterprises e WHERE ${where} AND ${boxCondition(bbox, params)}`,
        params,
      );
      return rows.rows[0]!.points;
    },

    /** The whole scope on the FINE_ZOOM grid, and its count per sector, in one pass. */
    async fineGrid(filter: EnterpriseFilter, scope: DataScope, today: string): Promise<FineGrid> {
      const params: unknown[] = [];
      const where = enterpriseWhere(filter, scope, today, params);
      params.push(cellDegrees(FINE_ZOOM));
      const cell = `$${params.length}::float8`;
      const rows = await db.query<{
        x: number | null;
        y: number | null;
        lon: number;
        lat: number;
        n: number;
        sector: string | null;
      }>(
        `SELECT floor(e.lon / ${cell})::int AS x, floor(e.lat / ${cell})::int AS y,
                sum(e.lon) AS lon, sum(e.lat) AS lat, count(*)::int AS n, NULL AS sector
           FROM enterprises e WHERE ${where} AND ${POSITION}
          GROUP BY 1, 2
         UNION ALL
         SELECT NULL, NULL, 0, 0, count(*)::int, coalesce(e.sectors[1], '')
           FROM enterprises e WHERE ${where} AND ${POSITION}
          GROUP BY coalesce(e.sectors[1], '')`,
        params,
      );
      const cellRows = rows.rows.filter((row) => row.x !== null);
      const cells = new Float64Array(cellRows.length * 5);
      let total = 0;
      cellRows.forEach((row, i) => {
        cells.set([row.x!, row.y!, row.lon, row.lat, row.n], i * 5);
        total += row.n;
      });
      const sectors = rows.rows
        .filter((row) => row.x === null)
        .map((row) => [row.sector ?? '', row.n] as [string, number])
        .sort((a, b) => b[1] - a[1]);
      return { cells, total, sectors };
    },

    /** Clusters of the cells (at the view's zoom) that the box touches, each cell whole. */
    async clustersInBox(
      filter: EnterpriseFilter,
      scope: DataScope,
      today: string,
      view: MapView,
    ): Promise<number[][]> {
      const params: unknown[] = [];
      const where = enterpriseWhere(filter, scope, today, params);
      const size = cellDegrees(view.zoom);
      const box = snapToCells(view.bbox, size);
      params.push(size);
      const cell = `$${params.length}::float8`;
      const rows = await db.query<{ lon: number; lat: number; n: number }>(
        `SELECT avg(e.lon) AS lon, avg(e.lat) AS lat, count(*)::int AS n
           FROM enterprises e WHERE ${where} AND ${boxCondition(box, params)}
          GROUP BY floor(e.lon / ${cell}), floor(e.lat / ${cell})`,
        params,
      );
      return rows.rows.map((row) => cluster(row.lon, row.lat, row.n));
    },
  };
}

/** The box grown outwards to whole cells of `size` degrees. */
export function snapToCells(bbox: MapView['bbox'], size: number): MapView['bbox'] {
  // The east and north edges end just below the next cell, so that its points stay out.
  const top = (edge: number) => (Math.floor(edge / size) + 1) * size - size * 1e-9;
  return [Math.floor(bbox[0] / size) * size, Math.floor(bbox[1] / size) * size, top(bbox[2]), top(bbox[3])];
}

function cluster(lon: number, lat: number, count: number): number[] {
  return [Number(lon.toFixed(5)), Number(lat.toFixed(5)), count];
}

/**
 * Clusters at a zoom at or below FINE_ZOOM, added up from the fine grid: the cells of that zoom
 * that the box touches, each whole ([lon, lat, count], the position being the mean of its points).
 */
export function clustersFromGrid(grid: FineGrid, view: MapView): number[][] {
  const factor = 2 ** (FINE_ZOOM - Math.min(view.zoom, FINE_ZOOM));
  const size = cellDegrees(view.zoom);
  const [minX, minY] = [Math.floor(view.bbox[0] / size), Math.floor(view.bbox[1] / size)];
  const [maxX, maxY] = [Math.floor(view.bbox[2] / size), Math.floor(view.bbox[3] / size)];
  const sums = new Map<string, [number, number, number]>();
  const { cells } = grid;
  for (let i = 0; i < cells.length; i += 5) {
    const x = Math.floor(cells[i]! / factor);
    const y = Math.floor(cells[i + 1]! / factor);
    if (x < minX || x > maxX || y < minY || y > maxY) continue;
    const key = `${x}/${y}`;
    const sum = sums.get(key) ?? [0, 0, 0];
    sum[0] += cells[i + 2]!;
    sum[1] += cells[i + 3]!;
    sum[2] += cells[i + 4]!;
    sums.set(key, sum);
  }
  return [...sums.values()].map(([lon, lat, n]) => cluster(lon / n, lat / n, n));
}
