import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import type { useDictionaries } from '../../registry/composables/use-dictionaries.ts';
import type { LayerKey } from '../lib/layer-state.ts';
import { NO_SECTOR, sectorColour } from '../lib/map-style.ts';
import { layerOfObject } from '../lib/one-map.ts';
import type { useOneMapData } from './use-one-map-data.ts';

/** Counts for the layer panel: enterprises per sector (in dictionary order), objects per layer and level. */
export function useLayerStats(
  data: ReturnType<typeof useOneMapData>,
  dict: ReturnType<typeof useDictionaries>,
) {
  const { t } = useI18n();

  const sectorStats = computed(() => {
    const counts = new Map<string, number>();
    if (data.complete.value) {
      for (const point of data.points.value) {
        const code = point.sector ?? NO_SECTOR;
        counts.set(code, (counts.get(code) ?? 0) + 1);
      }
    } else {
      // A large registry: the server counted the whole scope (the points are the view's only).
      for (const [code, count] of data.sectorCounts.value) counts.set(code || NO_SECTOR, count);
    }
    const order = dict.dictionaries.value.sector.map((s) => s.code);
    const rank = (code: string) =>
      order.includes(code) ? order.indexOf(code) : code === NO_SECTOR ? 1e6 : 1e5;
    return [...counts]
      .sort(([a], [b]) => rank(a) - rank(b))
      .map(([code, count]) => ({
        code,
        count,
        colour: sectorColour(code),
        label: code === NO_SECTOR ? t('oneMap.noSector') : dict.sectorLabel(code),
      }));
  });

  const objectStats = computed(() => {
    const layers: Partial<Record<LayerKey, number>> = {};
    const levels: Partial<Record<number, number>> = {};
    for (const object of data.objects.value) {
      const key = layerOfObject(object.kind);
      layers[key] = (layers[key] ?? 0) + 1;
      if (object.kind === 'major_hazard_source') {
        const level = Number(object.attributes.level);
        levels[level] = (levels[level] ?? 0) + 1;
      }
    }
    return { layers, levels };
  });

  return { sectorStats, objectStats };
}
