import { generateSyntheticCreditCode, type MajorHazardUnitInput } from '@anjian/domain';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import { createEnterprisesRepository } from '../registry/enterprises/enterprises.repository.ts';
import { createObjectsRepository } from '../registry/objects/objects.repository.ts';
import { createMajorHazardsModule } from '../major-hazards/major-hazards.module.ts';
import { namedEnterprises } from './demo-named-sites.ts';

const DEMO_KEY = 'demo.major_hazards';

type DemoUnit = Omit<MajorHazardUnitInput, 'enterpriseId'> & { owner: string };

/**
 * GB 18218 declarations (演示) of the demo registry's named oil, gas and steel enterprises, chosen so
 * that the units span levels 1–4 and one unit stays below the threshold. Quantities and head counts
 * are invented for the demo. 汽油 is declared as 易燃液体 W5.3 and 柴油 as W5.4 (β = 1), 煤气 takes
 * Table 3's 一氧化碳 β = 2.
 */
const demoUnits: DemoUnit[] = [
  {
    // 汽油 10 000/200 = 50, 柴油 15 000/5 000 = 3; α = 2 → R = 2 × 53 = 106 → 一级.
    owner: 'sinopec',
    name: '玉溪油库储罐区（演示）',
    kind: 'storage',
    locationText: '油库东区 8 座内浮顶罐',
    exposedPopulation: 320,
    inventory: [
      { substance: '汽油', quantityTonnes: '10000', betaCategory: 'W5.3' },
      { substance: 'W5.4', quantityTonnes: '15000' },
    ],
  },
  {
    // 汽油 6 000/200 = 30, 柴油 5 000/5 000 = 1; α = 2 → R = 62 → 二级.
    owner: 'petrochina',
    name: '玉溪油库储罐区（演示）',
    kind: 'storage',
    locationText: '库区 6 座储罐',
    exposedPopulation: 150,
    inventory: [
      { substance: '汽油', quantityTonnes: '6000', betaCategory: 'W5.3' },
      { substance: 'W5.4', quantityTonnes: '5000' },
    ],
  },
  {
    // 煤气 100/20 = 5, β = 2; α = 2 → R = 20 → 三级. Takes over the registry's 煤气柜 object.
    owner: 'xinxing',
    name: '转炉煤气柜',
    kind: 'storage',
    locationText: '炼钢厂区北侧',
    exposedPopulation: 180,
    inventory: [{ substance: '煤气', quantityTonnes: '100' }],
  },
  {
    // 煤气 30/20 = 1.5, β = 2; α = 1.5 → R = 4.5 → 四级.
    owner: 'yukun',
    name: '高炉煤气柜',
    kind: 'storage',
    locationText: '高炉区西侧',
    exposedPopulation: 60,
    inventory: [{ substance: '煤气', quantityTonnes: '30' }],
  },
  {
    // 天然气 20/50 = 0.4: not a major hazard source.
    owner: 'gas_pipeline',
    name: '玉溪分输站工艺区（演示）',
    kind: 'production',
    locationText: '分输站站场',
    exposedPopulation: 25,
    inventory: [{ substance: '天然气', quantityTonnes: '20', betaCategory: 'W2' }],
  },
];

/** Loads the demo declarations once, after the demo registry; answers whether it loaded them. */
export async function loadDemoMajorHazards(deps: { db: Db; clock: Clock }): Promise<boolean> {
  const { db } = deps;
  const registry = await db.query('SELECT 1 FROM settings WHERE key = $1', ['demo.registry']);
  const done = await db.query('SELECT 1 FROM settings WHERE key = $1', [DEMO_KEY]);
  if (!registry.rowCount || done.rowCount) return false;
  const enterprises = createEnterprisesRepository(db);
  const codeOf = (key: string) => {
    const index = namedEnterprises.findIndex((e) => e.key === key);
    return generateSyntheticCreditCode(900_000 + index, { divisionCode: namedEnterprises[index]!.county });
  };
  const found = await enterprises.findByCreditCodes(demoUnits.map((unit) => codeOf(unit.owner)));
  const service = createMajorHazardsModule({
    ...deps,
    enterprises,
    regulatedObjects: createObjectsRepository(db),
  });
  const actor = { id: null, name: '演示数据', scope: { kind: 'city' as const } };
  for (const { owner, ...unit } of demoUnits) {
    const enterprise = found.get(codeOf(owner));
    if (enterprise) await service.declare(actor, { ...unit, enterpriseId: enterprise.id }, true);
  }
  await db.query('INSERT INTO settings (key, value) VALUES ($1, $2)', [
    DEMO_KEY,
    JSON.stringify({ loadedAt: deps.clock.now().toISOString() }),
  ]);
  return true;
}
