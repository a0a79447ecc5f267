import { ref } from 'vue';
import type {
  Enterprise,
  EnterpriseHistoryEntry,
  EnterpriseUpdate,
  Page,
  RegulatedObject,
} from '@anjian/domain';
import { api } from '../../../lib/api.ts';

/** One enterprise: its record, change history and regulated objects, and edits to it. */
export function useEnterprise(id: () => string) {
  const enterprise = ref<Enterprise | null>(null);
  const history = ref<EnterpriseHistoryEntry[]>([]);
  const objects = ref<RegulatedObject[]>([]);
  const loading = ref(false);
  const path = () => `/enterprises/${encodeURIComponent(id())}`;

  async function load(): Promise<void> {
    loading.value = true;
    try {
      enterprise.value = await api.get<Enterprise>(path());
    } finally {
      loading.value = false;
    }
  }

  async function loadHistory(): Promise<void> {
    history.value = (await api.get<{ items: EnterpriseHistoryEntry[] }>(`${path()}/history`)).items;
  }

  async function loadObjects(): Promise<void> {
    objects.value = (
      await api.get<Page<RegulatedObject>>('/objects', { enterpriseId: id(), pageSize: 200 })
    ).items;
  }

  async function update(changes: EnterpriseUpdate): Promise<Enterprise> {
    enterprise.value = await api.patch<Enterprise>(path(), changes);
    return enterprise.value;
  }

  return { enterprise, history, objects, loading, load, loadHistory, loadObjects, update };
}
