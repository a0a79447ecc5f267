import cluster from 'node:cluster';
import { createServer } from 'node:net';
import { buildApp } from './app.ts';
import { systemClock } from './platform/clock.ts';
import { ConfigError, loadConfig, type Config } from './platform/config.ts';
import { openRuntime, type Runtime } from './platform/runtime.ts';
import { createUsersRepository, ensureBootstrapAdmin } from './modules/users/index.ts';
import { startPostgresEventBus, type EventLog } from './platform/events/index.ts';
import { seedReferenceData } from './platform/reference-data.ts';
import { loadDemoData, startDemoSimulator } from './modules/demo/index.ts';
import { superviseProcesses } from './processes.ts';

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

/** Where a stray error goes: the app's log once there is one, stderr before. */
let logError = (message: string, error: unknown) =>
  console.error(`${message}: ${error instanceof Error ? error.message : String(error)}`);

// A promise rejected with nobody listening is a defect to log, never a reason to stop serving.
process.on('unhandledRejection', (reason) =>
  logError('unhandled promise rejection (the server goes on)', reason),
);

/** The HTTP port, named clearly when another program holds it. */
function listenError(error: unknown, config: Config): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE')
    return `Port ${config.port} is already in use on ${config.host} (another Anjian, or another program). Stop it, or start this one with PORT set to a free port.`;
  if (code === 'EACCES')
    return `Port ${config.port} on ${config.host} may not be opened by this user (ports below 1024 need privileges). Set PORT to 1024 or above.`;
  return error instanceof Error ? error.message : String(error);
}

/** Before PostgreSQL and the migrations: a taken port is said at once (listen checks again later). */
async function probePort(config: Config): Promise<void> {
  await new Promise<void>((resolve) => {
    const probe = createServer();
    probe.once('error', (error) => {
      console.error(listenError(error, config));
      process.exit(1);
    });
    probe.listen({ port: config.port, host: config.host }, () => probe.close(() => resolve()));
  });
}

/** Reference data, demo data and the bootstrap administrator: once per start, before serving. */
async function prepare(config: Config, runtime: Runtime) {
  const { db, cipher, whistleCipher } = runtime;
  await seedReferenceData(db, systemClock);
  const demoLoaded = config.demoData
    ? await loadDemoData({ db, clock: systemClock, config, cipher, whistleCipher })
    : false;
  const bootstrap = await ensureBootstrapAdmin(
    { db, users: createUsersRepository(db), clock: systemClock },
    config.bootstrapPassword,
  );
  return { demoLoaded, bootstrap };
}

/** The lines a terminal shows once the server answers. */
function printReady(
  config: Config,
  runtime: Runtime,
  prepared: Awaited<ReturnType<typeof prepare>>,
  started: number,
): void {
  const url = `http://localhost:${config.port}/`;
  const database = `${
    config.databaseUrl
      ? 'external PostgreSQL (DATABASE_URL)'
      : `embedded PostgreSQL, data in ${config.dataDir}`
  }; database role ${runtime.role.role}${runtime.role.superuser ? ' (a superuser: the restricted role could not be set up)' : ''}`;
  const processes = config.processes > 1 ? `; ${config.processes} server processes` : '';
  console.log(
    `\n  Anjian 安监 is running at ${url}  (${database}${processes}; up in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  if (prepared.demoLoaded)
    console.log(
      '  Demo data (演示) loaded: the plan’s named sites and 300 synthetic enterprises — not real figures.',
    );
  if (prepared.bootstrap) {
    const origin = config.bootstrapPassword ? 'from ANJIAN_BOOTSTRAP_PASSWORD' : 'one-time';
    console.log(
      `  Bootstrap administrator: admin / ${prepared.bootstrap.password}  (${origin}; change it at first login)`,
    );
  }
  console.log('  Press Ctrl-C to stop.\n');
}

async function main() {
  const started = Date.now();
  const config = readConfig();
  // A process of several (ANJIAN_PROCESSES): the supervisor prepared the database; join its cluster.
  const member = cluster.isWorker;
  if (!member) await probePort(config);
  const runtime = await openRuntime(config, {
    log: (line) => console.log(`  ${line}`),
    whenHeld: member ? 'join' : 'refuse',
  });
  const prepared = member ? null : await prepare(config, runtime);
  if (config.processes > 1 && !member) {
    // ANJIAN_PROCESSES=N: this process keeps the database and runs N server processes on the port.
    await superviseProcesses(config, {
      ready: () => printReady(config, runtime, prepared!, started),
      close: () => runtime.close(),
    });
    return;
  }
  const { db, cipher, whistleCipher } = runtime;
  // Events reach every process on the database (LISTEN/NOTIFY); the app closes the bus.
  let logEvent: EventLog = (level, message) => console.error(`${level}: ${message}`);
  const events = await startPostgresEventBus({
    connectionString: config.databaseUrl ?? runtime.embedded!.connectionString,
    db,
    log: (level, message, error) => logEvent(level, message, error),
  });
  const app = await buildApp({ config, db, clock: systemClock, cipher, whistleCipher, events, logger: true });
  logEvent = (level, message, error) => app.log[level]({ err: error }, message);
  logError = (message, error) => app.log.error({ err: error }, message);

  let simulator: Awaited<ReturnType<typeof startDemoSimulator>> = null;
  let stopping = false;
  /**
   * In order: stop feeding ourselves (the simulator), stop accepting HTTP and end the live streams,
   * stop the workers and the MQTT subscriber and drain the ingest queue (the app's onClose hooks),
   * then end the pool, and only then stop PostgreSQL — nothing may still be talking to it.
   */
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'stopping');
    let clean = true;
    const step = async (what: string, work: () => Promise<unknown>) => {
      try {
        await work();
      } catch (error) {
        clean = false;
        app.log.error({ err: error }, `shutdown: ${what} failed`);
      }
    };
    await step('simulator', async () => simulator?.stop());
    // Requests still running get a moment; then their connections are cut.
    const force = setTimeout(() => app.server.closeAllConnections(), 5_000);
    await step('HTTP server and workers', () => app.close());
    clearTimeout(force);
    await step('database', () => runtime.close());
    process.exit(clean ? 0 : 1);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    console.error(listenError(error, config));
    stopping = true;
    await app.close().catch(() => undefined);
    await runtime.close();
    process.exit(1);
  }
  // The demo simulator feeds from one process only (the first of several).
  if (config.simulator && (!member || config.instance === 'p1')) {
    simulator = await startDemoSimulator({
      db,
      clock: systemClock,
      config,
      port: config.port,
      log: (message) => app.log.info(message),
    });
  }
  if (!member) printReady(config, runtime, prepared!, started);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
