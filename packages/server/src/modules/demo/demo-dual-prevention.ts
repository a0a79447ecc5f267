import {
  chinaDate,
  calculateLec,
  calculateLs,
  checkPeriod,
  gradeEnterprise,
  type CheckFrequency,
  type CheckListInput,
  type RiskPointInput,
} from '@anjian/domain';
import type { Clock } from '../../platform/clock.ts';
import { inTransaction, type Db, type Queryable } from '../../platform/db.ts';
import { createChecksRepository } from '../dual-prevention/checks/checks.repository.ts';
import { createRiskGradingRepository } from '../dual-prevention/risk/risk-grading.repository.ts';
import { createRiskRepository } from '../dual-prevention/risk/risk.repository.ts';
import { createInspectionsRepository } from '../enforcement/inspections.repository.ts';
import { systemUserId } from '../users/system-author.ts';
import { demoHazards, demoInspectionHazard } from './demo-hazard-cases.ts';
import { insertDemoHazard } from './demo-hazards.ts';
import { namedEnterprises } from './demo-named-sites.ts';
import { demoRiskUnits } from './demo-risk-units.ts';

const DEMO_KEY = 'demo.dual_prevention';
const DAY = 86_400_000;

export interface DemoSite {
  id: string;
  county: string;
  lonLat: [number, number] | null;
}

/** The named demo enterprises by their key in demo-named-sites.ts (found by name). */
async function namedSites(tx: Queryable): Promise<Map<string, DemoSite>> {
  const rows = await tx.query<{
    id: string;
    name: string;
    county: string;
    lon: number | null;
    lat: number | null;
  }>(
    `SELECT id, name, county, lon, lat
       FROM enterprises WHERE demo AND name = ANY ($1)`,
    [namedEnterprises.map((e) => e.name)],
  );
  const sites = new Map<string, DemoSite>();
  for (const e of namedEnterprises) {
    const row = rows.rows.find((r) => r.name === e.name);
    if (row)
      sites.set(e.key, {
        id: row.id,
        county: row.county,
        lonLat: row.lon === null || row.lat === null ? null : [row.lon, row.lat],
      });
  }
  return sites;
}

/** Risk units and points; each point's level is computed by the domain's LEC or LS, as the API does. */
async function loadRiskUnits(tx: Queryable, sites: Map<string, DemoSite>, now: Date) {
  const risk = createRiskRepository(tx as Db);
  for (const unit of demoRiskUnits) {
    const site = sites.get(unit.site);
    if (!site) continue;
    const unitId = await risk.insertUnit(
      { enterpriseId: site.id, name: unit.name, kind: unit.kind, location: unit.location },
      site.county,
      new Date(now.getTime() - 90 * DAY),
    );
    for (const point of unit.points) {
      const a = point.assessment;
      const result = a.method === 'lec' ? calculateLec(a as never) : calculateLs(a as never);
      await risk.insertPoint(unitId, {
        ...(point as RiskPointInput),
        value: 'd' in result ? result.d : result.r,
        level: result.level,
        colour: result.colour,
        assessedAt: new Date(now.getTime() - 60 * DAY),
        assessedBy: 'system',
      });
    }
  }
}

/**
 * 100-point gradings (应急〔2018〕19号) of two sites: 玉昆钢铁 scores 72 (orange) though its worst
 * unit is yellow, so the city view rates it orange; 新兴钢铁 scores 91 (blue) but stays red by its
 * 煤气柜.
 */
async function loadGradings(tx: Queryable, sites: Map<string, DemoSite>, now: Date) {
  const gradings = createRiskGradingRepository(tx as Db);
  const gradedAt = new Date(now.getTime() - 30 * DAY);
  for (const [key, checklistScore] of [
    ['yukun', 72],
    ['xinxing', 91],
  ] as const) {
    const site = sites.get(key);
    if (!site) continue;
    const input = {
      assessedOn: chinaDate(gradedAt),
      checklistScore,
      operatingSince: null,
      fullTimeFireOrRescueTeam: false,
      standardisationGrade: null,
      accidents: [],
      newProcessWithoutTrials: false,
      plantWithoutFormalDesign: false,
      specialOperatorsUnqualified: false,
    };
    await gradings.insert({
      enterpriseId: site.id,
      county: site.county,
      input,
      result: gradeEnterprise(input),
      note: '演示评分',
      gradedAt,
      gradedBy: 'system',
    });
  }
}

const demoCheckLists: { site: string; list: Omit<CheckListInput, 'enterpriseId'> }[] = [
  {
    site: 'sinopec',
    list: {
      name: '油库罐区日常检查表（演示）',
      target: '汽柴油储罐区',
      frequency: 'daily',
      responsiblePerson: '罐区班长（演示）',
      active: true,
      items: [
        { id: 'T1', text: '可燃气体检测报警仪是否完好、示值正常', basis: 'GB/T 50493' },
        { id: 'T2', text: '储罐呼吸阀、阻火器是否完好', basis: 'GB 50160' },
        { id: 'T3', text: '防火堤内有无积油、杂物' },
      ],
    },
  },
  {
    site: 'xinxing',
    list: {
      name: '煤气柜区域周检查表（演示）',
      target: '转炉煤气柜',
      frequency: 'weekly',
      responsiblePerson: '能源车间主任（演示）',
      active: true,
      items: [
        { id: 'G1', text: '一氧化碳检测报警装置是否完好', basis: 'GB 6222' },
        { id: 'G2', text: '煤气柜活塞运行是否平稳、油位正常' },
        { id: 'G3', text: '区域内有无无关人员聚集' },
      ],
    },
  },
  {
    site: 'changshou',
    list: {
      name: '涉药工房日常检查表（演示）',
      target: '装药工房',
      frequency: 'daily',
      responsiblePerson: '生产区主任（演示）',
      active: true,
      items: [
        { id: 'F1', text: '工房定员、定量是否符合规定', basis: 'GB 11652' },
        { id: 'F2', text: '防静电设施是否完好' },
      ],
    },
  },
];

const periodBefore: Record<CheckFrequency, number> = { daily: 1, weekly: 7, monthly: 31, quarterly: 92 };

/**
 * Check lists with their tasks: this period's task open, the last period's done (one failed item
 * opened a hazard), the one before left undone (overdue).
 */
async function loadChecks(tx: Queryable, sites: Map<string, DemoSite>, author: string, now: Date) {
  const checks = createChecksRepository(tx as Db);
  for (const [n, { site: key, list }] of demoCheckLists.entries()) {
    const site = sites.get(key);
    if (!site) continue;
    const listId = await checks.insertList(
      { ...list, enterpriseId: site.id },
      site.county,
      new Date(now.getTime() - 60 * DAY),
    );
    const step = periodBefore[list.frequency] * DAY;
    const periods = [0, 1, 2].map((k) => checkPeriod(list.frequency, new Date(now.getTime() - k * step)));
    await checks.insertTasks(
      periods.map((p) => ({ listId, enterpriseId: site.id, county: site.county, ...p })),
    );
    const done = await tx.query<{ id: string }>(
      'SELECT id FROM check_tasks WHERE list_id = $1 AND period_key = $2',
      [listId, periods[1]!.key],
    );
    const doneAt = new Date(now.getTime() - step + 3 * 3_600_000);
    const hazardIds: string[] = [];
    // The first list's last check found its first item failing: a self-check hazard, being rectified.
    if (n === 0) {
      const item = list.items[0]!;
      hazardIds.push(
        await insertDemoHazard(
          tx,
          {
            enterpriseId: site.id,
            county: site.county,
            lonLat: site.lonLat,
            source: 'self_check',
            sourceRef: done.rows[0]!.id,
            location: list.target,
            description: `${item.text}：2号罐区一台报警仪示值漂移，未按期标定（演示）`,
            category: '08',
            reported: [(now.getTime() - doneAt.getTime()) / DAY, 'enterprise'],
            deadlineInDays: 6,
            steps: [],
          },
          author,
          now,
        ),
      );
    }
    await checks.complete(
      tx,
      done.rows[0]!.id,
      list.items.map((item, index) => ({
        itemId: item.id,
        result: n === 0 && index === 0 ? 'fail' : 'pass',
        photos: [],
      })),
      hazardIds,
      doneAt,
      'system',
    );
  }
}

/**
 * The disclosed demo inspection that found a problem (发现问题，已责令整改) has its hazard: one per
 * failed item not yet linked, opened the way the inspection service opens it (source inspection).
 */
async function linkInspectionHazards(tx: Queryable, author: string, now: Date) {
  const failed = await tx.query<{
    item_id: string;
    text: string;
    note: string | null;
    legal_basis: string;
    hazard_category: string;
    enterprise_id: string;
    county: string;
    finished_at: Date;
    address: string | null;
    name: string;
  }>(
    `SELECT it.id AS item_id, it.text, it.note, it.legal_basis, it.hazard_category, i.enterprise_id, i.county,
            i.finished_at, e.address, e.name
       FROM enforcement_inspection_items it
       JOIN enforcement_inspections i ON i.id = it.inspection_id
       JOIN enterprises e ON e.id = i.enterprise_id
      WHERE i.demo AND it.result = 'fail' AND it.hazard_id IS NULL AND i.finished_at IS NOT NULL`,
  );
  const inspections = createInspectionsRepository(tx as Db);
  for (const row of failed.rows) {
    const hazardId = await insertDemoHazard(tx, demoInspectionHazard(row, now), author, now);
    await inspections.linkHazard(tx, row.item_id, hazardId);
  }
}

/**
 * Demo dual prevention (演示), once per database: risk units and points of the named sites, check
 * lists and their tasks, and hidden hazards in every state of the closed loop (一般 and 重大,
 * 挂牌督办 with its reviews, overdue, accepted and 销号, dismissed), dated from the clock.
 */
export async function loadDemoDualPrevention({ db, clock }: { db: Db; clock: Clock }): Promise<boolean> {
  const done = await db.query('SELECT 1 FROM settings WHERE key = $1', [DEMO_KEY]);
  if (done.rowCount) return false;
  const now = clock.now();
  return inTransaction(db, async (tx) => {
    const sites = await namedSites(tx);
    // Without the demo registry there is nothing to seed: try again on the next start.
    if (sites.size === 0) return false;
    await tx.query('INSERT INTO settings (key, value) VALUES ($1, $2)', [
      DEMO_KEY,
      JSON.stringify({ loadedAt: now }),
    ]);
    const author = await systemUserId(tx);
    await loadRiskUnits(tx, sites, now);
    await loadGradings(tx, sites, now);
    await loadChecks(tx, sites, author, now);
    for (const hazard of demoHazards(sites, now)) await insertDemoHazard(tx, hazard, author, now);
    await linkInspectionHazards(tx, author, now);
    return true;
  });
}
