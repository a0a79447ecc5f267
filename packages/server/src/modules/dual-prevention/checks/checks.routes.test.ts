import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  type Caller,
  type TestContext,
  type TestUser,
} from '../../../../test/test-app.ts';
import { insertEnterprise } from '../../../../test/factories.ts';

describe('scheduled hidden-hazard checks', () => {
  let t: TestContext;
  let enterpriseId: string;
  let managerUser: TestUser;
  let manager: Caller;
  let officer: Caller;
  let otherCounty: Caller;

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    enterpriseId = await insertEnterprise(t.db, { name: '江川储运有限公司', county: '530403', serial: 888 });
    managerUser = await t.createUser({
      roles: ['enterprise_manager'],
      scope: { kind: 'enterprise', enterpriseId, county: '530403' },
    });
    manager = await t.sessionFor(managerUser);
    officer = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: ['530403'] } }),
    );
    otherCounty = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: ['530423'] } }),
    );
  });
  afterAll(() => t.close());

  it('makes one task per list and day; a failed item opens a hidden hazard the officer sees', async () => {
    const list = await t.request({
      method: 'POST',
      url: '/api/v1/checks/lists',
      payload: {
        enterpriseId,
        name: '液氨储罐区日常检查表',
        target: '液氨储罐区',
        frequency: 'daily',
        responsiblePerson: '李班长',
        items: [
          { id: 'a1', text: '氨气泄漏报警仪是否完好' },
          { id: 'a2', text: '储罐液位计是否正常' },
          { id: 'a3', text: '喷淋装置是否可用' },
        ],
      },
      as: manager,
    });
    expect(list.statusCode).toBe(201);
    const first = (await t.request({ method: 'GET', url: '/api/v1/checks/tasks', as: manager })).json().items;
    const again = (await t.request({ method: 'GET', url: '/api/v1/checks/tasks', as: manager })).json().items;
    expect(first).toHaveLength(1);
    expect(again.map((task: { id: string }) => task.id)).toEqual(
      first.map((task: { id: string }) => task.id),
    );
    // 2026-11-29T02:00Z is 10:00 in Beijing, on the 29th.
    expect(first[0]).toMatchObject({ periodKey: '2026-11-29', dueDate: '2026-11-29', status: 'pending' });

    const incomplete = await t.request({
      method: 'POST',
      url: `/api/v1/checks/tasks/${first[0].id}/complete`,
      payload: { results: [{ itemId: 'a1', result: 'pass' }] },
      as: manager,
    });
    expect(incomplete.json().error.code).toBe('check.results_incomplete');
    const done = await t.request({
      method: 'POST',
      url: `/api/v1/checks/tasks/${first[0].id}/complete`,
      payload: {
        results: [
          { itemId: 'a1', result: 'pass' },
          { itemId: 'a2', result: 'fail', note: '2# 罐液位计指示失灵', category: '19' },
          { itemId: 'a3', result: 'na' },
        ],
      },
      as: manager,
    });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', completedBy: expect.any(String) });
    expect(done.json().hazardIds).toHaveLength(1);
    const hazard = (
      await t.request({ method: 'GET', url: `/api/v1/hazards/${done.json().hazardIds[0]}`, as: officer })
    ).json();
    expect(hazard).toMatchObject({
      source: 'self_check',
      sourceRef: first[0].id,
      description: '储罐液位计是否正常：2# 罐液位计指示失灵',
      level: 'general',
      category: '19',
    });
    expect(
      (
        await t.request({
          method: 'POST',
          url: `/api/v1/checks/tasks/${first[0].id}/complete`,
          payload: {
            results: [
              { itemId: 'a1', result: 'pass' },
              { itemId: 'a2', result: 'pass' },
              { itemId: 'a3', result: 'pass' },
            ],
          },
          as: manager,
        })
      ).json().error.code,
    ).toBe('check.task_done');

    t.clock.advance(24 * 3600_000);
    manager = await t.sessionFor(managerUser);
    officer = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: ['530403'] } }),
    );
    otherCounty = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: ['530423'] } }),
    );
    const nextDay = (
      await t.request({ method: 'GET', url: '/api/v1/checks/tasks?status=pending', as: manager })
    ).json().items;
    expect(nextDay.map((task: { periodKey: string }) => task.periodKey)).toEqual(['2026-11-30']);
  });

  it('shows lists and tasks within scope only; the bureau cannot complete an enterprise’s check', async () => {
    expect(
      (await t.request({ method: 'GET', url: '/api/v1/checks/lists', as: otherCounty })).json().items,
    ).toEqual([]);
    expect(
      (await t.request({ method: 'GET', url: '/api/v1/checks/tasks', as: otherCounty })).json().items,
    ).toEqual([]);
    const tasks = (
      await t.request({ method: 'GET', url: '/api/v1/checks/tasks?status=pending', as: officer })
    ).json().items;
    expect(tasks).toHaveLength(1);
    expect(
      (
        await t.request({
          method: 'POST',
          url: `/api/v1/checks/tasks/${tasks[0].id}/complete`,
          payload: { results: [{ itemId: 'a1', result: 'pass' }] },
          as: officer,
        })
      ).statusCode,
    ).toBe(403);
  });
});
