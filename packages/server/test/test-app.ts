import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { generateSyntheticCreditCode, type DataScope } from '@anjian/domain';
import { buildApp } from '../src/app.ts';
import { createManualClock } from '../src/platform/clock.ts';
import { loadConfig, type Config } from '../src/platform/config.ts';
import { createFieldCipher, hashPassword, randomToken, sm3Hex } from '../src/platform/crypto.ts';
import { createPool, type Db } from '../src/platform/db.ts';
import { createUsersRepository } from '../src/modules/users/users.repository.ts';
import { currentTotp, newTotpSecret } from '../src/modules/auth/totp.ts';
import { withDatabase } from './global-setup.ts';

export const TEST_FIELD_KEY = '0123456789abcdef0123456789abcdef';
/** The whistleblowers' key: another key than the field key (issue 16). */
export const TEST_WHISTLE_KEY = 'fedcba9876543210fedcba9876543210';
import { TEST_PASSWORD_COST } from './test-password.ts';
import { scratchDir } from './scratch.ts';
export { TEST_PASSWORD } from './test-password.ts';

/** A clone of the migrated template: each test file gets a database of its own. */
export async function createTestDatabase(): Promise<{ db: Db; url: string; drop(): Promise<void> }> {
  const serverUrl = inject('pgServerUrl');
  const name = `anjian_t_${randomUUID().replace(/-/g, '')}`;
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  // On the embedded cluster FILE_COPY copies the template's files after a checkpoint; WAL_LOG writes
  // every page of the 17 MB template through the WAL: 0.4–0.7 s a file against 0.04–0.4 s (issue 12).
  await admin.query(
    `CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplate')} STRATEGY ${inject('pgCloneStrategy')}`,
  );
  const url = withDatabase(serverUrl, name);
  const db = createPool(url, 10);
  return {
    db,
    url,
    async drop() {
      await db.end();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

export interface TestUser {
  id: string;
  username: string;
  totpSecret: string | null;
}

export interface Caller {
  cookie: string;
  csrf: string;
}

export interface TestContext {
  app: FastifyInstance;
  db: Db;
  dbUrl: string;
  config: Config;
  clock: ReturnType<typeof createManualClock>;
  /** Inserts a ready-to-use account (password TEST_PASSWORD, already changed, TOTP enrolled if asked). */
  createUser(options: {
    roles: string[];
    scope: DataScope;
    username?: string;
    totp?: boolean;
    phone?: string;
  }): Promise<TestUser>;
  /** A session made directly in the database, for tests about what a signed-in caller may do. */
  sessionFor(user: TestUser): Promise<Caller>;
  /** Signs in through the API; answers the raw response and, on success, the caller. */
  login(
    username: string,
    password: string,
    totp?: string,
  ): Promise<{ response: LightMyRequestResponse; caller: Caller | null }>;
  totpFor(user: TestUser): string;
  /**
   * A second app on this context's config, database and clock, as another server process would be;
   * built as src/main.ts builds it (passwords at the production cost). The caller closes it.
   */
  anotherApp(): Promise<FastifyInstance>;
  request(options: InjectOptions & { as?: Caller | null }): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function createTestContext(
  env: Record<string, string> = {},
  /** A database the test owns (e.g. on a PostgreSQL it stops and starts); default: a clone. */
  own?: { db: Db; url: string; drop(): Promise<void> },
): Promise<TestContext> {
  const database = own ?? (await createTestDatabase());
  const { db } = database;
  const dataDir = scratchDir('anjian-test-data-');
  const config = loadConfig({
    DATA_DIR: dataDir,
    DATABASE_URL: database.url,
    FIELD_ENCRYPTION_KEY: TEST_FIELD_KEY,
    WHISTLEBLOWER_ENCRYPTION_KEY: TEST_WHISTLE_KEY,
    WEB_DIST_DIR: path.join(os.tmpdir(), 'anjian-no-web'),
    // Background work runs on timers; tests drive it by hand with the manual clock.
    ANJIAN_WORKERS: 'false',
    ...env,
  });
  const clock = createManualClock(new Date('2026-11-29T02:00:00.000Z'));
  const cipher = createFieldCipher(TEST_FIELD_KEY);
  const app = await buildApp({
    config,
    db,
    clock,
    cipher,
    hashPassword: (password) => hashPassword(password, TEST_PASSWORD_COST),
  });
  const users = createUsersRepository(db);
  const cookieName = 'anjian_session';

  const context: TestContext = {
    app,
    db,
    dbUrl: database.url,
    config,
    clock,
    async createUser({ roles, scope, username, totp = false, phone }) {
      const name = username ?? `u${randomUUID().slice(0, 8)}`;
      const totpSecret = totp ? newTotpSecret() : null;
      const client = await db.connect();
      try {
        if (scope.kind === 'enterprise') {
          // The account's enterprise must be registered; tests name one and get it made.
          await client.query(
            `INSERT INTO enterprises (id, name, credit_code, county, created_at, updated_at)
             VALUES ($1, '测试企业', $2, $3, now(), now()) ON CONFLICT (id) DO NOTHING`,
            [
              scope.enterpriseId,
              generateSyntheticCreditCode(Number.parseInt(scope.enterpriseId.slice(0, 7), 16), {
                divisionCode: scope.county,
              }),
              scope.county,
            ],
          );
        }
        const id = await users.insert(client, {
          username: name,
          displayName: `测试用户 ${name}`,
          phoneSealed: phone ? cipher.encrypt(phone) : null,
          organisation: null,
          scope,
          roles,
          passwordHash: inject('testPasswordHash'),
          mustChangePassword: false,
          passwordChangedAt: clock.now(),
          createdAt: clock.now(),
        });
        if (totpSecret) await users.activateTotp(id, cipher.encrypt(totpSecret), 0);
        return { id, username: name, totpSecret };
      } finally {
        client.release();
      }
    },
    async sessionFor(user) {
      const token = randomToken();
      const csrf = randomToken(24);
      const now = clock.now();
      await db.query(
        `INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at, idle_seconds, ip, user_agent)
         VALUES ($1, $2, $3, $4, $4, $5, 1800, '127.0.0.1', 'test')`,
        [sm3Hex(token), user.id, csrf, now, new Date(now.getTime() + 12 * 3600_000)],
      );
      return { cookie: `${cookieName}=${token}`, csrf };
    },
    async login(username, password, totp) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: totp ? { username, password, totp } : { username, password },
      });
      if (response.statusCode !== 200) return { response, caller: null };
      const cookie = response.cookies.find((c) => c.name === cookieName);
      return {
        response,
        caller: { cookie: `${cookieName}=${cookie?.value}`, csrf: response.json().csrfToken },
      };
    },
    anotherApp: () => buildApp({ config, db, clock, cipher }),
    totpFor(user) {
      if (!user.totpSecret) throw new Error('user has no TOTP');
      return currentTotp(user.totpSecret, clock.now());
    },
    request({ as, headers, ...options }) {
      const extra: Record<string, string> = {};
      if (as) {
        extra.cookie = as.cookie;
        extra['x-csrf-token'] = as.csrf;
      }
      return app.inject({ ...options, headers: { ...extra, ...(headers as Record<string, string>) } });
    },
    async close() {
      try {
        await app.close();
        await database.drop();
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
  return context;
}
