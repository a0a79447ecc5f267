import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Workbench } from '@anjian/domain';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';
import {
  insertAlarm,
  insertEnterprise,
  insertHazard,
  insertIncident,
  insertObject,
  insertPoint,
} from '../../../test/factories.ts';

const JIANGCHUAN = '530403';
const TONGHAI = '530423';
// The test clock reads 2026-11-29T02:00Z: Beijing date 2026-11-29, the trend runs 10-31 … 11-29.
const DAY_INDEX = (beijingDate: string) =>
  Math.round((Date.parse(`${beijingDate}T00:00:00Z`) - Date.parse('2026-10-31T00:00:00Z')) / 86_400_000);

function trendWith(entries: Record<string, number>): number[] {
  const trend = Array.from({ length: 30 }, () => 0);
  for (const [day, count] of Object.entries(entries)) trend[DAY_INDEX(day)] = count;
  return trend;
}

describe('GET /api/v1/workbench', () => {
  let t: TestContext;
  let reporter: string;
  const ent = { a: '', b: '', c: '' };
  let cityCaller: Caller;
  let countyCaller: Caller;
  let enterpriseCaller: Caller;
  let inspectorCaller: Caller;
  let countyUserId: string;

  async function enterprise(name: string, county: string, serial: number): Promise<string> {
    return insertEnterprise(t.db, { name, county, serial, createdAt: '2026-11-20T04:00:00Z' });
  }

  async function hazard(
    enterpriseId: string,
    county: string,
    fields: {
      status: string;
      level: string;
      source: string;
      deadline?: string;
      supervision?: string;
      at: string;
    },
  ) {
    await insertHazard(t.db, {
      enterpriseId,
      county,
      source: fields.source,
      locationText: '工作台测试位置',
      description: '工作台测试隐患',
      level: fields.level as 'general' | 'major',
      status: fields.status,
      deadline: fields.deadline ?? null,
      supervisionLevel: fields.supervision ?? null,
      reportedBy: reporter,
      reportedAt: fields.at,
    });
  }

  async function alarm(enterpriseId: string, county: string, status: string, raisedAt: string) {
    const objectId = await insertObject(t.db, { enterpriseId, county, name: '工作台罐区' });
    const pointId = await insertPoint(t.db, {
      code: `WB-${randomUUID()}`,
      name: '工作台监测点',
      objectId,
      enterpriseId,
      county,
    });
    await insertAlarm(t.db, { pointId, objectId, enterpriseId, county, status, raisedAt });
  }

  async function incident(county: string, status: string, reportsSent: object, occurredAt: string) {
    await insertIncident(t.db, {
      occurredAt,
      county,
      location: '工作台事故地点',
      description: '工作台事故',
      reportsSent,
      status,
      createdBy: reporter,
    });
  }

  const get = async (as: Caller): Promise<Workbench> => {
    const response = await t.request({ method: 'GET', url: '/api/v1/workbench', as });
    expect(response.statusCode).toBe(200);
    return response.json();
  };

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    ent.a = await enterprise('工作台甲企业', JIANGCHUAN, 71_001);
    ent.b = await enterprise('工作台乙企业', JIANGCHUAN, 71_002);
    ent.c = await enterprise('工作台丙企业', TONGHAI, 71_003);
    const city = await t.createUser({ roles: ['city_officer'], scope: { kind: 'city' } });
    const county = await t.createUser({
      roles: ['county_officer'],
      scope: { kind: 'county', counties: [JIANGCHUAN] },
    });
    const company = await t.createUser({
      roles: ['enterprise_manager'],
      scope: { kind: 'enterprise', enterpriseId: ent.a, county: JIANGCHUAN },
    });
    const inspector = await t.createUser({
      roles: ['inspector'],
      scope: { kind: 'county', counties: [JIANGCHUAN] },
    });
    reporter = city.id;
    countyUserId = county.id;
    cityCaller = await t.sessionFor(city);
    countyCaller = await t.sessionFor(county);
    enterpriseCaller = await t.sessionFor(company);
    inspectorCaller = await t.sessionFor(inspector);

    // Hazards: the enterprise's next step (plan, rectify), the government's (accept), overdue ones.
    await hazard(ent.a, JIANGCHUAN, {
      status: 'reported',
      level: 'general',
      source: 'self_check',
      deadline: '2026-11-20',
      at: '2026-11-27T16:30:00Z', // Beijing 11-28 00:30
    });
    await hazard(ent.a, JIANGCHUAN, {
      status: 'rectifying',
      level: 'general',
      source: 'inspection',
      deadline: '2026-12-10',
      at: '2026-11-29T01:00:00Z',
    });
    await hazard(ent.a, JIANGCHUAN, {
      status: 'pending_acceptance',
      level: 'general',
      source: 'inspection',
      at: '2026-11-01T03:00:00Z',
    });
    await hazard(ent.b, JIANGCHUAN, {
      status: 'pending_acceptance',
      level: 'major',
      source: 'self_check',
      supervision: 'city',
      at: '2026-10-01T03:00:00Z',
    });
    await hazard(ent.c, TONGHAI, {
      status: 'pending_acceptance',
      level: 'major',
      source: 'self_check',
      at: '2026-11-29T00:00:00Z',
    });
    await hazard(ent.a, JIANGCHUAN, {
      status: 'closed',
      level: 'general',
      source: 'self_check',
      deadline: '2026-11-01',
      at: '2026-11-15T03:00:00Z',
    });

    await alarm(ent.a, JIANGCHUAN, 'firing', '2026-11-29T01:00:00Z');
    await alarm(ent.a, JIANGCHUAN, 'acknowledged', '2026-11-28T01:00:00Z');
    await alarm(ent.c, TONGHAI, 'firing', '2026-11-29T01:30:00Z');
    await alarm(ent.c, TONGHAI, 'closed', '2026-11-10T01:30:00Z');

    await incident(JIANGCHUAN, 'open', { site_to_unit: '2026-11-28T01:00:00Z' }, '2026-11-28T00:00:00Z');
    await incident(TONGHAI, 'open', { county_to_city: '2026-11-28T02:00:00Z' }, '2026-11-28T00:00:00Z');
    await incident(TONGHAI, 'closed', {}, '2026-11-02T00:00:00Z');

    // The inspector's account is on the roster; one inspection planned, one completed yesterday.
    const roster = await t.db.query<{ id: string }>(
      `INSERT INTO enforcement_inspectors (name, certificate_no, certificate_expiry, county, user_id, created_at, updated_at)
       VALUES ('工作台执法员', 'WB-001', '2030-12-31', $1, $2, now(), now()) RETURNING id`,
      [JIANGCHUAN, inspector.id],
    );
    for (const [status, completedAt] of [
      ['planned', null],
      ['completed', '2026-11-28T06:00:00Z'],
    ] as const) {
      await t.db.query(
        `INSERT INTO enforcement_inspections (kind, status, enterprise_id, county, inspector_ids, created_by,
           created_at, updated_at, completed_at)
         VALUES ('ad_hoc', $1, $2, $3, $4, $5, now(), now(), $6)`,
        [status, ent.a, JIANGCHUAN, [roster.rows[0]!.id], reporter, completedAt],
      );
    }

    for (let i = 0; i < 6; i += 1) {
      await t.db.query(
        `INSERT INTO notifications (user_id, kind, severity, title_zh, title_en, body_zh, body_en, link, created_at, read_at)
         VALUES ($1, 'test', 'info', $2, $3, '', '', '/hazards', $4, $5)`,
        [
          countyUserId,
          `通知${i}`,
          `Notice ${i}`,
          new Date(Date.parse('2026-11-28T00:00:00Z') + i * 60_000),
          i < 2 ? '2026-11-28T08:00:00Z' : null,
        ],
      );
    }
  });
  afterAll(() => t.close());

  it('gives a city officer the whole city', async () => {
    const body = await get(cityCaller);
    expect(body.today).toBe('2026-11-29');
    expect(body.todo).toEqual({
      hazardsAwaitingMe: 3, // the inspection-found 一般, the city-listed 重大, the unlisted 重大 in 通海
      overdueRectifications: 1,
      alarmsAwaitingAck: 2,
      reportsDue: 1, // 江川's incident not yet reported to the city
      inspectionsAssigned: 0,
    });
    expect(body.figures.enterprises).toEqual({ total: 3, trend: trendWith({ '2026-11-20': 3 }) });
    expect(body.figures.openHazards).toEqual({
      total: 5,
      trend: trendWith({ '2026-11-01': 1, '2026-11-15': 1, '2026-11-28': 1, '2026-11-29': 2 }),
    });
    expect(body.figures.activeAlarms).toEqual({
      total: 3,
      trend: trendWith({ '2026-11-10': 1, '2026-11-28': 1, '2026-11-29': 2 }),
    });
    expect(body.figures.inspectionsCompleted).toEqual({ total: 1, trend: trendWith({ '2026-11-28': 1 }) });
    expect(body.figures.openIncidents).toEqual({
      total: 2,
      trend: trendWith({ '2026-11-02': 1, '2026-11-28': 2 }),
    });
    expect(body.notifications).toEqual({ unread: 0, recent: [] });
  });

  it('gives a county officer the county only, and their own notifications', async () => {
    const body = await get(countyCaller);
    expect(body.todo).toEqual({
      hazardsAwaitingMe: 1, // the city-listed 重大 is the city's to accept
      overdueRectifications: 1,
      alarmsAwaitingAck: 1,
      reportsDue: 1,
      inspectionsAssigned: 0,
    });
    expect(body.figures.enterprises?.total).toBe(2);
    expect(body.figures.openHazards).toEqual({
      total: 4,
      trend: trendWith({ '2026-11-01': 1, '2026-11-15': 1, '2026-11-28': 1, '2026-11-29': 1 }),
    });
    expect(body.figures.activeAlarms?.total).toBe(2);
    expect(body.figures.openIncidents?.total).toBe(1);
    expect(body.notifications.unread).toBe(4);
    expect(body.notifications.recent.map((n) => n.titleZh)).toEqual([
      '通知5',
      '通知4',
      '通知3',
      '通知2',
      '通知1',
    ]);
    expect(body.notifications.recent.map((n) => n.read)).toEqual([false, false, false, false, true]);
    expect(body.notifications.recent[0]?.link).toBe('/hazards');
  });

  it('gives an enterprise account its own enterprise, and nothing it may not read', async () => {
    const body = await get(enterpriseCaller);
    expect(body.todo).toEqual({
      hazardsAwaitingMe: 2, // its plan for the reported one, its rectification of the other
      overdueRectifications: 1,
      alarmsAwaitingAck: 1,
      reportsDue: null,
      inspectionsAssigned: null,
    });
    expect(body.figures.enterprises?.total).toBe(1);
    expect(body.figures.openHazards?.total).toBe(3);
    expect(body.figures.activeAlarms?.total).toBe(2);
    expect(body.figures.inspectionsCompleted).toBeNull();
    expect(body.figures.openIncidents).toBeNull();
  });

  it('counts the inspections assigned to an inspector', async () => {
    const body = await get(inspectorCaller);
    expect(body.todo.inspectionsAssigned).toBe(1);
    expect(body.todo.alarmsAwaitingAck).toBeNull();
  });

  it("says when the figures count demo (演示) records of the caller's scope, and only then", async () => {
    expect((await get(cityCaller)).includesDemo).toBe(false);
    await t.db.query('UPDATE enterprises SET demo = true WHERE id = $1', [ent.c]); // 通海
    expect((await get(cityCaller)).includesDemo).toBe(true);
    expect((await get(countyCaller)).includesDemo).toBe(false); // 江川 holds no demo enterprise
    await t.db.query('UPDATE enterprises SET demo = false WHERE id = $1', [ent.c]);
  });
});
