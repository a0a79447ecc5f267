import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';

const template = {
  name: '液氯泄漏（橙色）',
  eventType: 'hazchem_leak',
  level: 'orange',
  hours: 6,
  audience: '{县区}周边群众',
  info: {
    zh: {
      headline: '{县区}{物质}泄漏橙色预警',
      description: '{时间}，{企业}发生{物质}泄漏。',
      instruction: '向上风向撤离。',
    },
  },
};

describe('warning templates per event type', () => {
  let t: TestContext;
  let author: Caller;
  let approver: Caller;

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    author = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: ['530403'] } }),
    );
    approver = await t.sessionFor(await t.createUser({ roles: ['city_officer'], scope: { kind: 'city' } }));
  });
  afterAll(() => t.close());

  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, as: Caller, payload?: object) =>
    t.request({ method, url, as, ...(payload ? { payload } : {}) });
  const count = async () =>
    (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM warning_templates')).rows[0]!.n;

  it('adds a template and lists it with the placeholders to ask for', async () => {
    const created = await call('POST', '/api/v1/warnings/templates', author, template);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      name: '液氯泄漏（橙色）',
      placeholders: ['县区', '物质', '时间', '企业'],
      demo: false,
      info: { en: null },
    });
    const list = (await call('GET', '/api/v1/warnings/templates', approver)).json();
    expect(list.items.map((x: { name: string }) => x.name)).toEqual(['液氯泄漏（橙色）']);
  });

  it.each([
    [
      'an unknown placeholder',
      { ...template, name: '甲', info: { zh: { ...template.info.zh, headline: '{风向}预警' } } },
      400,
      'request.invalid',
    ],
    [
      'an unknown event type',
      { ...template, name: '乙', eventType: 'meteor' },
      400,
      'warning.unknown_event_type',
    ],
    ['a name already used', template, 409, 'warning.template_name_taken'],
    ['a duration of 0 hours', { ...template, name: '丙', hours: 0 }, 400, 'request.invalid'],
  ])('refuses %s with a 4xx and stores nothing', async (_, payload, status, code) => {
    const before = await count();
    const response = await call('POST', '/api/v1/warnings/templates', author, payload);
    expect(response.statusCode).toBe(status);
    expect(response.json().error.code).toBe(code);
    if (code === 'request.invalid' && status === 400 && payload.name === '甲')
      expect(response.json().error.fields).toEqual([
        {
          path: 'info.zh.headline',
          code: 'warning.template_placeholder_unknown',
          message: '模板含有未定义的占位符：风向',
        },
      ]);
    expect(await count()).toBe(before);
  });

  it('changes and removes a template; a draft names the template it was filled from', async () => {
    const id = (await call('GET', '/api/v1/warnings/templates', author)).json().items[0].id;
    const changed = await call('PUT', `/api/v1/warnings/templates/${id}`, author, { ...template, hours: 12 });
    expect(changed.json().hours).toBe(12);
    const draft = await call('POST', '/api/v1/warnings', author, {
      eventType: 'hazchem_leak',
      level: 'orange',
      onset: '2026-11-29T10:00:00+08:00',
      expires: '2026-11-29T22:00:00+08:00',
      contact: '0877-2023110',
      area: { counties: ['530403'] },
      info: { zh: { headline: '江川区液氯泄漏橙色预警', description: '某企业发生液氯泄漏。' } },
      templateId: id,
    });
    expect(draft.statusCode).toBe(201);
    const stored = await t.db.query('SELECT template_id FROM warnings WHERE id = $1', [draft.json().id]);
    expect(stored.rows[0].template_id).toBe(id);
    expect((await call('DELETE', `/api/v1/warnings/templates/${id}`, author)).statusCode).toBe(204);
    const again = await call('DELETE', `/api/v1/warnings/templates/${id}`, author);
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe('warning.template_not_found');
    const missing = await call('POST', '/api/v1/warnings', author, {
      ...draft.json().info,
      templateId: id,
    });
    expect(missing.statusCode).toBe(400);
  });
});
