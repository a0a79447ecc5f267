/**
 * Registry benchmark (issue 3): 37,000 enterprises (the plan's count of registered enterprises)
 * and 5,000 regulated objects; p50/p95 of a filtered list page, a name search, the whole-city map
 * layer, and the Excel export of all 37,000 rows, through the real app on an embedded PostgreSQL.
 * Goals on the 2-core reference machine: list and search p95 ≤ 50 ms, map ≤ 300 ms, export ≤ 10 s.
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
  syntheticEnterprises,
  seededRandom,
} from '../packages/server/src/modules/demo/synthetic-registry.ts';
import { BENCH_KEY, benchDatabase, measure, printFigures } from './support.ts';

const ENTERPRISES = 37_000;
const OBJECTS = 5_000;

const database = await benchDatabase();
const { db } = database;
try {
  const loadStart = performance.now();
  const enterprises = createEnterprisesRepository(db);
  const rows = syntheticEnterprises(ENTERPRISES, {
    seed: 37,
    startSerial: 1,
    today: chinaDate(new Date()),
  });
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += 2000) {
    const batch = rows.slice(i, i + 2000);
    const inserted = await enterprises.insertMany(
      db,
      batch.map((r) => r.enterprise),
      new Date(),
    );
    await enterprises.insertLicences(
      db,
      batch.flatMap((r) =>
        r.licences.map((l) => ({ ...l, enterpriseId: inserted.get(r.enterprise.creditCode)! })),
      ),
    );
    ids.push(...batch.map((r) => inserted.get(r.enterprise.creditCode)!));
  }
  const random = seededRandom(5000);
  const kinds = ['major_hazard_source', 'tailings_pond', 'underground_mine', 'waste_dump'];
  await db.query(
    `INSERT INTO regulated_objects (kind, name, enterprise_id, county, lon, lat, attributes, demo, created_at, updated_at)
     SELECT k, n, e::uuid, c, lo, la, '{}', true, now(), now()
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::float8[]) AS u(k, n, e, c, lo, la)`,
    (() => {
      const columns: unknown[][] = [[], [], [], [], [], []];
      for (let i = 0; i < OBJECTS; i++) {
        const owner = rows[Math.floor(random() * rows.length)]!;
        const index = rows.indexOf(owner);
        columns[0]!.push(kinds[i % kinds.length]);
        columns[1]!.push(`演示对象${i}`);
        columns[2]!.push(ids[index]);
        columns[3]!.push(owner.enterprise.county);
        columns[4]!.push(owner.enterprise.location!.lon);
        columns[5]!.push(owner.enterprise.location!.lat);
      }
      return columns;
    })(),
  );
  await db.query('ANALYZE');
  const loadSeconds = (performance.now() - loadStart) / 1000;

  const users = createUsersRepository(db);
  const client = await db.connect();
  const officer = await users.insert(client, {
    username: 'bench_city',
    displayName: '压测',
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
  const headers = { cookie: `anjian_session=${token}` };
  const get = async (url: string) => {
    const response = await app.inject({ method: 'GET', url, headers });
    if (response.statusCode !== 200)
      throw new Error(`${url} → ${response.statusCode} ${response.body.slice(0, 200)}`);
    return response;
  };
  const counties = ['530402', '530403', '530423', '530424', '530425', '530426', '530427', '530428', '530481'];
  const sectors = ['commerce', 'machinery', 'building_materials', 'light_industry', 'construction'];
  const words = ['恒通', '鑫源', '宏达', '玉溪', '化工', '矿业', '物流', '建材', '0421', '有限公司1'];

  const figures = {
    listPage: await measure(200, async (i) => {
      await get(
        `/api/v1/enterprises?county=${counties[i % 9]}&sector=${sectors[i % 5]}&page=${1 + (i % 5)}&pageSize=20`,
      );
    }),
    nameSearch: await measure(200, async (i) => {
      await get(`/api/v1/enterprises?q=${encodeURIComponent(words[i % words.length]!)}&pageSize=20`);
    }),
    cityMapLayer: await measure(30, async () => {
      await get('/api/v1/map/enterprises');
    }),
    exportAll: await measure(
      3,
      async () => {
        const response = await get('/api/v1/enterprises/export');
        if (response.rawPayload.length < 1_000_000) throw new Error('export too small');
      },
      1,
    ),
  };
  const mapPoints = (await get('/api/v1/map/enterprises')).json().points.length;
  printFigures('registry', figures, {
    enterprises: ENTERPRISES,
    objects: OBJECTS,
    mapPoints,
    loadSeconds: +loadSeconds.toFixed(1),
  });
  await app.close();
} finally {
  await database.close();
}
