import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { simulatorDevicesFile } from './modules/demo/index.ts';
import { httpTransport, mqttTransport, Simulator, type SimulatedDevice } from './modules/monitoring/index.ts';

const usage = `npm run simulate -- [options]

Feeds simulated readings for the demo sites to a running Anjian server (the server writes the demo
devices and their tokens to DATA_DIR/simulator-devices.json when it starts with demo data).

  --url <url>          the server (default http://localhost:$PORT or :8080), over HTTP
  --mqtt <url>         publish to this MQTT broker instead (the server must subscribe: MQTT_URL)
  --data-dir <dir>     where the devices file is (default $DATA_DIR or ./data)
  --interval <ms>      how often every point reports (default 10000)
  --excursion <code>   push this point past its most severe threshold now (repeatable)
  --excursion-ms <ms>  how long an excursion lasts (default 60000)
  --random <ms>        a random excursion about this often (default 120000; 0: none)
  --once               send one round and stop
`;

async function main() {
  const { values } = parseArgs({
    options: {
      url: { type: 'string' },
      mqtt: { type: 'string' },
      'data-dir': { type: 'string' },
      interval: { type: 'string', default: '10000' },
      excursion: { type: 'string', multiple: true, default: [] },
      'excursion-ms': { type: 'string', default: '60000' },
      random: { type: 'string', default: '120000' },
      once: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const dataDir = path.resolve(values['data-dir'] ?? process.env.DATA_DIR ?? './data');
  const devices = JSON.parse(readFileSync(simulatorDevicesFile(dataDir), 'utf8')) as SimulatedDevice[];
  const url = values.url ?? `http://localhost:${process.env.PORT ?? '8080'}`;
  const transport = values.mqtt ? await mqttTransport(values.mqtt) : httpTransport(url);
  const simulator = new Simulator({
    devices,
    transport,
    intervalMs: Number(values.interval),
    randomExcursionEveryMs: Number(values.random),
    excursionMs: Number(values['excursion-ms']),
    log: (message) => console.log(message),
  });
  for (const code of values.excursion) simulator.excursion(code);
  const points = devices.reduce((sum, device) => sum + device.points.length, 0);
  console.log(`simulating ${points} points of ${devices.length} enterprises → ${values.mqtt ?? url}`);
  if (values.once) {
    await simulator.step();
    await simulator.stop();
    console.log(`sent ${simulator.sent} readings`);
    return;
  }
  await simulator.step();
  simulator.start();
  const stop = () => void simulator.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
