/**
 * Allocation benchmark (issue 18): 1,000 concurrent issue requests against 10 warehouses through
 * the real app. Prints the oversells (must be 0: no warehouse gives out more than it held, no batch
 * below zero) and the time until every request has settled (goal ≤ 5 s).
 */
import { performance } from 'node:perf_hooks';
import { buildApp } from '../packages/server/src/app.ts';
import { systemClock } from '../packages/server/src/platform/clock.ts';
import { loadConfig } from '../packages/server/src/platform/config.ts';
import { createFieldCipher, hashPassword, randomToken, sm3Hex } from '../packages/server/src/platform/crypto.ts';
import { createUsersRepository } from '../packages/server/src/modules/users/users.repository.ts';
import { seededRandom } from '../packages/server/src/modules/demo/synthetic-registry.ts';
import { BENCH_KEY, benchDatabase, printFigures } from './support.ts';

const WAREHOUSES = 10;
const REQUESTS = 1_000;
const database = await benchDatabase();
const { db } = database;
try {
  const random = seededRandom(18);
  const warehouses: string[] = [];
  const opening = new Map<string, number>();
  for (let w = 0; w < WAREHOUSES; w++) {
    const row = await db.query<{ id: string }>(
      `INSERT INTO emergency_resources (kind, name, county, lon, lat, attributes, demo, created_at, updated_at)
       VALUES ('warehouse', $1, '530402', 102.55, 24.35, '{}', true, now(), now()) RETURNING id`,
      [`压测物资库${w}`],
    );
    const id = row.rows[0]!.id;
    warehouses.push(id);
    // Three batches each, two dated: 250 units a warehouse, 2,500 in all.
    for (const [quantity, expiresOn] of [
      [100, '2027-03-31'],
      [80, '2027-09-30'],
      [70, null],
    ] as const)
      await db.query(
        `INSERT INTO emergency_materials (warehouse_id, name, unit, quantity, minimum_stock, expires_on) VALUES ($1, '沙袋', '个', $2, 50, $3)`,
        [id, quantity, expiresOn],
      );
    opening.set(id, 250);
  }
  // 1,000 approved orders, each for 1–5 bags from one warehouse or two: about 3,300 asked for 2,500 held.
  const plans: { id: string; sources: { warehouseId: string; quantity: number }[] }[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const first = Math.floor(random() * WAREHOUSES);
    const sources = [{ warehouseId: warehouses[first]!, quantity: 1 + Math.floor(random() * 5) }];
    if (random() < 0.2)
      sources.push({ warehouseId: warehouses[(first + 1 + Math.floor(random() * 9)) % WAREHOUSES]!, quantity: 1 });
    const quantity = sources.reduce((q, s) => q + s.quantity, 0);
    const row = await db.query<{ id: string }>(
      `INSERT INTO allocation_orders (number, county, material_name, unit, quantity, destination_kind, status, created_at, updated_at)
       VALUES ('DB-BENCH-' || nextval('allocation_order_serial'), '530402', '沙袋', '个', $1, 'scene', 'approved', now(), now())
       RETURNING id`,
      [quantity],
    );
    plans.push({ id: row.rows[0]!.id, sources });
  }
  await db.query('ANALYZE');

  const client = await db.connect();
  const officer = await createUsersRepository(db).insert(client, {
    username: 'bench_allocation',
    displayName: '调拨',
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
  const headers = { cookie: `anjian_session=${token}`, 'x-csrf-token': 'x' };

  const latencies: number[] = [];
  const start = performance.now();
  const answers = await Promise.all(
    plans.map(async (plan) => {
      const begun = performance.now();
      const response = await app.inject({
        method: 'POST',
        url: `/api/v1/emergency/allocations/${plan.id}/steps`,
        headers,
        payload: { action: 'issue', sources: plan.sources },
      });
      latencies.push(performance.now() - begun);
      return response;
    }),
  );
  const settleMs = performance.now() - start;

  const outcomes = new Map<string, number>();
  const issuedBy = new Map<string, number>();
  answers.forEach((answer, i) => {
    const outcome = answer.statusCode === 200 ? 'issued' : (answer.json().error?.code ?? String(answer.statusCode));
    outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    if (answer.statusCode === 200)
      for (const s of plans[i]!.sources) issuedBy.set(s.warehouseId, (issuedBy.get(s.warehouseId) ?? 0) + s.quantity);
  });
  // An oversell: a warehouse that gave out more than it held, a batch below zero, or stock that does
  // not equal the opening stock less what the answered issues took.
  let oversells = 0;
  for (const w of warehouses) {
    const stock = await db.query<{ q: string; negative: number }>(
      `SELECT sum(quantity) AS q, count(*) FILTER (WHERE quantity < 0)::int AS negative FROM emergency_materials WHERE warehouse_id = $1`,
      [w],
    );
    const issued = issuedBy.get(w) ?? 0;
    if (issued > opening.get(w)!) oversells += 1;
    if (stock.rows[0]!.negative > 0) oversells += 1;
    if (Number(stock.rows[0]!.q) !== opening.get(w)! - issued) oversells += 1;
  }
  latencies.sort((a, b) => a - b);
  const at = (p: number) => +latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)]!.toFixed(2);
  printFigures(
    'allocation',
    { issueRequest: { n: REQUESTS, p50: at(50), p95: at(95) } },
    {
      warehouses: WAREHOUSES,
      concurrentIssues: REQUESTS,
      oversells,
      settleMs: Math.round(settleMs),
      settleGoalMs: 5000,
      outcomes: Object.fromEntries(outcomes),
    },
  );
  console.log(
    `(1,000 concurrent issues against 10 warehouses: ${oversells} oversells, settled in ${(settleMs / 1000).toFixed(2)} s; goal ≤ 5 s)`,
  );
  await app.close();
} finally {
  await database.close();
}
