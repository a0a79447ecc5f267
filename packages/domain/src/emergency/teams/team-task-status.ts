/**
 * 应急联动: the status machine of a rescue team's dispatch task, walked from the team's phone
 * (and, for a team without a phone, from the command page):
 * 已调派 → 已接受 → 出发 → 到达 → 处置中 → 完成. A step may be skipped forward (a team already on
 * its way accepts and sets off at once), never backward; 完成 is final.
 */
export const teamTaskStatuses = [
  'dispatched',
  'accepted',
  'en_route',
  'on_scene',
  'working',
  'done',
] as const;
export type TeamTaskStatus = (typeof teamTaskStatuses)[number];

/** The statuses a phone reports (everything after 已调派). */
export const teamReportedStatuses = ['accepted', 'en_route', 'on_scene', 'working', 'done'] as const;
export type TeamReportedStatus = (typeof teamReportedStatuses)[number];

export const teamTaskStatusNames: Record<TeamTaskStatus, { zh: string; en: string }> = {
  dispatched: { zh: '已调派', en: 'Dispatched' },
  accepted: { zh: '已接受', en: 'Accepted' },
  en_route: { zh: '出发', en: 'Set off' },
  on_scene: { zh: '到达', en: 'Arrived' },
  working: { zh: '处置中', en: 'Working' },
  done: { zh: '完成', en: 'Done' },
};

const rank = (status: TeamTaskStatus) => teamTaskStatuses.indexOf(status);

/** Whether a task in `from` may move to `to`: forward only, never out of 完成. */
export function canMoveTeamTask(from: TeamTaskStatus, to: TeamTaskStatus): boolean {
  return from !== 'done' && rank(to) > rank(from);
}

/** The next status in order (what the phone's main button offers), or null once done. */
export function nextTeamTaskStatus(status: TeamTaskStatus): TeamTaskStatus | null {
  return teamTaskStatuses[rank(status) + 1] ?? null;
}

/** Whether the team is on the task (its phone keeps a track): accepted and not yet done. */
export function isTeamTaskActive(status: TeamTaskStatus): boolean {
  return status !== 'dispatched' && status !== 'done';
}

/**
 * Where a late-arriving status lands: operations synced out of order (a queue replayed after a
 * weak network) never move a task backward; an older step is kept in the log only.
 */
export function settleTeamTaskStatus(current: TeamTaskStatus, reported: TeamTaskStatus): TeamTaskStatus {
  return canMoveTeamTask(current, reported) ? reported : current;
}
