import http from 'node:http';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../src/platform/embedded-postgres.ts';
import { serverEntries } from './server-build.ts';
import { scratchDir } from './scratch.ts';

const serverDir = path.resolve(import.meta.dirname, '..');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The supervisor's server processes (cluster workers run the supervisor's program), not PostgreSQL. */
function members(supervisor: number): number[] {
  return readFileSync(`/proc/${supervisor}/task/${supervisor}/children`, 'utf8')
    .split(' ')
    .filter(Boolean)
    .map(Number)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').startsWith(process.execPath);
      } catch {
        return false;
      }
    });
}

describe('ANJIAN_PROCESSES=2: one start, two server processes on one port and one embedded database', () => {
  const dir = scratchDir('anjian-supervised-');
  let child: ChildProcess | null = null;
  afterAll(() => {
    if (child && child.exitCode === null) {
      for (const pid of members(child.pid!)) process.kill(pid, 'SIGKILL');
      process.kill(-child.pid!, 'SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves from both, starts a killed one again under its name, and stops everything with exit 0', async () => {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATA_DIR: dir,
      PORT: String(port),
      HOST: '127.0.0.1',
      DEMO_DATA: 'false',
      SIMULATOR: 'false',
      ANJIAN_PROCESSES: '2',
      WEB_DIST_DIR: path.join(dir, 'no-web'),
    };
    delete env.DATABASE_URL;
    delete env.EMBEDDED_PG_PORT;
    delete env.MQTT_URL;
    delete env.ANJIAN_INSTANCE;
    child = spawn(process.execPath, [(await serverEntries()).main], {
      cwd: serverDir,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    for (let waited = 0; !stdout.includes('is running at'); waited += 100) {
      if (child.exitCode !== null || waited > 150_000)
        throw new Error(`did not start:\n${stdout}\n${stderr}`);
      await sleep(100);
    }
    expect(stdout).toContain('2 server processes');
    // The bootstrap password is set once, by the supervisor, not again by each process.
    expect(stdout.match(/Bootstrap administrator/g)).toHaveLength(1);
    // A new connection each time (no keep-alive): a kept socket would belong to the process killed below.
    const health = () =>
      new Promise<number>((resolve, reject) =>
        http
          .get({ host: '127.0.0.1', port, path: '/api/v1/health', agent: false }, (response) => {
            response.resume();
            resolve(response.statusCode ?? 0);
          })
          .on('error', reject)
          .setTimeout(10_000, function (this: http.ClientRequest) {
            this.destroy(new Error('no answer within 10 s'));
          }),
      );
    const first = members(child.pid!);
    expect(first).toHaveLength(2);
    for (let i = 0; i < 4; i += 1) expect(await health()).toBe(200);

    // kill -9 one of them: the other serves at once, and the supervisor starts it again.
    process.kill(first[0]!, 'SIGKILL');
    // A connection handed to the killed process in the instant before the supervisor hears of it is
    // reset, as behind any proxy; the next one is served.
    await expect.poll(health, { timeout: 5_000, interval: 100 }).toBe(200);
    await expect
      .poll(() => stderr, { timeout: 30_000 })
      .toMatch(
        new RegExp(`Server process p[12] \\(PID ${first[0]}\\) ended \\(SIGKILL\\); starting it again\\.`),
      );
    await expect.poll(() => members(child!.pid!).length, { timeout: 90_000, interval: 250 }).toBe(2);
    expect(members(child.pid!)).not.toContain(first[0]);
    for (let i = 0; i < 4; i += 1) expect(await health()).toBe(200);

    // SIGTERM to the supervisor: each process drains, then PostgreSQL stops; exit 0.
    process.kill(child.pid!, 'SIGTERM');
    expect(await exited).toBe(0);
    expect(existsSync(path.join(dir, 'pg', 'postmaster.pid'))).toBe(false);
    expect(stdout).not.toMatch(/"level":50|\n\s+at /);
  }, 300_000);
});
