import { ref } from 'vue';
import { api } from '../../../lib/api.ts';

export interface ChecklistItem {
  id: string;
  sector: string;
  code: string;
  text: string;
  legalBasis: string;
  hazardCategory: string;
  suggestedPenaltyClause?: string;
  sortOrder: number;
  active: boolean;
}

export type ChecklistItemForm = Omit<ChecklistItem, 'id'>;

/** The checklist library (检查表库): items per sector with their legal basis and penalty clause. */
export function useChecklistLibrary() {
  const items = ref<ChecklistItem[]>([]);
  const loading = ref(false);
  const base = '/enforcement/checklist-items';

  async function load(sector?: string): Promise<void> {
    loading.value = true;
    try {
      items.value = (await api.get<{ items: ChecklistItem[] }>(base, { sector })).items;
    } finally {
      loading.value = false;
    }
  }

  function save(form: ChecklistItemForm, id?: string): Promise<ChecklistItem> {
    const clause = form.suggestedPenaltyClause?.trim();
    const body = { ...form, suggestedPenaltyClause: clause ? clause : undefined };
    return id ? api.patch<ChecklistItem>(`${base}/${id}`, body) : api.post<ChecklistItem>(base, body);
  }

  return { items, loading, load, save };
}
