/**
 * Platform benchmark: sign-in (scrypt-bound by design), a session-authenticated request, and a
 * scoped user-list page, in process through the real app on an embedded PostgreSQL.
 * Prints one JSON line and a table. Figures, not pass/fail.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildApp } from '../packages/server/src/app.ts';
import { systemClock } from '../packages/server/src/platform/clock.ts';
import { loadConfig } from '../packages/server/src/platform/config.ts';
import { createFieldCipher, hashPassword } from '../packages/server/src/platform/crypto.ts';
import { createPool } from '../packages/server/src/platform/db.ts';
import { startEmbeddedPostgres } from '../packages/server/src/platform/embedded-postgres.ts';
import { migrate } from '../packages/server/src/platform/migrate.ts';
import { createRolesRepository } from '../packages/server/src/modules/roles/roles.repository.ts';
import { createUsersRepository } from '../packages/server/src/modules/users/users.repository.ts';

const KEY = '00112233445566778899aabbccddeeff';
const PASSWORD = 'Bench#Mark2026';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function measure(count: number, run: () => Promise<void>) {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { n: count, p50: +percentile(times, 50).toFixed(2), p95: +percentile(times, 95).toFixed(2) };
}

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'anjian-bench-'));
const pgServer = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'anjian' });
const db = createPool(pgServer.connectionString);
try {
  await migrate(db);
  await createRolesRepository(db).seedBuiltins();
  const users = createUsersRepository(db);
  const hash = await hashPassword(PASSWORD);
  const client = await db.connect();
  const counties = ['530402', '530403', '530423', '530424', '530425', '530426', '530427', '530428', '530481'];
  for (let i = 0; i < 2000; i++) {
    await users.insert(client, {
      username: `user${i}`,
      displayName: `用户${i}`,
      phoneSealed: null,
      organisation: null,
      scope: { kind: 'county', counties: [counties[i % counties.length]!] },
      roles: ['county_officer'],
      passwordHash: hash,
      mustChangePassword: false,
      passwordChangedAt: new Date(),
      createdAt: new Date(),
    });
  }
  client.release();
  const config = loadConfig({
    DATABASE_URL: pgServer.connectionString,
    FIELD_ENCRYPTION_KEY: KEY,
    AUTH_TOTP_REQUIRED: 'false',
    DATA_DIR: dataDir,
  });
  const app = await buildApp({ config, db, clock: systemClock, cipher: createFieldCipher(KEY) });
  const admin = await users.insert(db, {
    username: 'county_admin',
    displayName: '县管理员',
    phoneSealed: null,
    organisation: null,
    scope: { kind: 'county', counties: ['530403'] },
    roles: ['sysadmin'],
    passwordHash: hash,
    mustChangePassword: false,
    passwordChangedAt: new Date(),
    createdAt: new Date(),
  });
  void admin;

  const login = () =>
    app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'county_admin', password: PASSWORD },
    });
  const signedIn = await login();
  const cookie = `anjian_session=${signedIn.cookies.find((c) => c.name === 'anjian_session')!.value}`;

  const results = {
    benchmark: 'platform-auth',
    login: await measure(20, async () => void (await login())),
    authenticatedGet: await measure(
      2000,
      async () => void (await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })),
    ),
    scopedUserListPage: await measure(
      500,
      async () =>
        void (await app.inject({
          method: 'GET',
          url: '/api/v1/users?page=2&pageSize=20',
          headers: { cookie },
        })),
    ),
  };
  console.log(JSON.stringify(results));
  console.log('\n| measure | n | p50 ms | p95 ms |\n|---|---|---|---|');
  for (const [name, value] of Object.entries(results)) {
    if (typeof value === 'object') console.log(`| ${name} | ${value.n} | ${value.p50} | ${value.p95} |`);
  }
  await app.close();
} finally {
  await db.end();
  await pgServer.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
