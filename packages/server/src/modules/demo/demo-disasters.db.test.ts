import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/test-app.ts';
import { createManualClock } from '../../platform/clock.ts';
import { loadDemoDisasters } from './demo-disasters.ts';

describe('demo natural disasters (演示)', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('loads once: a landslide with 3 townships reported twice and a stable flood with verified figures', async () => {
    const { db } = database;
    const clock = createManualClock(new Date('2026-11-29T02:00:00Z'));
    expect(await loadDemoDisasters({ db, clock })).toBe(true);
    expect(await loadDemoDisasters({ db, clock })).toBe(false);
    const { rows } = await db.query<{
      kind: string;
      townships: number;
      reports: number;
      demo: boolean;
      stable: boolean;
    }>(
      `SELECT e.kind, cardinality(e.townships) AS townships, count(r.id)::int AS reports, e.demo,
         e.stabilised_at IS NOT NULL AS stable
       FROM disaster_events e JOIN disaster_reports r ON r.event_id = e.id GROUP BY e.id ORDER BY e.kind`,
    );
    expect(rows).toEqual([
      { kind: 'flood', townships: 2, reports: 4, demo: true, stable: true },
      { kind: 'landslide', townships: 3, reports: 6, demo: true, stable: false },
    ]);
  });
});
