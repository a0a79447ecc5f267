import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAlarm, insertEnterprise, insertObject, insertPoint } from '../../../test/factories.ts';
import { readWorkbook } from '../../../test/read-workbook.ts';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';
import { checkCameraStatuses } from './status-check.job.ts';
import { createCamerasRepository } from './cameras.repository.ts';
import { GatewayRegistry, HlsGateway } from './gateways.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the camera register, live view and online check', () => {
  let t: TestContext;
  let county: Caller;
  let otherCounty: Caller;
  let enterpriseUser: Caller;
  let plant: string;
  let otherPlant: string;
  let tank: string;
  let point: string;
  let slowPeer: Server;
  let slowBase: string;

  const camera = (overrides: object = {}) => ({
    code: 'YX-0403-0001',
    name: '罐区东侧球机',
    enterpriseId: plant,
    objectId: tank,
    monitoringPointId: point,
    location: { lon: 102.7501, lat: 24.2801 },
    direction: 90,
    gatewayId: 'local-test',
    streamRef: 'index.m3u8',
    ...overrides,
  });
  const post = (url: string, payload?: object, as: Caller = county) =>
    t.request({ method: 'POST', url: `/api/v1/video${url}`, ...(payload ? { payload } : {}), as });
  const get = (url: string, as: Caller = county) =>
    t.request({ method: 'GET', url: `/api/v1/video${url}`, as });

  beforeAll(async () => {
    // A plain HLS server that answers slowly (for the two overlapping checks) or not at all.
    slowPeer = createServer((req, res) => {
      setTimeout(() => {
        if (req.url === '/slow/index.m3u8') {
          res.writeHead(200);
          res.end('#EXTM3U\n');
        } else {
          res.writeHead(404);
          res.end();
        }
      }, 400);
    });
    await new Promise<void>((resolve) => slowPeer.listen(0, '127.0.0.1', () => resolve()));
    slowBase = `http://127.0.0.1:${(slowPeer.address() as AddressInfo).port}`;
    t = await createTestContext({
      AUTH_TOTP_REQUIRED: 'false',
      VIDEO_TEST_STREAM: 'true',
      VIDEO_GATEWAYS: JSON.stringify([
        { id: 'city-hls', name: '市级流媒体', kind: 'hls', baseUrl: slowBase },
      ]),
    });
    plant = await insertEnterprise(t.db, { name: '江川演练化工有限公司', county: '530403', serial: 71 });
    otherPlant = await insertEnterprise(t.db, { name: '通海演练化工有限公司', county: '530423', serial: 72 });
    tank = await insertObject(t.db, {
      enterpriseId: plant,
      county: '530403',
      name: '1号罐区',
      lon: 102.75,
      lat: 24.28,
    });
    point = await insertPoint(t.db, {
      code: 'V-LEL-01',
      name: '罐区可燃气体',
      objectId: tank,
      enterpriseId: plant,
      county: '530403',
    });
    county = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: ['530403'] } }),
    );
    otherCounty = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: ['530423'] } }),
    );
    enterpriseUser = await t.sessionFor(
      await t.createUser({
        roles: ['enterprise_manager'],
        scope: { kind: 'enterprise', enterpriseId: otherPlant, county: '530423' },
      }),
    );
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) => slowPeer.close(() => resolve()));
  });

  it('registers a camera with its links, and refuses bad links and stream addresses with stable codes', async () => {
    const created = await post('/cameras', camera());
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      code: 'YX-0403-0001',
      enterpriseName: '江川演练化工有限公司',
      county: '530403',
      objectName: '1号罐区',
      monitoringPointName: '罐区可燃气体',
      gatewayName: '本地测试网关',
      status: 'unknown',
    });
    const problems: [object, string, number][] = [
      [{ code: 'YX-0403-0001' }, 'video.code_taken', 409],
      [{ code: 'YX-B1', gatewayId: 'nowhere' }, 'video.gateway_unknown', 400],
      [{ code: 'YX-B2', gatewayId: 'city-hls', streamRef: '../secret' }, 'video.stream_ref_invalid', 400],
      [
        { code: 'YX-B3', enterpriseId: otherPlant, objectId: null, monitoringPointId: null },
        'enterprise.not_found',
        404,
      ],
      [
        {
          code: 'YX-B4',
          objectId: await insertObject(t.db, {
            enterpriseId: otherPlant,
            county: '530423',
            name: '他人罐区',
          }),
        },
        'video.object_mismatch',
        400,
      ],
    ];
    for (const [change, code, status] of problems) {
      const answer = await post('/cameras', camera(change));
      expect([answer.statusCode, answer.json().error.code]).toEqual([status, code]);
    }
    expect((await t.db.query('SELECT count(*)::int AS n FROM video_cameras')).rows[0].n).toBe(1);
  });

  it('lists, exports and finds cameras in the caller’s scope only', async () => {
    await post(
      '/cameras',
      camera({
        code: 'YX-0403-0002',
        name: '厂门枪机',
        objectId: null,
        monitoringPointId: null,
        roadSection: '玉江大道K12',
        gatewayId: 'city-hls',
        streamRef: 'slow/index.m3u8',
        location: { lon: 102.76, lat: 24.29 },
      }),
    );
    const list = await get('/cameras?q=K12');
    expect(list.json().items.map((c: { code: string }) => c.code)).toEqual(['YX-0403-0002']);
    expect((await get('/cameras', otherCounty)).json().total).toBe(0);
    const id = (await get('/cameras')).json().items[0].id;
    expect((await get(`/cameras/${id}`, otherCounty)).statusCode).toBe(404);
    expect((await get(`/cameras/${id}`, enterpriseUser)).statusCode).toBe(404);
    // The gateways without their secrets, and the CSP lets the browser fetch their HLS.
    const gateways = await get('/gateways');
    expect(gateways.json()).toEqual([
      { id: 'local-test', name: '本地测试网关', kind: 'test' },
      { id: 'city-hls', name: '市级流媒体', kind: 'hls' },
    ]);
    expect(gateways.headers['content-security-policy']).toContain(`media-src 'self' blob: ${slowBase}`);
    const file = await get('/cameras/export');
    expect(file.statusCode).toBe(200);
    const rows = await readWorkbook(file.rawPayload);
    expect(rows[0]!.slice(0, 4)).toEqual(['摄像机编号', '名称', '企业或责任单位', '区县']);
    expect(
      rows
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual(['YX-0403-0001', 'YX-0403-0002']);
    expect(rows[1]![3]).toBe('江川区');
  });

  it('plays the local test stream through the test gateway and audits who watched which camera', async () => {
    const id = (await get('/cameras?q=YX-0403-0001')).json().items[0].id;
    // ffmpeg needs a moment for its first segments.
    let played = await post(`/cameras/${id}/play`);
    for (let i = 0; i < 40 && played.statusCode !== 200; i += 1) {
      await sleep(250);
      played = await post(`/cameras/${id}/play`);
    }
    expect(played.statusCode, played.body).toBe(200);
    expect(played.json()).toEqual({
      cameraId: id,
      hlsUrl: '/api/v1/video/test-gateway/index.m3u8',
      gatewayKind: 'test',
    });
    const playlist = await get('/test-gateway/index.m3u8');
    expect(playlist.statusCode).toBe(200);
    expect(playlist.headers['content-type']).toBe('application/vnd.apple.mpegurl');
    expect(playlist.body.startsWith('#EXTM3U')).toBe(true);
    const segment = playlist.body.split('\n').find((line) => line.endsWith('.ts'))!;
    const media = await get(`/test-gateway/${segment}`);
    expect(media.statusCode).toBe(200);
    expect(media.rawPayload[0]).toBe(0x47); // an MPEG-TS sync byte
    expect((await get('/test-gateway/..%2Fetc%2Fpasswd')).statusCode).toBe(400);
    // Another county's officer cannot watch it, and nothing of the stream leaks without a session.
    expect((await post(`/cameras/${id}/play`, undefined, otherCounty)).statusCode).toBe(404);
    expect(
      (await t.request({ method: 'GET', url: '/api/v1/video/test-gateway/index.m3u8' })).statusCode,
    ).toBe(401);

    // 抓拍取证: a frame of the stream becomes an upload of the camera's enterprise, usable as a
    // hazard report's photo.
    const snap = await post(`/cameras/${id}/snapshot`);
    expect(snap.statusCode, snap.body).toBe(201);
    expect(snap.json()).toMatchObject({ contentType: 'image/jpeg' });
    const image = await t.request({
      method: 'GET',
      url: `/api/v1/uploads/${snap.json().uploadId}`,
      as: county,
    });
    expect(image.statusCode).toBe(200);
    expect(image.rawPayload.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    const hazard = await t.request({
      method: 'POST',
      url: '/api/v1/hazards',
      payload: {
        enterpriseId: plant,
        source: 'inspection',
        location: { text: '罐区东侧' },
        description: '视频巡查发现罐区东侧消防通道被占用',
        category: '05',
        photos: [snap.json().uploadId],
      },
      as: county,
    });
    expect(hazard.statusCode, hazard.body).toBe(201);
    expect((await post(`/cameras/${id}/snapshot`, undefined, otherCounty)).statusCode).toBe(404);

    const audit = await t.db.query<{ action: string; target: string; outcome: string }>(
      `SELECT action, target, outcome FROM audit_log WHERE action = 'video.camera_view' ORDER BY seq`,
    );
    expect(audit.rows.filter((r) => r.outcome === 'success').every((r) => r.target === id)).toBe(true);
    expect(audit.rows.some((r) => r.outcome === 'success')).toBe(true);
  });

  it('checks online status in one process at a time and answers the online rate per county and enterprise', async () => {
    const repository = createCamerasRepository(t.db);
    const slow = new GatewayRegistry([
      new HlsGateway({ id: 'city-hls', name: '市级流媒体', kind: 'hls', baseUrl: slowBase }),
    ]);
    // Two processes' runs at once: one checks, the other sees the lock taken and does nothing.
    const runs = await Promise.all([
      checkCameraStatuses({ db: t.db, clock: t.clock, cameras: repository, gateways: slow }),
      checkCameraStatuses({ db: t.db, clock: t.clock, cameras: repository, gateways: slow }),
    ]);
    expect(runs.filter((r) => r === null)).toHaveLength(1);
    expect(runs.find((r) => r !== null)).toEqual({ checked: 2, online: 1 });

    // The app's own check knows the test gateway too: both cameras are up.
    const check = await post('/status-check');
    expect(check.json()).toEqual({ checked: 2, online: 2 });
    await t.db.query(`UPDATE video_cameras SET stream_ref = 'gone/index.m3u8' WHERE code = 'YX-0403-0002'`);
    expect((await post('/status-check')).json()).toEqual({ checked: 2, online: 1 });
    const rates = (await get('/online-rates')).json();
    expect(rates.total).toMatchObject({ cameras: 2, online: 1, rate: 0.5 });
    expect(rates.counties).toEqual([
      { key: '530403', name: '江川区', county: '530403', cameras: 2, online: 1, rate: 0.5 },
    ]);
    expect(rates.enterprises[0]).toMatchObject({ key: plant, name: '江川演练化工有限公司', rate: 0.5 });
    expect((await get('/online-rates', otherCounty)).json().total).toMatchObject({ cameras: 0, rate: null });
    expect((await get('/cameras?status=offline')).json().items.map((c: { code: string }) => c.code)).toEqual([
      'YX-0403-0002',
    ]);
  });

  it('finds the cameras near an incident’s site and nearest an alarm’s site', async () => {
    const near = (await get('/cameras/near?lon=102.75&lat=24.28&radiusM=500')).json();
    expect(near.map((c: { code: string; distanceM: number }) => [c.code, c.distanceM])).toEqual([
      ['YX-0403-0001', 15],
    ]);
    const wide = (await get('/cameras/near?lon=102.75&lat=24.28&radiusM=3000')).json();
    expect(wide.map((c: { code: string }) => c.code)).toEqual(['YX-0403-0001', 'YX-0403-0002']);
    const alarm = await insertAlarm(t.db, {
      pointId: point,
      objectId: tank,
      enterpriseId: plant,
      county: '530403',
      status: 'firing',
      raisedAt: new Date(),
    });
    const answer = (await get(`/cameras/near-alarm?alarmId=${alarm}`)).json();
    expect(answer.position).toEqual({ lon: 102.75, lat: 24.28 });
    expect(answer.cameras[0].code).toBe('YX-0403-0001');
    expect((await get(`/cameras/near-alarm?alarmId=${alarm}`, otherCounty)).json().error.code).toBe(
      'video.alarm_not_found',
    );
  });

  it('edits and deletes a camera', async () => {
    const id = (await get('/cameras?q=YX-0403-0002')).json().items[0].id;
    const put = await t.request({
      method: 'PUT',
      url: `/api/v1/video/cameras/${id}`,
      payload: camera({
        code: 'YX-0403-0002',
        name: '厂门枪机（改）',
        objectId: null,
        monitoringPointId: null,
        gatewayId: 'city-hls',
        streamRef: 'slow/index.m3u8',
      }),
      as: county,
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ name: '厂门枪机（改）', status: 'unknown' });
    expect(
      (await t.request({ method: 'DELETE', url: `/api/v1/video/cameras/${id}`, as: otherCounty })).statusCode,
    ).toBe(404);
    expect(
      (await t.request({ method: 'DELETE', url: `/api/v1/video/cameras/${id}`, as: county })).statusCode,
    ).toBe(200);
    expect((await get(`/cameras/${id}`)).statusCode).toBe(404);
  });
  it('registers a camera on a hazard site without an enterprise, scoped by the site’s county (decision 0006)', async () => {
    const site = await t.request({
      method: 'POST',
      url: '/api/v1/objects',
      payload: {
        kind: 'geo_hazard_site',
        name: '测试村滑坡隐患点',
        responsibleUnit: '江川区测试镇人民政府',
        county: '530403',
        township: '测试镇',
        location: { lon: 102.81, lat: 24.31 },
        hazardType: 'landslide',
        scale: 'small',
        threatenedPeople: 12,
        threatenedHouseholds: 4,
      },
      as: county,
    });
    expect(site.statusCode, site.body).toBe(201);
    const siteId = site.json().id as string;
    const onSite = { enterpriseId: null, objectId: siteId, monitoringPointId: null };
    const created = await post('/cameras', camera({ code: 'YX-GEO-01', name: '滑坡体监控', ...onSite }));
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      enterpriseId: null,
      enterpriseName: null,
      responsibleUnit: '江川区测试镇人民政府',
      county: '530403',
      objectName: '测试村滑坡隐患点',
    });
    const before = (await t.db.query('SELECT count(*)::int AS n FROM video_cameras')).rows[0].n;
    const problems: [object, string][] = [
      [{ enterpriseId: null, objectId: null, monitoringPointId: null }, 'video.owner_required'],
      [{ enterpriseId: null, objectId: tank, monitoringPointId: null }, 'video.owner_required'],
      [{ ...onSite, monitoringPointId: point }, 'video.point_mismatch'],
    ];
    for (const [change, code] of problems) {
      const answer = await post('/cameras', camera({ code: 'YX-GEO-09', ...change }));
      expect([answer.statusCode, answer.json().error.code]).toEqual([400, code]);
    }
    expect((await t.db.query('SELECT count(*)::int AS n FROM video_cameras')).rows[0].n).toBe(before);
    const id = created.json().id as string;
    expect((await get(`/cameras/${id}`)).statusCode).toBe(200);
    expect((await get(`/cameras/${id}`, otherCounty)).statusCode).toBe(404);
    expect((await get(`/cameras/${id}`, enterpriseUser)).statusCode).toBe(404);
  });
});
