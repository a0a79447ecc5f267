import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/test-app.ts';
import { createManualClock } from '../../platform/clock.ts';
import { loadDemoStatistics } from './demo-statistics.ts';

describe('demo statistics (演示)', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('loads labelled history from 2016 to today, denominators for every county and this year’s control numbers, once', async () => {
    const { db } = database;
    const clock = createManualClock(new Date('2026-11-29T02:00:00Z'));
    expect(await loadDemoStatistics({ db, clock })).toBe(true);
    expect(await loadDemoStatistics({ db, clock })).toBe(false);

    const years = await db.query<{ year: number; n: number; deaths: number; demo: boolean }>(
      `SELECT extract(year FROM occurred_at AT TIME ZONE 'Asia/Shanghai')::int AS year, count(*)::int AS n,
              sum(deaths)::int AS deaths, bool_and(demo AND location LIKE '（演示）%') AS demo
         FROM statistics_accidents GROUP BY 1 ORDER BY 1`,
    );
    expect(years.rows.map((r) => r.year)).toEqual([
      2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026,
    ]);
    expect(years.rows.every((r) => r.demo)).toBe(true);
    // ≈ 72 accidents in 2016, falling 6 % a year; 2026 runs to 29 November only.
    expect(years.rows[0]!.n).toBeGreaterThanOrEqual(65);
    expect(years.rows[0]!.n).toBeLessThanOrEqual(72);
    expect(years.rows[9]!.n).toBeLessThan(years.rows[0]!.n);
    const last = await db.query<{ at: Date }>('SELECT max(occurred_at) AS at FROM statistics_accidents');
    expect(last.rows[0]!.at.getTime()).toBeLessThanOrEqual(clock.now().getTime());

    const denominators = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM statistics_denominators WHERE demo AND gdp_yi > 0 AND industrial_workers > 0',
    );
    expect(denominators.rows[0]!.n).toBe(11 * 10); // 2016–2026 × (city + 9 counties)
    const limits = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM statistics_control_numbers WHERE year = 2026 AND demo',
    );
    expect(limits.rows[0]!.n).toBe(9);
  });
});
