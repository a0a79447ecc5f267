import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Caller, type TestContext } from '../../../../test/test-app.ts';
import { allocationCalls, newIncident, newWarehouse, stockOf } from './allocation.test-support.ts';

describe('allocation orders: materials that really move', () => {
  let t: TestContext;
  let city: Caller;
  let county: Caller;
  let api: ReturnType<typeof allocationCalls>;
  let incident: string;

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    t.clock.set(new Date('2026-12-06T02:00:00Z'));
    city = await t.sessionFor(await t.createUser({ roles: ['city_officer'], scope: { kind: 'city' } }));
    county = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: ['530402'] } }),
    );
    api = allocationCalls(t, city);
    incident = await newIncident(t, '530402');
  });
  afterAll(() => t.close());

  it('moves stock from two warehouses to the scene first-expiring first, and back; the ledger balances', async () => {
    const a = await newWarehouse(t, '甲库', '530402', [
      { material: '沙袋', unit: '个', quantity: 100, minimumStock: 80, expiresOn: '2027-06-30' },
      { material: '沙袋', unit: '个', quantity: 30, minimumStock: 80, expiresOn: '2027-01-31' },
      { material: '沙袋', unit: '个', quantity: 500, minimumStock: 80, expiresOn: '2026-12-01' },
    ]);
    const b = await newWarehouse(t, '乙库', '530403', [{ material: '沙袋', unit: '个', quantity: 200 }]);

    const created = await api.create({
      incidentId: incident,
      materialName: '沙袋',
      unit: '个',
      quantity: 150,
      destinationKind: 'scene',
      destination: '红塔区事故现场东侧',
    });
    expect(created.statusCode).toBe(201);
    const order = created.json();
    expect(order).toMatchObject({ status: 'requested', county: '530402', incidentName: '测试事故现场' });
    expect(order.number).toMatch(/^DB20261206-\d{5}$/);
    expect(order.allowedActions).toEqual(['approve', 'reject', 'cancel']);

    // Sources offered: unexpired stock only (甲库's expired 500 are not).
    const sources = await t.request({
      method: 'GET',
      url: `/api/v1/emergency/allocations/${order.id}/sources`,
      as: city,
    });
    expect(
      sources
        .json()
        .items.map((s: { warehouseName: string; available: number }) => [s.warehouseName, s.available]),
    ).toEqual([
      ['乙库', 200],
      ['甲库', 130],
    ]);

    expect(
      (await api.step(order.id, { action: 'issue', sources: [{ warehouseId: a, quantity: 1 }] })).json().error
        .code,
    ).toBe('allocation.invalid_step');
    expect((await api.step(order.id, { action: 'approve', note: '同意' })).statusCode).toBe(200);

    // Not enough unexpired stock at 甲库: nothing moves anywhere.
    const short = await api.step(order.id, {
      action: 'issue',
      sources: [
        { warehouseId: b, quantity: 10 },
        { warehouseId: a, quantity: 140 },
      ],
    });
    expect(short.statusCode).toBe(409);
    expect(short.json().error.code).toBe('allocation.insufficient_stock');
    expect(await stockOf(t, a, '沙袋')).toBe(630);
    expect(await stockOf(t, b, '沙袋')).toBe(200);

    const mismatch = await api.step(order.id, {
      action: 'issue',
      sources: [{ warehouseId: a, quantity: 10 }],
    });
    expect(mismatch.json().error.code).toBe('allocation.issue_quantity_mismatch');

    const issued = await api.step(order.id, {
      action: 'issue',
      sources: [
        { warehouseId: a, quantity: 50 },
        { warehouseId: b, quantity: 100 },
      ],
    });
    expect(issued.statusCode).toBe(200);
    const afterIssue = issued.json();
    expect(afterIssue.status).toBe('issued');
    // FEFO: 30 from the January batch, then 20 from the June one; the expired batch untouched.
    const batches = await t.db.query<{ quantity: string; expires_on: string }>(
      `SELECT quantity, expires_on::text FROM emergency_materials WHERE warehouse_id = $1 ORDER BY expires_on`,
      [a],
    );
    expect(batches.rows.map((r) => [r.expires_on, Number(r.quantity)])).toEqual([
      ['2026-12-01', 500],
      ['2027-01-31', 0],
      ['2027-06-30', 80],
    ]);
    expect(
      afterIssue.movements.map(
        (m: {
          kind: string;
          warehouseName: string;
          expiresOn: string | null;
          quantity: number;
          balanceAfter: number;
        }) => [m.kind, m.warehouseName, m.expiresOn, m.quantity, m.balanceAfter],
      ),
    ).toEqual([
      ['issue', '甲库', '2027-01-31', 30, 600],
      ['issue', '甲库', '2027-06-30', 20, 580],
      ['issue', '乙库', null, 100, 100],
    ]);
    // Below the minimum (80) in the January batch row: the stock alert is raised.
    expect(afterIssue.lowStock).toEqual([]);
    const alerts = await t.request({ method: 'GET', url: '/api/v1/emergency/materials/alerts', as: city });
    expect(
      alerts
        .json()
        .items.filter(
          (m: { warehouseId: string; belowMinimum: boolean }) => m.warehouseId === a && m.belowMinimum,
        )
        .map((m: { quantity: number }) => m.quantity),
    ).toEqual([0]);

    await api.step(order.id, { action: 'transport', vehicle: '云F12345', driver: '李师傅' });
    expect((await api.step(order.id, { action: 'receive' })).json().status).toBe('received');
    await api.step(order.id, { action: 'use' });
    const tooMuch = await api.step(order.id, { action: 'return', warehouseId: b, quantity: 151 });
    expect(tooMuch.json().error.code).toBe('allocation.more_than_on_hand');
    const returned = await api.step(order.id, {
      action: 'return',
      warehouseId: b,
      quantity: 60,
      note: '剩余归还',
    });
    expect(returned.json()).toMatchObject({ status: 'in_use', returned: 60, onHand: 90 });
    expect(await stockOf(t, b, '沙袋')).toBe(160);
    const closed = await api.step(order.id, { action: 'write_off', quantity: 90, note: '堤坝加固消耗' });
    expect(closed.json()).toMatchObject({ status: 'closed', consumed: 90, onHand: 0, allowedActions: [] });
    expect(closed.json().steps.map((s: { action: string }) => s.action)).toEqual([
      'request',
      'approve',
      'issue',
      'transport',
      'receive',
      'use',
      'return',
      'write_off',
    ]);

    const summary = await t.request({
      method: 'GET',
      url: `/api/v1/emergency/allocations/ledger/summary?incidentId=${incident}`,
      as: city,
    });
    expect(summary.json().totals).toEqual({
      requested: 150,
      issued: 150,
      inTransit: 0,
      received: 150,
      returned: 60,
      consumed: 90,
      onHand: 0,
      balanced: true,
    });
    expect(
      summary
        .json()
        .warehouses.map((w: { warehouseName: string; receipts: number; issues: number; stock: number }) => [
          w.warehouseName,
          w.receipts,
          w.issues,
          w.stock,
        ]),
    ).toEqual([
      ['乙库', 60, 100, 160],
      ['甲库', 0, 50, 580],
    ]);
    const ledger = await t.request({
      method: 'GET',
      url: `/api/v1/emergency/allocations/ledger?materialName=${encodeURIComponent('沙袋')}`,
      as: city,
    });
    expect(ledger.json().total).toBe(5);
    const exported = await t.request({
      method: 'GET',
      url: `/api/v1/emergency/allocations/ledger/export?incidentId=${incident}`,
      as: city,
    });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('spreadsheetml');
  });

  it('receives into another warehouse, and records a requisition with its compensation', async () => {
    const from = await newWarehouse(t, '丙库', '530402', [
      { material: '帐篷', unit: '顶', quantity: 20, expiresOn: '2028-01-01' },
    ]);
    const to = await newWarehouse(t, '丁库', '530402', [{ material: '帐篷', unit: '顶', quantity: 5 }]);
    const enterprise = (
      await t.db.query<{ id: string }>(
        `INSERT INTO enterprises (name, credit_code, county, created_at, updated_at)
         VALUES ('征用测试企业', '91530402MA6K000017', '530402', now(), now()) RETURNING id`,
      )
    ).rows[0]!.id;
    const order = (
      await api.create({
        county: '530402',
        materialName: '帐篷',
        unit: '顶',
        quantity: 12,
        destinationKind: 'warehouse',
        destinationWarehouseId: to,
      })
    ).json();
    await api.step(order.id, { action: 'approve' });
    const same = await api.step(order.id, { action: 'issue', sources: [{ warehouseId: to, quantity: 12 }] });
    expect(same.json().error.code).toBe('allocation.same_warehouse');
    const issued = await api.step(order.id, {
      action: 'issue',
      sources: [{ warehouseId: from, quantity: 8 }],
      requisitions: [{ enterpriseId: enterprise, quantity: 4 }],
    });
    expect(issued.statusCode).toBe(200);
    expect(issued.json().requisitions).toMatchObject([
      { enterpriseName: '征用测试企业', quantity: 4, compensationStatus: 'pending', compensationYuan: null },
    ]);
    const received = await api.step(order.id, { action: 'receive' });
    expect(received.json().status).toBe('closed');
    expect(await stockOf(t, to, '帐篷')).toBe(17);
    expect(await stockOf(t, from, '帐篷')).toBe(12);
    const paid = await t.request({
      method: 'PUT',
      url: `/api/v1/emergency/allocations/requisitions/${issued.json().requisitions[0].id}/compensation`,
      payload: { compensationYuan: 2400, paidOn: '2026-12-06' },
      as: city,
    });
    expect(paid.json().requisitions[0]).toMatchObject({
      compensationYuan: 2400,
      compensationStatus: 'paid',
      paidOn: '2026-12-06',
    });
  });

  it('answers each order with its own steps, ledger lines and requisitions only, in the order they happened', async () => {
    const shelf = await newWarehouse(t, '戊库', '530402', [
      { material: '雨衣', unit: '件', quantity: 40, expiresOn: '2027-05-01' },
      { material: '雨衣', unit: '件', quantity: 40, expiresOn: '2027-02-01' },
    ]);
    const issueOrder = async (quantity: number, note: string) => {
      const order = (
        await api.create({
          county: '530402',
          materialName: '雨衣',
          unit: '件',
          quantity,
          destinationKind: 'scene',
        })
      ).json();
      await api.step(order.id, { action: 'approve', note });
      t.clock.advance(60_000);
      const issued = await api.step(order.id, {
        action: 'issue',
        sources: [{ warehouseId: shelf, quantity }],
      });
      expect(issued.statusCode).toBe(200);
      return issued.json();
    };
    const first = await issueOrder(30, '第一单');
    const second = await issueOrder(25, '第二单');
    // The second took 10 of the February batch (30 were gone with the first), then 15 of May's.
    expect(
      second.movements.map((m: { quantity: number; balanceAfter: number }) => [m.quantity, m.balanceAfter]),
    ).toEqual([
      [10, 40],
      [15, 25],
    ]);
    expect(second.steps.map((s: { action: string; note: string | null }) => [s.action, s.note])).toEqual([
      ['request', null],
      ['approve', '第二单'],
      ['issue', null],
    ]);
    expect(second.steps[2].at).toBe(new Date(t.clock.now()).toISOString());
    expect(second.requisitions).toEqual([]);
    const again = (await api.get(first.id)).json();
    expect(
      again.movements.map((m: { orderId: string; quantity: number }) => [m.orderId, m.quantity]),
    ).toEqual([[first.id, 30]]);
    expect(again.steps.map((s: { note: string | null }) => s.note)).toEqual([null, '第一单', null]);
  });

  it('keeps a county officer to the county’s warehouses and orders', async () => {
    const other = await newWarehouse(t, '外县库', '530403', [{ material: '棉被', unit: '床', quantity: 50 }]);
    const mine = await allocationCalls(t, county).create({
      incidentId: incident,
      materialName: '棉被',
      unit: '床',
      quantity: 5,
      destinationKind: 'scene',
    });
    expect(mine.statusCode).toBe(201);
    await allocationCalls(t, county).step(mine.json().id, { action: 'approve' });
    const refused = await allocationCalls(t, county).step(mine.json().id, {
      action: 'issue',
      sources: [{ warehouseId: other, quantity: 5 }],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('allocation.linked_record_not_found');
    expect(await stockOf(t, other, '棉被')).toBe(50);
    const outside = await allocationCalls(t, county).create({
      county: '530403',
      materialName: '棉被',
      unit: '床',
      quantity: 5,
      destinationKind: 'scene',
    });
    expect(outside.statusCode).toBe(403);
  });
});
