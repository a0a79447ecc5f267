import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, TEST_FIELD_KEY } from '../../../test/test-app.ts';
import { createManualClock } from '../../platform/clock.ts';
import { createFieldCipher } from '../../platform/crypto.ts';
import { loadDemoRegistry } from './demo-data.ts';
import { loadDemoMajorHazards } from './demo-major-hazards.ts';

describe('demo GB 18218 declarations (演示)', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('grades the named oil, gas and steel units 1–4, once, and keeps their registry objects in step', async () => {
    const { db } = database;
    const clock = createManualClock(new Date('2026-11-29T02:00:00Z'));
    expect(await loadDemoMajorHazards({ db, clock })).toBe(false); // no demo registry yet
    await loadDemoRegistry({ db, clock, cipher: createFieldCipher(TEST_FIELD_KEY) });
    expect(await loadDemoMajorHazards({ db, clock })).toBe(true);
    expect(await loadDemoMajorHazards({ db, clock })).toBe(false);

    const units = await db.query<{
      name: string;
      s: string;
      level: number | null;
      demo: boolean;
      object_level: number | null;
    }>(
      `SELECT u.name, u.s, u.level, u.demo, (o.attributes->>'level')::int AS object_level
       FROM major_hazard_units u LEFT JOIN regulated_objects o ON o.id = u.registry_object_id ORDER BY u.level NULLS LAST`,
    );
    expect(units.rows.map((u) => [u.level, u.object_level, u.demo])).toEqual([
      [1, 1, true],
      [2, 2, true],
      [3, 3, true],
      [4, 4, true],
      [null, null, true],
    ]);
    // The steel works' gas holders were already in the registry: taken over, not duplicated.
    const holders = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM regulated_objects WHERE kind = 'major_hazard_source' AND name LIKE '%煤气柜%'`,
    );
    expect(holders.rows[0]!.n).toBe(2);
  });
});
