import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
const webDir = path.join(repoRoot, 'packages/web');
const webIndex = path.join(webDir, 'dist/index.html');

export interface RunningServer {
  baseUrl: string;
  dataDir: string;
  logFile: string;
  process: ChildProcess;
}

/** A port the kernel just handed out and released: free unless someone races us for it. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** The server serves packages/web/dist; build it when it is missing or older than the web sources. */
export function ensureWebBuild(): void {
  const sources = Math.max(
    newestMtime(path.join(webDir, 'src')),
    statSync(path.join(webDir, 'index.html')).mtimeMs,
    newestMtime(path.join(repoRoot, 'packages/domain/src')),
  );
  if (existsSync(webIndex) && statSync(webIndex).mtimeMs >= sources) return;
  console.log('[e2e] building the web app…');
  const build = spawnSync('npm', ['run', 'build', '-w', '@anjian/web'], { cwd: repoRoot, stdio: 'inherit' });
  if (build.status !== 0) throw new Error(`web build failed (exit ${build.status})`);
}

function tail(file: string, lines = 40): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

async function waitForHealth(server: RunningServer, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.process.exitCode !== null) {
      throw new Error(`server exited with ${server.process.exitCode}:\n${tail(server.logFile)}`);
    }
    try {
      const response = await fetch(`${server.baseUrl}/api/v1/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`server not healthy after ${timeoutMs} ms:\n${tail(server.logFile)}`);
}

/**
 * Starts the real server (embedded PostgreSQL in a fresh data directory) and waits until it is
 * healthy. With `demoData` it loads the demo registry (about 320 enterprises labelled 演示 in all
 * nine counties, the plan's named mines, tailings ponds, pipelines and parks).
 */
export async function startServer(
  bootstrapPassword: string,
  options: { demoData?: boolean; port?: number; env?: Record<string, string> } = {},
): Promise<RunningServer> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'anjian-e2e-'));
  // As root the server runs PostgreSQL as the `postgres` user, which must be able to enter this directory.
  await chmod(dataDir, 0o755);
  const port = options.port ?? (await freePort());
  return spawnServer({
    dataDir,
    port,
    bootstrapPassword,
    demoData: options.demoData ?? false,
    env: options.env ?? {},
  });
}

/**
 * Starts the server again on the same port and data directory after `stopServer(server, true)`, as
 * an operator restarting it would: browsers connected before see the same address come back.
 */
export function restartServer(
  server: RunningServer,
  bootstrapPassword: string,
  options: { demoData?: boolean } = {},
): Promise<RunningServer> {
  const port = Number(new URL(server.baseUrl).port);
  return spawnServer({
    dataDir: server.dataDir,
    port,
    bootstrapPassword,
    demoData: options.demoData ?? false,
    env: {},
  });
}

async function spawnServer(options: {
  dataDir: string;
  port: number;
  bootstrapPassword: string;
  demoData: boolean;
  /** Extra settings (channels, peers) on top of the test environment. */
  env: Record<string, string>;
}): Promise<RunningServer> {
  const { dataDir, port } = options;
  let pgPort = await freePort();
  while (pgPort === port) pgPort = await freePort();
  const logFile = path.join(dataDir, 'server.log');
  const log = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(process.execPath, ['--import', 'tsx', 'packages/server/src/main.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      DATA_DIR: path.join(dataDir, 'data'),
      PORT: String(port),
      HOST: '127.0.0.1',
      EMBEDDED_PG_PORT: String(pgPort),
      ANJIAN_BOOTSTRAP_PASSWORD: options.bootstrapPassword,
      DEMO_DATA: options.demoData ? 'true' : 'false',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const server = { baseUrl: `http://127.0.0.1:${port}`, dataDir, logFile, process: child };
  try {
    await waitForHealth(server, 180_000);
  } catch (error) {
    await stopServer(server);
    throw error;
  }
  return server;
}

/** SIGINT lets the server stop its embedded PostgreSQL; SIGKILL only if it hangs. */
export async function stopServer(server: RunningServer, keepData = false): Promise<void> {
  const child = server.process;
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGINT');
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(timer);
  }
  if (!keepData) await rm(server.dataDir, { recursive: true, force: true });
}
