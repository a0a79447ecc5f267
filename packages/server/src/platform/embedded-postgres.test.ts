import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, isAlive, startEmbeddedPostgres } from './embedded-postgres.ts';

describe('embedded PostgreSQL', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'anjian-embedded-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts again after the Node process that ran it was killed with SIGKILL', async () => {
    const port = await freePort();
    const script = `
      import { startEmbeddedPostgres } from ${JSON.stringify(path.resolve(import.meta.dirname, 'embedded-postgres.ts'))};
      await startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)}, port: ${port}, database: 'anjian' });
      console.log('ready');
      setInterval(() => {}, 1000);
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
      child.on('exit', (code) => reject(new Error(`child exited ${code}`)));
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));
    const orphan = Number(readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    expect(isAlive(orphan)).toBe(true);

    const server = await startEmbeddedPostgres({ dataDir, port, database: 'anjian' });
    try {
      expect(isAlive(orphan)).toBe(false);
      const client = new pg.Client({ connectionString: server.connectionString });
      await client.connect();
      const result = await client.query<{ db: string }>('SELECT current_database() AS db');
      expect(result.rows[0]!.db).toBe('anjian');
      await client.end();
    } finally {
      await server.stop();
    }
  });
});
