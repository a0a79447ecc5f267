import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkbook } from '../../../test/read-workbook.ts';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';

describe('user list export', () => {
  let t: TestContext;
  let countyAdmin: Caller;

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    countyAdmin = await t.sessionFor(
      await t.createUser({ roles: ['sysadmin'], scope: { kind: 'county', counties: ['530403'] } }),
    );
    await t.createUser({
      roles: ['county_officer'],
      scope: { kind: 'county', counties: ['530403'] },
      username: 'jc_export',
    });
    await t.createUser({
      roles: ['county_officer'],
      scope: { kind: 'county', counties: ['530423'] },
      username: 'th_export',
    });
  });
  afterAll(() => t.close());

  it('exports the county administrator’s users with role names and scope in Chinese, none from other counties', async () => {
    const answer = await t.request({ method: 'GET', url: '/api/v1/users/export', as: countyAdmin });
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-disposition']).toContain(encodeURIComponent('用户列表'));
    const rows = await readWorkbook(answer.rawPayload);
    expect(rows[0]).toEqual([
      '用户名',
      '姓名',
      '手机号',
      '单位',
      '角色',
      '数据范围',
      '状态',
      '已绑定动态口令',
      '最近登录',
      '创建时间',
    ]);
    const officer = rows.find((r) => r[0] === 'jc_export');
    expect(officer?.[4]).toBe('县（区）局工作人员');
    expect(officer?.[5]).toBe('江川区');
    expect(officer?.[6]).toBe('正常');
    expect(rows.some((r) => r[0] === 'th_export')).toBe(false);
  });

  it('exports with the list’s filter', async () => {
    const rows = await readWorkbook(
      (await t.request({ method: 'GET', url: '/api/v1/users/export?q=jc_export', as: countyAdmin }))
        .rawPayload,
    );
    expect(rows.slice(1).map((r) => r[0])).toEqual(['jc_export']);
  });
});
