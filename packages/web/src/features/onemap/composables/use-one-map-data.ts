import { ref, shallowRef } from 'vue';
import type { RegulatedObject } from '@anjian/domain';
import { api } from '../../../lib/api.ts';
import type { Basemap, BoundaryFeature } from '../lib/one-map.ts';
import { parseEnterprisePoints, type CompactPoints, type EnterprisePoint } from '../lib/map-points.ts';
import type { MapViewQuery } from '../lib/server-clusters.ts';
import type { ObligationGapPoint } from '../lib/obligation-gaps.ts';

export interface Boundaries {
  schematic: boolean;
  features: BoundaryFeature[];
}

/** GET /map/enterprises: the compact points, and for a large scope the view's clusters. */
interface LayerAnswer extends CompactPoints {
  complete?: boolean;
  total?: number;
  clusters?: number[][];
  sectors?: [string, number][];
}

/**
 * What the one-map draws, from the server: the basemap setting, county boundaries, enterprise
 * points (compact), regulated objects with their geometry and the enterprises with obligation gaps. The server limits both layers to the
 * user's data scope; the county filter narrows them further.
 */
export function useOneMapData() {
  const basemap = ref<Basemap | null>(null);
  const boundaries = shallowRef<Boundaries>({ schematic: false, features: [] });
  // Large arrays: shallow, so that Vue does not make tens of thousands of points reactive.
  const points = shallowRef<EnterprisePoint[]>([]);
  const objects = shallowRef<RegulatedObject[]>([]);
  const gaps = shallowRef<ObligationGapPoint[]>([]);
  const loading = ref(false);
  /**
   * Whether `points` is the whole scope (a city's registry). A larger one comes for the view only:
   * its points, or the server's clusters, with the scope's `total` and counts per sector.
   */
  const complete = ref(true);
  const clusters = shallowRef<number[][]>([]);
  const total = ref(0);
  const sectorCounts = shallowRef<[string, number][]>([]);
  let viewRequest: AbortController | null = null;

  function takeEnterprises(answer: LayerAnswer) {
    points.value = parseEnterprisePoints(answer);
    complete.value = answer.complete !== false;
    clusters.value = answer.clusters ?? [];
    total.value = answer.total ?? points.value.length;
    sectorCounts.value = answer.sectors ?? [];
  }

  async function loadSetup(): Promise<void> {
    const [config, collection] = await Promise.all([
      api.get<{ basemap: Basemap | null }>('/map/config'),
      api.get<Boundaries>('/divisions/boundaries', { level: 'county' }),
    ]);
    basemap.value = config.basemap;
    boundaries.value = collection;
  }

  async function loadLayers(county: string, view?: MapViewQuery): Promise<void> {
    viewRequest?.abort();
    loading.value = true;
    try {
      const [enterprises, layer, gapLayer] = await Promise.all([
        api.get<LayerAnswer>('/map/enterprises', { county, ...view }),
        api.get<{ items: RegulatedObject[] }>('/map/objects', { county }),
        api.get<{ items: ObligationGapPoint[] }>('/map/obligation-gaps', { county }),
      ]);
      takeEnterprises(enterprises);
      objects.value = layer.items;
      gaps.value = gapLayer.items;
    } finally {
      loading.value = false;
    }
  }

  /**
   * The enterprises of a new view, when the last answer was not the whole scope; an earlier
   * request still under way is cancelled. Resolves false when there was nothing to load.
   */
  async function loadView(county: string, view: MapViewQuery): Promise<boolean> {
    if (complete.value) return false;
    viewRequest?.abort();
    const controller = new AbortController();
    viewRequest = controller;
    try {
      const answer = await api.get<LayerAnswer>(
        '/map/enterprises',
        { county, ...view },
        { signal: controller.signal },
      );
      if (viewRequest !== controller) return false;
      takeEnterprises(answer);
      return true;
    } catch (error) {
      if (controller.signal.aborted) return false;
      throw error;
    } finally {
      if (viewRequest === controller) viewRequest = null;
    }
  }

  return {
    basemap,
    boundaries,
    points,
    objects,
    gaps,
    loading,
    complete,
    clusters,
    total,
    sectorCounts,
    loadSetup,
    loadLayers,
    loadView,
  };
}
