import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/test-app.ts';
import { insertEnterprise } from '../../../test/factories.ts';
import { createManualClock } from '../../platform/clock.ts';
import { loadDemoPlan } from './demo-plan.ts';

describe('demo plan work (演示)', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('loads labelled assignments with overdue milestones, their 督办函, the assessments with self-scores, responsibility lists and a campaign, once', async () => {
    const { db } = database;
    const clock = createManualClock(new Date('2026-11-29T02:00:00Z'));
    // Demo enterprises, some of them no longer operating: the campaign takes operating ones only.
    for (let serial = 1; serial <= 12; serial += 1) {
      const id = await insertEnterprise(db, { name: `演示燃气企业${serial}`, county: '530402', serial });
      const status = serial % 3 === 0 ? 'closed' : 'operating';
      await db.query('UPDATE enterprises SET demo = true, status = $2 WHERE id = $1', [id, status]);
    }
    expect(await loadDemoPlan({ db, clock })).toBe(true);
    expect(await loadDemoPlan({ db, clock })).toBe(false);
    const assignments = await db.query<{ n: number; demo: boolean }>(
      'SELECT count(*)::int AS n, bool_and(demo) AS demo FROM plan_assignments',
    );
    expect(assignments.rows[0]).toEqual({ n: 12, demo: true });
    const overdue = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM plan_milestones WHERE done_at IS NULL AND due_date < '2026-11-29'",
    );
    expect(overdue.rows[0]!.n).toBe(3);
    // Last year's: scored, published, every county self-assessed first; this year's: four self-assessed.
    const assessment = await db.query<{
      year: number;
      units: number;
      scored: number;
      published: boolean;
      selfAssessed: number;
      before: boolean;
    }>(
      `SELECT a.year, count(*)::int AS units, count(u.scored_at)::int AS scored, a.published_at IS NOT NULL AS published,
              (SELECT count(DISTINCT organisation_id)::int FROM plan_assessment_self_scores s WHERE s.assessment_id = a.id) AS "selfAssessed",
              coalesce(bool_and(NOT EXISTS (SELECT 1 FROM plan_assessment_self_scores s
                 WHERE s.assessment_id = a.id AND s.organisation_id = u.organisation_id AND s.submitted_at >= u.scored_at)), true) AS before
         FROM plan_assessments a JOIN plan_assessment_units u ON u.assessment_id = a.id
        WHERE a.demo GROUP BY a.id ORDER BY a.year`,
    );
    expect(assessment.rows).toEqual([
      { year: 2025, units: 9, scored: 9, published: true, selfAssessed: 9, before: true },
      { year: 2026, units: 9, scored: 0, published: false, selfAssessed: 4, before: true },
    ]);
    const lists = await db.query<{ title: string; version: number; versions: number }>(
      `SELECT l.title, l.version, count(v.*)::int AS versions FROM plan_responsibility_lists l
         JOIN plan_responsibility_list_versions v ON v.list_id = l.id WHERE l.demo GROUP BY l.id ORDER BY l.title`,
    );
    expect(lists.rows).toHaveLength(5);
    expect(lists.rows.every((l) => l.title.startsWith('（演示）') && l.version === l.versions)).toBe(true);
    expect(lists.rows.filter((l) => l.version === 2).map((l) => l.title)).toEqual([
      '（演示）市住房和城乡建设局安全生产责任清单',
      '（演示）市长安全生产工作责任清单',
    ]);
    const campaign = await db.query<{ name: string }>('SELECT name FROM plan_campaigns WHERE demo');
    expect(campaign.rows).toEqual([{ name: '（演示）城镇燃气安全专项整治' }]);
    // Its objects are operating units, so the object picker (operating only) finds each of them.
    const objectStatuses = await db.query<{ status: string; n: number }>(
      `SELECT e.status, count(*)::int AS n FROM plan_campaign_objects o JOIN enterprises e ON e.id = o.enterprise_id
        GROUP BY e.status`,
    );
    expect(objectStatuses.rows).toEqual([{ status: 'operating', n: 8 }]);
    const letters = await db.query<{ number: string; replied: boolean }>(
      'SELECT number, reply IS NOT NULL AS replied FROM plan_supervision_letters WHERE demo ORDER BY seq',
    );
    expect(letters.rows).toEqual([
      { number: '玉安委办督〔2026〕1号', replied: true },
      { number: '玉安委办督〔2026〕2号', replied: false },
      { number: '玉安委办督〔2026〕3号', replied: false },
    ]);
  });
});
