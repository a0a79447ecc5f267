import { ref } from 'vue';
import type { Page } from '@anjian/domain';
import { usePagedList } from '../../../composables/use-paged-list.ts';
import { api } from '../../../lib/api.ts';

export type SmsStatus = 'pending' | 'sent' | 'failed';

export interface SmsOutboxItem {
  id: string;
  purpose: string;
  template: string;
  phoneMasked: string;
  status: SmsStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  failedAt: string | null;
}

/** The system administrator's SMS outbox (GET /system/sms-outbox): what waits, what was sent, what failed and why. */
export function useSmsOutbox() {
  const configured = ref(true);
  const list = usePagedList<{ status: '' | SmsStatus }, SmsOutboxItem>({
    initialFilters: () => ({ status: '' }),
    fetch: async ({ filters, page, pageSize, signal }) => {
      const answer = await api.get<Page<SmsOutboxItem> & { gatewayConfigured: boolean }>(
        '/system/sms-outbox',
        { status: filters.status, page, pageSize },
        { signal },
      );
      configured.value = answer.gatewayConfigured;
      return answer;
    },
  });
  return { list, configured };
}
