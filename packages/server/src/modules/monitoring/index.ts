/**
 * Monitoring and early warning (监测预警): points, device tokens, ingestion (HTTP and MQTT) through
 * one binary-COPY writer, alarm rules and their lifecycle, site roll-ups, the live stream, the
 * simulator. Owns the tables monitoring_*, readings, alarms*, device_tokens and alarm_hazard_links.
 * Gives dual prevention its acceptance guard; reports repeated alarms as hazards through the
 * dual-prevention module's `HazardReporter`.
 */
import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../platform/clock.ts';
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db.ts';
import type { EventBus } from '../../platform/events/index.ts';
import type { HazardAcceptanceGuard, HazardReporter } from '../dual-prevention/index.ts';
import type { Notifier } from '../notifications/index.ts';
import { createAlarmFacts } from './alarm-facts.ts';
import { createAlarmHazards, pointsNormalGuard } from './alarm-hazards.ts';
import type { AlarmChange } from './alarm-store.ts';
import { createDeviceTokens } from './device-tokens.ts';
import { registerMonitoringBackground } from './monitoring-background.ts';
import { createMonitoringRepository } from './monitoring.repository.ts';
import { registerMonitoringRoutes } from './monitoring.routes.ts';
import { createMonitoringService } from './monitoring.service.ts';

export { createDeviceTokens, type DeviceTokens } from './device-tokens.ts';
export type { AlarmFactsPort } from './alarm-facts.ts';
export { httpTransport, mqttTransport, Simulator, type SimulatedDevice } from './simulator.ts';

export function createMonitoringModule(deps: {
  db: Db;
  clock: Clock;
  config: Config;
  events: EventBus;
  notifications: Notifier;
  log: (message: string, error?: unknown) => void;
}) {
  const { db, clock, config, events } = deps;
  const firedListeners: ((changes: readonly AlarmChange[]) => void)[] = [];
  const monitoring = createMonitoringService({
    db,
    clock,
    repository: createMonitoringRepository(db),
    events,
    ingest: config.ingest,
    onFired: (changes) => firedListeners.forEach((listener) => listener(changes)),
    notifications: deps.notifications,
    log: (error) => deps.log('monitoring ingest failed', error),
  });
  const acceptanceGuard: HazardAcceptanceGuard = pointsNormalGuard(
    (ids) => monitoring.pointsNormalSince(ids),
    (enterpriseId, ids) => monitoring.pointsOfEnterprise(enterpriseId, ids),
  );
  return {
    acceptanceGuard,
    /** What a warning drafted from an alarm needs (warnings). */
    alarmFacts: createAlarmFacts(db),
    /** Loads points, rules and state; call before the app listens. */
    start: () => monitoring.start(),
    register(app: FastifyInstance, ports: { hazards: HazardReporter }) {
      const alarmHazards = createAlarmHazards({
        db,
        clock,
        hazards: ports.hazards,
        repeatRules: () => monitoring.settings.repeat,
        log: deps.log,
      });
      firedListeners.push((changes) => alarmHazards.onFired(changes));
      const devices = createDeviceTokens({ db, clock });
      registerMonitoringRoutes(app, { monitoring, devices, events, clock });
      registerMonitoringBackground(app, { config, db, clock, monitoring, devices });
    },
  };
}
