/**
 * Video (issue 18): the camera register (cameras of enterprises, regulated objects, monitoring
 * points and road sections), live view through a gateway (WVP-GB28181, ZLMediaKit's RTSP → HLS
 * proxy, a plain HLS server, or the platform's own ffmpeg test gateway) behind one adapter port,
 * the periodic online check (one process per run) with online rates, cameras near an incident or
 * an alarm, and audited viewing. Owns the table video_cameras.
 */
import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../platform/clock.ts';
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db.ts';
import type { IncidentZonesPort } from '../emergency/index.ts';
import type { AlarmFactsPort } from '../monitoring/index.ts';
import type { EnterpriseLookup, RegulatedObjectsPort } from '../registry/index.ts';
import type { SnapshotStore } from '../uploads/index.ts';
import { createCamerasRepository } from './cameras.repository.ts';
import { registerVideoRoutes } from './cameras.routes.ts';
import { createCamerasService } from './cameras.service.ts';
import { createGateway, GatewayRegistry, TestGateway } from './gateways.ts';
import { checkCameraStatuses, startCameraStatusJob } from './status-check.job.ts';
import { startTestStream, TEST_PLAYLIST, type TestStream } from './test-stream.ts';
import path from 'node:path';

export { createCamerasRepository, type CamerasRepository } from './cameras.repository.ts';
export { TEST_PLAYLIST } from './test-stream.ts';
export { createCameraFigures, type CameraFigures } from './camera-figures.ts';

/** Origins browsers fetch the configured gateways' HLS from (the CSP's media-src and connect-src). */
export function videoMediaOrigins(config: Config): string[] {
  return new GatewayRegistry(config.video.gateways.map(createGateway)).mediaOrigins();
}

export function createVideoModule(deps: {
  db: Db;
  clock: Clock;
  config: Config;
  enterprises: EnterpriseLookup;
  objects: Pick<RegulatedObjectsPort, 'findById'>;
  alarms: AlarmFactsPort;
  incidentZones: IncidentZonesPort;
  snapshots: SnapshotStore;
  log: (message: string, error?: unknown) => void;
}) {
  const { db, clock, config } = deps;
  let testStream: TestStream | null = null;
  const gateways = new GatewayRegistry([
    new TestGateway(() => testStream?.dir() ?? null),
    ...config.video.gateways.map(createGateway),
  ]);
  const repository = createCamerasRepository(db);
  const cameras = createCamerasService({
    db,
    clock,
    cameras: repository,
    gateways,
    enterprises: deps.enterprises,
    objects: deps.objects,
    alarms: deps.alarms,
    incidentZones: deps.incidentZones,
    snapshots: deps.snapshots,
    testPlaylistFile: () => {
      const dir = testStream?.dir();
      return dir ? path.join(dir, TEST_PLAYLIST) : null;
    },
  });
  const checkNow = () => checkCameraStatuses({ db, clock, cameras: repository, gateways });
  return {
    checkNow,
    register(app: FastifyInstance) {
      if (config.video.testStream)
        testStream = startTestStream({ log: (level, message) => app.log[level](message) });
      registerVideoRoutes(app, { cameras, clock, testStreamDir: () => testStream?.dir() ?? null, checkNow });
      const stopJob = config.workers
        ? startCameraStatusJob({ db, clock, cameras: repository, gateways, log: deps.log })
        : null;
      app.addHook('onClose', async () => {
        stopJob?.();
        await testStream?.stop();
      });
    },
  };
}
