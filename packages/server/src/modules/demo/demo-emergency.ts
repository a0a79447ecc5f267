import {
  chinaDate,
  defaultReviewDueOn,
  drillInputSchema,
  emergencyCaseInputSchema,
  emergencyResourceInputSchema,
  yuxiCounties,
  type EmergencyMaterial,
} from '@anjian/domain';
import type { Clock } from '../../platform/clock.ts';
import type { FieldCipher } from '../../platform/crypto.ts';
import { inTransaction, type Db, type Queryable } from '../../platform/db.ts';
import { toCaseWrite, createCasesRepository } from '../emergency/cases.repository.ts';
import { createDrillsRepository } from '../emergency/drills.repository.ts';
import { createDutyRepository } from '../emergency/duty.repository.ts';
import { createPlansRepository } from '../emergency/plans.repository.ts';
import { seededRandom } from './synthetic-registry.ts';

const DEMO_KEY = 'demo.emergency';

type ResourceSeed = Record<string, unknown> & {
  kind: string;
  name: string;
  county: string;
  lon: number;
  lat: number;
};

// Approximate places near each county seat; every name carries （演示）.
const teams: ResourceSeed[] = [
  {
    kind: 'team',
    name: '玉溪市危险化学品应急救援队（演示）',
    county: '530402',
    lon: 102.566,
    lat: 24.33,
    teamType: 'professional',
    specialties: ['hazmat', 'fire'],
    members: 45,
    equipment: ['防化洗消车', '正压式空气呼吸器 40 套', '气体检测仪 12 台'],
    status: 'standby',
  },
  {
    kind: 'team',
    name: '研和工业园区危化品救援中队（演示）',
    county: '530402',
    lon: 102.49,
    lat: 24.26,
    teamType: 'professional',
    specialties: ['hazmat'],
    members: 24,
    equipment: ['堵漏工具组', '重型防化服 16 套'],
    status: 'standby',
  },
  {
    kind: 'team',
    name: '易门县矿山救护队（演示）',
    county: '530425',
    lon: 102.17,
    lat: 24.67,
    teamType: 'professional',
    specialties: ['mine'],
    members: 32,
    equipment: ['矿用救护车', '氧气呼吸器 30 台'],
    status: 'standby',
  },
  {
    kind: 'team',
    name: '新平县矿山应急救援队（演示）',
    county: '530427',
    lon: 101.99,
    lat: 24.07,
    teamType: 'professional',
    specialties: ['mine', 'general'],
    members: 28,
    equipment: ['排水泵组', '生命探测仪'],
    status: 'standby',
  },
  {
    kind: 'team',
    name: '通海县抗震救灾应急分队（演示）',
    county: '530423',
    lon: 102.73,
    lat: 24.12,
    teamType: 'part_time',
    specialties: ['earthquake', 'general'],
    members: 60,
    equipment: ['破拆工具组', '照明车'],
    status: 'standby',
  },
  {
    kind: 'team',
    name: '抚仙湖水上蓝天救援队（演示）',
    county: '530481',
    lon: 102.91,
    lat: 24.66,
    teamType: 'social',
    specialties: ['water'],
    members: 35,
    equipment: ['冲锋舟 4 艘', '潜水装备 10 套'],
    status: 'standby',
  },
  {
    kind: 'team',
    name: '华宁县电力抢修队（演示）',
    county: '530424',
    lon: 102.93,
    lat: 24.2,
    teamType: 'part_time',
    specialties: ['electric'],
    members: 18,
    equipment: ['应急发电车'],
    status: 'unavailable',
  },
];
const warehouses: (ResourceSeed & { materials: EmergencyMaterial[] })[] = [
  {
    kind: 'warehouse',
    name: '玉溪市应急物资储备库（演示）',
    county: '530402',
    lon: 102.55,
    lat: 24.36,
    owner: '玉溪市应急管理局',
    materials: [
      { name: '正压式空气呼吸器', unit: '套', quantity: 60, minimumStock: 50 },
      { name: '重型防化服', unit: '套', quantity: 18, minimumStock: 30 },
      { name: '吸附棉', unit: '包', quantity: 400, minimumStock: 200 },
      { name: '沙袋', unit: '个', quantity: 12000, minimumStock: 10000 },
      { name: '帐篷', unit: '顶', quantity: 300, minimumStock: 200 },
    ],
  },
  {
    kind: 'warehouse',
    name: '研和园区危化品应急物资点（演示）',
    county: '530402',
    lon: 102.495,
    lat: 24.265,
    owner: '研和工业园区管委会',
    materials: [
      { name: '中和剂（碳酸氢钠）', unit: '吨', quantity: 8, minimumStock: 5 },
      { name: '堵漏胶', unit: '支', quantity: 40, minimumStock: 20 },
      { name: '消防泡沫液', unit: '吨', quantity: 6 },
    ],
  },
  {
    kind: 'warehouse',
    name: '易门县矿山救援物资库（演示）',
    county: '530425',
    lon: 102.165,
    lat: 24.68,
    owner: '易门县应急管理局',
    materials: [
      { name: '自救器', unit: '台', quantity: 120, minimumStock: 150 },
      { name: '排水泵', unit: '台', quantity: 6, minimumStock: 4 },
    ],
  },
  {
    kind: 'warehouse',
    name: '通海县救灾物资仓库（演示）',
    county: '530423',
    lon: 102.72,
    lat: 24.11,
    owner: '通海县应急管理局',
    materials: [
      { name: '棉被', unit: '床', quantity: 2000, minimumStock: 1500 },
      { name: '折叠床', unit: '张', quantity: 800 },
    ],
  },
];
const experts: ResourceSeed[] = [
  {
    kind: 'expert',
    name: '张危化（演示）',
    county: '530402',
    lon: 102.54,
    lat: 24.35,
    fields: ['危险化学品', '化工工艺'],
    availability: 'available',
  },
  {
    kind: 'expert',
    name: '李矿山（演示）',
    county: '530425',
    lon: 102.16,
    lat: 24.67,
    fields: ['非煤矿山', '尾矿库'],
    availability: 'available',
  },
  {
    kind: 'expert',
    name: '王冶金（演示）',
    county: '530402',
    lon: 102.58,
    lat: 24.31,
    fields: ['冶金', '煤气安全'],
    availability: 'busy',
  },
  {
    kind: 'expert',
    name: '赵消防（演示）',
    county: '530481',
    lon: 102.9,
    lat: 24.68,
    fields: ['消防', '烟花爆竹'],
    availability: 'away',
  },
  {
    kind: 'expert',
    name: '陈地质（演示）',
    county: '530427',
    lon: 101.99,
    lat: 24.08,
    fields: ['地质灾害', '尾矿库'],
    availability: 'available',
  },
];

/**
 * Loads the demo emergency libraries once per database (演示): teams, warehouses with stock,
 * experts, plans, cases, drill scenarios and drills from 2021 on, and this week's duty roster.
 */
export async function loadDemoEmergency(deps: {
  db: Db;
  clock: Clock;
  cipher: FieldCipher;
}): Promise<boolean> {
  const { db, clock, cipher } = deps;
  const done = await db.query('SELECT 1 FROM settings WHERE key = $1', [DEMO_KEY]);
  if (done.rowCount) return false;
  const now = clock.now();
  const today = chinaDate(now);
  const random = seededRandom(7);
  const phone = () => `139${String(Math.floor(random() * 1e8)).padStart(8, '0')}`;

  await inTransaction(db, async (tx) => {
    await tx.query('INSERT INTO settings (key, value) VALUES ($1, $2)', [
      DEMO_KEY,
      JSON.stringify({ loadedAt: now.toISOString() }),
    ]);
    for (const seed of [...teams, ...warehouses, ...experts]) {
      const id = await insertResource(tx, seed, cipher.encrypt(phone()), now);
      if ('materials' in seed) await insertMaterials(tx, id, seed.materials as EmergencyMaterial[], today);
    }

    const plans = createPlansRepository(db);
    const planIds: string[] = [];
    for (const plan of demoPlans()) {
      const revisedOn = plan.revisedOn ?? plan.issuedOn;
      planIds.push(
        await plans.insert(
          tx,
          {
            ...plan,
            county: plan.county ?? null,
            department: plan.department ?? null,
            accidentTypes: [],
            attachments: [],
            revisedOn,
            reviewDueOn: plan.reviewDueOn ?? defaultReviewDueOn(revisedOn),
            summary: '演示数据，非真实预案。',
          },
          true,
          now,
        ),
      );
    }

    const cases = createCasesRepository(db);
    for (const item of demoCases())
      await cases.insert(tx, toCaseWrite(emergencyCaseInputSchema.parse(item)), true, now);

    const drills = createDrillsRepository(db);
    const scenarioIds: string[] = [];
    for (const scenario of demoScenarios())
      scenarioIds.push(await drills.insertScenario(tx, scenario, true, now));
    const year = Number(today.slice(0, 4));
    const forms = ['tabletop', 'functional', 'full_scale'] as const;
    let serial = 0;
    for (let y = 2021; y <= year; y++) {
      for (const county of yuxiCounties) {
        if (random() < 0.35) continue;
        const month = 1 + Math.floor(random() * 11);
        const heldOn = `${y}-${String(month).padStart(2, '0')}-${String(5 + Math.floor(random() * 20)).padStart(2, '0')}`;
        const scenario = serial % scenarioIds.length;
        const held = heldOn <= today;
        const id = await drills.insert(
          tx,
          drillInputSchema.parse({
            title: `${county.nameZh}${y}年${['危化品泄漏', '矿山透水', '森林火灾', '地震'][scenario] ?? '综合'}应急演练（演示）`,
            county: county.code,
            heldOn,
            status: held ? 'held' : 'planned',
            form: forms[serial % 3],
            scenarioId: scenarioIds[scenario],
            planId: scenario === 0 ? planIds[0] : undefined,
            organiser: `${county.nameZh}应急管理局`,
            participants: held ? 40 + Math.floor(random() * 260) : 0,
            evaluation: held ? '响应程序基本顺畅，信息报送及时。' : undefined,
            rating: held ? (['excellent', 'good', 'adequate'] as const)[serial % 3] : undefined,
          }),
          true,
          now,
        );
        if (held && serial % 2 === 0)
          await drills.insertFinding(
            tx,
            id,
            {
              text: '现场通讯信号弱，需配备卫星电话',
              owner: `${county.nameZh}应急管理局`,
              deadline: `${y}-12-31`,
              status: y < year ? 'done' : 'open',
            },
            now,
          );
        serial++;
      }
    }

    const duty = createDutyRepository(db);
    const monday = new Date(
      Date.parse(`${today}T00:00:00Z`) - ((new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7) * 86_400_000,
    );
    const people = ['刘洋', '杨帆', '周敏', '吴强', '郑丽', '孙杰', '马超'];
    for (let day = 0; day < 7; day++) {
      const date = new Date(monday.getTime() + day * 86_400_000).toISOString().slice(0, 10);
      for (const [county, shifts] of [
        [null, ['day', 'night']],
        ['530402', ['all_day']],
      ] as const)
        for (const shift of shifts)
          await duty.insertShift(
            tx,
            {
              county,
              date,
              shift,
              leader: `${people[(day + 3) % 7]}（演示）`,
              officer: `${people[(day + (shift === 'night' ? 1 : 0)) % 7]}（演示）`,
              phoneSealed: cipher.encrypt(phone()),
            },
            true,
            now,
          );
    }
    for (const [hoursAgo, text] of [
      [20, '交接班：昨夜无突发事件，气象台发布大风蓝色预警（演示）'],
      [6, '检查各县区值班在岗情况，均正常（演示）'],
    ] as const)
      await duty.insertLog(
        tx,
        {
          county: null,
          at: new Date(now.getTime() - hoursAgo * 3_600_000),
          authorId: null,
          author: '市局值班员（演示）',
          text,
          incidentId: null,
        },
        true,
        now,
      );
  });
  return true;
}

async function insertResource(
  tx: Queryable,
  seed: ResourceSeed,
  phoneSealed: string,
  at: Date,
): Promise<string> {
  const { kind, name, county, lon, lat, materials: _materials, ...attributes } = seed;
  // Validate the seed as an API input would be, so demo rows look like real ones.
  emergencyResourceInputSchema.parse({ kind, name, county, location: { lon, lat }, ...attributes });
  const rows = await tx.query<{ id: string }>(
    `INSERT INTO emergency_resources (kind, name, county, lon, lat, contact_name, contact_phone_enc, attributes, demo, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, '值班员（演示）', $6, $7, true, $8, $8) RETURNING id`,
    [kind, name, county, lon, lat, phoneSealed, JSON.stringify(attributes), at],
  );
  return rows.rows[0]!.id;
}

/** Some stock expires soon or has expired, so that the alerts have something to show. */
async function insertMaterials(tx: Queryable, id: string, materials: EmergencyMaterial[], today: string) {
  const shift = (days: number) =>
    new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  for (const [index, m] of materials.entries()) {
    const expiresOn = index === 2 ? shift(20) : index === 4 ? shift(-10) : index === 1 ? shift(400) : null;
    await tx.query(
      `INSERT INTO emergency_materials (warehouse_id, name, unit, quantity, minimum_stock, expires_on) VALUES ($1, $2, $3, $4, $5, $6)`,
      [id, m.name, m.unit, m.quantity, m.minimumStock ?? null, expiresOn],
    );
  }
}

function demoPlans() {
  return [
    {
      name: '玉溪市危险化学品事故应急预案（演示）',
      level: 'city' as const,
      type: 'special' as const,
      issuedOn: '2021-03-01',
      revisedOn: '2024-01-15',
      department: '玉溪市应急管理局',
      responseLevels: [
        { level: 'I' as const, criteria: '造成或可能造成 30 人以上死亡，或 100 人以上重伤' },
        { level: 'II' as const, criteria: '造成或可能造成 10–29 人死亡，或 50–99 人重伤' },
        { level: 'III' as const, criteria: '造成或可能造成 3–9 人死亡，或 10–49 人重伤' },
        { level: 'IV' as const, criteria: '造成或可能造成 3 人以下死亡，或 10 人以下重伤' },
      ],
    },
    {
      name: '玉溪市生产安全事故总体应急预案（演示）',
      level: 'city' as const,
      type: 'comprehensive' as const,
      issuedOn: '2020-12-10',
      revisedOn: '2023-12-20',
      department: '玉溪市人民政府',
      responseLevels: [
        { level: 'III' as const, criteria: '较大生产安全事故' },
        { level: 'IV' as const, criteria: '一般生产安全事故' },
      ],
    },
    {
      name: '红塔区非煤矿山事故应急预案（演示）',
      level: 'county' as const,
      type: 'special' as const,
      county: '530402',
      issuedOn: '2022-06-01',
      department: '红塔区应急管理局',
      responseLevels: [{ level: 'IV' as const, criteria: '一般事故或险情' }],
      reviewDueOn: undefined as string | undefined,
    },
    {
      name: '易门县尾矿库溃坝事故应急预案（演示）',
      level: 'county' as const,
      type: 'special' as const,
      county: '530425',
      issuedOn: '2023-09-01',
      department: '易门县应急管理局',
      responseLevels: [{ level: 'III' as const, criteria: '尾矿库出现溃坝征兆' }],
    },
    {
      name: '玉溪市森林草原火灾应急预案（演示）',
      level: 'department' as const,
      type: 'department' as const,
      issuedOn: '2022-03-01',
      department: '玉溪市森林草原防灭火指挥部',
      responseLevels: [],
    },
    {
      name: '某化工企业液氯泄漏现场处置方案（演示）',
      level: 'enterprise' as const,
      type: 'on_site' as const,
      county: '530402',
      issuedOn: '2024-05-01',
      department: '某化工企业（演示）',
      responseLevels: [],
    },
  ].map((p) => ({
    county: undefined as string | undefined,
    reviewDueOn: undefined as string | undefined,
    revisedOn: undefined as string | undefined,
    ...p,
  }));
}

function demoCases() {
  return [
    {
      title: '某化工企业液氯钢瓶泄漏中毒事故（演示）',
      occurredOn: '2019-08-03',
      county: '530402',
      accidentType: '19',
      deaths: 1,
      seriousInjuries: 2,
      directLossWan: '180',
      summary: '充装过程中钢瓶阀门断裂，液氯泄漏，一名操作工中毒死亡，两人重伤。',
      causes: ['钢瓶阀门腐蚀未及时更换', '作业人员未佩戴正压式空气呼吸器', '应急处置培训不足'],
      lessons: '严格执行充装前检查，配齐个体防护装备，定期组织泄漏处置演练。',
    },
    {
      title: '某铁矿井下透水事故（演示）',
      occurredOn: '2017-07-12',
      county: '530425',
      accidentType: '12',
      deaths: 3,
      seriousInjuries: 0,
      directLossWan: '650',
      summary: '雨季采空区积水突然涌入作业面，三名作业人员遇难。',
      causes: ['未落实“有疑必探、先探后掘”', '雨季“三防”措施缺失'],
      lessons: '落实探放水制度，雨季前排查采空区积水并制定撤人预案。',
    },
    {
      title: '某钢铁企业煤气中毒事故（演示）',
      occurredOn: '2020-11-20',
      county: '530402',
      accidentType: '19',
      deaths: 2,
      seriousInjuries: 1,
      directLossWan: '260',
      summary: '检修煤气管道时未可靠切断气源，检修人员煤气中毒。',
      causes: ['能量隔离不到位', '未进行气体检测即进入', '盲目施救致伤亡扩大'],
      lessons: '严格有限空间作业审批，先通风、再检测、后作业；严禁盲目施救。',
    },
    {
      title: '某烟花爆竹作坊爆炸事故（演示）',
      occurredOn: '2016-02-05',
      county: '530424',
      accidentType: '14',
      deaths: 1,
      seriousInjuries: 3,
      summary: '非法生产作坊内药物摩擦起火引发爆炸。',
      causes: ['非法违法生产', '药物混装、超量存放'],
      lessons: '强化打非治违，严禁超员超量和擅自改变工艺。',
    },
  ];
}

function demoScenarios() {
  return [
    {
      name: '液氯储罐区泄漏（演示）',
      accidentType: '19' as const,
      description: '液氯储罐法兰密封失效，持续泄漏，下风向有村庄和学校。',
      objectives: ['检验预警与疏散', '检验堵漏和洗消'],
    },
    {
      name: '地下矿山透水（演示）',
      county: '530425',
      accidentType: '12' as const,
      description: '暴雨后井下涌水量突增，12 人被困。',
      objectives: ['检验撤人与排水', '检验矿山救护联动'],
    },
    {
      name: '林区山火逼近化工园区（演示）',
      accidentType: '08' as const,
      description: '园区西侧林区起火，风向朝园区。',
      objectives: ['检验多部门协同'],
    },
    {
      name: '6 级地震后次生灾害（演示）',
      accidentType: '10' as const,
      description: '地震致危化品仓库倒塌、道路中断。',
      objectives: ['检验信息报送', '检验物资调拨'],
    },
  ];
}
