import type { IncidentTeams, TeamStreamMessage } from '@anjian/domain';

export type IncidentTeam = IncidentTeams['teams'][number];

/** The longest track kept per team on the command page (a 5-second fix for about 40 minutes). */
export const TRACK_LIMIT = 500;

/**
 * A stream message applied to the teams on the command page: the status, and the position added to
 * the track (once: a message for a fix already on the track is ignored). A team not yet known (a
 * dispatch made elsewhere) answers null: the page then re-reads the list.
 */
export function applyTeamMessage(
  teams: readonly IncidentTeam[],
  message: TeamStreamMessage,
): IncidentTeam[] | null {
  const index = teams.findIndex((team) => team.taskId === message.taskId);
  if (index < 0) return null;
  const team = teams[index]!;
  let track = team.track;
  const p = message.position;
  if (p && !track.some((q) => q.at === p.at && q.lon === p.lon && q.lat === p.lat)) {
    track = [...track, p].sort((a, b) => a.at.localeCompare(b.at)).slice(-TRACK_LIMIT);
  }
  const next = [...teams];
  next[index] = { ...team, status: message.status, track, updatedAt: p?.at ?? team.updatedAt };
  return next;
}

export const teamStatusColours: Record<IncidentTeam['status'], string> = {
  dispatched: '#909399',
  accepted: '#1e88e5',
  en_route: '#fb8c00',
  on_scene: '#e53935',
  working: '#c62828',
  done: '#43a047',
};
