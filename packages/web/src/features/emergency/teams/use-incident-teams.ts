import { onBeforeUnmount, ref, shallowRef } from 'vue';
import type { IncidentTeams, TeamPushMessage, TeamStreamMessage } from '@anjian/domain';
import { api, apiUrl } from '../../../lib/api.ts';
import { applyTeamMessage, type IncidentTeam } from './incident-teams.ts';

/**
 * The rescue teams on an incident, live: read once, then moved by the command stream (SSE). On every
 * (re)connection the list is read again, since positions may have been missed while cut off. A
 * dispatch's push tried (event: push) calls `onPush`, for the page to re-read its push tags.
 */
export function useIncidentTeams(options: { onPush?: (message: TeamPushMessage) => void } = {}) {
  const teams = shallowRef<IncidentTeam[]>([]);
  const live = ref(false);
  let source: EventSource | null = null;
  let incidentId = '';

  async function load() {
    if (!incidentId) return;
    try {
      teams.value = (
        await api.get<IncidentTeams>(`/incidents/${encodeURIComponent(incidentId)}/teams`)
      ).teams;
    } catch {
      // The command page shows its own errors; the layer stays as it was.
    }
  }

  function connect(id: string) {
    incidentId = id;
    source?.close();
    if (typeof EventSource === 'undefined') return void load();
    source = new EventSource(apiUrl(`/incidents/${encodeURIComponent(id)}/teams/stream`));
    source.onopen = () => {
      live.value = true;
      void load();
    };
    source.onerror = () => (live.value = false);
    source.addEventListener('team', (event) => {
      const message = JSON.parse((event as MessageEvent<string>).data) as TeamStreamMessage;
      const next = applyTeamMessage(teams.value, message);
      if (next) teams.value = next;
      else void load();
    });
    source.addEventListener('push', (event) => {
      options.onPush?.(JSON.parse((event as MessageEvent<string>).data) as TeamPushMessage);
    });
  }

  onBeforeUnmount(() => source?.close());
  return { teams, live, connect, reload: load };
}
