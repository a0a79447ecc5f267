import { useWholeList } from '../../../composables/use-whole-list.ts';
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

/** The checklist library (检查表库): items per sector (the filter) with their legal basis and penalty clause. */
export function useChecklistLibrary() {
  const base = '/enforcement/checklist-items';
  const list = useWholeList({
    initialFilters: () => ({ sector: '' }),
    fetchAll: async ({ sector }, signal) =>
      (await api.get<{ items: ChecklistItem[] }>(base, { sector: sector.trim() || undefined }, { signal }))
        .items,
  });

  function save(form: ChecklistItemForm, id?: string): Promise<ChecklistItem> {
    const clause = form.suggestedPenaltyClause?.trim();
    const body = { ...form, suggestedPenaltyClause: clause ? clause : undefined };
    return id ? api.patch<ChecklistItem>(`${base}/${id}`, body) : api.post<ChecklistItem>(base, body);
  }

  return { ...list, save };
}
