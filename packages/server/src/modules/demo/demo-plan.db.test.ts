import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/test-app.ts';
import { createManualClock } from '../../platform/clock.ts';
import { loadDemoPlan } from './demo-plan.ts';

describe('demo plan work (演示)', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('loads labelled assignments with overdue milestones, their 督办函, last year’s assessment and a campaign, once', async () => {
    const { db } = database;
    const clock = createManualClock(new Date('2026-11-29T02:00:00Z'));
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
    const assessment = await db.query<{ year: number; units: number }>(
      `SELECT a.year, count(u.scored_at)::int AS units FROM plan_assessments a JOIN plan_assessment_units u ON u.assessment_id = a.id
        WHERE a.demo GROUP BY a.year`,
    );
    expect(assessment.rows).toEqual([{ year: 2025, units: 9 }]);
    const campaign = await db.query<{ name: string }>('SELECT name FROM plan_campaigns WHERE demo');
    expect(campaign.rows).toEqual([{ name: '（演示）城镇燃气安全专项整治' }]);
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
