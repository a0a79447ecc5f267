import type { Clock } from '../../platform/clock.ts';
import { hashPassword } from '../../platform/crypto.ts';
import { inTransaction, type Db } from '../../platform/db.ts';
import { DEMO_TEAM_LEADER } from './demo-teams.ts';

const DEMO_KEY = 'demo.team-accounts';

type Account = { username: string; name: string };

/**
 * Each demo rescue team's accounts (演示): a leader and a member, all holding the rescue team role,
 * so the team-member picker has someone to offer for every team. The hazmat team's leader is the
 * `demo_team_leader` of demo-teams.ts; every other account signs in with the same demo password.
 */
export const DEMO_TEAM_ACCOUNTS: readonly { team: string; leader: Account; member: Account }[] = [
  {
    team: '玉溪市危险化学品应急救援队（演示）',
    leader: { username: DEMO_TEAM_LEADER.username, name: '张队长（演示）' },
    member: { username: 'demo_hazmat_member', name: '李队员（演示）' },
  },
  {
    team: '研和工业园区危化品救援中队（演示）',
    leader: { username: 'demo_yanhe_leader', name: '王中队长（演示）' },
    member: { username: 'demo_yanhe_member', name: '赵队员（演示）' },
  },
  {
    team: '易门县矿山救护队（演示）',
    leader: { username: 'demo_yimen_leader', name: '钱队长（演示）' },
    member: { username: 'demo_yimen_member', name: '孙队员（演示）' },
  },
  {
    team: '新平县矿山应急救援队（演示）',
    leader: { username: 'demo_xinping_leader', name: '周队长（演示）' },
    member: { username: 'demo_xinping_member', name: '吴队员（演示）' },
  },
  {
    team: '通海县抗震救灾应急分队（演示）',
    leader: { username: 'demo_tonghai_leader', name: '郑队长（演示）' },
    member: { username: 'demo_tonghai_member', name: '冯队员（演示）' },
  },
  {
    team: '抚仙湖水上蓝天救援队（演示）',
    leader: { username: 'demo_fuxianhu_leader', name: '陈队长（演示）' },
    member: { username: 'demo_fuxianhu_member', name: '褚队员（演示）' },
  },
  {
    team: '华宁县电力抢修队（演示）',
    leader: { username: 'demo_huaning_leader', name: '卫队长（演示）' },
    member: { username: 'demo_huaning_member', name: '蒋队员（演示）' },
  },
];

/**
 * Loads once, after the demo teams: creates the accounts that do not exist yet and links each as
 * its team's leader or member. A team that is not in the database (demo resources not loaded, or
 * deleted) is skipped; a link that exists is left as it is.
 */
export async function loadDemoTeamAccounts(deps: { db: Db; clock: Clock }): Promise<boolean> {
  const { db, clock } = deps;
  const done = await db.query('SELECT 1 FROM settings WHERE key = $1', [DEMO_KEY]);
  if (done.rowCount) return false;
  const teams = await db.query<{ id: string; name: string }>(
    'SELECT id, name FROM emergency_resources WHERE demo AND kind = $1 AND name = ANY ($2::text[])',
    ['team', DEMO_TEAM_ACCOUNTS.map((a) => a.team)],
  );
  if (teams.rowCount === 0) return false;
  const now = clock.now();
  // One demo password for all of them: hashed once (scrypt is slow on purpose).
  const passwordHash = await hashPassword(DEMO_TEAM_LEADER.password);

  await inTransaction(db, async (tx) => {
    await tx.query('INSERT INTO settings (key, value) VALUES ($1, $2)', [
      DEMO_KEY,
      JSON.stringify({ loadedAt: now.toISOString() }),
    ]);
    for (const { team, leader, member } of DEMO_TEAM_ACCOUNTS) {
      const teamId = teams.rows.find((t) => t.name === team)?.id;
      if (!teamId) continue;
      for (const [account, isLeader] of [
        [leader, true],
        [member, false],
      ] as const) {
        await tx.query(
          `INSERT INTO users (username, display_name, organisation, scope_kind, password_hash, password_changed_at,
                              must_change_password, created_at, updated_at)
           VALUES ($1, $2, $3, 'city', $4, $5, false, $5, $5)
           ON CONFLICT ((lower(username))) DO NOTHING`,
          [account.username, account.name, team, passwordHash, now],
        );
        const user = await tx.query<{ id: string }>(
          'SELECT id FROM users WHERE lower(username) = lower($1)',
          [account.username],
        );
        const userId = user.rows[0]!.id;
        await tx.query(
          `INSERT INTO user_roles (user_id, role_code) VALUES ($1, 'rescue_team') ON CONFLICT DO NOTHING`,
          [userId],
        );
        await tx.query(
          `INSERT INTO rescue_team_members (team_id, user_id, leader, created_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (team_id, user_id) DO NOTHING`,
          [teamId, userId, isLeader, now],
        );
      }
    }
  });
  return true;
}
