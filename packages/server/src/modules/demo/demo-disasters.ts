import {
  defaultDisasterRules,
  checkDisasterReport,
  type DisasterFigures,
  type DisasterReport,
} from '@anjian/domain';
import type { Clock } from '../../platform/clock.ts';
import { inTransaction, type Db } from '../../platform/db.ts';
import { createDisastersRepository } from '../emergency/disasters/index.ts';

const DEMO_KEY = 'demo.disasters';
const HOUR = 3_600_000;

const f = (affected: number, rest: Partial<DisasterFigures> = {}): DisasterFigures => ({
  affected,
  relocated: 0,
  needingAid: 0,
  deaths: 0,
  missing: 0,
  housesCollapsed: 0,
  housesSeverelyDamaged: 0,
  housesDamaged: 0,
  cropsHectares: '0',
  directLossWan: '0',
  ...rest,
});

interface DemoReport {
  township: string;
  stage: DisasterReport['stage'];
  /** Hours after the disaster. */
  after: number;
  reporter: string;
  figures: DisasterFigures;
  note?: string;
}

interface DemoEvent {
  kind: string;
  name: string;
  county: string;
  /** Hours before now. */
  hoursAgo: number;
  description: string;
  /** Hours after the disaster it was marked stable, if it was. */
  stableAfter?: number;
  reports: DemoReport[];
}

const events: DemoEvent[] = [
  {
    kind: 'landslide',
    name: '新平县戛洒江沿线山体滑坡（演示）',
    county: '530427',
    hoursAgo: 30,
    description: '持续强降雨引发戛洒江沿线多处山体滑坡，冲毁村道，部分民房受损（演示数据）。',
    reports: [
      {
        township: '530427102',
        stage: 'initial',
        after: 1.5,
        reporter: '戛洒镇 刀信息员（演示）',
        figures: f(320, {
          relocated: 85,
          needingAid: 60,
          missing: 2,
          housesCollapsed: 6,
          housesSeverelyDamaged: 14,
          housesDamaged: 31,
          cropsHectares: '42.5',
          directLossWan: '380',
        }),
      },
      {
        township: '530427100',
        stage: 'initial',
        after: 1.8,
        reporter: '扬武镇 普信息员（演示）',
        figures: f(140, {
          relocated: 30,
          needingAid: 22,
          housesSeverelyDamaged: 3,
          housesDamaged: 11,
          cropsHectares: '18',
          directLossWan: '96.5',
        }),
      },
      {
        township: '530427101',
        stage: 'initial',
        after: 2.5,
        reporter: '漠沙镇 白信息员（演示）',
        figures: f(60, {
          relocated: 12,
          needingAid: 8,
          housesDamaged: 5,
          cropsHectares: '9.3',
          directLossWan: '31',
        }),
      },
      {
        township: '530427102',
        stage: 'follow_up',
        after: 26,
        reporter: '戛洒镇 刀信息员（演示）',
        figures: f(410, {
          relocated: 120,
          needingAid: 88,
          deaths: 1,
          missing: 1,
          housesCollapsed: 9,
          housesSeverelyDamaged: 18,
          housesDamaged: 40,
          cropsHectares: '55.2',
          directLossWan: '512',
        }),
        note: '1名失踪人员确认遇难（演示）',
      },
      {
        township: '530427100',
        stage: 'follow_up',
        after: 26.2,
        reporter: '扬武镇 普信息员（演示）',
        figures: f(175, {
          relocated: 36,
          needingAid: 25,
          housesSeverelyDamaged: 4,
          housesDamaged: 15,
          cropsHectares: '21.4',
          directLossWan: '118',
        }),
      },
      {
        township: '530427101',
        stage: 'follow_up',
        after: 26.5,
        reporter: '漠沙镇 白信息员（演示）',
        figures: f(55, {
          relocated: 12,
          needingAid: 6,
          housesDamaged: 5,
          cropsHectares: '9.3',
          directLossWan: '31',
        }),
        note: '核减重复登记5人（演示）',
      },
    ],
  },
  {
    kind: 'flood',
    name: '元江县澧江流域洪涝（演示）',
    county: '530428',
    hoursAgo: 24 * 12,
    description: '上游强降雨致澧江水位上涨，沿江乡镇农田被淹（演示数据）。',
    stableAfter: 72,
    reports: [
      {
        township: '530428002',
        stage: 'initial',
        after: 1,
        reporter: '澧江街道 杨信息员（演示）',
        figures: f(900, {
          relocated: 210,
          needingAid: 150,
          housesDamaged: 22,
          cropsHectares: '310',
          directLossWan: '640',
        }),
      },
      {
        township: '530428001',
        stage: 'initial',
        after: 1.6,
        reporter: '红河街道 李信息员（演示）',
        figures: f(430, {
          relocated: 60,
          needingAid: 40,
          housesDamaged: 9,
          cropsHectares: '120.5',
          directLossWan: '205',
        }),
      },
      {
        township: '530428002',
        stage: 'verified',
        after: 120,
        reporter: '元江县应急管理局（演示）',
        figures: f(960, {
          relocated: 230,
          needingAid: 160,
          housesSeverelyDamaged: 2,
          housesDamaged: 25,
          cropsHectares: '328.6',
          directLossWan: '702.4',
        }),
      },
      {
        township: '530428001',
        stage: 'verified',
        after: 121,
        reporter: '元江县应急管理局（演示）',
        figures: f(430, {
          relocated: 60,
          needingAid: 40,
          housesDamaged: 9,
          cropsHectares: '120.5',
          directLossWan: '205',
        }),
      },
    ],
  },
];

/**
 * Demo natural disasters (演示), loaded once: a landslide in 新平县 with three townships that each
 * reported an initial and a follow-up figure (one with an explanation for a fall), still unstable;
 * and a flood in 元江县, stable, with verified figures. Reports pass the domain's checks.
 */
export async function loadDemoDisasters(deps: { db: Db; clock: Clock }): Promise<boolean> {
  const { db, clock } = deps;
  if ((await db.query('SELECT 1 FROM settings WHERE key = $1', [DEMO_KEY])).rowCount) return false;
  const repository = createDisastersRepository(db);
  const now = clock.now();
  await inTransaction(db, async (tx) => {
    await tx.query('INSERT INTO settings (key, value) VALUES ($1, $2)', [
      DEMO_KEY,
      JSON.stringify({ loadedAt: now }),
    ]);
    for (const event of events) {
      const occurred = now.getTime() - event.hoursAgo * HOUR;
      const id = await repository.insertEvent(
        tx,
        {
          kind: event.kind,
          name: event.name,
          county: event.county,
          occurredAt: new Date(occurred).toISOString(),
          description: event.description,
          townships: [],
          createdBy: 'demo',
          demo: true,
        },
        new Date(occurred + HOUR),
      );
      const written: DisasterReport[] = [];
      for (const report of event.reports) {
        const at = new Date(occurred + report.after * HOUR).toISOString();
        checkDisasterReport(
          written.filter((r) => r.township === report.township),
          { ...report, reportedAt: at },
          defaultDisasterRules,
        );
        const reportId = await repository.insertReport(
          tx,
          id,
          { ...report, reportedAt: at, recordedBy: 'demo', note: report.note ?? null },
          new Date(at),
        );
        written.push({
          ...report,
          id: reportId,
          reportedAt: at,
          recordedAt: at,
          recordedBy: 'demo',
          note: report.note ?? null,
        });
      }
      if (event.stableAfter !== undefined)
        await tx.query('UPDATE disaster_events SET stabilised_at = $2 WHERE id = $1', [
          id,
          new Date(occurred + event.stableAfter * HOUR),
        ]);
    }
  });
  return true;
}
