import type { Config } from '../../platform/config.ts';
import type { CountyAreas } from '../registry/index.ts';
import type { WhistlePinPolicy } from './whistle-intake.service.ts';

/** What the public page's map draws: the basemap if allowed, the extent, the county boundaries. */
export async function publicMapOf(counties: CountyAreas, pin: WhistlePinPolicy, basemap: Config['basemap']) {
  const areas = await counties.countyAreas();
  return {
    basemap: pin.publicBasemap ? basemap : null,
    extent: pin.extent,
    boundaries: {
      type: 'FeatureCollection' as const,
      features: areas.map((area) => ({
        type: 'Feature' as const,
        properties: { code: area.code, nameZh: area.nameZh, nameEn: area.nameEn },
        geometry: area.geometry,
      })),
    },
  };
}
