/**
 * Platform benchmark: sign-in (scrypt-bound by design), a session-authenticated request, and a
 * scoped user-list page, in process through the real app on an embedded PostgreSQL.
 */
import { buildApp } from '../packages/server/src/app.ts';
import { systemClock } from '../packages/server/src/platform/clock.ts';
import { loadConfig } from '../packages/server/src/platform/config.ts';
import { createFieldCipher, hashPassword } from '../packages/server/src/platform/crypto.ts';
import { createUsersRepository } from '../packages/server/src/modules/users/users.repository.ts';
import { BENCH_KEY, benchDatabase, measure, printFigures } from './support.ts';

const PASSWORD = 'Bench#Mark2026';
const counties = ['530402', '530403', '530423', '530424', '530425', '530426', '530427', '530428', '530481'];

const database = await benchDatabase();
const { db } = database;
try {
  const users = createUsersRepository(db);
  const hash = await hashPassword(PASSWORD);
  const newUser = (username: string, county: string, roles: string[]) => ({
    username,
    displayName: username,
    phoneSealed: null,
    organisation: null,
    scope: { kind: 'county' as const, counties: [county] },
    roles,
    passwordHash: hash,
    mustChangePassword: false,
    passwordChangedAt: new Date(),
    createdAt: new Date(),
  });
  const client = await db.connect();
  for (let i = 0; i < 2000; i++)
    await users.insert(client, newUser(`user${i}`, counties[i % counties.length]!, ['county_officer']));
  await users.insert(client, newUser('county_admin', '530403', ['sysadmin']));
  client.release();

  const config = loadConfig({
    DATABASE_URL: database.url,
    FIELD_ENCRYPTION_KEY: BENCH_KEY,
    AUTH_TOTP_REQUIRED: 'false',
    DATA_DIR: database.dataDir,
  });
  const app = await buildApp({ config, db, clock: systemClock, cipher: createFieldCipher(BENCH_KEY) });
  const login = () =>
    app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'county_admin', password: PASSWORD },
    });
  const signedIn = await login();
  const cookie = `anjian_session=${signedIn.cookies.find((c) => c.name === 'anjian_session')!.value}`;

  printFigures('platform-auth', {
    login: await measure(20, async () => void (await login()), 1),
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
  });
  await app.close();
} finally {
  await database.close();
}
