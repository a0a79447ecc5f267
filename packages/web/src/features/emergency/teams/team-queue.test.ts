import { describe, expect, it } from 'vitest';
import type { TeamOperation } from '@anjian/domain';
import { createMemoryStore } from '../../enforcement/offline/key-value-store.ts';
import { createTeamQueue, decideTeamFailure, type QueueItem } from './team-queue.ts';

const TASK = '11111111-1111-4111-8111-111111111111';
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function setup(answers: (number | null)[]) {
  const store = createMemoryStore<QueueItem>();
  const sent: TeamOperation[][] = [];
  const stored = new Set<string>();
  let uploads = 0;
  let now = 1_000;
  const queue = createTeamQueue({
    store,
    now: () => now,
    random: () => 0,
    currentUserId: () => 'user-1',
    transport: {
      async uploadPhoto() {
        uploads += 1;
        return id(900 + uploads);
      },
      async positions(taskId, operations) {
        return this.sync(taskId, operations);
      },
      async sync(_taskId, operations) {
        sent.push(operations);
        // The server stores each id once, whatever the answer's fate.
        operations.forEach((op) => stored.add(op.id));
        const status = answers.shift() ?? 200;
        if (status !== 200)
          throw Object.assign(new Error('x'), { status, code: status === 0 ? 'network' : 'e' });
      },
    },
  });
  return { queue, sent, stored, uploads: () => uploads, advance: (ms: number) => (now += ms) };
}

describe('the rescue team’s offline queue', () => {
  it('sends in order of time and forgets an item only once the server acknowledged it', async () => {
    const { queue, sent, advance } = setup([0, 200, 200]);
    await queue.add(TASK, '530402', {
      kind: 'position',
      id: id(2),
      at: '2026-12-06T02:00:05.000Z',
      position: { lon: 102.5, lat: 24.3 },
    });
    await queue.add(TASK, '530402', {
      kind: 'status',
      id: id(1),
      at: '2026-12-06T02:00:00.000Z',
      status: 'accepted',
    });
    await queue.sync();
    expect(await queue.items()).toHaveLength(2);
    await queue.sync();
    expect(sent).toHaveLength(1); // backing off after no answer
    advance(5_000);
    await queue.sync();
    // The status goes with the audited sync, the position alone to the track route, in time order.
    expect(sent.map((batch) => batch.map((op) => op.id))).toEqual([[id(1)], [id(1)], [id(2)]]);
    expect(await queue.items()).toEqual([]);
  });

  it('uploads a report’s photo once although the sync is retried', async () => {
    const { queue, sent, uploads, advance } = setup([503, 200]);
    const photo = { blob: new Blob(['x']), contentType: 'image/png', uploadId: null };
    await queue.add(TASK, '530402', {
      kind: 'report',
      id: id(3),
      at: '2026-12-06T02:00:00.000Z',
      note: '现场已警戒',
      photos: [photo],
    });
    await queue.sync();
    advance(5_000);
    await queue.sync();
    expect(uploads()).toBe(1);
    expect(sent[1]).toEqual([
      { kind: 'report', id: id(3), at: '2026-12-06T02:00:00.000Z', note: '现场已警戒', photoIds: [id(901)] },
    ]);
  });

  it('stops an item the server refuses for good, and waits for sign-in after 401', () => {
    expect(decideTeamFailure(409, 'team.task_done')).toBe('fail');
    expect(decideTeamFailure(400, 'request.invalid')).toBe('fail');
    expect(decideTeamFailure(401, 'auth.unauthenticated')).toBe('wait_for_sign_in');
    expect(decideTeamFailure(0, 'network')).toBe('retry');
    expect(decideTeamFailure(503, 'server.database_unavailable')).toBe('retry');
  });
});
