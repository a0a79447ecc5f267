import type { Clock } from '../../platform/clock.ts';
import { inTransaction, type Db } from '../../platform/db.ts';
import { createCamerasRepository, TEST_PLAYLIST } from '../video/index.ts';

const DEMO_KEY = 'demo.video';
/** Cameras that play the local test pattern (the test gateway); the others are shown 离线. */
const LIVE = 3;
const VIEWS = ['罐区球机', '装卸区枪机', '厂区周界枪机', '坝顶球机', '库区全景'];

/**
 * Demo cameras (演示), loaded once: one on each of up to eleven demo major hazard sources and
 * tailings ponds (a few dozen metres from the site, tied to its first monitoring point), and one on
 * a road section. The first three come through the platform's test gateway and play the local
 * ffmpeg test pattern; the others name streams that gateway does not have, so they show offline.
 * Without ffmpeg every camera shows offline and nothing fails.
 */
export async function loadDemoVideo(deps: { db: Db; clock: Clock }): Promise<boolean> {
  const { db, clock } = deps;
  if ((await db.query('SELECT 1 FROM settings WHERE key = $1', [DEMO_KEY])).rowCount) return false;
  const objects = await db.query<{
    id: string;
    name: string;
    kind: string;
    enterprise_id: string;
    county: string;
    lon: number;
    lat: number;
    point_id: string | null;
  }>(
    `SELECT o.id, o.name, o.kind, o.enterprise_id, o.county, o.lon, o.lat,
            (SELECT p.id FROM monitoring_points p WHERE p.object_id = o.id ORDER BY p.code LIMIT 1) AS point_id
       FROM regulated_objects o
      WHERE o.demo AND o.enterprise_id IS NOT NULL AND o.kind IN ('major_hazard_source', 'tailings_pond')
      ORDER BY (SELECT count(*) FROM monitoring_points p WHERE p.object_id = o.id) DESC, o.kind, o.name, o.id
      LIMIT 11`,
  );
  const cameras = createCamerasRepository(db);
  const now = clock.now();
  await inTransaction(db, async (tx) => {
    await tx.query('INSERT INTO settings (key, value) VALUES ($1, $2)', [
      DEMO_KEY,
      JSON.stringify({ loadedAt: now.toISOString() }),
    ]);
    for (const [index, o] of objects.rows.entries()) {
      const number = String(index + 1).padStart(3, '0');
      const view = VIEWS[(index + (o.kind === 'tailings_pond' ? 3 : 0)) % VIEWS.length]!;
      await cameras.insert(
        tx,
        {
          // A GB/T 28181 device number: centre (county + 00), industry 00, type 132 (network camera), serial.
          code: `${o.county}0000132${String(index + 1).padStart(7, '0')}`,
          name: `${o.name}${view}（演示）`,
          enterpriseId: o.enterprise_id,
          county: o.county,
          objectId: o.id,
          monitoringPointId: o.point_id,
          roadSection: null,
          // A few dozen metres north-east of the site, facing it.
          location: { lon: Number((o.lon + 0.0003).toFixed(6)), lat: Number((o.lat + 0.0002).toFixed(6)) },
          direction: 236,
          gatewayId: 'local-test',
          streamRef: index < LIVE ? TEST_PLAYLIST : `demo-camera-${number}.m3u8`,
        },
        true,
        now,
      );
    }
    const first = objects.rows[0];
    if (first)
      await cameras.insert(
        tx,
        {
          code: `${first.county}0000132${'9'.repeat(7)}`,
          name: '危化品运输路段卡口（演示）',
          enterpriseId: first.enterprise_id,
          county: first.county,
          objectId: null,
          monitoringPointId: null,
          roadSection: '危化品运输专用路段 K3+200（演示）',
          location: {
            lon: Number((first.lon - 0.004).toFixed(6)),
            lat: Number((first.lat - 0.003).toFixed(6)),
          },
          direction: 90,
          gatewayId: 'local-test',
          streamRef: 'demo-camera-road.m3u8',
        },
        true,
        now,
      );
  });
  return true;
}
