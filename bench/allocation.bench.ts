/**
 * Allocation benchmark (issue 18): 1,000 concurrent issue requests against 10 warehouses. Prints,
 * for each round, the oversells (must be 0: no warehouse gives out more than it held, no batch below
 * zero, stock = opening − what the answered issues took) and the time until every request has
 * settled (goal ≤ 5 s). Two rounds on fresh stock: through the app (HTTP, session, CSRF, the audit
 * chain's append on every change) and through the allocation service alone (its transactions and
 * locks), so the figure shows where the time goes. Each path runs BENCH_ROUNDS rounds (default 3,
 * alternating, each on fresh stock); the figure is the median round, and every round is printed.
 */
import { performance } from 'node:perf_hooks';
import type { AuthContext } from '../packages/server/src/platform/access.ts';
import { systemClock } from '../packages/server/src/platform/clock.ts';
import { createAllocationRepository } from '../packages/server/src/modules/emergency/allocation/allocation.repository.ts';
import { createAllocationService } from '../packages/server/src/modules/emergency/allocation/allocation.service.ts';
import { createEnterprisesRepository } from '../packages/server/src/modules/registry/enterprises/enterprises.repository.ts';
import { seededRandom } from '../packages/server/src/modules/demo/synthetic-registry.ts';
import { DomainError } from '@anjian/domain';
import { benchApp, benchDatabase, printFigures, type Figure } from './support.ts';

const WAREHOUSES = 10;
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
const REQUESTS = 1_000;
type Plan = { id: string; sources: { warehouseId: string; quantity: number }[] };

const database = await benchDatabase();
const { db } = database;
try {
  const random = seededRandom(18);

  /** Ten warehouses of 250 units each (three batches, two dated) and 1,000 approved orders, 1–6 each. */
  async function stage(material: string): Promise<{ plans: Plan[]; warehouses: string[] }> {
    const warehouses: string[] = [];
    for (let w = 0; w < WAREHOUSES; w++) {
      const row = await db.query<{ id: string }>(
        `INSERT INTO emergency_resources (kind, name, county, lon, lat, attributes, demo, created_at, updated_at)
         VALUES ('warehouse', $1, '530402', 102.55, 24.35, '{}', true, now(), now()) RETURNING id`,
        [`压测物资库${material}${w}`],
      );
      const id = row.rows[0]!.id;
      warehouses.push(id);
      for (const [quantity, expiresOn] of [
        [100, '2027-03-31'],
        [80, '2027-09-30'],
        [70, null],
      ] as const)
        await db.query(
          `INSERT INTO emergency_materials (warehouse_id, name, unit, quantity, minimum_stock, expires_on) VALUES ($1, $2, '个', $3, 50, $4)`,
          [id, material, quantity, expiresOn],
        );
    }
    // About 3,300 asked for against 2,500 held: some must be refused, none oversold.
    const plans: Plan[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const first = Math.floor(random() * WAREHOUSES);
      const sources = [{ warehouseId: warehouses[first]!, quantity: 1 + Math.floor(random() * 5) }];
      if (random() < 0.2)
        sources.push({
          warehouseId: warehouses[(first + 1 + Math.floor(random() * 9)) % WAREHOUSES]!,
          quantity: 1,
        });
      const quantity = sources.reduce((q, s) => q + s.quantity, 0);
      const row = await db.query<{ id: string }>(
        `INSERT INTO allocation_orders (number, county, material_name, unit, quantity, destination_kind, status, created_at, updated_at)
         VALUES ('DB-BENCH-' || nextval('allocation_order_serial'), '530402', $1, '个', $2, 'scene', 'approved', now(), now())
         RETURNING id`,
        [material, quantity],
      );
      plans.push({ id: row.rows[0]!.id, sources });
    }
    await db.query('ANALYZE');
    return { plans, warehouses };
  }

  /** Fires every issue at once; answers the round's figures. */
  async function round(material: string, issue: (plan: Plan) => Promise<string>) {
    const { plans, warehouses } = await stage(material);
    const latencies: number[] = [];
    const start = performance.now();
    const outcomes = await Promise.all(
      plans.map(async (plan) => {
        const begun = performance.now();
        const outcome = await issue(plan);
        latencies.push(performance.now() - begun);
        return outcome;
      }),
    );
    const settleMs = performance.now() - start;
    const counted = new Map<string, number>();
    const issuedBy = new Map<string, number>();
    outcomes.forEach((outcome, i) => {
      counted.set(outcome, (counted.get(outcome) ?? 0) + 1);
      if (outcome === 'issued')
        for (const s of plans[i]!.sources)
          issuedBy.set(s.warehouseId, (issuedBy.get(s.warehouseId) ?? 0) + s.quantity);
    });
    let oversells = 0;
    for (const w of warehouses) {
      const stock = await db.query<{ q: string; negative: number }>(
        `SELECT sum(quantity) AS q, count(*) FILTER (WHERE quantity < 0)::int AS negative FROM emergency_materials WHERE warehouse_id = $1`,
        [w],
      );
      const issued = issuedBy.get(w) ?? 0;
      if (issued > 250) oversells += 1;
      if (stock.rows[0]!.negative > 0) oversells += 1;
      if (Number(stock.rows[0]!.q) !== 250 - issued) oversells += 1;
    }
    latencies.sort((a, b) => a - b);
    const at = (p: number) =>
      +latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)]!.toFixed(2);
    const figure: Figure = { n: REQUESTS, p50: at(50), p95: at(95) };
    return { figure, oversells, settleMs: Math.round(settleMs), outcomes: Object.fromEntries(counted) };
  }

  const bench = await benchApp(database, { username: 'bench_allocation', displayName: '调拨' });
  const { app } = bench;
  const headers = { ...bench.headers, 'x-csrf-token': 'x' };

  const throughApp = async (plan: Plan) => {
    const answer = await app.inject({
      method: 'POST',
      url: `/api/v1/emergency/allocations/${plan.id}/steps`,
      headers,
      payload: { action: 'issue', sources: plan.sources },
    });
    return answer.statusCode === 200 ? 'issued' : (answer.json().error?.code ?? String(answer.statusCode));
  };

  const service = createAllocationService({
    db,
    clock: systemClock,
    allocation: createAllocationRepository(db),
    enterprises: createEnterprisesRepository(db),
  });
  const auth = {
    sessionId: 'bench',
    userId: bench.userId,
    username: 'bench_allocation',
    roles: ['city_officer'],
    permissions: new Set(['emergency:read', 'emergency:write']),
    scope: { kind: 'city', clearance: 'internal' },
    clearance: 'internal',
    csrfToken: 'x',
    mustChangePassword: false,
    mustEnrolTotp: false,
  } satisfies AuthContext;
  const throughService = async (plan: Plan) => {
    try {
      await service.step(auth, plan.id, { action: 'issue', sources: plan.sources, requisitions: [] });
      return 'issued';
    } catch (error) {
      if (error instanceof DomainError) return error.code;
      throw error;
    }
  };

  type Round = Awaited<ReturnType<typeof round>>;
  const httpRounds: Round[] = [];
  const serviceRounds: Round[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    httpRounds.push(await round(`沙袋${r}`, throughApp));
    serviceRounds.push(await round(`编织袋${r}`, throughService));
  }
  /** The median round by settling time; oversells are counted over every round. */
  const summary = (rounds: Round[]) => {
    const sorted = [...rounds].sort((a, b) => a.settleMs - b.settleMs);
    const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
    return {
      ...median,
      oversells: rounds.reduce((n, r) => n + r.oversells, 0),
      rounds: rounds.map((r) => r.settleMs),
    };
  };
  const http = summary(httpRounds);
  const direct = summary(serviceRounds);

  printFigures(
    'allocation',
    { issueHttp: http.figure, issueService: direct.figure },
    {
      warehouses: WAREHOUSES,
      concurrentIssues: REQUESTS,
      oversellsHttp: http.oversells,
      oversellsService: direct.oversells,
      settleMsHttp: http.settleMs,
      settleMsService: direct.settleMs,
      settleGoalMs: 5000,
      roundsMsHttp: http.rounds,
      roundsMsService: direct.rounds,
      outcomesHttp: http.outcomes,
      outcomesService: direct.outcomes,
    },
  );
  console.log(
    `(1,000 concurrent issues against 10 warehouses, median of ${ROUNDS} rounds — through the app: ${http.oversells} oversells, settled in ${(http.settleMs / 1000).toFixed(2)} s; through the service: ${direct.oversells} oversells, settled in ${(direct.settleMs / 1000).toFixed(2)} s; goal ≤ 5 s)`,
  );
  await app.close();
} finally {
  await database.close();
}
