import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';
import { createPoint, monitoredSite, send } from './monitoring-fixtures.test-support.ts';

const EMSHAN = '530426';
const XINPING = '530427';
const T0 = Date.parse('2026-11-29T01:59:00.000Z'); // the test clock starts at 02:00

/** Decision 0006: monitoring points on a geological-hazard site, which has no enterprise. */
describe('monitoring points on a natural-hazard site', () => {
  let t: TestContext;
  let city: Caller;
  let emshan: Caller;
  let emshanUserId: string;
  let xinping: Caller;
  let enterpriseUser: Caller;
  let enterpriseId: string;
  let siteId: string;
  let countyToken: string;

  const site = {
    kind: 'geo_hazard_site',
    name: '测试村滑坡隐患点',
    responsibleUnit: '峨山县测试镇人民政府',
    county: EMSHAN,
    township: '测试镇',
    location: { lon: 102.41, lat: 24.17 },
    hazardType: 'landslide',
    scale: 'medium',
    threatenedPeople: 86,
    threatenedHouseholds: 21,
  };

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    city = await t.sessionFor(await t.createUser({ roles: ['city_officer'], scope: { kind: 'city' } }));
    const emshanUser = await t.createUser({
      roles: ['county_officer'],
      scope: { kind: 'county', counties: [EMSHAN] },
    });
    emshanUserId = emshanUser.id;
    emshan = await t.sessionFor(emshanUser);
    xinping = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: [XINPING] } }),
    );
    enterpriseId = (await monitoredSite(t, EMSHAN)).enterpriseId;
    enterpriseUser = await t.sessionFor(
      await t.createUser({
        roles: ['enterprise_manager'],
        scope: { kind: 'enterprise', enterpriseId, county: EMSHAN },
      }),
    );
  });
  afterAll(() => t.close());

  it('registers a site with its responsible unit and no enterprise', async () => {
    const created = await t.request({ method: 'POST', url: '/api/v1/objects', payload: site, as: emshan });
    expect(created.statusCode).toBe(201);
    siteId = created.json().id;
    expect(created.json()).toMatchObject({
      kind: 'geo_hazard_site',
      enterpriseId: null,
      enterpriseName: null,
      county: EMSHAN,
      attributes: {
        responsibleUnit: '峨山县测试镇人民政府',
        township: '测试镇',
        hazardType: 'landslide',
        scale: 'medium',
        threatenedPeople: 86,
        threatenedHouseholds: 21,
      },
    });
    const withOwner = await t.request({
      method: 'POST',
      url: '/api/v1/objects',
      payload: { ...site, enterpriseId },
      as: emshan,
    });
    expect(withOwner.statusCode).toBe(400);
    expect(withOwner.json().error.code).toBe('request.invalid');
  });

  it('refuses an enterprise kind without its enterprise (400) and stores nothing', async () => {
    const before = await t.db.query('SELECT count(*)::int AS n FROM regulated_objects');
    const response = await t.request({
      method: 'POST',
      url: '/api/v1/objects',
      payload: {
        kind: 'tailings_pond',
        name: '无主尾矿库',
        county: EMSHAN,
        location: { lon: 102.41, lat: 24.17 },
        grade: 4,
      },
      as: emshan,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('request.invalid');
    expect(response.json().error.fields).toMatchObject([{ path: 'enterpriseId', code: 'invalid_type' }]);
    const after = await t.db.query('SELECT count(*)::int AS n FROM regulated_objects');
    expect(after.rows[0].n).toBe(before.rows[0].n);
    // The database says the same.
    await expect(
      t.db.query(
        `INSERT INTO regulated_objects (kind, name, county, lon, lat, created_at, updated_at)
         VALUES ('tailings_pond', 'x', '530426', 102, 24, now(), now())`,
      ),
    ).rejects.toThrow(/regulated_objects_owner_check/);
  });

  it('a county device token sends the site’s readings; over the threshold an alarm fires', async () => {
    await createPoint(t, emshan, {
      code: 'GEO-RAIN-01',
      name: '雨量计',
      objectId: siteId,
      type: 'rainfall',
      unit: 'mm',
      range: { min: 0, max: 2000 },
      expectedIntervalSeconds: 600,
    });
    const displacementId = await createPoint(t, emshan, {
      code: 'GEO-DISP-01',
      name: '裂缝位移计',
      objectId: siteId,
      type: 'ground_displacement',
      unit: 'mm',
      range: { min: -5000, max: 5000 },
      expectedIntervalSeconds: 600,
      thresholds: { scheme: 'graded', side: 'high', yellow: 20, orange: 50, red: 100 },
    });
    const stored = await t.db.query<{ enterprise_id: string | null; county: string }>(
      'SELECT enterprise_id, county FROM monitoring_points WHERE id = $1',
      [displacementId],
    );
    expect(stored.rows[0]).toEqual({ enterprise_id: null, county: EMSHAN });

    const enterpriseKind = await t.request({
      method: 'POST',
      url: '/api/v1/monitoring/device-tokens',
      payload: { county: EMSHAN, enterpriseId, name: '两者都填' },
      as: emshan,
    });
    expect(enterpriseKind.statusCode).toBe(400);
    expect(enterpriseKind.json().error.fields[0].code).toBe('monitoring.device_owner_required');
    const foreign = await t.request({
      method: 'POST',
      url: '/api/v1/monitoring/device-tokens',
      payload: { county: EMSHAN, name: '外县网关' },
      as: xinping,
    });
    expect(foreign.statusCode).toBe(403);
    const issued = await t.request({
      method: 'POST',
      url: '/api/v1/monitoring/device-tokens',
      payload: { county: EMSHAN, name: '峨山地灾网关' },
      as: emshan,
    });
    expect(issued.statusCode).toBe(201);
    countyToken = issued.json().token;

    const response = await send(t, countyToken, [
      { point: 'GEO-DISP-01', ts: T0, value: 12 },
      { point: 'GEO-DISP-01', ts: T0 + 30_000, value: 63.5 },
      { point: 'GEO-RAIN-01', ts: T0, value: 31 },
      { point: 'T-NOT-MINE', ts: T0, value: 1 },
    ]);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ accepted: 3, unknownPoints: ['T-NOT-MINE'] });
  });

  it('shows the alarm to the county officer and the city, 404 to another county and to an enterprise', async () => {
    const list = await t.request({ method: 'GET', url: '/api/v1/monitoring/alarms?open=true', as: emshan });
    expect(list.statusCode).toBe(200);
    const alarms = list.json().items.filter((a: { point: string }) => a.point === 'GEO-DISP-01');
    // Graded thresholds: one rule per colour; 63.5 mm passed yellow (20) and orange (50).
    expect(alarms.map((a: { colour: string }) => a.colour)).toEqual(['orange', 'yellow']);
    expect(alarms[0]).toMatchObject({
      colour: 'orange',
      value: 63.5,
      enterpriseId: null,
      enterpriseName: null,
      responsibleUnit: '峨山县测试镇人民政府',
      objectName: '测试村滑坡隐患点',
    });
    const points = await t.request({
      method: 'GET',
      url: '/api/v1/monitoring/points?q=GEO-DISP',
      as: emshan,
    });
    expect(points.json().items).toMatchObject([
      { code: 'GEO-DISP-01', enterpriseName: null, responsibleUnit: '峨山县测试镇人民政府' },
    ]);
    const id = alarms[0].id as string;
    for (const as of [emshan, city]) {
      const one = await t.request({ method: 'GET', url: `/api/v1/monitoring/alarms/${id}`, as });
      expect(one.statusCode).toBe(200);
    }
    for (const as of [xinping, enterpriseUser]) {
      const one = await t.request({ method: 'GET', url: `/api/v1/monitoring/alarms/${id}`, as });
      expect(one.statusCode).toBe(404);
      const theirs = await t.request({ method: 'GET', url: '/api/v1/monitoring/alarms?open=true', as });
      expect(theirs.json().items.map((a: { id: string }) => a.id)).not.toContain(id);
      const points = await t.request({ method: 'GET', url: '/api/v1/monitoring/points', as });
      expect(points.json().items.map((p: { code: string }) => p.code)).not.toContain('GEO-DISP-01');
    }
    // The county's officers were told at once (no enterprise to act first).
    const notices = await t.db.query<{ user_id: string; kind: string }>(
      `SELECT user_id, kind FROM notifications WHERE data->>'alarmId' = $1`,
      [id],
    );
    expect(notices.rows.map((row) => row.kind)).toEqual(['alarm.site_fired']);
    expect(notices.rows[0]!.user_id).toBe(emshanUserId);
  });

  it('lists the site among the monitored sites with its level, but not in the enterprise online rate', async () => {
    const sites = await t.request({ method: 'GET', url: '/api/v1/monitoring/sites', as: emshan });
    expect(sites.statusCode).toBe(200);
    const mine = sites.json().items.find((s: { objectId: string }) => s.objectId === siteId);
    expect(mine).toMatchObject({
      enterpriseId: null,
      enterpriseName: null,
      responsibleUnit: '峨山县测试镇人民政府',
      level: 'orange',
      pointCount: 2,
    });
  });

  it('prefills a warning at the site’s position as a geological-hazard warning', async () => {
    const list = await t.request({ method: 'GET', url: '/api/v1/monitoring/alarms?open=true', as: emshan });
    const id = list.json().items.find((a: { point: string }) => a.point === 'GEO-DISP-01').id;
    const draft = await t.request({ method: 'GET', url: `/api/v1/warnings/prefill/alarm/${id}`, as: emshan });
    expect(draft.statusCode).toBe(200);
    expect(draft.json().draft).toMatchObject({
      eventType: 'geohazard',
      level: 'orange',
      audience: '受威胁群众及责任单位',
      area: { counties: [EMSHAN], circle: { center: { lon: 102.41, lat: 24.17 } } },
    });
    expect(draft.json().source.label).toBe('测试村滑坡隐患点 裂缝位移计');
  });
});
