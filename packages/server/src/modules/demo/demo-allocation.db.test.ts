import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, TEST_FIELD_KEY } from '../../../test/test-app.ts';
import { createManualClock } from '../../platform/clock.ts';
import { createFieldCipher } from '../../platform/crypto.ts';
import { loadDemoAllocation } from './demo-allocation.ts';
import { loadDemoEmergency } from './demo-emergency.ts';
import { loadDemoRegistry } from './demo-data.ts';

describe('demo allocation orders (演示)', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('loads once: orders in several states for one demo incident, stock moved, the ledger balanced', async () => {
    const { db } = database;
    const clock = createManualClock(new Date('2026-12-06T02:00:00Z'));
    const cipher = createFieldCipher(TEST_FIELD_KEY);
    await loadDemoRegistry({ db, clock, cipher });
    await loadDemoEmergency({ db, clock, cipher });
    expect(await loadDemoAllocation({ db, clock })).toBe(true);
    expect(await loadDemoAllocation({ db, clock })).toBe(false);

    const orders = await db.query<{
      material_name: string;
      status: string;
      demo: boolean;
      incidents: number;
    }>(
      `SELECT material_name, status, demo, count(*) OVER (PARTITION BY incident_id)::int AS incidents
       FROM allocation_orders ORDER BY created_at, number`,
    );
    expect(orders.rows.map((r) => [r.material_name, r.status])).toEqual([
      ['吸附棉', 'closed'],
      ['中和剂（碳酸氢钠）', 'in_use'],
      ['正压式空气呼吸器', 'in_transit'],
      ['消防泡沫液', 'issued'],
      ['重型防化服', 'approved'],
      ['堵漏胶', 'requested'],
    ]);
    expect(orders.rows.every((r) => r.demo && r.incidents === 6)).toBe(true);
    const incident = await db.query<{ description: string }>(
      'SELECT description FROM incidents i JOIN allocation_orders o ON o.incident_id = i.id LIMIT 1',
    );
    expect(incident.rows[0]!.description).toContain('演示');

    // 400 吸附棉 − 60 issued + 20 returned; 8 t 中和剂 − 4 (below the minimum of 5: an alert).
    const stock = await db.query<{ name: string; quantity: string; minimum_stock: string | null }>(
      `SELECT name, quantity, minimum_stock FROM emergency_materials WHERE name IN ('吸附棉', '中和剂（碳酸氢钠）') ORDER BY name`,
    );
    expect(stock.rows.map((r) => [r.name, Number(r.quantity)])).toEqual([
      ['中和剂（碳酸氢钠）', 4],
      ['吸附棉', 360],
    ]);
    const requisition = await db.query<{ compensation_yuan: string; compensation_status: string }>(
      'SELECT compensation_yuan, compensation_status FROM allocation_requisitions',
    );
    expect(requisition.rows).toEqual([{ compensation_yuan: '3600', compensation_status: 'agreed' }]);
  });
});
