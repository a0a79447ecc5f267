import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, TEST_FIELD_KEY } from '../../../test/test-app.ts';
import { createManualClock } from '../../platform/clock.ts';
import { createFieldCipher, verifyPassword } from '../../platform/crypto.ts';
import { seedReferenceData } from '../../platform/reference-data.ts';
import { createTeamsRepository } from '../emergency/teams/teams.repository.ts';
import { loadDemoEmergency } from './demo-emergency.ts';
import { loadDemoTeamAccounts } from './demo-team-accounts.ts';
import { DEMO_TEAM_LEADER, loadDemoTeams } from './demo-teams.ts';

describe('demo rescue team accounts (演示)', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('gives every demo team a leader account and a member account, offered by the team-member picker', async () => {
    const { db } = database;
    const clock = createManualClock(new Date('2026-12-06T02:00:00Z'));
    await seedReferenceData(db, clock);
    await loadDemoEmergency({ db, clock, cipher: createFieldCipher(TEST_FIELD_KEY) });
    await loadDemoTeams({ db, clock });
    expect(await loadDemoTeamAccounts({ db, clock })).toBe(true);
    expect(await loadDemoTeamAccounts({ db, clock })).toBe(false);

    const teams = await db.query<{ name: string; leaders: string[]; members: string[] }>(
      `SELECT r.name,
              coalesce(array_agg(u.display_name ORDER BY u.username) FILTER (WHERE m.leader), '{}') AS leaders,
              coalesce(array_agg(u.display_name ORDER BY u.username) FILTER (WHERE NOT m.leader), '{}') AS members
         FROM emergency_resources r
         LEFT JOIN rescue_team_members m ON m.team_id = r.id
         LEFT JOIN users u ON u.id = m.user_id
        WHERE r.demo AND r.kind = 'team' GROUP BY r.name ORDER BY r.name COLLATE "C"`,
    );
    expect(teams.rows.map((r) => [r.name, r.leaders, r.members])).toEqual([
      ['华宁县电力抢修队（演示）', ['卫队长（演示）'], ['蒋队员（演示）']],
      ['抚仙湖水上蓝天救援队（演示）', ['陈队长（演示）'], ['褚队员（演示）']],
      ['新平县矿山应急救援队（演示）', ['周队长（演示）'], ['吴队员（演示）']],
      ['易门县矿山救护队（演示）', ['钱队长（演示）'], ['孙队员（演示）']],
      ['玉溪市危险化学品应急救援队（演示）', ['张队长（演示）'], ['李队员（演示）']],
      ['研和工业园区危化品救援中队（演示）', ['王中队长（演示）'], ['赵队员（演示）']],
      ['通海县抗震救灾应急分队（演示）', ['郑队长（演示）'], ['冯队员（演示）']],
    ]);

    // The picker offers accounts holding the rescue team role: all fourteen demo accounts.
    const candidates = await createTeamsRepository(db).candidates();
    expect(candidates.filter((c) => c.name.endsWith('（演示）'))).toHaveLength(14);

    // A new leader signs in with the demo team password and has nothing to change first.
    const yanhe = await db.query<{ password_hash: string; must_change_password: boolean }>(
      `SELECT password_hash, must_change_password FROM users WHERE username = 'demo_yanhe_leader'`,
    );
    expect(yanhe.rows[0]!.must_change_password).toBe(false);
    expect(await verifyPassword(DEMO_TEAM_LEADER.password, yanhe.rows[0]!.password_hash)).toBe(true);
  });
});
