import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createPool, type Db } from '../packages/server/src/platform/db.ts';
import { freePort, startEmbeddedPostgres } from '../packages/server/src/platform/embedded-postgres.ts';
import { migrate } from '../packages/server/src/platform/migrate.ts';
import { seedReferenceData } from '../packages/server/src/platform/reference-data.ts';
import { systemClock } from '../packages/server/src/platform/clock.ts';
import { buildApp } from '../packages/server/src/app.ts';
import { loadConfig } from '../packages/server/src/platform/config.ts';
import {
  createFieldCipher,
  hashPassword,
  randomToken,
  sm3Hex,
} from '../packages/server/src/platform/crypto.ts';
import { createUsersRepository } from '../packages/server/src/modules/users/users.repository.ts';

export const BENCH_KEY = '00112233445566778899aabbccddeeff';

/** A throw-away embedded PostgreSQL, migrated and seeded with reference data. */
export async function benchDatabase(): Promise<{
  db: Db;
  url: string;
  dataDir: string;
  close(): Promise<void>;
}> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'anjian-bench-'));
  const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'anjian' });
  const db = createPool(server.connectionString);
  await migrate(db);
  await seedReferenceData(db, systemClock);
  return {
    db,
    url: server.connectionString,
    dataDir,
    async close() {
      await db.end();
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The real app on the bench database, and the cookie of a city officer's session made directly in
 * the database (no sign-in round trip), for benches that call it through `app.inject`.
 */
export async function benchApp(
  database: { db: Db; url: string; dataDir: string },
  user: { username: string; displayName: string },
) {
  const { db } = database;
  const client = await db.connect();
  const officer = await createUsersRepository(db).insert(client, {
    ...user,
    phoneSealed: null,
    organisation: null,
    scope: { kind: 'city' },
    roles: ['city_officer'],
    passwordHash: await hashPassword(randomToken()),
    mustChangePassword: false,
    passwordChangedAt: new Date(),
    createdAt: new Date(),
  });
  client.release();
  const token = randomToken();
  await db.query(
    `INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at, idle_seconds, ip, user_agent)
     VALUES ($1, $2, 'x', now(), now(), now() + interval '12 hours', 86400, '127.0.0.1', 'bench')`,
    [sm3Hex(token), officer],
  );
  const config = loadConfig({
    DATABASE_URL: database.url,
    FIELD_ENCRYPTION_KEY: BENCH_KEY,
    DATA_DIR: database.dataDir,
    AUTH_TOTP_REQUIRED: 'false',
  });
  const app = await buildApp({ config, db, clock: systemClock, cipher: createFieldCipher(BENCH_KEY) });
  return { app, userId: officer, headers: { cookie: `anjian_session=${token}` } };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export interface Figure {
  n: number;
  p50: number;
  p95: number;
}

/** Runs `run` `count` times after `warmup` unmeasured runs; milliseconds. */
export async function measure(count: number, run: (i: number) => Promise<void>, warmup = 3): Promise<Figure> {
  for (let i = 0; i < warmup; i++) await run(i);
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await run(i);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { n: count, p50: +percentile(times, 50).toFixed(2), p95: +percentile(times, 95).toFixed(2) };
}

export function printFigures(
  name: string,
  figures: Record<string, Figure>,
  extra: Record<string, unknown> = {},
): void {
  console.log(JSON.stringify({ benchmark: name, ...extra, ...figures }));
  console.log(`\n${name}\n| measure | n | p50 ms | p95 ms |\n|---|---|---|---|`);
  for (const [measureName, value] of Object.entries(figures))
    console.log(`| ${measureName} | ${value.n} | ${value.p50} | ${value.p95} |`);
  console.log('');
}
