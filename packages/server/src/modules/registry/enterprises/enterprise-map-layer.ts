import { chinaDate, type DataScope } from '@anjian/domain';
import type { Clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import type { EnterpriseFilter } from './enterprise-search.ts';
import {
  clustersFromGrid,
  createEnterpriseMapRepository,
  FINE_ZOOM,
  MAP_POINT_LIMIT,
  type FineGrid,
  type MapView,
} from './enterprise-map.ts';

const CACHE_ENTRIES = 50;

/** Every point of a scope, as the JSON text of an array of compact points, and how many. */
export interface AllPoints {
  json: string;
  count: number;
}

interface Entry {
  version: string;
  all?: AllPoints;
  grid?: FineGrid;
}
const MAP_COLUMNS = ['id', 'lon', 'lat', 'sector', 'name', 'status', 'demo'];

/**
 * The one-map's enterprise layer as JSON text. A scope of at most MAP_POINT_LIMIT enterprises is
 * sent whole, as points (`complete: true`: the map need not ask again while it moves). A larger one
 * is sent for the view only: its points when they are few enough, otherwise grid clusters
 * (`clusters`: [lon, lat, count]) of the cells the view touches. Whole-scope answers and the fine
 * grid are cached per scope and filter until the registry's version moves (any replica's write).
 */
export function createEnterpriseMapLayer(deps: {
  db: Db;
  clock: Clock;
  allPoints: (filter: EnterpriseFilter, scope: DataScope, today: string) => Promise<AllPoints>;
}) {
  const repository = createEnterpriseMapRepository(deps.db);
  const cache = new Map<string, Entry>();

  function entryOf(key: string, version: string): Entry {
    let entry = cache.get(key);
    if (entry?.version !== version) {
      if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
      entry = { version };
      cache.set(key, entry);
    }
    return entry;
  }

  function answer(parts: {
    points: string;
    complete: boolean;
    total: number;
    clusters?: number[][];
    sectors?: [string, number][];
  }): string {
    return (
      `{"columns":${JSON.stringify(MAP_COLUMNS)},"points":${parts.points},"complete":${parts.complete},` +
      `"total":${parts.total},"clusters":${JSON.stringify(parts.clusters ?? [])},` +
      `"sectors":${JSON.stringify(parts.sectors ?? [])}}`
    );
  }

  return {
    async layerJson(scope: DataScope, filter: EnterpriseFilter, view?: MapView): Promise<string> {
      const today = chinaDate(deps.clock.now());
      const key = JSON.stringify([scope, filter, today]);
      const version = await repository.version();
      const entry = cache.get(key);
      const known = entry?.version === version ? entry.all?.count : undefined;
      const small =
        !view ||
        (known ?? (await repository.countUpTo(filter, scope, today, MAP_POINT_LIMIT + 1))) <= MAP_POINT_LIMIT;
      if (small || !view) {
        const target = entryOf(key, version);
        target.all ??= await deps.allPoints(filter, scope, today);
        return answer({ points: target.all.json, complete: true, total: target.all.count });
      }
      const target = entryOf(key, version);
      target.grid ??= await repository.fineGrid(filter, scope, today);
      const grid = target.grid;
      const base = { complete: false, total: grid.total, sectors: grid.sectors };
      const inView = await repository.countUpTo(filter, scope, today, MAP_POINT_LIMIT + 1, view.bbox);
      if (inView <= MAP_POINT_LIMIT) {
        return answer({ ...base, points: await repository.pointsInBoxJson(filter, scope, today, view.bbox) });
      }
      const clusters =
        view.zoom <= FINE_ZOOM
          ? clustersFromGrid(grid, view)
          : await repository.clustersInBox(filter, scope, today, view);
      return answer({ ...base, points: '[]', clusters });
    },
  };
}
