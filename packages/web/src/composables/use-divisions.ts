import { ref } from 'vue';
import { api } from '../lib/api.ts';

export interface Division {
  code: string;
  nameZh: string;
  nameEn: string;
  level: 'city' | 'county';
  /** [lon, lat] WGS-84 */
  seat: [number, number];
}

export interface TownshipDivision {
  code: string;
  county: string;
  nameZh: string;
  /** [lon, lat] WGS-84 */
  centre: [number, number];
  /** The centre is a placeholder (示意), not a surveyed seat. */
  centreSchematic: boolean;
}

const counties = ref<Division[]>([]);
const townships = ref<TownshipDivision[]>([]);
let loading: Promise<void> | null = null;

/** The nine county-level divisions of Yuxi and their townships, in code order (GET /divisions, fetched once). */
export function useDivisions() {
  if (!loading) {
    loading = api
      .get<{ city: Division; counties: Division[]; townships: TownshipDivision[] }>('/divisions')
      .then((answer) => {
        counties.value = answer.counties;
        townships.value = answer.townships;
      })
      .catch(() => {
        // Try again the next time a picker needs the list; the pickers stay empty meanwhile.
        loading = null;
      });
  }
  return { counties, townships, ready: loading };
}
