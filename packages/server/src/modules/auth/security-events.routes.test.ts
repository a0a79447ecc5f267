import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkbook } from '../../../test/read-workbook.ts';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';

/** The security administrator's view of security events (等保 level 3; issue 19). */
describe('security events', () => {
  let t: TestContext;
  let secadmin: Caller;
  let sysadmin: Caller;
  let officer: Caller;
  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false', LOGIN_CAPTCHA_AFTER_FAILURES: '100' });
    secadmin = await t.sessionFor(await t.createUser({ roles: ['secadmin'], scope: { kind: 'city' } }));
    sysadmin = await t.sessionFor(await t.createUser({ roles: ['sysadmin'], scope: { kind: 'city' } }));
    officer = await t.sessionFor(
      await t.createUser({
        roles: ['county_officer'],
        scope: { kind: 'county', counties: ['530403'] },
        username: 'jc_officer',
      }),
    );
  });
  afterAll(() => t.close());

  it('records a scope denial and a lock-out, and lists them newest first for the security administrator', async () => {
    const denied = await t.request({
      method: 'POST',
      url: '/api/v1/uploads?county=530423',
      payload: await sharp({ create: { width: 2, height: 2, channels: 3, background: '#fff' } })
        .jpeg()
        .toBuffer(),
      headers: { 'content-type': 'image/jpeg' },
      as: officer,
    });
    expect(denied.statusCode).toBe(403);
    const victim = await t.createUser({
      roles: ['county_officer'],
      scope: { kind: 'county', counties: ['530403'] },
    });
    t.clock.advance(1_000);
    for (let i = 0; i < 5; i++) await t.login(victim.username, `Wrong#Pass${i}11`);

    const list = await t.request({ method: 'GET', url: '/api/v1/security-events?pageSize=10', as: secadmin });
    expect(list.statusCode).toBe(200);
    const items = list.json().items as { kind: string; username: string; detail: string }[];
    expect(items.map((e) => e.kind)).toEqual(['account_locked', 'scope_denied']);
    expect(items[1]).toMatchObject({
      username: 'jc_officer',
      detail: 'POST /api/v1/uploads registry.scope_outside_caller',
    });
    expect(items[0]!.username).toBe(victim.username);

    const locked = await t.request({
      method: 'GET',
      url: '/api/v1/security-events?kind=account_locked',
      as: secadmin,
    });
    expect(locked.json().total).toBe(1);
  });

  it('exports the filtered events as a workbook with Chinese labels', async () => {
    const answer = await t.request({
      method: 'GET',
      url: '/api/v1/security-events/export?kind=scope_denied',
      as: secadmin,
    });
    expect(answer.statusCode).toBe(200);
    const rows = await readWorkbook(answer.rawPayload);
    expect(rows[0]).toEqual(['时间', '事件', '用户名', '来源地址', '说明']);
    expect(rows.slice(1).map((r) => [r[1], r[2], r[4]])).toEqual([
      ['越权访问被拒', 'jc_officer', 'POST /api/v1/uploads：不能登记或修改本人数据范围以外的企业或对象'],
    ]);
  });

  it('is for the security administrator only', async () => {
    for (const caller of [sysadmin, officer])
      expect(
        (await t.request({ method: 'GET', url: '/api/v1/security-events', as: caller })).statusCode,
      ).toBe(403);
  });
});
