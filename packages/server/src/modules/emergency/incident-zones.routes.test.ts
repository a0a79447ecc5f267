import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertEnterprise } from '../../../test/factories.ts';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';

/** A plume footprint east of the site: a square 0.01° on a side (about 1 km). */
const PLUME = {
  key: 'aegl2-0',
  label: { zh: 'AEGL-2（60 分钟）', en: 'AEGL-2 (60 min)' },
  colour: 'orange',
  extentM: 1010,
  shape: {
    kind: 'polygon',
    ring: [
      [102.55, 24.3],
      [102.56, 24.3],
      [102.56, 24.31],
      [102.55, 24.31],
      [102.55, 24.3],
    ],
  },
};
const BLAST = {
  key: 'kpa-21',
  label: { zh: '21 kPa', en: '21 kPa' },
  colour: 'red',
  extentM: 300,
  shape: { kind: 'circle', centre: [102.55, 24.3], radiusM: 300 },
};
const zoneSet = (zones: object[], evacuationRadiusM = 1500) => ({
  model: { id: 'gaussian-plume', zh: '高斯烟羽模型', en: 'Gaussian plume' },
  inputs: { chemical: '氯', rateKgPerS: 1, windSpeedMps: 2, windFromDeg: 270, stability: 'D' },
  centre: [102.55, 24.3],
  zones,
  evacuationRadiusM,
  summary: '氯气泄漏后果区域：AEGL-2 下风向 1010 m，疏散半径 1500 m',
});

describe('an incident’s recorded consequence zones', () => {
  let t: TestContext;
  let duty: Caller;
  let otherCounty: Caller;
  let leader: Caller;
  let leaderId: string;
  let incidentId: string;
  let plant: string;

  const camera = (code: string, lon: number, lat: number) =>
    t.request({
      method: 'POST',
      url: '/api/v1/video/cameras',
      payload: {
        code,
        name: `摄像机 ${code}`,
        enterpriseId: plant,
        location: { lon, lat },
        gatewayId: 'local-test',
        streamRef: 'index.m3u8',
      },
      as: duty,
    });
  const inZones = async (as: Caller = duty) =>
    t.request({ method: 'GET', url: `/api/v1/video/cameras/in-zones?incidentId=${incidentId}`, as });

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    duty = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: ['530402'] } }),
    );
    otherCounty = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: ['530423'] } }),
    );
    const leaderUser = await t.createUser({ roles: ['rescue_team'], scope: { kind: 'city' } });
    leaderId = leaderUser.id;
    leader = await t.sessionFor(leaderUser);
    plant = await insertEnterprise(t.db, { name: '红塔演练化工有限公司', county: '530402', serial: 81 });
    incidentId = (
      await t.request({
        method: 'POST',
        url: '/api/v1/incidents',
        payload: {
          occurredAt: new Date(t.clock.now().getTime() - 20 * 60_000).toISOString(),
          county: '530402',
          location: '红塔区某化工企业液氯储罐区',
          position: { lon: 102.55, lat: 24.3 },
          accidentType: 'WSA10023',
          deaths: 0,
          seriousInjuries: 0,
          directLossWan: '1',
          description: '液氯储罐阀门泄漏',
          reporter: '企业值班长 张某',
        },
        as: duty,
      })
    ).json().id;
  });
  afterAll(() => t.close());

  it('finds no camera before any zone is recorded, and hides another county’s incident', async () => {
    expect((await inZones()).json()).toEqual({ version: null, cameras: [] });
    expect((await inZones(otherCounty)).json().error.code).toBe('video.incident_not_found');
  });

  it('keeps each recording as a new version with its inputs, and refuses a bad shape without writing', async () => {
    const first = await t.request({
      method: 'POST',
      url: `/api/v1/incidents/${incidentId}/zones`,
      payload: zoneSet([BLAST]),
      as: duty,
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ version: 1, computedBy: expect.any(String), zones: [BLAST] });
    const bad = await t.request({
      method: 'POST',
      url: `/api/v1/incidents/${incidentId}/zones`,
      payload: zoneSet([{ ...PLUME, shape: { kind: 'polygon', ring: [[102.55, 24.3]] } }]),
      as: duty,
    });
    expect(bad.statusCode).toBe(400);
    const second = await t.request({
      method: 'POST',
      url: `/api/v1/incidents/${incidentId}/zones`,
      payload: zoneSet([BLAST, PLUME]),
      as: duty,
    });
    expect(second.json().version).toBe(2);
    const list = await t.request({ method: 'GET', url: `/api/v1/incidents/${incidentId}/zones`, as: duty });
    expect(list.json().items.map((s: { version: number }) => s.version)).toEqual([2, 1]);
    expect(list.json().items[0].inputs).toEqual(zoneSet([]).inputs);
    const outside = await t.request({
      method: 'POST',
      url: `/api/v1/incidents/${incidentId}/zones`,
      payload: zoneSet([BLAST]),
      as: otherCounty,
    });
    expect(outside.statusCode).toBe(404);
    // The timeline (and so the teams' instructions) carries the summary line.
    const incident = await t.request({ method: 'GET', url: `/api/v1/incidents/${incidentId}`, as: duty });
    expect(
      incident.json().timeline.filter((e: { text: string }) => e.text.startsWith('氯气泄漏后果区域')),
    ).toHaveLength(2);
  });

  it('lists the cameras inside the zone shapes, not those in a circle round the site', async () => {
    // Just inside the plume's north-east corner, and just outside it (0.0002° ≈ 20 m east).
    expect((await camera('YX-Z-IN', 102.5599, 24.3099)).statusCode).toBe(201);
    expect((await camera('YX-Z-OUT', 102.5601, 24.3099)).statusCode).toBe(201);
    // Near the site (100 m west), inside the blast circle but west of the plume.
    expect((await camera('YX-Z-BLAST', 102.549, 24.3)).statusCode).toBe(201);
    // 400 m west: nearer the site than the plume's far corner, but in no zone.
    expect((await camera('YX-Z-WEST', 102.546, 24.3)).statusCode).toBe(201);
    const answer = (await inZones()).json();
    expect(answer.version).toBe(2);
    expect(answer.cameras.map((c: { code: string; zones: string[] }) => [c.code, c.zones])).toEqual([
      ['YX-Z-BLAST', ['kpa-21']],
      ['YX-Z-IN', ['aegl2-0']],
    ]);
  });

  it('shows the latest zones on the team leader’s phone', async () => {
    const team = (
      await t.request({
        method: 'POST',
        url: '/api/v1/emergency/resources',
        payload: {
          kind: 'team',
          name: '红塔区危化品救援队',
          county: '530402',
          location: { lon: 102.56, lat: 24.36 },
          teamType: 'professional',
          specialties: ['hazmat'],
          members: 20,
        },
        as: duty,
      })
    ).json().id;
    await t.request({
      method: 'PUT',
      url: `/api/v1/emergency/resources/${team}/members`,
      payload: { members: [{ userId: leaderId, leader: true }] },
      as: duty,
    });
    const dispatched = await t.request({
      method: 'POST',
      url: `/api/v1/incidents/${incidentId}/dispatch`,
      payload: { resourceId: team },
      as: duty,
    });
    const taskId = dispatched.json().tasks[0].id;
    const task = await t.request({ method: 'GET', url: `/api/v1/teams/tasks/${taskId}`, as: leader });
    expect(task.statusCode, task.body).toBe(200);
    expect(task.json().zones).toMatchObject({ version: 2, evacuationRadiusM: 1500, zones: [BLAST, PLUME] });
  });
});
