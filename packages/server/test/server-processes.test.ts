import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../src/platform/embedded-postgres.ts';
import { serverEntries } from './server-build.ts';
import { scratchDir } from './scratch.ts';

const serverDir = path.resolve(import.meta.dirname, '..');
// src/main.ts and src/cli.ts, bundled once for the process tests (./server-build.ts).
const entries = await serverEntries();

interface Running {
  child: ChildProcess;
  port: number;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** The environment of `npm start` on a fresh machine: embedded PostgreSQL on its default port. */
function serverEnv(dataDir: string, port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    DEMO_DATA: 'false',
    SIMULATOR: 'false',
    ANJIAN_WORKERS: 'true',
    WEB_DIST_DIR: path.join(dataDir, 'no-web'),
  };
  delete env.DATABASE_URL;
  delete env.EMBEDDED_PG_PORT;
  delete env.MQTT_URL;
  return env;
}

/** The real server (src/main.ts) in a process group of its own, as a terminal would run it. */
function spawnServer(dataDir: string, port: number): Running {
  const child = spawn(process.execPath, [entries.main], {
    cwd: serverDir,
    env: serverEnv(dataDir, port),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, port, stdout: () => stdout, stderr: () => stderr, exited };
}

async function serving(server: Running): Promise<void> {
  for (let waited = 0; !server.stdout().includes('is running at'); waited += 100) {
    if (server.child.exitCode !== null || waited > 90_000)
      throw new Error(`server did not start:\n${server.stdout()}\n${server.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function health(port: number) {
  const response = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
  return { status: response.status, body: (await response.json()) as { database: string } };
}

describe('two servers on one machine, the CLI beside them, and a clean stop', () => {
  const dirs = [0, 1, 2].map(() => scratchDir('anjian-proc-'));
  const started: Running[] = [];
  afterAll(() => {
    for (const server of started)
      if (server.child.exitCode === null) process.kill(-server.child.pid!, 'SIGKILL');
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('runs two instances, lets the CLI use a running one, refuses a clash, and stops with exit 0 and no stack trace', async () => {
    const [dirA, dirB, dirC] = dirs as [string, string, string];
    // Both at once, as two terminals would: both ask for the embedded PostgreSQL's default port.
    const a = spawnServer(dirA, await freePort());
    const b = spawnServer(dirB, await freePort());
    started.push(a, b);
    await Promise.all([serving(a), serving(b)]);
    // Each has its own embedded PostgreSQL: they could not both have the default port.
    const pgPort = (dir: string) =>
      readFileSync(path.join(dir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[3];
    expect(pgPort(dirA)).not.toBe(pgPort(dirB));
    expect(await health(a.port)).toMatchObject({ status: 200, body: { database: 'ok' } });
    expect(await health(b.port)).toMatchObject({ status: 200, body: { database: 'ok' } });

    // `npm run cli -- audit verify` joins A's running cluster and leaves it running (issue 19, defect 1).
    const cli = spawnSync(process.execPath, [entries.cli, 'audit', 'verify'], {
      cwd: serverDir,
      env: serverEnv(dirA, a.port),
      encoding: 'utf8',
    });
    expect(cli.stderr).toBe('');
    expect(cli.stdout).toMatch(/^OK: \d+ audit entries, chain intact/);
    expect(cli.status).toBe(0);
    expect(await health(a.port)).toMatchObject({ status: 200, body: { database: 'ok' } });

    // A second server on A's DATA_DIR is refused, naming A; one on A's HTTP port is refused at once.
    const clash = spawnServer(dirA, await freePort());
    const portClash = spawnServer(dirC, a.port);
    expect(await clash.exited).toBe(1);
    expect(clash.stderr()).toContain(
      `DATA_DIR ${dirA} is in use by another Anjian process (PID ${a.child.pid}`,
    );
    expect(await portClash.exited).toBe(1);
    expect(portClash.stderr()).toContain(`Port ${a.port} is already in use on 127.0.0.1`);
    expect(await health(a.port)).toMatchObject({ status: 200, body: { database: 'ok' } });

    // SIGTERM to A; Ctrl-C to B's whole process group, as a terminal sends it.
    process.kill(a.child.pid!, 'SIGTERM');
    process.kill(-b.child.pid!, 'SIGINT');
    expect(await a.exited).toBe(0);
    expect(await b.exited).toBe(0);
    expect(a.stderr()).toBe('');
    expect(b.stderr()).toBe('');
    expect(a.stdout()).not.toMatch(/shutting down|"level":50|\n\s+at /);
    expect(b.stdout()).not.toMatch(/shutting down|"level":50|\n\s+at /);
    // PostgreSQL stopped with them.
    expect(existsSync(path.join(dirA, 'pg', 'postmaster.pid'))).toBe(false);
    expect(existsSync(path.join(dirB, 'pg', 'postmaster.pid'))).toBe(false);
  }, 240_000);
});
