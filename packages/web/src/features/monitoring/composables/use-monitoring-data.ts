import type {
  AlarmAction,
  AlarmResponse,
  AlarmRule,
  MonitoringPointDefinition,
  MonitoringPointType,
  PointThresholds,
  WarningColour,
  WarningResponse,
} from '@anjian/domain';
import { api, type Query } from '../../../lib/api.ts';
import type { MonitoringSettings } from '../lib/monitoring-settings.ts';
import type { RuleInput } from '../lib/rule-draft.ts';
import type { ReadingTuple } from '../lib/trend-series.ts';

/*
 * The monitoring API as the live pages use it (/api/v1/monitoring/*). Shapes follow the server's
 * answers; the server limits every list to the user's data scope.
 */

export type RollupReason = WarningResponse['reasons'][number];

export interface MonitoringSite {
  objectId: string;
  objectName: string;
  objectKind: string;
  enterpriseId: string | null;
  enterpriseName: string | null;
  /** A hazard site has no enterprise: the unit responsible for it instead. */
  responsibleUnit?: string;
  county: string;
  lon: number | null;
  lat: number | null;
  level: WarningColour | null;
  reasons: RollupReason[];
  items?: WarningResponse['items'];
  pointCount: number;
  firingCount: number;
  demo?: boolean;
}

export interface PointRuleState {
  id: string;
  version: number;
  kind: string;
  colour: WarningColour | null;
  status: 'normal' | 'pending' | 'firing';
}

export interface MonitoringPoint {
  id: string;
  code: string;
  name: string;
  type: MonitoringPointType;
  unit: string;
  gas?: MonitoringPointDefinition['gas'];
  objectId: string;
  objectName: string;
  objectKind?: string;
  enterpriseId: string | null;
  enterpriseName: string | null;
  /** A hazard site's point has no enterprise: the unit responsible for the site instead. */
  responsibleUnit?: string;
  county: string;
  range: { min: number; max: number };
  expectedIntervalSeconds: number;
  thresholds: PointThresholds | null;
  thresholdsAreDefaults?: boolean;
  deadband?: number;
  location?: string;
  version?: number;
  demo?: boolean;
  lastValue: number | null;
  lastAt: string | null;
  online: boolean;
  level: WarningColour | null;
  rules?: PointRuleState[];
}

/** An alarm as the list and detail answer it: the domain's alarm with names for display. */
export interface MonitoringAlarm extends AlarmResponse {
  enterpriseName: string | null;
  /** A hazard site's alarm has no enterprise: the unit responsible for the site instead. */
  responsibleUnit?: string;
  objectName: string;
  county: string;
  pointId: string;
}

export interface ReadingsAnswer {
  unit: string;
  thresholds: PointThresholds | null;
  range?: { min: number; max: number };
  bucketSeconds?: number;
  /** Which series answered: raw readings, minute or hour aggregates (by the span asked). */
  resolution?: 'raw' | 'minute' | 'hour';
  readings: ReadingTuple[];
  /** For aggregates: [epochMs, min, avg, max, last, count] per bucket. */
  aggregates?: [number, number | null, number | null, number | null, number | null, number][];
}

export interface MonitoringStatistics {
  from?: string;
  to?: string;
  points?: number;
  alarms?: number;
  alarmsPerPointPerDay: number;
  chatteringPoints: { pointId: string; code: string; name: string; alarms: number }[];
  meanAcknowledgeMinutes: number | null;
  meanDisposeMinutes: number | null;
  onlineRate: {
    enterpriseId: string;
    enterpriseName: string;
    points: number;
    online: number;
    rate: number;
  }[];
}

/** Who answers for a point or alarm: its enterprise, or a hazard site's responsible unit. */
export function holderName(row: { enterpriseName?: string | null; responsibleUnit?: string }): string {
  return row.enterpriseName || row.responsibleUnit || '';
}

export interface DeviceToken {
  id: string;
  /** Null for a county gateway (the points of its hazard sites, decision 0006). */
  enterpriseId: string | null;
  enterpriseName: string | null;
  county: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface ListAnswer<T> {
  items: T[];
  total: number;
}

const id = (value: string) => encodeURIComponent(value);

export const monitoringApi = {
  sites: () => api.get<{ items: MonitoringSite[] }>('/monitoring/sites'),
  points: (query: Query) => api.get<ListAnswer<MonitoringPoint>>('/monitoring/points', query),
  point: (pointId: string) => api.get<MonitoringPoint>(`/monitoring/points/${id(pointId)}`),
  createPoint: (definition: MonitoringPointDefinition) =>
    api.post<MonitoringPoint>('/monitoring/points', definition),
  disablePoint: (pointId: string) => api.delete<void>(`/monitoring/points/${id(pointId)}`),
  rules: () => api.get<{ items: AlarmRule[] }>('/monitoring/rules'),
  saveRule: (rule: RuleInput) => api.post<AlarmRule>('/monitoring/rules', rule),
  settings: () => api.get<MonitoringSettings>('/monitoring/settings'),
  saveSettings: (settings: MonitoringSettings) =>
    api.put<MonitoringSettings>('/monitoring/settings', settings),
  updatePoint: (pointId: string, definition: MonitoringPointDefinition) =>
    api.put<MonitoringPoint>(`/monitoring/points/${id(pointId)}`, definition),
  readings: (pointId: string, from: Date, to: Date) =>
    api.get<ReadingsAnswer>(`/monitoring/points/${id(pointId)}/readings`, {
      from: from.toISOString(),
      to: to.toISOString(),
    }),
  alarms: (query: Query) => api.get<ListAnswer<MonitoringAlarm>>('/monitoring/alarms', query),
  alarm: (alarmId: string) => api.get<MonitoringAlarm>(`/monitoring/alarms/${id(alarmId)}`),
  act: (alarmId: string, action: AlarmAction) =>
    api.post<MonitoringAlarm>(`/monitoring/alarms/${id(alarmId)}/actions`, action),
  statistics: (from: Date, to: Date) =>
    api.get<MonitoringStatistics>('/monitoring/statistics', {
      from: from.toISOString(),
      to: to.toISOString(),
    }),
  deviceTokens: () => api.get<{ items: DeviceToken[] }>('/monitoring/device-tokens'),
  createDeviceToken: (input: { name: string; enterpriseId?: string; county?: string }) =>
    api.post<{ id: string; token: string; prefix: string }>('/monitoring/device-tokens', input),
  revokeDeviceToken: (tokenId: string) => api.post<void>(`/monitoring/device-tokens/${id(tokenId)}/revoke`),
};

/** The definition the server takes back, from a point as listed, with new thresholds. */
export function definitionWithThresholds(
  point: MonitoringPoint,
  thresholds: PointThresholds | undefined,
): MonitoringPointDefinition {
  return {
    code: point.code,
    name: point.name,
    objectId: point.objectId,
    type: point.type,
    unit: point.unit,
    ...(point.gas ? { gas: point.gas } : {}),
    range: point.range,
    expectedIntervalSeconds: point.expectedIntervalSeconds,
    ...(thresholds ? { thresholds } : {}),
    ...(point.deadband !== undefined ? { deadband: point.deadband } : {}),
    ...(point.location ? { location: point.location } : {}),
  };
}
