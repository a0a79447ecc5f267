import { buildApp } from './app.ts';
import { systemClock } from './platform/clock.ts';
import { ConfigError, loadConfig, type Config } from './platform/config.ts';
import { openRuntime } from './platform/runtime.ts';
import { createUsersRepository, ensureBootstrapAdmin } from './modules/users/index.ts';
import { startPostgresEventBus, type EventLog } from './platform/events/index.ts';
import { seedReferenceData } from './platform/reference-data.ts';
import {
  loadDemoRegistry,
  loadDemoEmergency,
  loadDemoMajorHazards,
  loadDemoEnforcement,
  loadDemoMonitoring,
  loadDemoWarnings,
  startDemoSimulator,
} from './modules/demo/index.ts';

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}

async function main() {
  const started = Date.now();
  const config = readConfig();
  const runtime = await openRuntime(config);
  const { db, cipher } = runtime;
  await seedReferenceData(db, systemClock);
  const demoLoaded = config.demoData ? await loadDemoRegistry({ db, clock: systemClock, cipher }) : false;
  if (config.demoData) await loadDemoEmergency({ db, clock: systemClock, cipher });
  if (config.demoData) await loadDemoMajorHazards({ db, clock: systemClock });
  if (config.demoData) await loadDemoEnforcement({ db, clock: systemClock });
  if (config.demoData) await loadDemoMonitoring({ db, clock: systemClock });
  if (config.demoData) await loadDemoWarnings({ db, clock: systemClock, config, cipher });
  const bootstrap = await ensureBootstrapAdmin(
    { db, users: createUsersRepository(db), clock: systemClock },
    config.bootstrapPassword,
  );
  // Events reach every process on the database (LISTEN/NOTIFY); the app closes the bus.
  let logEvent: EventLog = (level, message) => console.error(`${level}: ${message}`);
  const events = await startPostgresEventBus({
    connectionString: config.databaseUrl ?? runtime.embedded!.connectionString,
    db,
    log: (level, message, error) => logEvent(level, message, error),
  });
  const app = await buildApp({ config, db, clock: systemClock, cipher, events, logger: true });
  logEvent = (level, message, error) => app.log[level]({ err: error }, message);

  let simulator: Awaited<ReturnType<typeof startDemoSimulator>> = null;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'stopping');
    await simulator?.stop();
    await app.close();
    await runtime.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  if (config.simulator) {
    simulator = await startDemoSimulator({
      db,
      clock: systemClock,
      config,
      port: config.port,
      log: (message) => app.log.info(message),
    });
  }
  const url = `http://localhost:${config.port}/`;
  const database = config.databaseUrl
    ? 'external PostgreSQL (DATABASE_URL)'
    : `embedded PostgreSQL, data in ${config.dataDir}`;
  console.log(
    `\n  Anjian 安监 is running at ${url}  (${database}; up in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  if (demoLoaded)
    console.log(
      '  Demo data (演示) loaded: the plan’s named sites and 300 synthetic enterprises — not real figures.',
    );
  if (bootstrap) {
    const origin = config.bootstrapPassword ? 'from ANJIAN_BOOTSTRAP_PASSWORD' : 'one-time';
    console.log(
      `  Bootstrap administrator: admin / ${bootstrap.password}  (${origin}; change it at first login)`,
    );
  }
  console.log('  Press Ctrl-C to stop.\n');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
