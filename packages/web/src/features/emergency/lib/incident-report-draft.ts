import type { AccidentSector, IncidentReport } from '@anjian/domain';
import { beijingWallTimeToIso } from '../../../lib/format.ts';

/** The first-report form as typed; times are Beijing wall times `YYYY-MM-DD HH:mm:ss`. */
export interface IncidentDraft {
  occurredAt: string;
  /** When the unit's responsible person was told; empty = the accident time (§9). */
  notifiedAt: string;
  accidentType: string;
  enterpriseId: string;
  county: string;
  location: string;
  lon: number | null;
  lat: number | null;
  deaths: number;
  seriousInjuries: number;
  missing: number;
  directLossWan: string;
  description: string;
  reporter: string;
  roadTraffic: boolean;
  /** 行业领域 for the statistics; empty = the one the enterprise's industry suggests (server side). */
  sector: string;
  township: string;
}

/** Message keys under `emergency.incident` for the problems the form finds before sending. */
export type IncidentDraftProblem =
  'required' | 'descriptionShort' | 'lossInvalid' | 'positionBoth' | 'notifiedBeforeAccident';

export function emptyIncidentDraft(defaults: {
  occurredAt: string;
  county: string;
  reporter: string;
}): IncidentDraft {
  return {
    occurredAt: defaults.occurredAt,
    notifiedAt: '',
    accidentType: '',
    enterpriseId: '',
    county: defaults.county,
    location: '',
    lon: null,
    lat: null,
    deaths: 0,
    seriousInjuries: 0,
    missing: 0,
    directLossWan: '0',
    description: '',
    reporter: defaults.reporter,
    roadTraffic: false,
    sector: '',
    township: '',
  };
}

export const lossPattern = /^\d{1,9}(\.\d{1,4})?$/;

/** The report to send, or the problems by field; the server checks everything again. */
export function incidentReportFromDraft(
  draft: IncidentDraft,
): { ok: true; value: IncidentReport } | { ok: false; problems: Record<string, IncidentDraftProblem> } {
  const problems: Record<string, IncidentDraftProblem> = {};
  if (!draft.occurredAt) problems.occurredAt = 'required';
  // Wall times of one zone compare as text.
  if (draft.notifiedAt && draft.occurredAt && draft.notifiedAt < draft.occurredAt)
    problems.notifiedAt = 'notifiedBeforeAccident';
  if (!draft.accidentType) problems.accidentType = 'required';
  if (!draft.county) problems.county = 'required';
  if (draft.location.trim().length < 2) problems.location = 'required';
  if (draft.description.trim().length < 5) problems.description = 'descriptionShort';
  if (!draft.reporter.trim()) problems.reporter = 'required';
  if (!lossPattern.test(draft.directLossWan.trim())) problems.directLossWan = 'lossInvalid';
  if ((draft.lon === null) !== (draft.lat === null)) problems.position = 'positionBoth';
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      occurredAt: beijingWallTimeToIso(draft.occurredAt),
      ...(draft.notifiedAt ? { notifiedAt: beijingWallTimeToIso(draft.notifiedAt) } : {}),
      county: draft.county,
      ...(draft.enterpriseId ? { enterpriseId: draft.enterpriseId } : {}),
      location: draft.location.trim(),
      ...(draft.lon !== null && draft.lat !== null ? { position: { lon: draft.lon, lat: draft.lat } } : {}),
      accidentType: draft.accidentType,
      roadTraffic: draft.roadTraffic,
      deaths: draft.deaths ?? 0,
      seriousInjuries: draft.seriousInjuries ?? 0,
      missing: draft.missing ?? 0,
      directLossWan: draft.directLossWan.trim(),
      description: draft.description.trim(),
      reporter: draft.reporter.trim(),
      ...(draft.sector ? { sector: draft.sector as AccidentSector } : {}),
      ...(draft.township.trim() ? { township: draft.township.trim() } : {}),
    },
  };
}
