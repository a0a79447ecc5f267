import { describe, expect, it } from 'vitest';
import { T0, fakeServer, finishedDraft, memoryOfflineStore, type Answer } from './offline.test-support.ts';
import { createSyncEngine, type SyncEngineOptions } from './sync-engine.ts';

async function setUp(overrides: Partial<SyncEngineOptions> = {}) {
  const store = memoryOfflineStore();
  const server = fakeServer();
  let now = T0;
  const synced: string[] = [];
  const engine = createSyncEngine({
    store,
    transport: server.transport,
    now: () => now,
    random: () => 0.5,
    currentUserId: () => 'u-inspector',
    onSynced: (item) => synced.push(item.inspectionId),
    ...overrides,
  });
  await store.addPhoto('insp-1', new Blob(['jpeg']), 'image/jpeg', 'photo-1');
  await store.addPhoto('insp-1', new Blob(['png']), 'image/png', 'sign-1');
  const draft = finishedDraft('photo-1', 'sign-1');
  await store.saveDraft(draft);
  await store.enqueue(draft, new Date(T0));
  return {
    store,
    server,
    engine,
    synced,
    advance: (ms: number) => {
      now += ms;
    },
    only: async () => {
      const items = await store.queued();
      expect(items).toHaveLength(1);
      return items[0]!;
    },
  };
}

describe('the sync engine', () => {
  it('sends the photos, then the submission, and forgets everything once the server acknowledged it', async () => {
    const { engine, server, store, synced } = await setUp();
    expect(await engine.syncDue()).toEqual({ synced: ['csid-1'], retrying: [], failed: [] });
    expect([...server.records.entries()]).toEqual([
      ['csid-1', { inspectionId: 'insp-1', photos: ['upload-1', 'upload-2'] }],
    ]);
    expect(server.uploads).toEqual(['upload-1:photo-1', 'upload-2:sign-1']);
    expect(await store.queued()).toEqual([]);
    expect(await store.photo('photo-1')).toBeUndefined();
    expect(await store.draft('insp-1')).toBeUndefined();
    expect(synced).toEqual(['insp-1']);
  });

  it('keeps the item while offline and retries after the back-off, not before', async () => {
    const { engine, server, advance, only } = await setUp();
    server.answerUploads({ status: 0, code: 'network', message: '网络连接失败' });
    expect(await engine.syncDue()).toEqual({ synced: [], retrying: ['csid-1'], failed: [] });
    const waiting = await only();
    expect(waiting).toMatchObject({
      state: 'pending',
      attempts: 1,
      nextAttemptAt: T0 + 1_500,
      lastError: { status: 0, code: 'network', message: '网络连接失败' },
    });
    advance(1_000);
    expect((await engine.syncDue()).synced).toEqual([]);
    advance(500);
    expect((await engine.syncDue()).synced).toEqual(['csid-1']);
    expect(server.records.size).toBe(1);
  });

  it('sends the same submission again after a lost answer and the server still holds one record', async () => {
    const { engine, server, store } = await setUp();
    server.answerSubmits({ status: 0, code: 'network', committed: true });
    await engine.syncDue();
    expect(server.records.size).toBe(1);
    expect(await store.queued()).toHaveLength(1);
    expect(await engine.syncDue({ ignoreBackoff: true })).toMatchObject({ synced: ['csid-1'] });
    expect(server.submitCalls()).toBe(2);
    expect(server.records.size).toBe(1);
    expect(await store.queued()).toEqual([]);
  });

  it('does not upload a photo again when only the submission failed', async () => {
    const { engine, server } = await setUp();
    server.answerSubmits({ status: 503 });
    await engine.syncDue();
    await engine.syncDue({ ignoreBackoff: true });
    expect(server.uploads).toEqual(['upload-1:photo-1', 'upload-2:sign-1']);
    expect(server.records.get('csid-1')?.photos).toEqual(['upload-1', 'upload-2']);
  });

  it('retries 408, 409, 429 and 5xx with growing delays', async () => {
    const { engine, server, only } = await setUp();
    const answers: Answer[] = [
      { status: 408 },
      { status: 409 },
      { status: 429 },
      { status: 500 },
      { status: 503 },
    ];
    server.answerSubmits(...answers);
    const delays: number[] = [];
    for (const answer of answers) {
      expect((await engine.syncDue({ ignoreBackoff: true })).retrying).toEqual(['csid-1']);
      const item = await only();
      expect(item.lastError?.status).toBe(answer.status);
      delays.push(item.nextAttemptAt - T0);
    }
    expect(delays).toEqual([1_500, 3_000, 6_000, 12_000, 24_000]);
    expect((await engine.syncDue({ ignoreBackoff: true })).synced).toEqual(['csid-1']);
    expect(server.records.size).toBe(1);
  });

  it.each([400, 403, 404, 422])(
    'marks the item failed on %i with the server’s reason and stops sending it',
    async (status) => {
      const { engine, server, only } = await setUp();
      server.answerSubmits({
        status,
        code: 'enforcement.inspection_closed',
        message: '检查已结束，不能再提交',
      });
      expect(await engine.syncDue()).toEqual({ synced: [], retrying: [], failed: ['csid-1'] });
      expect(await only()).toMatchObject({
        state: 'failed',
        lastError: { status, code: 'enforcement.inspection_closed', message: '检查已结束，不能再提交' },
      });
      expect(await engine.syncDue({ ignoreBackoff: true })).toEqual({ synced: [], retrying: [], failed: [] });
      expect(server.submitCalls()).toBe(1);
    },
  );

  it('fails at once when the inspection was closed by another submission', async () => {
    const { engine, server, only } = await setUp();
    server.answerSubmits({ status: 409, code: 'enforcement.inspection_closed', message: '检查已完成' });
    expect((await engine.syncDue()).failed).toEqual(['csid-1']);
    expect((await only()).lastError?.code).toBe('enforcement.inspection_closed');
  });

  it('sends a failed item again when the inspector asks to', async () => {
    const { engine, server, store } = await setUp();
    server.answerSubmits({ status: 422 });
    await engine.syncDue();
    await engine.retry('csid-1');
    expect((await engine.syncDue()).synced).toEqual(['csid-1']);
    expect(await store.queued()).toEqual([]);
  });

  it('waits for a new sign-in on 401 instead of failing the item', async () => {
    const { engine, server, only } = await setUp();
    server.answerSubmits({ status: 401, code: 'auth.unauthenticated' });
    expect((await engine.syncDue()).retrying).toEqual(['csid-1']);
    expect((await only()).state).toBe('waiting_sign_in');
    expect((await engine.syncDue({ ignoreBackoff: true })).synced).toEqual(['csid-1']);
  });

  it('sends nothing while nobody is signed in, and nothing of another user', async () => {
    let user: string | null = null;
    const { engine, server } = await setUp({ currentUserId: () => user });
    expect(await engine.syncDue()).toEqual({ synced: [], retrying: [], failed: [] });
    user = 'u-other';
    expect(await engine.syncDue()).toEqual({ synced: [], retrying: [], failed: [] });
    expect(server.submitCalls()).toBe(0);
    user = 'u-inspector';
    expect((await engine.syncDue()).synced).toEqual(['csid-1']);
  });

  it('runs one pass at a time: calls during a pass do not send an item twice', async () => {
    const { engine, server, store } = await setUp();
    const passes = await Promise.all([engine.syncDue(), engine.syncDue(), engine.syncDue()]);
    expect(passes[0]!.synced).toEqual(['csid-1']);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(server.submitCalls()).toBe(1);
    expect(await store.queued()).toEqual([]);
  });

  it('finishing twice queues one item with the same clientSubmissionId', async () => {
    const { engine, server, store } = await setUp();
    const draft = (await store.draft('insp-1'))!;
    await store.enqueue(draft, new Date(T0 + 5_000));
    expect((await store.queued()).map((item) => item.clientSubmissionId)).toEqual(['csid-1']);
    await engine.syncDue({ ignoreBackoff: true });
    expect(server.records.size).toBe(1);
  });

  it('turns an item left syncing by a closed tab back to pending', async () => {
    const { engine, store, only } = await setUp();
    await store.updateQueued({ ...(await only()), state: 'syncing' });
    await engine.recover();
    expect((await only()).state).toBe('pending');
  });

  it('fails an item whose photo is gone from the device, saying which', async () => {
    const { engine, store, only } = await setUp();
    await store.removePhoto('photo-1');
    expect((await engine.syncDue()).failed).toEqual(['csid-1']);
    expect((await only()).lastError).toEqual({
      status: -1,
      code: 'client.photo_missing',
      message: 'photo-1',
    });
  });

  it('stops the pass at the first item that finds no connection', async () => {
    const { engine, server, store } = await setUp();
    const second = {
      ...finishedDraft('photo-1', 'sign-1'),
      inspectionId: 'insp-2',
      clientSubmissionId: 'csid-2',
    };
    await store.enqueue(second, new Date(T0));
    server.answerUploads({ status: 0 });
    expect(await engine.syncDue()).toEqual({ synced: [], retrying: ['csid-1'], failed: [] });
    expect(server.submitCalls()).toBe(0);
  });
});
