import type { TeamMembersInput } from '@anjian/domain';

/** One row of the team members dialog: an account linked to the team, and its role in the team. */
export interface TeamMemberRow {
  /** Empty until an account is chosen. */
  userId: string;
  leader: boolean;
  /** As the server shows it (masked unless the officer may see personal information); null if none. */
  phone: string | null;
}

/** Message keys under `emergency.teams.problems.`, per row index (or `list` for the whole list). */
export type TeamMemberProblem = 'accountRequired' | 'duplicate' | 'leaderRequired';
export type TeamMemberProblems = Partial<Record<number | 'list', TeamMemberProblem>>;

/**
 * What is wrong before anything is sent: every row names an account, an account is linked once, and
 * a team with members has a leader (the leader's phone is the one told of a dispatch).
 */
export function teamMemberProblems(rows: readonly TeamMemberRow[]): TeamMemberProblems {
  const problems: TeamMemberProblems = {};
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    if (row.userId === '') problems[index] = 'accountRequired';
    else if (seen.has(row.userId)) problems[index] = 'duplicate';
    seen.add(row.userId);
  });
  if (rows.length > 0 && !rows.some((row) => row.leader)) problems.list = 'leaderRequired';
  return problems;
}

export function teamMembersInputOf(rows: readonly TeamMemberRow[]): TeamMembersInput {
  return { members: rows.map((row) => ({ userId: row.userId, leader: row.leader })) };
}

/** The rows from what the server returned: leaders first, as the server orders them. */
export function teamMemberRowsOf(
  members: readonly { userId: string; leader: boolean; phone: string | null }[],
): TeamMemberRow[] {
  return members.map((m) => ({ userId: m.userId, leader: m.leader, phone: m.phone }));
}
