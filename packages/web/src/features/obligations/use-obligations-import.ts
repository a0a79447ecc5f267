import type { ObligationImportReport } from '@anjian/domain';
import { api } from '../../lib/api.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The Excel imports of the obligations registers. */
export type ObligationImportKind =
  'examResults' | 'policies' | 'licences' | 'projects' | 'agencies' | 'services' | 'claims';

const paths: Record<ObligationImportKind, string> = {
  examResults: '/obligations/exam-results',
  policies: '/obligations/policies',
  licences: '/obligations/licences',
  projects: '/obligations/projects',
  agencies: '/obligations/agencies',
  services: '/obligations/prevention-services',
  claims: '/obligations/claims',
};

/** The template download and the upload of one import; the answer reports every row. */
export function useObligationsImport(kind: ObligationImportKind) {
  return {
    downloadTemplate: () => api.download(`${paths[kind]}/import-template`, {}, `${kind}-template.xlsx`),
    upload: (file: Blob) => api.upload<ObligationImportReport>(`${paths[kind]}/import`, file, XLSX_TYPE),
  };
}
