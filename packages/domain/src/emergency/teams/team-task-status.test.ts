import { describe, expect, it } from 'vitest';
import {
  canMoveTeamTask,
  isTeamTaskActive,
  nextTeamTaskStatus,
  settleTeamTaskStatus,
  teamTaskStatuses,
} from './team-task-status.ts';

describe('rescue team task status machine', () => {
  it('walks 已调派 → 已接受 → 出发 → 到达 → 处置中 → 完成 one step at a time', () => {
    const walked: string[] = ['dispatched'];
    let status = nextTeamTaskStatus('dispatched');
    while (status) {
      walked.push(status);
      status = nextTeamTaskStatus(status);
    }
    expect(walked).toEqual([...teamTaskStatuses]);
  });

  it('moves forward (skipping is allowed), never backward, never out of 完成', () => {
    expect(canMoveTeamTask('dispatched', 'en_route')).toBe(true);
    expect(canMoveTeamTask('on_scene', 'en_route')).toBe(false);
    expect(canMoveTeamTask('working', 'working')).toBe(false);
    expect(canMoveTeamTask('done', 'working')).toBe(false);
  });

  it('keeps the later status when an older step arrives late from a queue', () => {
    expect(settleTeamTaskStatus('on_scene', 'en_route')).toBe('on_scene');
    expect(settleTeamTaskStatus('accepted', 'working')).toBe('working');
  });

  it('keeps a track only while the team is on the task', () => {
    expect(teamTaskStatuses.filter(isTeamTaskActive)).toEqual([
      'accepted',
      'en_route',
      'on_scene',
      'working',
    ]);
  });
});
