import type {
  DisasterDetail,
  DisasterEvent,
  DisasterEventInput,
  DisasterReportInput,
  DisasterRules,
} from '@anjian/domain';
import { api } from '../../../lib/api.ts';

const path = (id: string, tail = '') => `/emergency/disasters/${encodeURIComponent(id)}${tail}`;

/** The natural-disaster API: events, township reports (append-only), stability, bulletin and table. */
export function useDisasters() {
  return {
    rules: () => api.get<DisasterRules>('/emergency/disasters/rules'),
    list: async (query: { county?: string; kind?: string; q?: string } = {}) =>
      (await api.get<{ items: DisasterEvent[] }>('/emergency/disasters', query)).items,
    get: (id: string) => api.get<DisasterDetail>(path(id)),
    create: (input: DisasterEventInput) => api.post<DisasterDetail>('/emergency/disasters', input),
    report: (id: string, input: DisasterReportInput) => api.post<DisasterDetail>(path(id, '/reports'), input),
    stabilise: (id: string) => api.post<DisasterDetail>(path(id, '/stabilised'), {}),
    bulletin: (id: string) => api.download(path(id, '/bulletin'), {}, 'disaster-bulletin.docx'),
    exportFigures: (id: string) => api.download(path(id, '/export'), {}, 'disaster-figures.xlsx'),
  };
}
