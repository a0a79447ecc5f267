import { rmSync } from 'node:fs';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { freePort, startEmbeddedPostgres, type EmbeddedServer } from '../src/platform/embedded-postgres.ts';
import { createPool } from '../src/platform/db.ts';
import { migrate } from '../src/platform/migrate.ts';
import { seedReferenceData } from '../src/platform/reference-data.ts';
import { systemClock } from '../src/platform/clock.ts';
import { hashPassword } from '../src/platform/crypto.ts';
import { TEST_PASSWORD, TEST_PASSWORD_COST } from './test-password.ts';
import { scratchDir } from './scratch.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A connection string to the server, ending in /<database>; tests swap the database name. */
    pgServerUrl: string;
    pgTemplate: string;
    /**
     * How a test file's database is cloned: FILE_COPY on the throwaway embedded cluster (its
     * checkpoint writes without fsync), WAL_LOG (PostgreSQL's default) on a real server.
     */
    pgCloneStrategy: 'FILE_COPY' | 'WAL_LOG';
    /** The factory accounts' password hash: TEST_PASSWORD at TEST_PASSWORD_COST, made once per run. */
    testPasswordHash: string;
  }
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * One PostgreSQL for the whole run — the embedded one, or the server in DATABASE_URL — with a
 * migrated template database; each test file clones it into a database of its own.
 */
export default async function setup(project: TestProject) {
  let embedded: EmbeddedServer | null = null;
  let dataDir: string | null = null;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    dataDir = scratchDir('anjian-test-pg-');
    embedded = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'anjian_admin' });
    serverUrl = embedded.connectionString;
    // A throwaway cluster for one run: no commit waits for its WAL to reach the disk (about half of
    // the server suites' time was spent waiting on fsync). The service PostgreSQL is left as it is.
    const tuning = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
    await tuning.connect();
    for (const setting of ['fsync = off', 'synchronous_commit = off', 'full_page_writes = off'])
      await tuning.query(`ALTER SYSTEM SET ${setting}`);
    await tuning.query('SELECT pg_reload_conf()');
    await tuning.end();
  }
  const template = `anjian_tpl_${process.pid}`;
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template}`);
  const pool = createPool(withDatabase(serverUrl, template), 2);
  await migrate(pool);
  await seedReferenceData(pool, systemClock);
  await pool.end();

  project.provide('pgServerUrl', serverUrl);
  project.provide('pgTemplate', template);
  project.provide('pgCloneStrategy', embedded ? 'FILE_COPY' : 'WAL_LOG');
  project.provide('testPasswordHash', await hashPassword(TEST_PASSWORD, TEST_PASSWORD_COST));

  return async () => {
    const leftovers = await admin.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE 'anjian_t\\_%' OR datname = $1",
      [template],
    );
    for (const { datname } of leftovers.rows)
      await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    await admin.end();
    await embedded?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
}
