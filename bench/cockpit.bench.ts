/**
 * Cockpit benchmark (issue 13): the first paint of the leaders' cockpit and the big screen is one
 * request, GET /api/v1/cockpit. With the 37,000-enterprise registry, 20,000 hidden hazards, 5,000
 * alarms (1,000 open) and 3,000 incidents, its p50/p95 for a city leader (the widest scope) and a
 * county leader, through the real app on an embedded PostgreSQL. Goal: ≤ 300 ms.
 */
import { performance } from 'node:perf_hooks';
import { chinaDate, type DataScope } from '@anjian/domain';
import { buildApp } from '../packages/server/src/app.ts';
import { systemClock } from '../packages/server/src/platform/clock.ts';
import { loadConfig } from '../packages/server/src/platform/config.ts';
import type { Db } from '../packages/server/src/platform/db.ts';
import {
  createFieldCipher,
  hashPassword,
  randomToken,
  sm3Hex,
} from '../packages/server/src/platform/crypto.ts';
import { createEnterprisesRepository } from '../packages/server/src/modules/registry/enterprises/enterprises.repository.ts';
import { createUsersRepository } from '../packages/server/src/modules/users/users.repository.ts';
import { syntheticEnterprises } from '../packages/server/src/modules/demo/synthetic-registry.ts';
import { BENCH_KEY, benchDatabase, measure, printFigures } from './support.ts';

const ENTERPRISES = 37_000;
const HAZARDS = 20_000;
const ALARMS = 5_000;
const INCIDENTS = 3_000;

async function loadRegistry(db: Db): Promise<void> {
  const enterprises = createEnterprisesRepository(db);
  const rows = syntheticEnterprises(ENTERPRISES, { seed: 13, startSerial: 1, today: chinaDate(new Date()) });
  for (let i = 0; i < rows.length; i += 2000) {
    await enterprises.insertMany(
      db,
      rows.slice(i, i + 2000).map((r) => r.enterprise),
      new Date(),
    );
  }
}

/** The other features' records, spread over the enterprises and the last year. */
async function loadActivity(db: Db, reporter: string): Promise<void> {
  // Enterprises numbered 0 … N−1, to spread the records over them without a scan per record.
  await db.query(
    `CREATE UNLOGGED TABLE bench_numbered AS SELECT id, county, row_number() OVER (ORDER BY id) - 1 AS n FROM enterprises`,
  );
  await db.query('CREATE INDEX ON bench_numbered (n)');
  await db.query(
    `INSERT INTO hidden_hazards (enterprise_id, county, source, location_text, description, category, level, status,
       supervision_level, state, reported_by, reported_at, updated_at)
     SELECT e.id, e.county, 'self_check', '压测位置', '压测隐患', '05',
            CASE WHEN g % 20 = 0 THEN 'major' ELSE 'general' END,
            (ARRAY['reported', 'rectifying', 'pending_acceptance', 'closed', 'closed', 'closed'])[1 + g % 6],
            CASE WHEN g % 50 = 0 THEN 'city' END, '{}', $1, now() - (g % 365) * interval '1 day', now()
       FROM generate_series(1, ${HAZARDS}) AS g
       JOIN bench_numbered e ON e.n = (g * 7) % ${ENTERPRISES}`,
    [reporter],
  );
  await db.query(
    `INSERT INTO regulated_objects (kind, name, enterprise_id, county, lon, lat, attributes, demo, created_at, updated_at)
     SELECT 'major_hazard_source', '压测罐区' || g, e.id, e.county, 102.3 + (g % 50) * 0.01, 24.1 + (g % 40) * 0.01, '{}', true, now(), now()
       FROM generate_series(1, 500) AS g
       JOIN bench_numbered e ON e.n = (g * 61) % ${ENTERPRISES}`,
  );
  await db.query(
    `INSERT INTO monitoring_points (code, name, object_id, enterprise_id, county, type, unit, range_min, range_max,
       expected_interval_seconds, created_at, updated_at)
     SELECT 'BENCH-' || o.id, '压测监测点', o.id, o.enterprise_id, o.county, 'combustible_gas', '%LEL', 0, 100, 60, now(), now()
       FROM regulated_objects o WHERE o.name LIKE '压测罐区%'`,
  );
  await db.query(
    `INSERT INTO alarms (point_id, object_id, enterprise_id, county, rule_id, rule_version, kind, level, colour, value,
       status, evaluation, raised_at, fired_at, respond_by, escalation, timeline, updated_at)
     SELECT p.id, p.object_id, p.enterprise_id, p.county, 'bench.' || g, 1, 'threshold', 'H',
            (ARRAY['red', 'orange', 'yellow', 'blue'])[1 + g % 4], 50,
            CASE WHEN g % 5 = 0 THEN 'firing' ELSE 'closed' END, 'firing',
            now() - (g % 300) * interval '1 hour', now() - (g % 300) * interval '1 hour', now(), 'responded', '[]', now()
       FROM generate_series(1, ${ALARMS}) AS g
       JOIN (SELECT id, object_id, enterprise_id, county, row_number() OVER (ORDER BY id) - 1 AS n FROM monitoring_points) p
         ON p.n = g % 500`,
  );
  await db.query(
    `INSERT INTO incidents (occurred_at, county, enterprise_id, location, lon, lat, accident_type, original, description,
       reporter, status, created_by, created_at, updated_at)
     SELECT now() - (g % 3000) * interval '1 day' / 3, e.county, e.id, '压测地点', 102.5, 24.3, '09',
            '{"deaths":0,"seriousInjuries":1,"directLossWan":"10"}', '压测事故', '压测',
            CASE WHEN g % 10 = 0 THEN 'open' ELSE 'closed' END, $1, now(), now()
       FROM generate_series(1, ${INCIDENTS}) AS g
       JOIN bench_numbered e ON e.n = (g * 13) % ${ENTERPRISES}`,
    [reporter],
  );
  await db.query('DROP TABLE bench_numbered');
  await db.query('ANALYZE');
}

async function sessionOf(db: Db, username: string, scope: DataScope, role: string): Promise<string> {
  const client = await db.connect();
  const id = await createUsersRepository(db).insert(client, {
    username,
    displayName: '压测',
    phoneSealed: null,
    organisation: null,
    scope,
    roles: [role],
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
    [sm3Hex(token), id],
  );
  return token;
}

const database = await benchDatabase();
const { db } = database;
try {
  const loadStart = performance.now();
  await loadRegistry(db);
  const cityToken = await sessionOf(db, 'bench_leader_city', { kind: 'city' }, 'city_officer');
  const countyToken = await sessionOf(
    db,
    'bench_leader_county',
    { kind: 'county', counties: ['530402'] },
    'county_officer',
  );
  const reporter = (
    await db.query<{ id: string }>("SELECT id FROM users WHERE username = 'bench_leader_city'")
  ).rows[0]!.id;
  await loadActivity(db, reporter);
  const loadSeconds = (performance.now() - loadStart) / 1000;

  const config = loadConfig({
    DATABASE_URL: database.url,
    FIELD_ENCRYPTION_KEY: BENCH_KEY,
    DATA_DIR: database.dataDir,
    AUTH_TOTP_REQUIRED: 'false',
  });
  const app = await buildApp({ config, db, clock: systemClock, cipher: createFieldCipher(BENCH_KEY) });
  const firstPaint = async (token: string) => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/cockpit',
      headers: { cookie: `anjian_session=${token}` },
    });
    if (response.statusCode !== 200)
      throw new Error(`/api/v1/cockpit → ${response.statusCode} ${response.body.slice(0, 200)}`);
    return response;
  };
  const figures = {
    cockpitFirstPaintCity: await measure(50, () => firstPaint(cityToken).then(() => undefined)),
    cockpitFirstPaintCounty: await measure(50, () => firstPaint(countyToken).then(() => undefined)),
    // The cheapest signed-in request, measured beside: on a shared machine it shows how much of the
    // figures above is the machine's load rather than the cockpit's work.
    baselineAuthMe: await measure(50, async () => {
      await app.inject({
        method: 'GET',
        url: '/api/v1/auth/me',
        headers: { cookie: `anjian_session=${cityToken}` },
      });
    }),
  };
  const answer = (await firstPaint(cityToken)).json() as { figures: { liveAlarms: { total: number } } };
  printFigures('cockpit', figures, {
    enterprises: ENTERPRISES,
    hazards: HAZARDS,
    alarms: ALARMS,
    openAlarms: answer.figures.liveAlarms.total,
    incidents: INCIDENTS,
    goalMs: 300,
    loadSeconds: +loadSeconds.toFixed(1),
  });
  await app.close();
} finally {
  await database.close();
}
