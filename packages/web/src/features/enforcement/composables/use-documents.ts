import { ref } from 'vue';
import type { EnforcementDocumentTypeCode, Page, RecordLabel } from '@anjian/domain';
import { usePagedList } from '../../../composables/use-paged-list.ts';
import { api } from '../../../lib/api.ts';
import type { InspectionRow, InspectionStatus } from '../lib/inspection-types.ts';

export interface EnforcementDocument {
  readonly id: string;
  readonly type: EnforcementDocumentTypeCode;
  readonly number: string;
  readonly enterpriseId: string;
  readonly inspectionId: string | null;
  readonly caseId: string | null;
  readonly issuedAt: string;
  /** The label of the case behind the 文书 (decision 0005); null when no case stands behind it. */
  readonly securityLabel: RecordLabel | null;
  readonly docx: string;
}

/** Inspections in scope (desktop), and the numbered 文书 issued from each. */
export function useInspectionDocuments() {
  const inspections = usePagedList<{ status: InspectionStatus | '' }, InspectionRow>({
    initialFilters: () => ({ status: '' }),
    fetch: ({ filters, page, pageSize, signal }) =>
      api.get<Page<InspectionRow>>(
        '/enforcement/inspections',
        { status: filters.status || undefined, page, pageSize },
        { signal },
      ),
  });
  const documents = ref<EnforcementDocument[]>([]);

  async function loadDocuments(inspectionId: string): Promise<void> {
    documents.value = (
      await api.get<{ items: EnforcementDocument[] }>('/enforcement/documents', { inspectionId })
    ).items;
  }

  async function issue(
    inspectionId: string,
    type: EnforcementDocumentTypeCode,
    reviewOpinion?: string,
  ): Promise<EnforcementDocument> {
    const document = await api.post<EnforcementDocument>('/enforcement/documents', {
      type,
      inspectionId,
      ...(reviewOpinion ? { reviewOpinion } : {}),
    });
    await loadDocuments(inspectionId);
    return document;
  }

  const download = (document: EnforcementDocument) =>
    api.download(`/enforcement/documents/${document.id}/docx`, {}, `${document.number}.docx`);

  return {
    inspections,
    documents,
    loadDocuments,
    issue,
    download,
  };
}
