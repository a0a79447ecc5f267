/**
 * Statistics benchmark (issue 13): 20,000 historical accidents (2016 to today, linked to the
 * 37,000-enterprise registry) and denominators for every county; p95 of the city's monthly
 * 生产安全事故统计报表 (goal ≤ 100 ms), the indicator trajectory of all counties (goal ≤ 100 ms) and
 * the city's indicators, through the real app on an embedded PostgreSQL.
 */
import { performance } from 'node:perf_hooks';
import { chinaDate } from '@anjian/domain';
import { buildApp } from '../packages/server/src/app.ts';
import { systemClock } from '../packages/server/src/platform/clock.ts';
import { loadConfig } from '../packages/server/src/platform/config.ts';
import {
  createFieldCipher,
  hashPassword,
  randomToken,
  sm3Hex,
} from '../packages/server/src/platform/crypto.ts';
import { createEnterprisesRepository } from '../packages/server/src/modules/registry/enterprises/enterprises.repository.ts';
import { createUsersRepository } from '../packages/server/src/modules/users/users.repository.ts';
import {
  seededRandom,
  syntheticEnterprises,
} from '../packages/server/src/modules/demo/synthetic-registry.ts';
import { demoAccidentHistory } from '../packages/server/src/modules/demo/demo-statistics-history.ts';
import { loadDemoStatistics } from '../packages/server/src/modules/demo/demo-statistics.ts';
import { insertAccidents } from '../packages/server/src/modules/statistics/statistics-writer.ts';
import { createMemoryEventBus } from '../packages/server/src/platform/events/index.ts';
import { BENCH_KEY, benchDatabase, measure, printFigures } from './support.ts';

const ENTERPRISES = 37_000;
const ACCIDENTS = 20_000;

const database = await benchDatabase();
const { db } = database;
try {
  const loadStart = performance.now();
  const now = new Date();
  const enterprises = createEnterprisesRepository(db);
  const rows = syntheticEnterprises(ENTERPRISES, { seed: 37, startSerial: 1, today: chinaDate(now) });
  const registry: { id: string; name: string; county: string; industryCode: string | null }[] = [];
  for (let i = 0; i < rows.length; i += 2000) {
    const batch = rows.slice(i, i + 2000);
    const inserted = await enterprises.insertMany(
      db,
      batch.map((r) => r.enterprise),
      now,
    );
    for (const r of batch)
      registry.push({
        id: inserted.get(r.enterprise.creditCode)!,
        name: r.enterprise.name,
        county: r.enterprise.county,
        industryCode: r.enterprise.industryCode ?? null,
      });
  }
  // The demo denominators and control numbers, then 20,000 accidents over 2016..today.
  await loadDemoStatistics({ db, clock: systemClock });
  await db.query('DELETE FROM statistics_accidents');
  const years = Number(chinaDate(now).slice(0, 4)) - 2016 + 1;
  // perYear so the falling series (×0.94 a year) sums to about ACCIDENTS.
  const perYear = ACCIDENTS / ((1 - 0.94 ** years) / 0.06);
  const history = demoAccidentHistory({ random: seededRandom(20_000), now, perYear, enterprises: registry });
  for (let i = 0; i < history.length; i += 2000)
    await insertAccidents(db, history.slice(i, i + 2000), now, true);
  await db.query('ANALYZE');
  const stored = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM statistics_accidents'))
    .rows[0]!.n;
  const loadSeconds = (performance.now() - loadStart) / 1000;

  const client = await db.connect();
  const officer = await createUsersRepository(db).insert(client, {
    username: 'bench_stats',
    displayName: '统计',
    phoneSealed: null,
    organisation: null,
    scope: { kind: 'city' },
    roles: ['city_officer'],
    passwordHash: await hashPassword(randomToken()),
    mustChangePassword: false,
    passwordChangedAt: now,
    createdAt: now,
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
  const events = createMemoryEventBus();
  const app = await buildApp({
    config,
    db,
    clock: systemClock,
    cipher: createFieldCipher(BENCH_KEY),
    events,
  });
  /** What an import or a reclassified accident does: every process drops its cached aggregates. */
  const changed = () => events.publish('statistics.changed', { divisionCode: null });
  const headers = { cookie: `anjian_session=${token}` };
  const get = async (url: string) => {
    const response = await app.inject({ method: 'GET', url, headers });
    if (response.statusCode !== 200)
      throw new Error(`${url} → ${response.statusCode} ${response.body.slice(0, 200)}`);
    return response;
  };
  const year = Number(chinaDate(now).slice(0, 4));
  // Cold: the statistics just changed, so the aggregates are read from PostgreSQL; warm: they are
  // cached until the next change (statistics-cache.ts), as between two imports.
  const figures = {
    cityMonthlyTableCold: await measure(100, async (i) => {
      await changed();
      await get(`/api/v1/statistics/monthly?year=${year - (i % 3)}&month=${1 + (i % 12)}`);
    }),
    allCountyTrajectoryCold: await measure(100, async (i) => {
      await changed();
      await get(`/api/v1/statistics/indicators/counties?year=${year - (i % 2)}`);
    }),
    cityIndicatorsCold: await measure(100, async () => {
      await changed();
      await get(`/api/v1/statistics/indicators?year=${year}`);
    }),
    cityMonthlyTableWarm: await measure(100, async (i) => {
      await get(`/api/v1/statistics/monthly?year=${year - (i % 3)}&month=${1 + (i % 12)}`);
    }),
    allCountyTrajectoryWarm: await measure(100, async (i) => {
      await get(`/api/v1/statistics/indicators/counties?year=${year - (i % 2)}`);
    }),
  };
  printFigures('statistics', figures, {
    accidents: stored,
    enterprises: ENTERPRISES,
    loadSeconds: +loadSeconds.toFixed(1),
    goalsMs: { cityMonthlyTable: 100, allCountyTrajectory: 100 },
  });
  await app.close();
} finally {
  await database.close();
}
