import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';
import {
  createPoint,
  deviceToken,
  gasPoint,
  monitoredSite,
  send,
} from '../monitoring/monitoring-fixtures.test-support.ts';
import { validateCap } from './cap-schema.ts';

const JIANGCHUAN = '530403';
const HONGTA = '530402';

describe('the chain alarm → consequence zone → warning draft, linked both ways', () => {
  let t: TestContext;
  let author: Caller;
  let approver: Caller;
  let outsider: Caller;
  let alarmId: string;
  let incidentId: string;

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    const user = async (roles: string[], scope: Parameters<TestContext['createUser']>[0]['scope']) =>
      t.sessionFor(await t.createUser({ roles, scope }));
    author = await user(['county_officer'], { kind: 'county', counties: [JIANGCHUAN, HONGTA] });
    approver = await user(['city_officer'], { kind: 'city' });
    outsider = await user(['county_officer'], { kind: 'county', counties: ['530423'] });
    const site = await monitoredSite(t, JIANGCHUAN);
    await createPoint(t, author, gasPoint(site.objectId, 'CL-01'));
    const token = await deviceToken(t, author, site.enterpriseId);
    const now = t.clock.now().getTime();
    await send(t, token, [{ point: 'CL-01', ts: now - 5_000, value: 45 }]);
    const alarms = await t.request({ method: 'GET', url: '/api/v1/monitoring/alarms?open=true', as: author });
    alarmId = alarms.json<{ items: { id: string }[] }>().items[0]!.id;
    const incident = await t.request({
      method: 'POST',
      url: '/api/v1/incidents',
      payload: {
        occurredAt: new Date(now - 10 * 60_000).toISOString(),
        county: HONGTA,
        location: '红塔区研和街道某化工企业液氯储罐区',
        position: { lon: 102.55, lat: 24.3 },
        accidentType: 'WSA10023',
        deaths: 0,
        seriousInjuries: 1,
        directLossWan: '10',
        description: '液氯储罐阀门泄漏',
        reporter: '企业值班长',
      },
      as: author,
    });
    incidentId = incident.json<{ id: string }>().id;
  });
  afterAll(() => t.close());

  const get = (url: string, as: Caller) => t.request({ method: 'GET', url, as });
  const post = (url: string, as: Caller, payload: object = {}) =>
    t.request({ method: 'POST', url, payload, as });

  it('pre-fills a draft from an alarm with the site, the reading and the rule that fired', async () => {
    const response = await get(`/api/v1/warnings/prefill/alarm/${alarmId}`, author);
    expect(response.statusCode).toBe(200);
    const { draft, source } = response.json();
    expect(source).toEqual({ kind: 'alarm', id: alarmId, label: '监测测试企业测试罐区 可燃气体 CL-01' });
    expect(draft.eventType).toBe('hazchem_leak');
    expect(draft.level).toBe('orange');
    expect(draft.area).toEqual({
      counties: [JIANGCHUAN],
      townships: [],
      polygon: null,
      circle: { center: { lon: 102.55, lat: 24.35 }, radiusKm: 1 },
    });
    expect(draft.info.zh.headline).toBe('监测测试企业测试罐区监测报警预警');
    expect(draft.info.zh.description).toContain('读数45 %LEL，达到高高限，触发报警。');
    expect(draft.info.zh.description).not.toMatch(/[A-Za-z_]+\.[a-z]+/);
  });

  it('refuses an alarm outside the caller’s scope with 404 warning.source_not_found', async () => {
    const response = await get(`/api/v1/warnings/prefill/alarm/${alarmId}`, outsider);
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('warning.source_not_found');
    const saved = await post('/api/v1/warnings', outsider, {
      ...(await get(`/api/v1/warnings/prefill/alarm/${alarmId}`, author)).json().draft,
      area: { counties: ['530423'] },
      contact: '0877-1',
      source: { kind: 'alarm', id: alarmId },
    });
    expect(saved.statusCode).toBe(404);
    expect((await t.db.query('SELECT count(*)::int AS n FROM warnings')).rows[0].n).toBe(0);
  });

  it('saves the draft with its alarm and lists it on the alarm', async () => {
    const { draft } = (await get(`/api/v1/warnings/prefill/alarm/${alarmId}`, author)).json();
    const created = await post('/api/v1/warnings', author, {
      ...draft,
      contact: '0877-2023110',
      source: { kind: 'alarm', id: alarmId },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().source).toEqual({
      kind: 'alarm',
      id: alarmId,
      label: '监测测试企业测试罐区 可燃气体 CL-01',
    });
    const linked = await get(`/api/v1/warnings/linked/alarm/${alarmId}`, author);
    expect(linked.json().items.map((w: { id: string; status: string }) => [w.id, w.status])).toEqual([
      [created.json().id, 'draft'],
    ]);
    expect((await get(`/api/v1/warnings/linked/alarm/${alarmId}`, outsider)).statusCode).toBe(404);
  });

  it('turns a consequence zone into the CAP area (footprint polygon + evacuation circle) and back-links the incident', async () => {
    const footprint = [
      { lat: 24.3, lon: 102.55 },
      { lat: 24.31, lon: 102.56 },
      { lat: 24.305, lon: 102.58 },
      { lat: 24.298, lon: 102.565 },
    ];
    const response = await post(`/api/v1/warnings/prefill/incident/${incidentId}`, author, {
      site: { lat: 24.3, lon: 102.55 },
      footprint,
      evacuationRadiusM: 1500,
      chemical: '氯',
    });
    expect(response.statusCode).toBe(200);
    const { draft, source } = response.json();
    expect(source).toEqual({
      kind: 'incident',
      id: incidentId,
      label: '红塔区研和街道某化工企业液氯储罐区 氯',
    });
    expect(draft.level).toBe('red');
    expect(draft.area).toEqual({
      counties: [HONGTA],
      townships: [],
      polygon: footprint,
      circle: { center: { lat: 24.3, lon: 102.55 }, radiusKm: 1.5 },
    });
    const id = (
      await post('/api/v1/warnings', author, {
        ...draft,
        contact: '0877-2023110',
        source: { kind: 'incident', id: incidentId },
      })
    ).json().id;
    await post(`/api/v1/warnings/${id}/submit`, author);
    await post(`/api/v1/warnings/${id}/approve`, approver);
    const published = (await post(`/api/v1/warnings/${id}/publish`, approver)).json();
    const cap = (await t.request({ method: 'GET', url: published.versions[0].capUrl })).body;
    expect(await validateCap(cap)).toEqual({ valid: true, errors: [] });
    expect(cap).toContain(
      '<polygon>24.3,102.55 24.31,102.56 24.305,102.58 24.298,102.565 24.3,102.55</polygon>',
    );
    expect(cap).toContain('<circle>24.3,102.55 1.5</circle>');
    const linked = (await get(`/api/v1/warnings/linked/incident/${incidentId}`, approver)).json();
    expect(linked.items.map((w: { id: string; status: string }) => [w.id, w.status])).toEqual([
      [id, 'published'],
    ]);
  });

  it('shows the published warning in the embeddable widget, in Chinese or English', async () => {
    const zh = await t.request({ method: 'GET', url: '/api/v1/public/warnings/widget.html' });
    expect(zh.statusCode).toBe(200);
    expect(zh.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(zh.headers['content-security-policy']).toContain('frame-ancestors *');
    expect(zh.body).toContain('<html lang="zh-CN">');
    expect(zh.body).toContain('<b>红色</b>');
    expect(zh.body).toContain('>红塔区研和街道某化工企业液氯储罐区氯泄漏预警</a>');
    expect(zh.body).not.toContain('<script');
    const en = await t.request({ method: 'GET', url: '/api/v1/public/warnings/widget.html?lang=en' });
    expect(en.body).toContain('<b>Red</b>');
    expect(en.body).toContain('>氯 release warning</a>');
    expect(
      (await t.request({ method: 'GET', url: '/api/v1/public/warnings/widget.html?lang=fr' })).statusCode,
    ).toBe(400);
  });

  it('refuses a zone with no radius and stores nothing', async () => {
    const before = (await t.db.query('SELECT count(*)::int AS n FROM warnings')).rows[0].n;
    const response = await post(`/api/v1/warnings/prefill/incident/${incidentId}`, author, {
      site: { lat: 24.3, lon: 102.55 },
      evacuationRadiusM: 0,
      chemical: '氯',
    });
    expect(response.statusCode).toBe(400);
    expect((await t.db.query('SELECT count(*)::int AS n FROM warnings')).rows[0].n).toBe(before);
  });
});
