import { yuxiCounties } from '@anjian/domain';
import type { Clock } from '../../platform/clock.ts';
import { inTransaction, type Db } from '../../platform/db.ts';
import { loadDemoEnforcementRecords } from './demo-enforcement-records.ts';

const DEMO_KEY = 'demo.enforcement';

/** A general checklist and a hazardous-chemicals one (演示; wording ours, articles of 安全生产法 2021). */
const checklist: [string, string, string, string, string, string][] = [
  [
    'general',
    'GEN-01',
    '是否建立健全全员安全生产责任制',
    '《安全生产法》第二十二条',
    '20',
    '《安全生产法》第九十四条',
  ],
  [
    'general',
    'GEN-02',
    '主要负责人和安全管理人员是否经考核合格',
    '《安全生产法》第二十七条',
    '20',
    '《安全生产法》第九十七条',
  ],
  [
    'general',
    'GEN-03',
    '是否对从业人员进行安全生产教育和培训',
    '《安全生产法》第二十八条',
    '20',
    '《安全生产法》第九十七条',
  ],
  [
    'general',
    'GEN-04',
    '是否建立安全风险分级管控和隐患排查治理双重预防机制',
    '《安全生产法》第四十一条',
    '20',
    '《安全生产法》第一百零一条',
  ],
  [
    'general',
    'GEN-05',
    '是否制定生产安全事故应急救援预案并定期演练',
    '《安全生产法》第八十一条',
    '20',
    '《安全生产法》第九十七条',
  ],
  [
    'hazchem',
    'WHP-01',
    '重大危险源是否登记建档并进行定期检测、评估、监控',
    '《安全生产法》第四十条',
    '08',
    '《安全生产法》第一百零一条',
  ],
  [
    'hazchem',
    'WHP-02',
    '可燃和有毒气体检测报警装置是否完好有效',
    '《安全生产法》第三十六条',
    '08',
    '《安全生产法》第九十九条',
  ],
  [
    'hazchem',
    'WHP-03',
    '危险作业是否执行作业审批并安排专门人员现场管理',
    '《安全生产法》第四十三条',
    '18',
    '《安全生产法》第一百零一条',
  ],
];

/**
 * Demo enforcement data (演示), once per database: two inspectors per county and two for the city,
 * certificates valid, not linked to any account; and the checklist library above.
 */
export async function loadDemoEnforcement({ db, clock }: { db: Db; clock: Clock }): Promise<void> {
  await loadDemoRoster({ db, clock });
  await loadDemoEnforcementRecords({ db, clock });
}

async function loadDemoRoster({ db, clock }: { db: Db; clock: Clock }): Promise<void> {
  const done = await db.query('SELECT 1 FROM settings WHERE key = $1', [DEMO_KEY]);
  if (done.rowCount) return;
  const now = clock.now();
  const surnames = '张王李赵刘陈杨黄周吴徐孙马朱胡郭何高林罗';
  await inTransaction(db, async (tx) => {
    await tx.query('INSERT INTO settings (key, value) VALUES ($1, $2)', [
      DEMO_KEY,
      JSON.stringify({ loadedAt: now }),
    ]);
    const divisions = ['530400', ...yuxiCounties.map((c) => c.code)];
    for (const [d, division] of divisions.entries()) {
      for (const n of [1, 2]) {
        const index = d * 2 + n - 1;
        await tx.query(
          `INSERT INTO enforcement_inspectors (name, certificate_no, certificate_expiry, county, specialties, demo, created_at, updated_at)
           VALUES ($1, $2, '2029-12-31', $3, '{hazchem}', true, $4, $4)`,
          [`${surnames[index % surnames.length]}演示${n}`, `${division}DEMO${n}`, division, now],
        );
      }
    }
    for (const [i, [sector, code, text, basis, category, clause]] of checklist.entries()) {
      await tx.query(
        `INSERT INTO enforcement_checklist_items (sector, code, text, legal_basis, hazard_category, suggested_penalty_clause, sort_order, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (sector, code) DO NOTHING`,
        [sector, code, text, basis, category, clause, i, now],
      );
    }
  });
}
