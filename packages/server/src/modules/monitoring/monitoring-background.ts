import type { FastifyInstance } from 'fastify';
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db.ts';
import { leaderLockKeys, startLeaderLock, type LeaderLock } from '../../platform/leader-lock.ts';
import type { Clock } from '../../platform/clock.ts';
import type { DeviceTokens } from './device-tokens.ts';
import { startMqttSubscriber, type MqttSubscriber } from './mqtt-subscriber.ts';
import type { MonitoringService } from './monitoring.service.ts';
import { startReadingPartitionsJob } from './readings-partitions.ts';
import { rollupSettings, startReadingsRollupJob } from './readings-rollup.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The monitoring service, for workers, the simulator and tests. */
    monitoring: MonitoringService;
    mqttSubscriber: MqttSubscriber | null;
  }
}

const TICK_MS = 1_000;
const ESCALATE_MS = 15_000;
const SNAPSHOT_MS = 30_000;

/**
 * What runs beside the requests: the alarm tick (duration and no-data rules without new readings),
 * the escalation of unanswered alarms, state snapshots for a restart, and the MQTT subscriber. All
 * start when the app is ready and stop, flushing what is queued, when it closes.
 */
export function registerMonitoringBackground(
  app: FastifyInstance,
  deps: { config: Config; db: Db; clock: Clock; monitoring: MonitoringService; devices: DeviceTokens },
): void {
  const { config, db, monitoring, devices } = deps;
  let stopPartitions: (() => void) | null = null;
  let stopRollup: (() => void) | null = null;
  const timers: NodeJS.Timeout[] = [];
  const log = (message: string, error?: unknown) => app.log.error({ err: error }, message);
  app.decorate('monitoring', monitoring);
  app.decorate('mqttSubscriber', null);

  let evaluator: LeaderLock | null = null;

  app.addHook('onReady', async () => {
    if (config.workers) {
      const every = (ms: number, work: () => Promise<unknown>, what: string) =>
        timers.push(setInterval(() => void work().catch((error: unknown) => log(what, error)), ms));
      // The duration and no-data rules run over this process's in-memory point states: one process
      // only, the holder of the leader lock (docs/operations.md, several processes).
      evaluator = startLeaderLock({
        db,
        key: leaderLockKeys.monitoringEvaluator,
        name: 'monitoring tick',
        log: (level, message, error) => app.log[level]({ err: error }, message),
      });
      const lock = evaluator;
      every(TICK_MS, async () => lock.held && (await monitoring.tick()), 'monitoring tick failed');
      // Safe in every process: an escalation is a conditional UPDATE, so one process wins each step.
      every(ESCALATE_MS, () => monitoring.escalate(), 'alarm escalation failed');
      every(SNAPSHOT_MS, () => monitoring.pipeline.snapshot(), 'alarm state snapshot failed');
      // Day partitions of the readings made ahead and dropped by retention (one process per run).
      stopPartitions = startReadingPartitionsJob({
        db,
        clock: deps.clock,
        settings: config.readings,
        log: (level, message, error) => app.log[level]({ err: error }, message),
      });
      // The minute and hour aggregates, built from the readings of closed minutes (one process per step).
      stopRollup = startReadingsRollupJob({
        db,
        clock: deps.clock,
        everyMs: config.readings.rollupEveryMs,
        settings: rollupSettings(config.readings),
        log: (level, message, error) => app.log[level]({ err: error }, message),
      });
    }
    if (config.mqttUrl) {
      app.mqttSubscriber = await startMqttSubscriber({
        url: config.mqttUrl,
        // Several processes: each its own sessions (named by its instance), one group for all.
        clientId: config.instance ? `${config.mqtt.clientId}-${config.instance}` : config.mqtt.clientId,
        shareGroup: config.mqtt.shareGroup,
        connections: config.mqtt.connections,
        inFlightPerConnection: config.mqtt.inFlightPerConnection,
        sessionExpirySeconds: config.mqtt.sessionExpirySeconds,
        monitoring,
        devices,
        log,
      });
    }
  });

  app.addHook('onClose', async () => {
    for (const timer of timers) clearInterval(timer);
    stopPartitions?.();
    stopRollup?.();
    await evaluator?.close();
    await app.mqttSubscriber?.close();
    await monitoring.stop();
  });
}
