import type { Caller, TestContext } from '../../../../test/test-app.ts';

/** A warehouse with batches of one material, straight into the tables (as the library page would). */
export async function newWarehouse(
  t: TestContext,
  name: string,
  county: string,
  batches: { material: string; unit: string; quantity: number; minimumStock?: number; expiresOn?: string }[],
): Promise<string> {
  const row = await t.db.query<{ id: string }>(
    `INSERT INTO emergency_resources (kind, name, county, lon, lat, created_at, updated_at)
     VALUES ('warehouse', $1, $2, 102.55, 24.35, now(), now()) RETURNING id`,
    [name, county],
  );
  const id = row.rows[0]!.id;
  for (const b of batches)
    await t.db.query(
      `INSERT INTO emergency_materials (warehouse_id, name, unit, quantity, minimum_stock, expires_on) VALUES ($1, $2, $3, $4, $5, $6)`,
      [id, b.material, b.unit, b.quantity, b.minimumStock ?? null, b.expiresOn ?? null],
    );
  return id;
}

export async function newIncident(
  t: TestContext,
  county: string,
  location = '测试事故现场',
): Promise<string> {
  const row = await t.db.query<{ id: string }>(
    `INSERT INTO incidents (occurred_at, county, location, accident_type, original, description, reporter, created_by, created_at, updated_at)
     VALUES ('2026-11-29T01:00:00Z', $1, $2, '09', '{"deaths":0,"seriousInjuries":1,"directLossWan":"10"}', '测试事故', '测试',
             (SELECT id FROM users LIMIT 1), now(), now()) RETURNING id`,
    [county, location],
  );
  return row.rows[0]!.id;
}

/** The stock of a material in a warehouse, all batches, as the table holds it. */
export async function stockOf(t: TestContext, warehouseId: string, material: string): Promise<number> {
  const row = await t.db.query<{ q: string }>(
    'SELECT coalesce(sum(quantity), 0) AS q FROM emergency_materials WHERE warehouse_id = $1 AND name = $2',
    [warehouseId, material],
  );
  return Number(row.rows[0]!.q);
}

export function allocationCalls(t: TestContext, as: Caller) {
  return {
    create: (payload: Record<string, unknown>) =>
      t.request({ method: 'POST', url: '/api/v1/emergency/allocations', payload, as }),
    step: (id: string, payload: Record<string, unknown>) =>
      t.request({ method: 'POST', url: `/api/v1/emergency/allocations/${id}/steps`, payload, as }),
    get: (id: string) => t.request({ method: 'GET', url: `/api/v1/emergency/allocations/${id}`, as }),
  };
}
