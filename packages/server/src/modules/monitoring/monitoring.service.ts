import { DomainError } from '@anjian/domain';
import type { AuthContext } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import type { EventBus } from '../../platform/events/index.ts';
import { scopeAllows } from '../../platform/scope-sql.ts';
import type { Notifier } from '../notifications/index.ts';
import type { AlarmChange } from './alarm-store.ts';
import { createAlarmsRepository } from './alarms.repository.ts';
import { createAlarmsService } from './alarms.service.ts';
import type { Device } from './device-tokens.ts';
import { siteAlarmNotices } from './site-alarm-notices.ts';
import type { SiteWarningState } from './ingest-pipeline.ts';
import { IngestWriters } from './ingest-writers.ts';
import { LivePoints, livePointOf, type LivePoint } from './live-points.ts';
import type { MonitoringRepository } from './monitoring.repository.ts';
import { createMonitoringSettingsRepository } from './monitoring-settings.repository.ts';
import { createMonitoringSettingsService } from './monitoring-settings.service.ts';
import { createPointsRepository } from './points.repository.ts';
import { createPointsService } from './points.service.ts';
import { createSitesService } from './sites.service.ts';
import { prepareReadings } from './telemetry-readings.ts';

export { alarmActorKindOf } from './alarms.service.ts';
export { defaultMonitoringSettings, type MonitoringSettings } from './monitoring-settings.service.ts';

export interface IngestOptions {
  readonly queueLimit: number;
  readonly batchRows: number;
  readonly lingerMs: number;
  /** Writers, each with its own queue and transaction, for a share of the sites (ingest-writers.ts). */
  readonly writers: number;
  /** Other processes take readings too: the tick learns their newest readings from the database. */
  readonly shared: boolean;
}

export const defaultIngestOptions: IngestOptions = {
  queueLimit: 200_000,
  batchRows: 10_000,
  lingerMs: 2,
  writers: 1,
  shared: false,
};

/**
 * The monitoring module's one service object, as routes, the background workers, the simulator and
 * tests use it (`app.monitoring`): it holds the live points and the ingest pipeline and composes the
 * services per sub-resource (points, alarms, sites, settings and rules).
 */
export function createMonitoringService(deps: {
  db: Db;
  clock: Clock;
  repository: MonitoringRepository;
  events: EventBus;
  ingest?: Partial<IngestOptions>;
  onFired?: (changes: readonly AlarmChange[]) => void;
  /** In-app notifications of escalations (the enterprise, then the county, then the city). */
  notifications?: Notifier;
  log?: (error: unknown) => void;
}) {
  const { db, clock, repository, events } = deps;
  const options = { ...defaultIngestOptions, ...deps.ingest };
  const points = new LivePoints();
  const siteWarnings = new Map<string, SiteWarningState>();
  const settingsRepository = createMonitoringSettingsRepository(db);
  const alarmsRepository = createAlarmsRepository(db);

  // The pipeline reads the escalation rules on every batch: through `settings`, declared below.
  const pipeline = new IngestWriters(
    {
      db,
      clock,
      points,
      events,
      escalation: () => settings.settings.escalation,
      siteWarnings,
      queueLimit: options.queueLimit,
      batchRows: options.batchRows,
      lingerMs: options.lingerMs,
      shared: options.shared,
      ...(deps.onFired ? { onFired: deps.onFired } : {}),
      ...(deps.notifications
        ? { inTransaction: siteAlarmNotices(deps.notifications, () => clock.now()) }
        : {}),
      ...(deps.log ? { onError: deps.log } : {}),
    },
    options.writers,
  );
  const settings = createMonitoringSettingsService({
    clock,
    repository,
    settingsRepository,
    points,
    pipeline,
  });
  const pointsService = createPointsService({
    db,
    clock,
    repository,
    pointsRepository: createPointsRepository(db),
    points,
    pipeline,
    settings,
  });
  const alarms = createAlarmsService({
    db,
    clock,
    events,
    repository,
    alarmsRepository,
    settings,
    notifications: deps.notifications,
  });
  const sites = createSitesService({ clock, repository, alarmsRepository, settingsRepository, points });

  return {
    points,
    pipeline,
    get settings() {
      return settings.settings;
    },

    /** Loads points, rules, states and warnings; call before serving. */
    async start(): Promise<void> {
      await settings.load();
      const now = clock.now();
      for (const row of await repository.livePointRows())
        points.put(livePointOf(row, settings.rulesOfPoint(row), now));
      for (const row of await repository.siteWarnings())
        siteWarnings.set(row.object_id, { level: row.level, signature: JSON.stringify(row.reasons) });
    },

    async stop(): Promise<void> {
      await pipeline.idle();
      // With the database away the last states cannot be written: the failure is logged by the
      // pipeline, the next start evaluates from the last snapshot, and shutdown goes on.
      await pipeline.snapshot().catch(() => undefined);
    },

    /** Telemetry from a device: per-reading rejections; resolves after the valid ones are durable. */
    async ingest(device: Device, readings: readonly unknown[], arrivedAt = Date.now()) {
      const prepared = prepareReadings(readings, device, points, clock.now());
      if (!pipeline.hasRoom(prepared.rows.length)) throw new DomainError('telemetry.busy');
      const counts = await pipeline.submit(prepared.rows, arrivedAt);
      return {
        accepted: counts.stored,
        duplicates: counts.duplicates,
        rejected: prepared.rejected,
        unknownPoints: prepared.unknownPoints,
        flagged: prepared.flagged,
      };
    },

    createPoint: pointsService.createPoint,
    updatePoint: pointsService.updatePoint,
    disablePoint: pointsService.disablePoint,
    listPoints: pointsService.listPoints,
    getPoint: pointsService.getPoint,
    readings: pointsService.readings,
    pointsNormalSince: pointsService.pointsNormalSince,
    pointsOfEnterprise: pointsService.pointsOfEnterprise,

    listAlarms: alarms.listAlarms,
    getAlarm: alarms.getAlarm,
    actOnAlarm: alarms.actOnAlarm,
    escalate: alarms.escalate,

    sites: sites.sites,
    warningHistory: sites.warningHistory,
    statistics: sites.statistics,

    rules: settings.rules,
    saveRule: settings.saveRule,
    saveSettings: settings.saveSettings,

    /** A county the caller may issue a county device token for (an enterprise account may not). */
    countyInScope(auth: AuthContext, county: string): string {
      if (auth.scope.kind === 'enterprise' || !scopeAllows(auth.scope, county, null))
        throw new DomainError('registry.scope_outside_caller');
      return county;
    },

    /** An enterprise the caller may issue device tokens for. */
    async enterpriseInScope(auth: AuthContext, id: string): Promise<{ id: string; county: string }> {
      const row = await settingsRepository.enterprise(id);
      if (!row || !scopeAllows(auth.scope, row.county, row.id)) throw new DomainError('enterprise.not_found');
      return row;
    },

    /** Duration and no-data rules, without new readings. */
    tick: () => pipeline.tick(),
  };
}

export type MonitoringService = ReturnType<typeof createMonitoringService>;
export type { LivePoint };
