import { ref } from 'vue';
import { api } from '../lib/api.ts';

export interface Division {
  code: string;
  nameZh: string;
  nameEn: string;
  level: 'city' | 'county';
}

const counties = ref<Division[]>([]);
let loading: Promise<void> | null = null;

/** The nine county-level divisions of Yuxi in code order (GET /divisions, fetched once). */
export function useDivisions() {
  if (!loading) {
    loading = api
      .get<{ city: Division; counties: Division[] }>('/divisions')
      .then((answer) => {
        counties.value = answer.counties;
      })
      .catch(() => {
        // Try again the next time a picker needs the list; the pickers stay empty meanwhile.
        loading = null;
      });
  }
  return { counties, ready: loading };
}
