import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertEnterprise } from '../../../test/factories.ts';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';

// The test clock reads 2026-11-29 (Beijing).
describe('the one-map layer 企业主体责任缺项', () => {
  let t: TestContext;
  let hongta: Caller;
  let chengjiang: Caller;
  let lapsed: string;
  let sound: string;
  let uninsured: string;
  const post = (url: string, payload: object, as: Caller) =>
    t.request({ method: 'POST', url: `/api/v1/obligations${url}`, payload, as });
  const layer = (as: Caller, query = '') =>
    t.request({ method: 'GET', url: `/api/v1/map/obligation-gaps${query}`, as });

  async function person(enterpriseId: string, name: string, role: 'principal' | 'safety_manager') {
    const created = await post('/people', { enterpriseId, name, post: role }, hongta);
    expect(created.statusCode, created.body).toBe(201);
    return created.json().id as string;
  }

  async function certificate(
    personId: string,
    kind: string,
    number: string,
    issuedOn: string,
    expiresOn: string,
  ) {
    const added = await post(
      `/people/${personId}/certificates`,
      { kind, number, authority: '玉溪市应急管理局', issuedOn, expiresOn },
      hongta,
    );
    expect(added.statusCode, added.body).toBe(201);
  }

  async function policy(enterpriseId: string, policyNumber: string) {
    const added = await post(
      '/policies',
      {
        enterpriseId,
        insurer: '演练保险公司',
        policyNumber,
        startsOn: '2026-06-01',
        endsOn: '2027-05-31',
        insuredPersons: 40,
        perPersonYuan: 500000,
        premiumYuan: 12000,
      },
      hongta,
    );
    expect(added.statusCode, added.body).toBe(201);
  }

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    hongta = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: ['530402'] } }),
    );
    chengjiang = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: ['530423'] } }),
    );
    const site = { county: '530402', sectors: ['hazchem_production'], lon: 102.55, lat: 24.35 };
    lapsed = await insertEnterprise(t.db, { ...site, name: '红塔区证书过期化工有限公司', serial: 91 });
    sound = await insertEnterprise(t.db, { ...site, name: '红塔区持证齐全化工有限公司', serial: 92 });
    uninsured = await insertEnterprise(t.db, {
      name: '通海县未投保化工有限公司',
      county: '530423',
      sectors: ['hazchem_production'],
      serial: 93,
      lon: 102.76,
      lat: 24.11,
    });

    // Both Hongta units are insured and have a certified principal; only one has a valid safety manager.
    for (const [enterpriseId, tag] of [
      [lapsed, '1'],
      [sound, '2'],
    ] as const) {
      await policy(enterpriseId, `YXAZ-2026-00${tag}`);
      const principal = await person(enterpriseId, `张厂长${tag}`, 'principal');
      await certificate(principal, 'principal', `ZF2026-00${tag}`, '2025-03-01', '2028-02-28');
    }
    const manager = await person(lapsed, '李安全', 'safety_manager');
    await certificate(manager, 'safety_manager', 'AQ2022-001', '2022-09-01', '2025-08-31');
    const soundManager = await person(sound, '王安全', 'safety_manager');
    await certificate(soundManager, 'safety_manager', 'AQ2025-002', '2025-09-01', '2028-08-31');
  });
  afterAll(() => t.close());

  it('marks the unit whose safety manager certificate lapsed with that gap, and not the sound one', async () => {
    const response = await layer(hongta);
    expect(response.statusCode, response.body).toBe(200);
    const items = response.json().items as { id: string }[];
    expect(items.map((i) => i.id)).toEqual([lapsed]);
    expect(items[0]).toEqual({
      id: lapsed,
      name: '红塔区证书过期化工有限公司',
      county: '530402',
      lon: 102.55,
      lat: 24.35,
      demo: false,
      certificateGaps: [{ kind: 'no_safety_manager', personName: '李安全', operation: null }],
      uninsured: false,
    });
  });

  it("keeps another county's enterprise out of a county caller's layer", async () => {
    const hongtaIds = ((await layer(hongta)).json().items as { id: string }[]).map((i) => i.id);
    expect(hongtaIds).not.toContain(uninsured);
    expect((await layer(hongta, '?county=530423')).json().items).toEqual([]);

    const own = (await layer(chengjiang)).json().items as { id: string }[];
    expect(own.map((i) => i.id)).toEqual([uninsured]);
    expect(own[0]).toMatchObject({
      uninsured: true,
      certificateGaps: [
        { kind: 'no_principal', personName: null, operation: null },
        { kind: 'no_safety_manager', personName: null, operation: null },
      ],
    });
    expect(own.map((i) => i.id)).not.toContain(lapsed);
  });

  it('refuses a malformed county with 400', async () => {
    const response = await layer(hongta, '?county=53');
    expect(response.statusCode).toBe(400);
  });
});
