import { api } from '../../../lib/api.ts';
import type { WarningInput, WarningLevel } from './warning-types.ts';

/**
 * The chain alarm → consequence zone → warning draft, as the browser walks it: the source page
 * stashes what it knows (an incident's zone lives only in the browser), the warnings page asks the
 * server for the pre-filled draft and saves it with its source.
 */
export type WarningSourceKind = 'alarm' | 'incident' | 'import';

export interface ZonePrefill {
  site: { lat: number; lon: number };
  footprint: { lat: number; lon: number }[] | null;
  evacuationRadiusM: number;
  chemical: string;
}

export interface Prefilled {
  draft: WarningInput;
  source: { kind: WarningSourceKind; id: string; label: string };
}

export interface LinkedWarning {
  id: string;
  status: string;
  level: WarningLevel;
  headline: string;
  createdAt: string;
}

const zoneKey = (incidentId: string) => `anjian.warning-zone.${incidentId}`;

export function stashZone(incidentId: string, zone: ZonePrefill, storage: Storage = sessionStorage): void {
  storage.setItem(zoneKey(incidentId), JSON.stringify(zone));
}

export function takeZone(incidentId: string, storage: Storage = sessionStorage): ZonePrefill | null {
  const text = storage.getItem(zoneKey(incidentId));
  return text ? (JSON.parse(text) as ZonePrefill) : null;
}

/** The server's draft for a source (the zone is needed for an incident). */
export async function fetchPrefill(kind: WarningSourceKind, id: string): Promise<Prefilled | null> {
  if (kind === 'alarm') return api.get<Prefilled>(`/warnings/prefill/alarm/${id}`);
  // Forwarding a received warning: the server refuses an expired, cancelled or already forwarded one.
  if (kind === 'import') return api.get<Prefilled>(`/warnings/prefill/import/${id}`);
  const zone = takeZone(id);
  return zone ? api.post<Prefilled>(`/warnings/prefill/incident/${id}`, zone) : null;
}

export const fetchLinked = (kind: WarningSourceKind, id: string) =>
  api.get<{ items: LinkedWarning[] }>(`/warnings/linked/${kind}/${id}`);
