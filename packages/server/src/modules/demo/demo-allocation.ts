import type { AllocationOrderInput, AllocationStepInput } from '@anjian/domain';
import type { AuthContext } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import { createAllocationRepository } from '../emergency/allocation/allocation.repository.ts';
import { createAllocationService } from '../emergency/allocation/allocation.service.ts';
import { createEnterprisesRepository } from '../registry/enterprises/enterprises.repository.ts';
import { systemUserId } from '../users/system-author.ts';

const DEMO_KEY = 'demo.allocation';

/**
 * Demo allocation orders (演示), all for one demo incident, in several states: closed after a
 * return and a write-off, in use, in transit, issued with a requisition, approved, requested. They
 * go through the service, so stock really moves and the ledger balances.
 */
export async function loadDemoAllocation(deps: { db: Db; clock: Clock }): Promise<boolean> {
  const { db, clock } = deps;
  if ((await db.query('SELECT 1 FROM settings WHERE key = $1', [DEMO_KEY])).rowCount) return false;
  const warehouses = await db.query<{ id: string; name: string }>(
    `SELECT id, name FROM emergency_resources WHERE kind = 'warehouse' AND demo AND name IN
       ('玉溪市应急物资储备库（演示）', '研和园区危化品应急物资点（演示）')`,
  );
  const warehouse = (name: string) => warehouses.rows.find((w) => w.name.startsWith(name))?.id;
  const city = warehouse('玉溪市应急物资储备库');
  const park = warehouse('研和园区危化品应急物资点');
  if (!city || !park) return false;
  const author = await systemUserId(db);
  const now = clock.now();
  const incident = await db.query<{ id: string }>(
    // Not counted as a production-safety accident: the statistics stay those of their own demo data.
    `INSERT INTO incidents (occurred_at, county, location, lon, lat, accident_type, original, description, reporter, created_by,
       created_at, updated_at, counts_as_production, count_reason)
     VALUES ($1, '530402', '研和工业园区化工储罐区（演示）', 102.497, 24.262, 'WSA10099',
       '{"deaths":0,"seriousInjuries":0,"directLossWan":"0"}',
       '【演示】储罐区盐酸泄漏，现场围堵、中和处置（演示数据，非真实事件）', '演示', $2, $1, $1, false,
       '演示数据，不计入统计') RETURNING id`,
    [new Date(now.getTime() - 6 * 3_600_000), author],
  );
  const incidentId = incident.rows[0]!.id;
  const enterprise = await db.query<{ id: string }>(
    `SELECT id FROM enterprise_directory WHERE county = '530402' AND demo AND status = 'operating' ORDER BY name, id LIMIT 1`,
  );

  const auth = {
    sessionId: 'demo',
    userId: author,
    username: 'system',
    roles: [],
    permissions: new Set(['emergency:read', 'emergency:write']),
    scope: { kind: 'city' },
    clearance: 'sensitive',
    csrfToken: '',
    mustChangePassword: false,
    mustEnrolTotp: false,
  } as AuthContext;
  const service = createAllocationService({
    db,
    clock,
    allocation: createAllocationRepository(db),
    enterprises: createEnterprisesRepository(db),
  });
  const order = async (
    input: Omit<AllocationOrderInput, 'incidentId' | 'destinationKind'>,
    steps: AllocationStepInput[],
  ) => {
    const created = await service.create(
      auth,
      { incidentId, destinationKind: 'scene', destination: '研和工业园区化工储罐区东门', ...input },
      { demo: true },
    );
    for (const step of steps) await service.step(auth, created.id, step);
  };
  const issue = (warehouseId: string, quantity: number): AllocationStepInput => ({
    action: 'issue',
    sources: [{ warehouseId, quantity }],
    requisitions: [],
  });
  const transport: AllocationStepInput = {
    action: 'transport',
    vehicle: '云F·A1234（演示）',
    driver: '王师傅',
  };

  await order({ materialName: '吸附棉', unit: '包', quantity: 60, notes: '围堵泄漏物（演示）' }, [
    { action: 'approve', note: '同意调拨' },
    issue(city, 60),
    transport,
    { action: 'receive' },
    { action: 'use' },
    { action: 'return', warehouseId: city, quantity: 20, note: '未拆封部分归还' },
    { action: 'write_off', quantity: 40, note: '处置中消耗' },
  ]);
  await order({ materialName: '中和剂（碳酸氢钠）', unit: '吨', quantity: 4 }, [
    { action: 'approve' },
    issue(park, 4),
    transport,
    { action: 'receive' },
    { action: 'use' },
  ]);
  await order({ materialName: '正压式空气呼吸器', unit: '套', quantity: 10 }, [
    { action: 'approve' },
    issue(city, 10),
    transport,
  ]);
  if (enterprise.rows[0])
    await order({ materialName: '消防泡沫液', unit: '吨', quantity: 3 }, [
      { action: 'approve' },
      {
        action: 'issue',
        sources: [{ warehouseId: park, quantity: 2 }],
        requisitions: [
          {
            enterpriseId: enterprise.rows[0].id,
            quantity: 1,
            compensationYuan: 3600,
            notes: '按市价补偿（演示）',
          },
        ],
      },
    ]);
  await order({ materialName: '重型防化服', unit: '套', quantity: 6 }, [{ action: 'approve' }]);
  await order({ materialName: '堵漏胶', unit: '支', quantity: 10 }, []);
  await db.query('INSERT INTO settings (key, value) VALUES ($1, $2)', [
    DEMO_KEY,
    JSON.stringify({ loadedAt: now.toISOString() }),
  ]);
  return true;
}
