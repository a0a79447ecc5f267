import { computed, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { api } from '../../../lib/api.ts';

export type EditableDictionary = 'sector' | 'department' | 'licence_type';

export interface DictionaryItem {
  code: string;
  nameZh: string;
  nameEn: string;
  sort: number;
  active: boolean;
}

export interface Dictionaries {
  sector: DictionaryItem[];
  department: DictionaryItem[];
  licence_type: DictionaryItem[];
  keyTag: { code: string; nameZh: string; nameEn: string }[];
}

const empty = (): Dictionaries => ({ sector: [], department: [], licence_type: [], keyTag: [] });
const dictionaries = ref<Dictionaries>(empty());
let loading: Promise<void> | null = null;

function fetchDictionaries(): Promise<void> {
  loading = api
    .get<Dictionaries>('/dictionaries')
    .then((answer) => {
      dictionaries.value = answer;
    })
    .catch((error: unknown) => {
      // The next caller tries again; meanwhile codes show as they are.
      loading = null;
      throw error;
    });
  return loading;
}

/**
 * The registry's dictionaries (GET /dictionaries, fetched once and shared): sectors, departments,
 * licence types and the plan's key-supervision lists, with labels in the UI language. Codes that
 * are not (or no longer) in a dictionary show as the code itself.
 */
export function useDictionaries() {
  const { locale } = useI18n();
  if (!loading) void fetchDictionaries().catch(() => undefined);

  const nameOf = (item: { nameZh: string; nameEn: string }) =>
    locale.value === 'en' ? item.nameEn : item.nameZh;
  const find = (list: readonly { code: string; nameZh: string; nameEn: string }[], code: string) =>
    list.find((item) => item.code === code);
  const labelIn = (name: keyof Dictionaries) => (code: string | null | undefined) => {
    if (!code) return '';
    const item = find(dictionaries.value[name], code);
    return item ? nameOf(item) : code;
  };

  /** Active entries for pickers, plus the retired ones a record still holds (so they keep their label). */
  const options = (name: EditableDictionary, keep: readonly string[] = []) =>
    dictionaries.value[name]
      .filter((item) => item.active || keep.includes(item.code))
      .map((item) => ({ value: item.code, label: nameOf(item), active: item.active }));

  return {
    dictionaries,
    ready: () => loading ?? fetchDictionaries(),
    reload: fetchDictionaries,
    sectorLabel: labelIn('sector'),
    departmentLabel: labelIn('department'),
    licenceTypeLabel: labelIn('licence_type'),
    keyTagLabel: labelIn('keyTag'),
    options,
    keyTagOptions: computed(() =>
      dictionaries.value.keyTag.map((item) => ({ value: item.code, label: nameOf(item) })),
    ),
  };
}
