import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkbook } from '../../../../test/read-workbook.ts';
import { createTestContext, type Caller, type TestContext } from '../../../../test/test-app.ts';
import { insertEnterprise } from '../../../../test/factories.ts';

describe('hazard ledger export', () => {
  let t: TestContext;
  let officer: Caller;
  let cityOfficer: Caller;
  const ids: Record<string, string> = {};

  async function enterpriseWithManager(name: string, county: string, serial: number) {
    const row = await insertEnterprise(t.db, { name, county, serial, lon: 102.75, lat: 24.29 });
    const enterpriseId = row;
    const manager = await t.sessionFor(
      await t.createUser({
        roles: ['enterprise_manager'],
        scope: { kind: 'enterprise', enterpriseId, county },
      }),
    );
    return { enterpriseId, manager };
  }

  async function report(as: Caller, enterpriseId: string, description: string, category: string) {
    const answer = await t.request({
      method: 'POST',
      url: '/api/v1/hazards',
      payload: { enterpriseId, source: 'self_check', location: { text: '一号库房' }, description, category },
      as,
    });
    expect(answer.statusCode).toBe(201);
    return answer.json().id as string;
  }

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    const jiangchuan = await enterpriseWithManager('江川演示化工有限公司', '530403', 701);
    const tonghai = await enterpriseWithManager('通海演示机械厂', '530423', 702);
    ids.fire = await report(jiangchuan.manager, jiangchuan.enterpriseId, '库房灭火器过期未更换', '08');
    ids.formula = await report(jiangchuan.manager, jiangchuan.enterpriseId, '=1+1 配电箱门未关闭', '05');
    ids.other = await report(tonghai.manager, tonghai.enterpriseId, '通海车间护栏缺失', '09');
    officer = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: ['530403'] } }),
    );
    cityOfficer = await t.sessionFor(
      await t.createUser({ roles: ['city_officer'], scope: { kind: 'city' } }),
    );
  });
  afterAll(() => t.close());

  it('exports the filtered ledger with Chinese headers and labels, inside the caller’s county only', async () => {
    const answer = await t.request({ method: 'GET', url: '/api/v1/hazards/export', as: officer });
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toContain('spreadsheetml');
    expect(answer.headers['content-disposition']).toContain(encodeURIComponent('隐患台账'));
    const rows = await readWorkbook(answer.rawPayload);
    expect(rows[0]).toEqual([
      '隐患描述',
      '隐患位置',
      '企业名称',
      '区县',
      '隐患等级',
      '可能导致的事故类型',
      '隐患来源',
      '状态',
      '整改期限',
      '挂牌督办',
      '督办文号',
      '登记时间',
      '密级',
    ]);
    const fire = rows.find((r) => r[0] === '库房灭火器过期未更换');
    expect(fire?.slice(0, 8)).toEqual([
      '库房灭火器过期未更换',
      '一号库房',
      '江川演示化工有限公司',
      '江川区',
      '一般隐患',
      '火灾',
      '企业自查',
      '已登记（待制定整改方案）',
    ]);
    expect(rows.some((r) => r[0] === '通海车间护栏缺失')).toBe(false);
    expect(rows).toHaveLength(3);
    // Formula injection: a description starting with = is kept as text.
    expect(rows.some((r) => r[0] === "'=1+1 配电箱门未关闭")).toBe(true);
  });

  it('applies the list filter and exports only the selected rows', async () => {
    const filtered = await readWorkbook(
      (await t.request({ method: 'GET', url: '/api/v1/hazards/export?county=530423', as: cityOfficer }))
        .rawPayload,
    );
    expect(filtered.slice(1).map((r) => r[0])).toEqual(['通海车间护栏缺失']);

    const selected = await readWorkbook(
      (
        await t.request({
          method: 'GET',
          url: `/api/v1/hazards/export?ids=${ids.fire},${ids.other}`,
          as: officer,
        })
      ).rawPayload,
    );
    // The other county's hazard stays out even when its id is asked for.
    expect(selected.slice(1).map((r) => r[0])).toEqual(['库房灭火器过期未更换']);
  });

  it('refuses a bad filter with a 400, not a 5xx', async () => {
    const answer = await t.request({ method: 'GET', url: '/api/v1/hazards/export?ids=nope', as: officer });
    expect(answer.statusCode).toBe(400);
  });
});
