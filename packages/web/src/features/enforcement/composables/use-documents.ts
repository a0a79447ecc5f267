import { ref } from 'vue';
import type { EnforcementDocumentTypeCode, Page } from '@anjian/domain';
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
  readonly docx: string;
}

/** Inspections in scope (desktop), and the numbered 文书 issued from each. */
export function useInspectionDocuments() {
  const inspections = ref<InspectionRow[]>([]);
  const total = ref(0);
  const page = ref(1);
  const pageSize = ref(20);
  const status = ref<InspectionStatus | ''>('');
  const loading = ref(false);
  const documents = ref<EnforcementDocument[]>([]);

  async function loadInspections(): Promise<void> {
    loading.value = true;
    try {
      const answer = await api.get<Page<InspectionRow>>('/enforcement/inspections', {
        status: status.value || undefined,
        page: page.value,
        pageSize: pageSize.value,
      });
      inspections.value = answer.items;
      total.value = answer.total;
    } finally {
      loading.value = false;
    }
  }

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
    total,
    page,
    pageSize,
    status,
    loading,
    documents,
    loadInspections,
    loadDocuments,
    issue,
    download,
  };
}
