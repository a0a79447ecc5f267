import type { MonitoringPointType, PointThresholds } from '@anjian/domain';
import type { Clock } from '../../platform/clock.ts';
import { inTransaction, type Db } from '../../platform/db.ts';
import { demoIntervalSeconds } from '../monitoring/simulator.ts';

const DEMO_KEY = 'demo.hazard-sites';

interface DemoSite {
  readonly code: string;
  readonly kind: 'geo_hazard_site' | 'forest_fire_area';
  readonly name: string;
  readonly county: string;
  readonly lon: number;
  readonly lat: number;
  readonly attributes: Record<string, unknown>;
  readonly geometry?: unknown;
  readonly points: readonly [suffix: string, type: MonitoringPointType, unit: string, name: string][];
}

/** Rain: 24-hour amount, yellow at the rainstorm amount (the type's default) and above. */
const rainThresholds: PointThresholds = {
  scheme: 'graded',
  side: 'high',
  blue: 25,
  yellow: 50,
  orange: 100,
  red: 250,
};
/** A crack meter: cumulative opening from the baseline, from the site's survey. */
const crackThresholds: PointThresholds = {
  scheme: 'graded',
  side: 'high',
  blue: 10,
  yellow: 20,
  orange: 50,
  red: 100,
};

const ring = (lon: number, lat: number, d: number) => [
  [lon - d, lat - d * 0.8],
  [lon + d, lat - d * 0.8],
  [lon + d * 1.2, lat + d * 0.6],
  [lon - d * 0.6, lat + d],
  [lon - d, lat - d * 0.8],
];

/**
 * Made-up sites (演示) in 峨山 and 新平 — plausible names of places, not real registers — and one
 * forest-fire risk area in 易门 (issue 18, decision 0006).
 */
export const demoHazardSites: readonly DemoSite[] = [
  {
    code: 'EMS-01',
    kind: 'geo_hazard_site',
    name: '峨山县甸中镇老寨子滑坡隐患点（演示）',
    county: '530426',
    lon: 102.318,
    lat: 24.214,
    attributes: {
      responsibleUnit: '峨山县甸中镇人民政府',
      township: '甸中镇',
      hazardType: 'landslide',
      scale: 'medium',
      threatenedPeople: 126,
      threatenedHouseholds: 31,
      threatenedPropertyWanYuan: 480,
      monitor: '李建华（演示）',
    },
    points: [
      ['YL01', 'rainfall', 'mm', '老寨子雨量计'],
      ['WY01', 'ground_displacement', 'mm', '老寨子后缘裂缝位移计'],
    ],
  },
  {
    code: 'XP-01',
    kind: 'geo_hazard_site',
    name: '新平县戛洒镇大平掌泥石流隐患点（演示）',
    county: '530427',
    lon: 101.566,
    lat: 24.049,
    attributes: {
      responsibleUnit: '新平县戛洒镇人民政府',
      township: '戛洒镇',
      hazardType: 'debris_flow',
      scale: 'large',
      threatenedPeople: 214,
      threatenedHouseholds: 57,
      threatenedPropertyWanYuan: 960,
      monitor: '普学忠（演示）',
    },
    points: [
      ['YL01', 'rainfall', 'mm', '大平掌沟雨量计'],
      ['WY01', 'ground_displacement', 'mm', '大平掌沟口位移计'],
    ],
  },
  {
    code: 'YM-01',
    kind: 'forest_fire_area',
    name: '易门县龙泉林区森林火险区（演示）',
    county: '530425',
    lon: 102.12,
    lat: 24.7,
    attributes: {
      responsibleUnit: '易门县林业和草原局',
      township: '龙泉街道',
      areaHa: 3200,
      fireRiskGrade: 1,
      threatenedPeople: 1850,
    },
    geometry: { type: 'Polygon', coordinates: [ring(102.12, 24.7, 0.05)] },
    points: [],
  },
];

/** Two geological-hazard sites with a rain gauge and a crack meter each, and a forest-fire risk area (演示), once. */
export async function loadDemoHazardSites(deps: { db: Db; clock: Clock }): Promise<boolean> {
  const { db, clock } = deps;
  const done = await db.query('SELECT 1 FROM settings WHERE key = $1', [DEMO_KEY]);
  if (done.rowCount) return false;
  const now = clock.now();
  await inTransaction(db, async (tx) => {
    await tx.query('INSERT INTO settings (key, value) VALUES ($1, $2)', [
      DEMO_KEY,
      JSON.stringify({ loadedAt: now.toISOString() }),
    ]);
    for (const site of demoHazardSites) {
      const inserted = await tx.query<{ id: string }>(
        `INSERT INTO regulated_objects (kind, name, enterprise_id, county, lon, lat, attributes, geometry, demo,
           created_at, updated_at)
         VALUES ($1, $2, NULL, $3, $4, $5, $6, $7, true, $8, $8) RETURNING id`,
        [
          site.kind,
          site.name,
          site.county,
          site.lon,
          site.lat,
          JSON.stringify(site.attributes),
          site.geometry ? JSON.stringify(site.geometry) : null,
          now,
        ],
      );
      for (const [suffix, type, unit, name] of site.points) {
        await tx.query(
          `INSERT INTO monitoring_points (code, name, object_id, enterprise_id, county, type, unit, range_min, range_max,
             expected_interval_seconds, thresholds, demo, created_at, updated_at)
           VALUES ($1, $2, $3, NULL, $4, $5, $6, $7, $8, $9, $10, true, $11, $11)`,
          [
            `DEMO-GEO-${site.code}-${suffix}`,
            `${name}（演示）`,
            inserted.rows[0]!.id,
            site.county,
            type,
            unit,
            0,
            500,
            demoIntervalSeconds(type),
            JSON.stringify(type === 'rainfall' ? rainThresholds : crackThresholds),
            now,
          ],
        );
      }
    }
  });
  return true;
}
