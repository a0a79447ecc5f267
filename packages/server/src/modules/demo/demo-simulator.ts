import type { Clock } from '../../platform/clock.ts';
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db.ts';
import { createDeviceTokens } from '../monitoring/device-tokens.ts';
import { httpTransport, mqttTransport, Simulator } from '../monitoring/simulator.ts';
import { demoSimulatorDevices, writeSimulatorDevices } from './demo-monitoring.ts';

/**
 * Starts the demo simulator beside a running server (SIMULATOR, on by default with the demo
 * data): fresh device tokens for the demo enterprises, readings every 10 s (tailings every 30 s)
 * through the real transport — MQTT when MQTT_URL is set, else HTTP — and an excursion somewhere
 * every two minutes. The devices are also written to DATA_DIR for `npm run simulate`.
 */
export async function startDemoSimulator(deps: {
  db: Db;
  clock: Clock;
  config: Config;
  port: number;
  log: (message: string) => void;
}): Promise<Simulator | null> {
  const { db, clock, config } = deps;
  const devices = await demoSimulatorDevices({
    db,
    devices: createDeviceTokens({ db, clock }),
    userId: null,
  });
  if (devices.length === 0) return null;
  writeSimulatorDevices(config.dataDir, devices);
  const transport = config.mqttUrl
    ? await mqttTransport(config.mqttUrl, `${config.mqtt.clientId}-simulator`)
    : httpTransport(`http://127.0.0.1:${deps.port}`);
  const simulator = new Simulator({
    devices,
    transport,
    intervalMs: 10_000,
    randomExcursionEveryMs: 120_000,
    excursionMs: 60_000,
    log: deps.log,
  });
  simulator.start();
  return simulator;
}
