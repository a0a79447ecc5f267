import { chinaDate } from '@anjian/domain';
import type { Clock } from '../../platform/clock.ts';
import { inTransaction, type Db, type Queryable } from '../../platform/db.ts';
import { createAssessmentRepository } from '../plan/assessment.repository.ts';
import { createCampaignsRepository } from '../plan/campaigns.repository.ts';
import { letterNumber } from '../plan/plan-letters.ts';
import { createPlanRepository } from '../plan/plan.repository.ts';
import { systemUserId } from '../users/index.ts';
import {
  DEMO_ASSESSMENT,
  demoAssessmentItems,
  loadDemoResponsibilityLists,
  loadDemoSelfAssessments,
} from './demo-plan-responsibility.ts';

const DEMO_KEY = 'demo.plan';
const DEMO_LETTERS_KEY = 'demo.plan.letters';
const DAY_MS = 86_400_000;

/** Which units carry which tasks in the demo: the task's lead unit, and the counties for 3.1. */
const demoAssignments: readonly [task: string, unit: string, percent: number, overdue: boolean][] = [
  ['3.1', 'county-530402', 80, false],
  ['3.1', 'county-530403', 65, true],
  ['3.1', 'county-530423', 70, false],
  ['3.4.1', 'city-ema', 75, false],
  ['3.4.2', 'city-ema', 60, false],
  ['3.4.4', 'city-fire', 85, false],
  ['3.4.5', 'city-traffic-police', 55, true],
  ['3.4.8', 'city-housing', 50, true],
  ['3.4.11', 'city-housing', 40, false],
  ['3.5', 'city-ema', 90, false],
  ['4.5', 'city-transport', 45, false],
  ['4.6', 'city-ema', 70, false],
];

async function idOf(source: Queryable, table: 'organisations' | 'plan_tasks', code: string): Promise<string> {
  const rows = await source.query<{ id: string }>(`SELECT id FROM ${table} WHERE code = $1 LIMIT 1`, [code]);
  return rows.rows[0]!.id;
}

/**
 * Demo plan work (演示), loaded once: assignments of the 十四五 plan's tasks to their lead units and
 * three counties with milestones (some overdue), progress reports, last year's assessment of the
 * nine counties and a gas-safety campaign over demo enterprises — so each plan page shows work on
 * the first day. Letters, self-assessments and responsibility lists follow under keys of their own. Every record is marked demo or its text begins with （演示）.
 */
export async function loadDemoPlan(deps: { db: Db; clock: Clock }): Promise<boolean> {
  const work = await loadDemoPlanWork(deps);
  const letters = await loadDemoLetters(deps);
  const selfAssessments = await loadDemoSelfAssessments(deps);
  const lists = await loadDemoResponsibilityLists(deps);
  return work || letters || selfAssessments || lists;
}

/**
 * Demo 督办函 (演示), loaded once (its own key, so a database whose plan demo came before letters
 * gets them too): a letter on each demo assignment with an overdue milestone, numbered from the
 * year's counter like a real one; the first is answered.
 */
async function loadDemoLetters(deps: { db: Db; clock: Clock }): Promise<boolean> {
  const { db, clock } = deps;
  const done = await db.query('SELECT 1 FROM settings WHERE key = $1', [DEMO_LETTERS_KEY]);
  if (done.rowCount) return false;
  const now = clock.now();
  const today = chinaDate(now);
  const year = Number(today.slice(0, 4));
  const author = await systemUserId(db);
  await inTransaction(db, async (tx) => {
    await tx.query('INSERT INTO settings (key, value) VALUES ($1, $2)', [
      DEMO_LETTERS_KEY,
      JSON.stringify({ loadedAt: now }),
    ]);
    const overdue = await tx.query<{ assignment_id: string; milestone_id: string }>(
      `SELECT DISTINCT ON (a.id) a.id AS assignment_id, m.id AS milestone_id
         FROM plan_assignments a JOIN plan_milestones m ON m.assignment_id = a.id
        WHERE a.demo AND m.done_at IS NULL AND m.due_date < $1::date
        ORDER BY a.id, m.due_date`,
      [today],
    );
    for (const [index, row] of overdue.rows.entries()) {
      const counter = await tx.query<{ last: number }>(
        `INSERT INTO plan_letter_counters (year, last) VALUES ($1, 1)
         ON CONFLICT (year) DO UPDATE SET last = plan_letter_counters.last + 1 RETURNING last`,
        [year],
      );
      const seq = counter.rows[0]!.last;
      const replied = index === 0;
      await tx.query(
        `INSERT INTO plan_supervision_letters (assignment_id, milestone_id, year, seq, number, requirement, reply_by,
                                               issued_by, issued_at, reply, replied_by, replied_at, demo)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, true)`,
        [
          row.assignment_id,
          row.milestone_id,
          year,
          seq,
          letterNumber(year, seq),
          '（演示）立即组织力量完成逾期节点，报送整改情况和佐证材料',
          chinaDate(new Date(now.getTime() + (replied ? -2 : 10) * DAY_MS)),
          author,
          new Date(now.getTime() - 8 * DAY_MS),
          replied ? '（演示）已完成排查整治，台账已报送' : null,
          replied ? author : null,
          replied ? new Date(now.getTime() - 3 * DAY_MS) : null,
        ],
      );
    }
  });
  return true;
}

async function loadDemoPlanWork(deps: { db: Db; clock: Clock }): Promise<boolean> {
  const { db, clock } = deps;
  const done = await db.query('SELECT 1 FROM settings WHERE key = $1', [DEMO_KEY]);
  if (done.rowCount) return false;
  const now = clock.now();
  const day = (offset: number) => chinaDate(new Date(now.getTime() + offset * DAY_MS));
  const year = Number(chinaDate(now).slice(0, 4));
  const author = await systemUserId(db);
  const plan = createPlanRepository(db);
  await inTransaction(db, async (tx) => {
    await tx.query('INSERT INTO settings (key, value) VALUES ($1, $2)', [
      DEMO_KEY,
      JSON.stringify({ loadedAt: now }),
    ]);
    for (const [index, [task, unit, percent, overdue]] of demoAssignments.entries()) {
      const id = await plan.insertAssignment(
        tx,
        {
          taskId: await idOf(tx, 'plan_tasks', task),
          organisationId: await idOf(tx, 'organisations', unit),
          deadline: `${year}-12-31`,
          note: '（演示）按规划分解的年度任务',
          milestones: [
            { title: '（演示）制定年度工作方案', deliverable: '工作方案', dueDate: day(-90 - index) },
            {
              title: '（演示）完成排查整治',
              deliverable: '排查整治台账',
              dueDate: day(overdue ? -20 - index : 20 + index),
            },
            { title: '（演示）年度总结', deliverable: '年度总结报告', dueDate: `${year}-12-31` },
          ],
        },
        author,
        new Date(now.getTime() - 120 * DAY_MS),
        true,
      );
      if (!id) continue;
      await tx.query(
        `UPDATE plan_milestones SET done_at = due_date WHERE assignment_id = $1 AND position = 0`,
        [id],
      );
      await plan.insertProgress(
        tx,
        id,
        {
          percent,
          status: overdue ? 'at_risk' : 'on_track',
          note: '（演示）已完成年度工作方案，正在推进排查整治',
          evidence: [],
        },
        author,
        new Date(now.getTime() - 10 * DAY_MS),
      );
    }
    const counties = await tx.query<{ id: string }>(
      "SELECT id FROM organisations WHERE kind = 'county' ORDER BY division_code",
    );
    const assessmentId = await createAssessmentRepository(db).insert(
      tx,
      {
        year: year - 1,
        name: DEMO_ASSESSMENT,
        items: demoAssessmentItems,
        organisationIds: counties.rows.map((r) => r.id),
      },
      author,
      now,
      true,
    );
    if (assessmentId)
      for (const [index, county] of counties.rows.entries())
        await createAssessmentRepository(db).score(
          tx,
          assessmentId,
          county.id,
          {
            scores: {
              duty: 28 - (index % 4),
              prevention: 23 - (index % 3),
              enforcement: 22 - (index % 5),
              emergency: 18 - (index % 2),
            },
            veto: null,
            comment: '（演示）',
          },
          author,
          now,
        );
    const campaigns = createCampaignsRepository(db);
    const campaign = await campaigns.insert(
      tx,
      {
        name: '（演示）城镇燃气安全专项整治',
        sector: '城镇燃气',
        startDate: `${year}-03-01`,
        endDate: `${year}-12-31`,
        description: '（演示）规划专栏9：城镇燃气安全排查整治工作重点',
      },
      author,
      now,
      true,
    );
    // Operating units only: a campaign rectifies what runs (the object picker offers no other).
    const enterprises = await tx.query<{ id: string; county: string }>(
      `SELECT id, county FROM enterprise_directory WHERE demo AND status = 'operating' ORDER BY id LIMIT 8`,
    );
    for (const [index, enterprise] of enterprises.rows.entries()) {
      const object = await campaigns.insertObject(
        tx,
        campaign,
        {
          enterpriseId: enterprise.id,
          organisationId: await idOf(tx, 'organisations', `county-${enterprise.county}-ema`),
          task: '（演示）燃气管道、报警装置隐患整改',
        },
        now,
        true,
      );
      if (index % 3 !== 0) await campaigns.close(tx, object, '（演示）已整改到位', [], author, now);
      if (index % 3 === 1) await campaigns.verify(tx, object, true, '（演示）验收通过', author, now);
    }
  });
  return true;
}
