import { ref, shallowRef } from 'vue';
import type { RegulatedObject } from '@anjian/domain';
import { api } from '../../../lib/api.ts';
import type { Basemap, BoundaryFeature } from '../lib/one-map.ts';
import { parseEnterprisePoints, type CompactPoints, type EnterprisePoint } from '../lib/map-points.ts';
import type { ObligationGapPoint } from '../lib/obligation-gaps.ts';

export interface Boundaries {
  schematic: boolean;
  features: BoundaryFeature[];
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

  async function loadSetup(): Promise<void> {
    const [config, collection] = await Promise.all([
      api.get<{ basemap: Basemap | null }>('/map/config'),
      api.get<Boundaries>('/divisions/boundaries', { level: 'county' }),
    ]);
    basemap.value = config.basemap;
    boundaries.value = collection;
  }

  async function loadLayers(county: string): Promise<void> {
    loading.value = true;
    try {
      const [enterprises, layer, gapLayer] = await Promise.all([
        api.get<CompactPoints>('/map/enterprises', { county }),
        api.get<{ items: RegulatedObject[] }>('/map/objects', { county }),
        api.get<{ items: ObligationGapPoint[] }>('/map/obligation-gaps', { county }),
      ]);
      points.value = parseEnterprisePoints(enterprises);
      objects.value = layer.items;
      gaps.value = gapLayer.items;
    } finally {
      loading.value = false;
    }
  }

  return { basemap, boundaries, points, objects, gaps, loading, loadSetup, loadLayers };
}
