import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incidentZoneSetInputSchema, zonesHolding } from '@anjian/domain';
import { createTestDatabase, TEST_FIELD_KEY } from '../../../test/test-app.ts';
import { createManualClock } from '../../platform/clock.ts';
import { createFieldCipher, verifyPassword } from '../../platform/crypto.ts';
import { seedReferenceData } from '../../platform/reference-data.ts';
import { loadDemoEmergency } from './demo-emergency.ts';
import { DEMO_TEAM_LEADER, loadDemoTeams } from './demo-teams.ts';

describe('demo rescue teams (演示)', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('loads once: a team leader linked to the hazmat team, an open demo incident with a team on its way and a track', async () => {
    const { db } = database;
    const clock = createManualClock(new Date('2026-12-06T02:00:00Z'));
    await seedReferenceData(db, clock);
    await loadDemoEmergency({ db, clock, cipher: createFieldCipher(TEST_FIELD_KEY) });
    expect(await loadDemoTeams({ db, clock })).toBe(true);
    expect(await loadDemoTeams({ db, clock })).toBe(false);

    const leader = await db.query<{ password_hash: string; team: string; leader: boolean }>(
      `SELECT u.password_hash, r.name AS team, m.leader FROM users u
         JOIN rescue_team_members m ON m.user_id = u.id JOIN emergency_resources r ON r.id = m.team_id
        WHERE u.username = $1`,
      [DEMO_TEAM_LEADER.username],
    );
    expect(leader.rows.map((r) => [r.team, r.leader])).toEqual([
      ['玉溪市危险化学品应急救援队（演示）', true],
    ]);
    expect(await verifyPassword(DEMO_TEAM_LEADER.password, leader.rows[0]!.password_hash)).toBe(true);

    const tasks = await db.query<{ name: string; status: string; fixes: number }>(
      `SELECT r.name, t.status, (SELECT count(*)::int FROM dispatch_task_operations o WHERE o.task_id = t.id) AS fixes
         FROM dispatch_tasks t JOIN emergency_resources r ON r.id = t.resource_id
         JOIN incidents i ON i.id = t.incident_id WHERE i.location LIKE '%（演示）' AND i.status = 'open' ORDER BY r.name`,
    );
    expect(tasks.rows.map((r) => [r.name, r.status])).toEqual([
      ['玉溪市危险化学品应急救援队（演示）', 'en_route'],
      ['研和工业园区危化品救援中队（演示）', 'on_scene'],
    ]);
    expect(tasks.rows.every((r) => r.fixes > 10)).toBe(true);
    // The recorded zones the team's phone shows, valid as the API would accept them.
    const zones = await db.query<{ version: number; zones: unknown; evacuation_radius_m: number }>(
      `SELECT z.version, z.zones, z.evacuation_radius_m FROM incident_zone_sets z
         JOIN incidents i ON i.id = z.incident_id WHERE i.location LIKE '%（演示）'`,
    );
    expect(zones.rows.map((r) => [r.version, r.evacuation_radius_m])).toEqual([[1, 1500]]);
    const parsed = incidentZoneSetInputSchema.parse({
      model: { id: 'gaussian-plume', zh: '高斯烟羽模型', en: 'Gaussian plume' },
      inputs: {},
      centre: [102.5, 24.27],
      zones: zones.rows[0]!.zones,
      evacuationRadiusM: 1500,
    });
    // 300 m downwind (east) of the site is in both zones; 300 m upwind in none.
    expect(zonesHolding([102.5 + 300 / 101_470, 24.27], parsed.zones)).toEqual(['demo-aegl3', 'demo-aegl2']);
    expect(zonesHolding([102.5 - 300 / 101_470, 24.27], parsed.zones)).toEqual([]);
  });
});
