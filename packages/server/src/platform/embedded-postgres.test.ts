import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirInUseError, freePort, isAlive, startEmbeddedPostgres } from './embedded-postgres.ts';
import { scratchDir } from '../../test/scratch.ts';

const postmasterPid = (dataDir: string) =>
  Number(readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);

async function databaseName(connectionString: string): Promise<string> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return (await client.query<{ db: string }>('SELECT current_database() AS db')).rows[0]!.db;
  } finally {
    await client.end();
  }
}

/** Another Node process that starts (and owns) the cluster, as `npm start` does. */
async function ownerProcess(dataDir: string, port: number): Promise<ChildProcessWithoutNullStreams> {
  const script = `
    import { startEmbeddedPostgres } from ${JSON.stringify(path.resolve(import.meta.dirname, 'embedded-postgres.ts'))};
    await startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)}, port: ${port}, database: 'anjian' });
    console.log('ready');
    setInterval(() => {}, 1000);
  `;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stderr.pipe(process.stderr);
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
    child.on('exit', (code) => reject(new Error(`owner exited ${code}`)));
  });
  return child;
}

describe('embedded PostgreSQL', () => {
  const dataDir = scratchDir('anjian-embedded-');
  let owner: ChildProcessWithoutNullStreams | null = null;
  afterAll(() => {
    owner?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('joins a cluster a live process runs and leaves it running; a second server is refused', async () => {
    const port = await freePort();
    owner = await ownerProcess(dataDir, port);
    const postmaster = postmasterPid(dataDir);

    // The CLI: connects to the running cluster on its port (read from postmaster.pid), stops nothing.
    const joined = await startEmbeddedPostgres({
      dataDir,
      port: await freePort(),
      database: 'anjian',
      whenHeld: 'join',
    });
    expect(joined.owned).toBe(false);
    expect(joined.port).toBe(port);
    expect(await databaseName(joined.connectionString)).toBe('anjian');
    await joined.stop();
    expect(isAlive(postmaster)).toBe(true);
    expect(await databaseName(joined.connectionString)).toBe('anjian');

    // A second server on the same DATA_DIR: refused, naming the process that holds it.
    const refused = startEmbeddedPostgres({ dataDir, port, database: 'anjian', whenHeld: 'refuse' });
    await expect(refused).rejects.toThrow(DataDirInUseError);
    await expect(refused).rejects.toThrow(
      `DATA_DIR ${dataDir} is in use by another Anjian process (PID ${owner.pid}; its PostgreSQL listens on 127.0.0.1:${port})`,
    );
    expect(isAlive(postmaster)).toBe(true);
    expect(isAlive(owner.pid!)).toBe(true);
  });

  it('stops the postmaster orphaned by a SIGKILL of its owner, then starts cleanly', async () => {
    const orphan = postmasterPid(dataDir);
    const port = Number(readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[3]);
    owner!.kill('SIGKILL');
    await new Promise((resolve) => owner!.once('exit', resolve));
    owner = null;
    expect(isAlive(orphan)).toBe(true);

    const lines: string[] = [];
    const server = await startEmbeddedPostgres({
      dataDir,
      port,
      database: 'anjian',
      log: (l) => lines.push(l),
    });
    try {
      expect(isAlive(orphan)).toBe(false);
      expect(server.owned).toBe(true);
      expect(lines).toContain(
        `Stopping an orphaned PostgreSQL (PID ${orphan}) left on ${path.join(dataDir, 'pg')} by a process that is gone`,
      );
      expect(await databaseName(server.connectionString)).toBe('anjian');
    } finally {
      await server.stop();
    }
  });

  it('picks a free port when the default one is taken, unless the port was set explicitly', async () => {
    const taken = await freePort();
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(taken, '127.0.0.1', resolve));
    try {
      await expect(
        startEmbeddedPostgres({ dataDir, port: taken, portExplicit: true, database: 'anjian' }),
      ).rejects.toThrow(`EMBEDDED_PG_PORT ${taken} is already in use on 127.0.0.1`);

      const lines: string[] = [];
      const server = await startEmbeddedPostgres({
        dataDir,
        port: taken,
        database: 'anjian',
        log: (line) => lines.push(line),
      });
      try {
        expect(server.port).not.toBe(taken);
        expect(lines).toContain(
          `Port ${taken} is taken; the embedded PostgreSQL listens on 127.0.0.1:${server.port} instead`,
        );
        expect(await databaseName(server.connectionString)).toBe('anjian');
      } finally {
        await server.stop();
      }
    } finally {
      blocker.close();
    }
  });
});
