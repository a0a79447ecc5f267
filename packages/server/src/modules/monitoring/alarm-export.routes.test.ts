import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkbook } from '../../../test/read-workbook.ts';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';
import {
  createPoint,
  deviceToken,
  gasPoint,
  monitoredSite,
  send,
} from './monitoring-fixtures.test-support.ts';

describe('alarm history export', () => {
  let t: TestContext;
  let officer: Caller;
  let outsider: Caller;
  let city: Caller;

  async function alarmingSite(county: string, code: string, as: Caller) {
    const site = await monitoredSite(t, county);
    await createPoint(t, as, gasPoint(site.objectId, code));
    const token = await deviceToken(t, as, site.enterpriseId);
    const response = await send(t, token, [{ point: code, ts: t.clock.now().getTime() - 10_000, value: 20 }]);
    expect(response.json().accepted).toBe(1);
  }

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    officer = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: ['530403'] } }),
    );
    outsider = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: ['530423'] } }),
    );
    city = await t.sessionFor(await t.createUser({ roles: ['city_officer'], scope: { kind: 'city' } }));
    await alarmingSite('530403', 'JC-GT-01', officer);
    await alarmingSite('530423', 'TH-GT-01', outsider);
  });
  afterAll(() => t.close());

  it('exports the county’s alarms with kind, level and status in Chinese, none of another county', async () => {
    const answer = await t.request({ method: 'GET', url: '/api/v1/monitoring/alarms/export', as: officer });
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-disposition']).toContain(encodeURIComponent('报警记录'));
    const rows = await readWorkbook(answer.rawPayload);
    expect(rows[0]).toEqual([
      '企业或责任单位',
      '监管对象',
      '区县',
      '测点',
      '报警类型',
      '报警级别',
      '预警颜色',
      '报警值',
      '状态',
      '报警时间',
      '消警时间',
    ]);
    expect(rows).toHaveLength(2);
    expect(rows[1]!.slice(0, 3)).toEqual(['监测测试企业', '测试罐区', '江川区']);
    expect(rows[1]![4]).toBe('超限报警');
    expect(rows[1]![5]).toBe('高限');
    expect(rows[1]![8]).toBe('报警中（待响应）');
  });

  it('follows the county filter for the city', async () => {
    const rows = await readWorkbook(
      (await t.request({ method: 'GET', url: '/api/v1/monitoring/alarms/export?county=530423', as: city }))
        .rawPayload,
    );
    expect(rows.slice(1).map((r) => r[2])).toEqual(['通海县']);
  });
});
