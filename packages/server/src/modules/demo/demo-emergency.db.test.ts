import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, TEST_FIELD_KEY } from '../../../test/test-app.ts';
import { createManualClock } from '../../platform/clock.ts';
import { createFieldCipher } from '../../platform/crypto.ts';
import { loadDemoEmergency } from './demo-emergency.ts';

describe('demo emergency libraries (演示)', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('loads once, every row marked demo, with drills 2021–2026 and a full week of duty', async () => {
    const { db } = database;
    const clock = createManualClock(new Date('2026-11-29T02:00:00Z'));
    const cipher = createFieldCipher(TEST_FIELD_KEY);
    expect(await loadDemoEmergency({ db, clock, cipher })).toBe(true);
    expect(await loadDemoEmergency({ db, clock, cipher })).toBe(false);

    const counts = await db.query<{ kind: string; count: number; demo: boolean }>(
      'SELECT kind, count(*)::int AS count, bool_and(demo) AS demo FROM emergency_resources GROUP BY kind ORDER BY kind',
    );
    expect(counts.rows).toEqual([
      { kind: 'expert', count: 5, demo: true },
      { kind: 'team', count: 7, demo: true },
      { kind: 'warehouse', count: 4, demo: true },
    ]);
    const years = await db.query<{ year: number }>(
      "SELECT DISTINCT extract(year FROM held_on)::int AS year FROM drills WHERE demo AND status = 'held' ORDER BY 1",
    );
    expect(years.rows.map((r) => r.year)).toEqual([2021, 2022, 2023, 2024, 2025, 2026]);
    // The week of 2026-11-23 (Monday) to 2026-11-29: city day and night shifts and 红塔区's all-day shift.
    const roster = await db.query<{ days: number; shifts: number }>(
      "SELECT count(DISTINCT duty_date)::int AS days, count(*)::int AS shifts FROM duty_shifts WHERE duty_date BETWEEN '2026-11-23' AND '2026-11-29'",
    );
    expect(roster.rows[0]).toEqual({ days: 7, shifts: 21 });
    const alerts = await db.query<{ count: number }>(
      "SELECT count(*)::int AS count FROM emergency_materials WHERE quantity < minimum_stock OR expires_on <= '2026-12-29'",
    );
    expect(alerts.rows[0]!.count).toBeGreaterThan(0);
    const plans = await db.query<{ count: number }>(
      'SELECT count(*)::int AS count FROM emergency_plans WHERE demo',
    );
    expect(plans.rows[0]!.count).toBe(6);
  });
});
