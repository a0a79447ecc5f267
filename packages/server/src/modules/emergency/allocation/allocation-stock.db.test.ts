import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Caller, type TestContext } from '../../../../test/test-app.ts';
import { allocationCalls, newIncident, newWarehouse, stockOf } from './allocation.test-support.ts';

/**
 * Stock through the real service and database: concurrent issues never oversell, and any sequence
 * of orders keeps every warehouse's stock equal to its opening stock plus the ledger's receipts
 * minus its issues.
 */
describe('allocation stock under load and in any order', () => {
  let t: TestContext;
  let city: Caller;
  let api: ReturnType<typeof allocationCalls>;
  let incident: string;

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    t.clock.set(new Date('2026-12-06T02:00:00Z'));
    city = await t.sessionFor(await t.createUser({ roles: ['city_officer'], scope: { kind: 'city' } }));
    api = allocationCalls(t, city);
    incident = await newIncident(t, '530402');
  });
  afterAll(() => t.close());

  it('120 concurrent issues against 3 warehouses never oversell', async () => {
    const warehouses = [
      await newWarehouse(t, '并发甲库', '530402', [
        { material: '救生衣', unit: '件', quantity: 40, expiresOn: '2027-03-01' },
        { material: '救生衣', unit: '件', quantity: 25 },
      ]),
      await newWarehouse(t, '并发乙库', '530402', [{ material: '救生衣', unit: '件', quantity: 50 }]),
      await newWarehouse(t, '并发丙库', '530402', [{ material: '救生衣', unit: '件', quantity: 30 }]),
    ];
    const orders: { id: string; sources: { warehouseId: string; quantity: number }[] }[] = [];
    for (let i = 0; i < 120; i++) {
      // Some orders take from two warehouses at once, in either order (no deadlock).
      const first = warehouses[i % 3]!;
      const second = warehouses[(i + 1) % 3]!;
      const sources =
        i % 4 === 0
          ? [
              { warehouseId: i % 8 === 0 ? first : second, quantity: 1 },
              { warehouseId: i % 8 === 0 ? second : first, quantity: 2 },
            ]
          : [{ warehouseId: first, quantity: 1 + (i % 3) }];
      const quantity = sources.reduce((q, s) => q + s.quantity, 0);
      // Approved orders straight into the table: the set-up is not what is under test.
      const row = await t.db.query<{ id: string }>(
        `INSERT INTO allocation_orders (number, incident_id, county, material_name, unit, quantity, destination_kind, status,
           created_at, updated_at)
         VALUES ('DB-LOAD-' || nextval('allocation_order_serial'), $1, '530402', '救生衣', '件', $2, 'scene', 'approved', now(), now())
         RETURNING id`,
        [incident, quantity],
      );
      orders.push({ id: row.rows[0]!.id, sources });
    }
    const results = await Promise.all(
      orders.map((o) => api.step(o.id, { action: 'issue', sources: o.sources })),
    );
    const codes = results.map((r) => (r.statusCode === 200 ? 'ok' : r.json().error.code));
    expect(new Set(codes)).toEqual(new Set(['ok', 'allocation.insufficient_stock']));

    const issuedBy = new Map<string, number>();
    results.forEach((r, i) => {
      if (r.statusCode !== 200) return;
      for (const s of orders[i]!.sources)
        issuedBy.set(s.warehouseId, (issuedBy.get(s.warehouseId) ?? 0) + s.quantity);
    });
    const opening = [65, 50, 30];
    for (const [index, w] of warehouses.entries()) {
      const stock = await stockOf(t, w, '救生衣');
      expect(stock).toBeGreaterThanOrEqual(0);
      expect(stock).toBe(opening[index]! - (issuedBy.get(w) ?? 0));
    }
    // Oversold nothing: what went out is at most what was held (145), though demand was above it.
    const total = [...issuedBy.values()].reduce((a, b) => a + b, 0);
    expect(orders.reduce((q, o) => q + o.sources.reduce((a, s) => a + s.quantity, 0), 0)).toBeGreaterThan(
      145,
    );
    expect(total).toBeLessThanOrEqual(145);
    const negative = await t.db.query('SELECT 1 FROM emergency_materials WHERE quantity < 0');
    expect(negative.rowCount).toBe(0);
  });

  it('any sequence of orders keeps stock = opening + receipts − issues (property, through the service)', async () => {
    let round = 0;
    const step = fc.record({
      sources: fc.array(
        fc.record({ w: fc.integer({ min: 0, max: 2 }), q: fc.integer({ min: 1, max: 25 }) }),
        {
          minLength: 1,
          maxLength: 2,
        },
      ),
      destination: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 2 })),
      returned: fc.integer({ min: 0, max: 100 }),
      returnTo: fc.integer({ min: 0, max: 2 }),
      receive: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 6 }), async (steps) => {
        round += 1;
        const material = `性质物资${round}`;
        const opening = [30, 20, 10];
        const warehouses = [
          await newWarehouse(t, `性质甲库${round}`, '530402', [
            { material, unit: '个', quantity: 12, expiresOn: '2027-05-01' },
            { material, unit: '个', quantity: 18, expiresOn: '2027-02-01' },
          ]),
          await newWarehouse(t, `性质乙库${round}`, '530402', [{ material, unit: '个', quantity: 20 }]),
          await newWarehouse(t, `性质丙库${round}`, '530402', [
            { material, unit: '个', quantity: 10, expiresOn: '2026-12-01' },
          ]),
        ];
        opening[2] = 10; // expired: held but never issued
        for (const s of steps) {
          const bySource = new Map<number, number>();
          for (const src of s.sources) bySource.set(src.w, (bySource.get(src.w) ?? 0) + src.q);
          if (s.destination !== null) bySource.delete(s.destination);
          if (bySource.size === 0) continue;
          const quantity = [...bySource.values()].reduce((a, b) => a + b, 0);
          const created = await api.create({
            incidentId: incident,
            materialName: material,
            unit: '个',
            quantity,
            ...(s.destination === null
              ? { destinationKind: 'scene' }
              : { destinationKind: 'warehouse', destinationWarehouseId: warehouses[s.destination] }),
          });
          const id = created.json().id as string;
          await api.step(id, { action: 'approve' });
          const issued = await api.step(id, {
            action: 'issue',
            sources: [...bySource].map(([w, q]) => ({ warehouseId: warehouses[w], quantity: q })),
          });
          if (issued.statusCode !== 200) {
            expect(issued.json().error.code).toBe('allocation.insufficient_stock');
            continue;
          }
          if (!s.receive) continue;
          expect((await api.step(id, { action: 'receive' })).statusCode).toBe(200);
          if (s.destination !== null) continue;
          const back = Math.floor((quantity * s.returned) / 100);
          if (back > 0)
            expect(
              (await api.step(id, { action: 'return', warehouseId: warehouses[s.returnTo], quantity: back }))
                .statusCode,
            ).toBe(200);
          if (quantity - back > 0)
            expect((await api.step(id, { action: 'write_off', quantity: quantity - back })).statusCode).toBe(
              200,
            );
        }
        for (const [index, w] of warehouses.entries()) {
          const lines = await t.db.query<{ receipts: string; issues: string }>(
            `SELECT coalesce(sum(quantity) FILTER (WHERE kind IN ('receipt', 'return')), 0) AS receipts,
                    coalesce(sum(quantity) FILTER (WHERE kind = 'issue'), 0) AS issues
             FROM allocation_movements WHERE warehouse_id = $1`,
            [w],
          );
          const stock = await stockOf(t, w, material);
          expect(stock).toBeGreaterThanOrEqual(0);
          expect(stock).toBe(
            opening[index]! + Number(lines.rows[0]!.receipts) - Number(lines.rows[0]!.issues),
          );
          // Each ledger line's balance is the one before it plus its own movement.
          const balances = await t.db.query<{ kind: string; quantity: string; balance_after: string }>(
            'SELECT kind, quantity, balance_after FROM allocation_movements WHERE warehouse_id = $1 ORDER BY id',
            [w],
          );
          let running = opening[index]!;
          for (const line of balances.rows) {
            running += line.kind === 'issue' ? -Number(line.quantity) : Number(line.quantity);
            expect(Number(line.balance_after)).toBe(running);
          }
        }
        const summary = await t.request({
          method: 'GET',
          url: `/api/v1/emergency/allocations/ledger/summary?materialName=${encodeURIComponent(material)}`,
          as: city,
        });
        expect(summary.json().totals.balanced).toBe(true);
      }),
      { numRuns: 12 },
    );
  });
});
