import { describe, expect, it } from 'vitest';
import { teamMemberProblems, teamMembersInputOf, type TeamMemberRow } from './team-members.ts';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const row = (userId: string, leader = false): TeamMemberRow => ({ userId, leader, phone: null, email: '' });

describe('the team members dialog', () => {
  it('accepts a team with one leader and one member, and sends accounts, roles and e-mails (never the phone)', () => {
    const rows = [{ ...row(A, true), phone: '138****5678', email: ' lead@team.example.cn ' }, row(B)];
    expect(teamMemberProblems(rows)).toEqual({});
    expect(teamMembersInputOf(rows)).toEqual({
      members: [
        { userId: A, leader: true, email: 'lead@team.example.cn' },
        { userId: B, leader: false, email: null },
      ],
    });
  });

  it('names a row whose e-mail is not an address', () => {
    expect(teamMemberProblems([{ ...row(A, true), email: 'lead@' }])).toEqual({ 0: 'emailInvalid' });
  });

  it('accepts an empty team (every account unlinked)', () => {
    expect(teamMemberProblems([])).toEqual({});
    expect(teamMembersInputOf([])).toEqual({ members: [] });
  });

  it('names the row without an account, the repeated account, and a team without a leader', () => {
    expect(teamMemberProblems([row(A), row(''), row(A)])).toEqual({
      1: 'accountRequired',
      2: 'duplicate',
      list: 'leaderRequired',
    });
  });
});
