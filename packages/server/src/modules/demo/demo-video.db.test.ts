import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertEnterprise, insertObject, insertPoint } from '../../../test/factories.ts';
import { createTestDatabase } from '../../../test/test-app.ts';
import { createManualClock } from '../../platform/clock.ts';
import { loadDemoVideo } from './demo-video.ts';

describe('demo cameras (演示)', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('puts a dozen cameras on the demo sites and a road, three of them on the local test stream, once', async () => {
    const { db } = database;
    for (let i = 0; i < 13; i += 1) {
      const enterpriseId = await insertEnterprise(db, {
        name: `演示化工${i}有限公司`,
        county: '530402',
        serial: 700 + i,
      });
      const objectId = await insertObject(db, {
        enterpriseId,
        county: '530402',
        name: `演示罐区${i}`,
        lon: 102.5 + i / 100,
      });
      if (i < 4)
        await insertPoint(db, {
          code: `DV-${i}`,
          name: `可燃气体${i}`,
          objectId,
          enterpriseId,
          county: '530402',
        });
    }
    await db.query('UPDATE regulated_objects SET demo = true');
    const clock = createManualClock(new Date('2026-11-29T02:00:00Z'));
    expect(await loadDemoVideo({ db, clock })).toBe(true);
    expect(await loadDemoVideo({ db, clock })).toBe(false);
    const rows = await db.query<{
      stream_ref: string;
      object_id: string | null;
      monitoring_point_id: string | null;
      road_section: string | null;
      name: string;
    }>(
      'SELECT stream_ref, object_id, monitoring_point_id, road_section, name FROM video_cameras WHERE demo ORDER BY code',
    );
    expect(rows.rows).toHaveLength(12);
    expect(rows.rows.filter((r) => r.stream_ref === 'index.m3u8')).toHaveLength(3);
    // The live ones watch the sites that have monitoring points (where alarms come from).
    expect(
      rows.rows.filter((r) => r.stream_ref === 'index.m3u8').every((r) => r.monitoring_point_id !== null),
    ).toBe(true);
    expect(rows.rows.filter((r) => r.road_section !== null)).toHaveLength(1);
    expect(rows.rows.every((r) => r.name.endsWith('（演示）'))).toBe(true);
  });
});
