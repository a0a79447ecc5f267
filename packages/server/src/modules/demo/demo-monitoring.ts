import { chmodSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { monitoringPointTypeOf, type MonitoringPointType, type PointThresholds } from '@anjian/domain';
import type { Clock } from '../../platform/clock.ts';
import { inTransaction, type Db } from '../../platform/db.ts';
import type { DeviceTokens } from '../monitoring/device-tokens.ts';
import { demoIntervalSeconds, type SimulatedDevice, type SimulatedPoint } from '../monitoring/simulator.ts';

const DEMO_KEY = 'demo.monitoring';
const SIMULATOR_TOKEN_NAME = '演示模拟器';

const hazardSourcePoints: readonly [string, MonitoringPointType, string][] = [
  ['LT01', 'liquid_level', '1号储罐液位'],
  ['TT01', 'temperature', '1号储罐温度'],
  ['PT01', 'pressure', '1号储罐压力'],
  ['GT01', 'combustible_gas', '罐区可燃气体探测器1'],
  ['GT02', 'combustible_gas', '罐区可燃气体探测器2'],
];
const tailingsPoints: readonly [string, MonitoringPointType, string][] = [
  ['WY01', 'surface_displacement', '坝体表面位移1'],
  ['WY02', 'surface_displacement', '坝体表面位移2'],
  ['WY03', 'surface_displacement', '坝体表面位移3'],
  ['WY04', 'surface_displacement', '坝体表面位移4'],
  ['JR01', 'phreatic_depth', '浸润线埋深1'],
  ['JR02', 'phreatic_depth', '浸润线埋深2'],
  ['GT01', 'dry_beach_length', '干滩长度'],
];

/** Thresholds that fit the type's range: a calm band in the middle, alarms beyond it. */
export function demoThresholds(type: MonitoringPointType): PointThresholds {
  const definition = monitoringPointTypeOf(type);
  const { min, max } = definition.range;
  const span = max - min;
  const at = (fraction: number) => Math.round((min + fraction * span) * 100) / 100;
  if (definition.scheme === 'process') {
    if (type === 'combustible_gas') return { scheme: 'process', H: { value: 20 }, HH: { value: 40 } };
    if (type === 'toxic_gas') return { scheme: 'process', H: { value: at(0.05) }, HH: { value: at(0.1) } };
    return {
      scheme: 'process',
      LL: { value: at(0.05) },
      L: { value: at(0.1) },
      H: { value: at(0.8) },
      HH: { value: at(0.9) },
    };
  }
  const side = definition.defaultSide;
  return side === 'high'
    ? { scheme: 'graded', side, blue: at(0.55), yellow: at(0.65), orange: at(0.75), red: at(0.85) }
    : { scheme: 'graded', side, blue: at(0.45), yellow: at(0.35), orange: at(0.25), red: at(0.15) };
}

/**
 * Monitoring points (演示) on the demo major hazard sources and tailings ponds, once per database:
 * five process points per hazard source, seven dam points per tailings pond, with thresholds.
 */
export async function loadDemoMonitoring(deps: { db: Db; clock: Clock }): Promise<boolean> {
  const { db, clock } = deps;
  const done = await db.query('SELECT 1 FROM settings WHERE key = $1', [DEMO_KEY]);
  if (done.rowCount) return false;
  const now = clock.now();
  const objects = await db.query<{ id: string; kind: string; enterprise_id: string; county: string }>(
    `SELECT id, kind, enterprise_id, county FROM regulated_objects
      WHERE demo AND enterprise_id IS NOT NULL AND kind IN ('major_hazard_source', 'tailings_pond')
      ORDER BY kind, name, id`,
  );
  await inTransaction(db, async (tx) => {
    await tx.query('INSERT INTO settings (key, value) VALUES ($1, $2)', [
      DEMO_KEY,
      JSON.stringify({ loadedAt: now.toISOString() }),
    ]);
    for (const [index, object] of objects.rows.entries()) {
      const set = object.kind === 'tailings_pond' ? tailingsPoints : hazardSourcePoints;
      for (const [suffix, type, name] of set) {
        const definition = monitoringPointTypeOf(type);
        await tx.query(
          `INSERT INTO monitoring_points (code, name, object_id, enterprise_id, county, type, unit, range_min, range_max,
             expected_interval_seconds, thresholds, demo, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, true, $12, $12)`,
          [
            `DEMO-${object.county}-${String(index + 1).padStart(3, '0')}-${suffix}`,
            `${name}（演示）`,
            object.id,
            object.enterprise_id,
            object.county,
            type,
            definition.units[0],
            definition.range.min,
            definition.range.max,
            demoIntervalSeconds(type),
            JSON.stringify(demoThresholds(type)),
            now,
          ],
        );
      }
    }
  });
  return true;
}

/** The demo points grouped by enterprise, each group with a fresh device token (old ones revoked). */
export async function demoSimulatorDevices(deps: {
  db: Db;
  devices: DeviceTokens;
  userId: string | null;
}): Promise<SimulatedDevice[]> {
  const { db, devices } = deps;
  await db.query('UPDATE device_tokens SET revoked_at = now() WHERE name = $1 AND revoked_at IS NULL', [
    SIMULATOR_TOKEN_NAME,
  ]);
  const rows = await db.query<{
    code: string;
    type: MonitoringPointType;
    range_min: number;
    range_max: number;
    thresholds: PointThresholds | null;
    expected_interval_seconds: number;
    enterprise_id: string | null;
    county: string;
  }>(
    `SELECT code, type, range_min, range_max, thresholds, expected_interval_seconds, enterprise_id, county
       FROM monitoring_points WHERE demo AND disabled_at IS NULL ORDER BY enterprise_id NULLS LAST, county, code`,
  );
  // One gateway per enterprise; the natural-hazard sites' points (no enterprise) one per county.
  const byEnterprise = new Map<
    string,
    { enterpriseId: string | null; county: string; points: SimulatedPoint[] }
  >();
  for (const row of rows.rows) {
    const key = row.enterprise_id ?? `county:${row.county}`;
    const entry = byEnterprise.get(key) ?? {
      enterpriseId: row.enterprise_id,
      county: row.county,
      points: [],
    };
    entry.points.push({
      code: row.code,
      type: row.type,
      range: { min: row.range_min, max: row.range_max },
      thresholds: row.thresholds,
      expectedIntervalSeconds: row.expected_interval_seconds,
    });
    byEnterprise.set(key, entry);
  }
  const result: SimulatedDevice[] = [];
  for (const { enterpriseId, ...entry } of byEnterprise.values()) {
    const { token } = await devices.create({
      enterpriseId,
      county: entry.county,
      name: SIMULATOR_TOKEN_NAME,
      userId: deps.userId,
    });
    result.push({ token, enterpriseId, county: entry.county, points: entry.points });
  }
  return result;
}

/** Where `npm run simulate` finds the demo devices of a running server (owner-only file). */
export function simulatorDevicesFile(dataDir: string): string {
  return path.join(dataDir, 'simulator-devices.json');
}

export function writeSimulatorDevices(dataDir: string, devices: readonly SimulatedDevice[]): void {
  const file = simulatorDevicesFile(dataDir);
  writeFileSync(file, JSON.stringify(devices), { mode: 0o600 });
  chmodSync(file, 0o600);
}
