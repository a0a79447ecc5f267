import { describe, expect, it } from 'vitest';
import { applyTeamMessage, type IncidentTeam } from './incident-teams.ts';

const TASK = '11111111-1111-4111-8111-111111111111';
const team: IncidentTeam = {
  taskId: TASK,
  teamId: '22222222-2222-4222-8222-222222222222',
  teamName: '危化品救援队',
  status: 'accepted',
  updatedAt: '2026-12-06T02:00:00.000Z',
  track: [{ lon: 102.5, lat: 24.3, at: '2026-12-06T02:00:00.000Z' }],
  reports: 0,
};

describe('the teams on the command page', () => {
  it('moves a team along its track and takes its status from the stream, once per fix', () => {
    const message = {
      taskId: TASK,
      teamId: team.teamId,
      status: 'en_route' as const,
      position: { lon: 102.51, lat: 24.31, at: '2026-12-06T02:00:05.000Z' },
      receivedAt: 0,
    };
    const moved = applyTeamMessage([team], message)!;
    expect(moved[0]!.status).toBe('en_route');
    expect(moved[0]!.track.map((p) => p.lon)).toEqual([102.5, 102.51]);
    expect(applyTeamMessage(moved, message)![0]!.track).toHaveLength(2);
  });

  it('asks for a re-read when a team it does not know moves', () => {
    expect(
      applyTeamMessage([team], {
        taskId: 'other',
        teamId: 'x',
        status: 'accepted',
        position: null,
        receivedAt: 0,
      }),
    ).toBeNull();
  });
});
