import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';

describe('case library', () => {
  let t: TestContext;
  let city: Caller;
  let county: Caller;
  const accident = (overrides: object) => ({
    title: '某化工企业液氯泄漏中毒事故',
    occurredOn: '2019-08-03',
    county: '530402',
    accidentType: '19',
    deaths: 1,
    seriousInjuries: 2,
    directLossWan: '320.5',
    summary: '充装过程中钢瓶阀门断裂，液氯泄漏，一名操作工中毒死亡。',
    causes: ['阀门腐蚀未及时更换', '未佩戴正压式空气呼吸器'],
    lessons: '严格执行充装前检查，配齐个体防护装备。',
    ...overrides,
  });

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    city = await t.sessionFor(await t.createUser({ roles: ['city_officer'], scope: { kind: 'city' } }));
    county = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: ['530423'] } }),
    );
  });
  afterAll(() => t.close());

  it('keeps causes and lessons and finds a case by a word of its causes', async () => {
    const created = await t.request({
      method: 'POST',
      url: '/api/v1/emergency/cases',
      payload: accident({}),
      as: city,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      directLossWan: '320.5',
      causes: ['阀门腐蚀未及时更换', '未佩戴正压式空气呼吸器'],
    });
    await t.request({
      method: 'POST',
      url: '/api/v1/emergency/cases',
      payload: accident({
        title: '某矿山透水事故',
        county: '530423',
        accidentType: '12',
        causes: ['探放水不到位'],
      }),
      as: city,
    });
    const found = (
      await t.request({
        method: 'GET',
        url: `/api/v1/emergency/cases?q=${encodeURIComponent('呼吸器')}`,
        as: city,
      })
    ).json();
    expect(found.items.map((c: { title: string }) => c.title)).toEqual(['某化工企业液氯泄漏中毒事故']);
    const scoped = (await t.request({ method: 'GET', url: '/api/v1/emergency/cases', as: county })).json();
    expect(scoped.items.map((c: { title: string }) => c.title)).toEqual(['某矿山透水事故']);
    const hidden = await t.request({
      method: 'GET',
      url: `/api/v1/emergency/cases/${created.json().id}`,
      as: county,
    });
    expect([hidden.statusCode, hidden.json().error.code]).toEqual([404, 'emergency.case_not_found']);
  });

  it('refuses a case with no cause', async () => {
    const bad = await t.request({
      method: 'POST',
      url: '/api/v1/emergency/cases',
      payload: accident({ causes: [] }),
      as: city,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('causes');
  });
});
