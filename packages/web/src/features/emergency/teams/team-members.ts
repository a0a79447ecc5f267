import { z } from 'zod';
import type { TeamMembersInput } from '@anjian/domain';

/** One row of the team members dialog: an account linked to the team, and its role in the team. */
export interface TeamMemberRow {
  /** Empty until an account is chosen. */
  userId: string;
  leader: boolean;
  /** As the server shows it (masked unless the officer may see personal information); null if none. */
  phone: string | null;
  /** Where the dispatch push is e-mailed; empty for none. */
  email: string;
}

/** Message keys under `emergency.teams.problems.`, per row index (or `list` for the whole list). */
export type TeamMemberProblem = 'accountRequired' | 'duplicate' | 'emailInvalid' | 'leaderRequired';

/** The API's own check of the address (the members schema's `z.email()`). */
const emailSchema = z.email();
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
    else if (row.email.trim() !== '' && !emailSchema.safeParse(row.email.trim()).success)
      problems[index] = 'emailInvalid';
    seen.add(row.userId);
  });
  if (rows.length > 0 && !rows.some((row) => row.leader)) problems.list = 'leaderRequired';
  return problems;
}

export function teamMembersInputOf(rows: readonly TeamMemberRow[]): TeamMembersInput {
  return {
    members: rows.map((row) => ({
      userId: row.userId,
      leader: row.leader,
      email: row.email.trim() === '' ? null : row.email.trim(),
    })),
  };
}

/** The rows from what the server returned: leaders first, as the server orders them. */
export function teamMemberRowsOf(
  members: readonly { userId: string; leader: boolean; phone: string | null; email: string | null }[],
): TeamMemberRow[] {
  return members.map((m) => ({ userId: m.userId, leader: m.leader, phone: m.phone, email: m.email ?? '' }));
}
