import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Caller, type TestContext, type TestUser } from '../../../test/test-app.ts';
import { createNotificationsRepository } from './notifications.repository.ts';

describe('notifications: my inbox', () => {
  let t: TestContext;
  let me: TestUser;
  let other: TestUser;
  let meCaller: Caller;
  let otherCaller: Caller;

  const send = async (user: TestUser, title: string, minutesLater: number) => {
    const repo = createNotificationsRepository(t.db);
    await repo.insertMany(
      t.db,
      [user.id],
      {
        kind: 'hazard.escalation',
        severity: 'warning',
        title: { zh: title, en: `EN ${title}` },
        body: { zh: '正文', en: 'Body' },
        link: '/hazards/x',
        data: { step: 'warning' },
      },
      new Date(t.clock.now().getTime() + minutesLater * 60_000),
    );
  };
  const inbox = async (as: Caller, query = '') =>
    (await t.request({ method: 'GET', url: `/api/v1/notifications${query}`, as })).json();

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    me = await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: ['530403'] } });
    other = await t.createUser({ roles: ['city_officer'], scope: { kind: 'city' } });
    meCaller = await t.sessionFor(me);
    otherCaller = await t.sessionFor(other);
    await send(me, '第一条', 1);
    await send(me, '第二条', 2);
    await send(me, '第三条', 3);
    await send(other, '别人的', 1);
  });
  afterAll(() => t.close());

  it('lists only my own, newest first, with my unread count, in my language', async () => {
    const all = await inbox(meCaller);
    expect(all).toMatchObject({ total: 3, unread: 3, page: 1, pageSize: 20 });
    expect(all.items.map((n: { title: string }) => n.title)).toEqual(['第三条', '第二条', '第一条']);
    expect(all.items[0]).toMatchObject({
      kind: 'hazard.escalation',
      severity: 'warning',
      body: '正文',
      link: '/hazards/x',
      data: { step: 'warning' },
      readAt: null,
    });
    const en = await t.request({
      method: 'GET',
      url: '/api/v1/notifications?pageSize=1',
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
      as: meCaller,
    });
    expect(en.json()).toMatchObject({ total: 3, unread: 3, pageSize: 1 });
    expect(en.json().items.map((n: { title: string }) => n.title)).toEqual(['EN 第三条']);
  });

  it('marks one read (keeping the first time), hides it from unread, and never touches someone else’s', async () => {
    const [newest] = (await inbox(meCaller)).items;
    const read = await t.request({
      method: 'POST',
      url: `/api/v1/notifications/${newest.id}/read`,
      as: meCaller,
    });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ id: newest.id, readAt: '2026-11-29T02:00:00.000Z' });
    t.clock.advance(60_000);
    const again = await t.request({
      method: 'POST',
      url: `/api/v1/notifications/${newest.id}/read`,
      as: meCaller,
    });
    expect(again.json().readAt).toBe('2026-11-29T02:00:00.000Z');
    const unread = await inbox(meCaller, '?unread=true');
    expect(unread).toMatchObject({ total: 2, unread: 2 });
    expect(unread.items.map((n: { title: string }) => n.title)).toEqual(['第二条', '第一条']);

    const notMine = await t.request({
      method: 'POST',
      url: `/api/v1/notifications/${newest.id}/read`,
      as: otherCaller,
    });
    expect(notMine.statusCode).toBe(404);
    expect(notMine.json().error.code).toBe('notification.not_found');
  });

  it('marks all mine read at once', async () => {
    const all = await t.request({ method: 'POST', url: '/api/v1/notifications/read-all', as: meCaller });
    expect(all.json()).toEqual({ updated: 2 });
    expect(await inbox(meCaller)).toMatchObject({ total: 3, unread: 0 });
    expect(await inbox(otherCaller)).toMatchObject({ total: 1, unread: 1 });
    const anonymous = await t.request({ method: 'GET', url: '/api/v1/notifications' });
    expect(anonymous.statusCode).toBe(401);
  });
});
