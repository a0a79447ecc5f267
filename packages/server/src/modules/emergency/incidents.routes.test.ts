import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Caller, type TestContext, type TestUser } from '../../../test/test-app.ts';

describe('incidents: report, class, deadlines, dispatch, timeline', () => {
  let t: TestContext;
  let dutyUser: TestUser;
  let duty: Caller;
  let otherCounty: Caller;
  let teamId: string;

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    dutyUser = await t.createUser({
      roles: ['county_officer'],
      scope: { kind: 'county', counties: ['530402'] },
      username: 'duty_officer',
    });
    duty = await t.sessionFor(dutyUser);
    otherCounty = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: ['530423'] } }),
    );
    const team = await t.request({
      method: 'POST',
      url: '/api/v1/emergency/resources',
      payload: {
        kind: 'team',
        name: '玉溪市危化品专业救援队',
        county: '530402',
        location: { lon: 102.56, lat: 24.36 },
        teamType: 'professional',
        specialties: ['hazmat'],
        members: 40,
      },
      as: duty,
    });
    teamId = team.json().id;
  });
  afterAll(() => t.close());

  it('classifies, recounts on later deaths within 30 days, tracks reporting deadlines and dispatch in one timeline', async () => {
    const occurredAt = new Date(t.clock.now().getTime() - 20 * 60_000).toISOString();
    const reported = await t.request({
      method: 'POST',
      url: '/api/v1/incidents',
      payload: {
        occurredAt,
        county: '530402',
        location: '红塔区研和街道某化工企业液氯储罐区',
        position: { lon: 102.55, lat: 24.3 },
        accidentType: 'WSA10023',
        deaths: 2,
        seriousInjuries: 4,
        directLossWan: '300',
        description: '液氯储罐阀门泄漏，造成人员中毒',
        reporter: '企业值班长 张某',
      },
      as: duty,
    });
    expect(reported.statusCode).toBe(201);
    const incident = reported.json();
    expect(incident).toMatchObject({ level: 'general', reclassified: false, deaths: 2 });
    expect(incident.reporting.length).toBeGreaterThan(0);
    expect(incident.reporting.every((step: { overdue: boolean }) => !step.overdue)).toBe(true);

    // Recorded by the county bureau: the unit's and the county's steps are done; the city is next,
    // due 2 hours after the county received the report, i.e. after it recorded it (Art. 11), not
    // 3 hours after the accident as if the unit had used its whole hour.
    expect(
      incident.reporting.map((s: { id: string; sentAt: string | null }) => [s.id, s.sentAt !== null]),
    ).toEqual([
      ['site_to_unit', true],
      ['unit_to_county', true],
      ['county_to_city', false],
    ]);
    expect(incident.reporting[2].latestAt).toBe(
      new Date(t.clock.now().getTime() + 2 * 3600_000).toISOString(),
    );
    t.clock.advance(2 * 3600_000 + 41 * 60_000);
    duty = await t.sessionFor(dutyUser);
    const late = (
      await t.request({ method: 'GET', url: `/api/v1/incidents/${incident.id}`, as: duty })
    ).json();
    expect(late.reporting[2].overdue).toBe(true);
    const sent = (
      await t.request({
        method: 'POST',
        url: `/api/v1/incidents/${incident.id}/reports-sent`,
        payload: { stepId: 'county_to_city' },
        as: duty,
      })
    ).json();
    expect(sent.reporting[2]).toMatchObject({ overdue: false, sentAt: t.clock.now().toISOString() });

    const dispatched = (
      await t.request({
        method: 'POST',
        url: `/api/v1/incidents/${incident.id}/dispatch`,
        payload: { resourceId: teamId, note: '携带堵漏器材' },
        as: duty,
      })
    ).json();
    expect(dispatched.tasks).toEqual([
      expect.objectContaining({ resourceName: '玉溪市危化品专业救援队', status: 'dispatched' }),
    ]);
    const onScene = (
      await t.request({
        method: 'POST',
        url: `/api/v1/incidents/${incident.id}/tasks/${dispatched.tasks[0].id}/status`,
        payload: { status: 'on_scene' },
        as: duty,
      })
    ).json();
    expect(onScene.tasks[0].status).toBe('on_scene');

    t.clock.advance(10 * 24 * 3600_000);
    duty = await t.sessionFor(dutyUser);
    const worse = (
      await t.request({
        method: 'POST',
        url: `/api/v1/incidents/${incident.id}/follow-ups`,
        payload: { deaths: 3, description: '一名重伤人员经抢救无效死亡' },
        as: duty,
      })
    ).json();
    expect(worse).toMatchObject({ level: 'larger', originalLevel: 'general', reclassified: true, deaths: 3 });

    expect(worse.timeline.map((e: { kind: string }) => e.kind)).toEqual([
      'report',
      'note',
      'report_sent',
      'dispatch',
      'task_status',
      'follow_up',
      'reclassified',
    ]);
    expect(worse.timeline.at(-1).text).toBe('事故等级由一般事故调整为较大事故');
    expect(worse.timeline[3].text).toBe('调派玉溪市危化品专业救援队：携带堵漏器材');
    // People by their names, never their logins; automatic entries as 'system' (named by the page).
    expect(worse.timeline.map((e: { actor: string }) => e.actor)).toEqual([
      '测试用户 duty_officer',
      'system',
      '测试用户 duty_officer',
      '测试用户 duty_officer',
      '测试用户 duty_officer',
      '测试用户 duty_officer',
      'system',
    ]);
  });

  it('ignores deaths after the 30-day window for the class, and keeps other counties out', async () => {
    const incident = (
      await t.request({
        method: 'POST',
        url: '/api/v1/incidents',
        payload: {
          occurredAt: t.clock.now().toISOString(),
          county: '530402',
          location: '某工地',
          accidentType: 'WSA10010',
          deaths: 1,
          seriousInjuries: 0,
          description: '高处坠落一人死亡',
          reporter: '施工单位',
        },
        as: duty,
      })
    ).json();
    t.clock.advance(31 * 24 * 3600_000);
    duty = await t.sessionFor(dutyUser);
    const later = (
      await t.request({
        method: 'POST',
        url: `/api/v1/incidents/${incident.id}/follow-ups`,
        payload: { deaths: 3, description: '窗口期后的变化' },
        as: duty,
      })
    ).json();
    expect(later).toMatchObject({ level: 'general', reclassified: false, deaths: 1 });
    otherCounty = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: ['530423'] } }),
    );
    expect(
      (await t.request({ method: 'GET', url: `/api/v1/incidents/${incident.id}`, as: otherCounty }))
        .statusCode,
    ).toBe(404);
    const future = await t.request({
      method: 'POST',
      url: '/api/v1/incidents',
      payload: {
        occurredAt: new Date(t.clock.now().getTime() + 3600_000).toISOString(),
        county: '530402',
        location: '某地',
        accidentType: 'WSA10010',
        deaths: 0,
        seriousInjuries: 0,
        description: '未来的事故',
        reporter: 'x',
      },
      as: duty,
    });
    expect(future.json().error.code).toBe('incident.in_future');
  });

  const report = (payload: Record<string, unknown>, language = 'zh-CN') =>
    t.request({
      method: 'POST',
      url: '/api/v1/incidents',
      headers: { 'accept-language': language },
      payload: {
        county: '530402',
        location: '红塔区某仓库',
        deaths: 0,
        seriousInjuries: 1,
        description: '叉车撞击货架',
        reporter: '仓库主管',
        ...payload,
      },
      as: duty,
    });

  it("counts the unit's hour from when its responsible person was told (§9), not from the accident", async () => {
    duty = await t.sessionFor(dutyUser);
    const now = t.clock.now().getTime();
    const occurredAt = new Date(now - 5 * 3600_000).toISOString();
    const notifiedAt = new Date(now - 30 * 60_000).toISOString();
    const told = await report({ occurredAt, notifiedAt, accidentType: 'WSA10002' });
    expect(told.statusCode).toBe(201);
    const incident = told.json();
    expect(incident.notifiedAt).toBe(notifiedAt);
    expect(incident.accidentTypeVersion).toBe('GB6441-2025');
    const unitStep = incident.reporting.find((s: { id: string }) => s.id === 'unit_to_county');
    expect(unitStep.latestAt).toBe(new Date(now + 30 * 60_000).toISOString());
    // Without a notification time it is the accident time.
    const plain = (await report({ occurredAt, accidentType: 'WSA10002' })).json();
    expect(plain.notifiedAt).toBe(occurredAt);
    expect(plain.reporting.find((s: { id: string }) => s.id === 'unit_to_county').latestAt).toBe(
      new Date(now - 4 * 3600_000).toISOString(),
    );
    const fetched = (
      await t.request({ method: 'GET', url: `/api/v1/incidents/${incident.id}`, as: duty })
    ).json();
    expect(fetched.notifiedAt).toBe(notifiedAt);
  });

  it('refuses a notification time before the accident or in the future, on the field', async () => {
    duty = await t.sessionFor(dutyUser);
    const now = t.clock.now().getTime();
    const occurredAt = new Date(now - 3600_000).toISOString();
    const early = await report({
      occurredAt,
      notifiedAt: new Date(now - 2 * 3600_000).toISOString(),
      accidentType: 'WSA10002',
    });
    expect([early.statusCode, early.json().error.code, early.json().error.fields[0].path]).toEqual([
      400,
      'incident.notified_before_accident',
      'notifiedAt',
    ]);
    expect(early.json().error.message).toBe('单位负责人接到报告的时间不能早于事故发生时间');
    const future = await report({
      occurredAt,
      notifiedAt: new Date(now + 60_000).toISOString(),
      accidentType: 'WSA10002',
    });
    expect([future.statusCode, future.json().error.code]).toEqual([400, 'incident.notified_in_future']);
  });

  it('checks the accident type against the GB 6441 version of the accident date (China time)', async () => {
    duty = await t.sessionFor(dutyUser);
    const june30 = '2026-06-30T23:30:00+08:00';
    const july1 = '2026-07-01T00:30:00+08:00';
    expect((await report({ occurredAt: june30, accidentType: '02' })).statusCode).toBe(201);
    expect((await report({ occurredAt: july1, accidentType: 'wsa10002' })).json().accidentType).toBe(
      'WSA10002',
    );
    const oldCodeLate = await report({ occurredAt: july1, accidentType: '02' }, 'en');
    expect([
      oldCodeLate.statusCode,
      oldCodeLate.json().error.code,
      oldCodeLate.json().error.fields[0].path,
    ]).toEqual([400, 'accident.type_version_mismatch', 'accidentType']);
    expect(oldCodeLate.json().error.message).toContain('GB 6441-2025');
    const newCodeEarly = await report({ occurredAt: june30, accidentType: 'WSA10002' });
    expect([newCodeEarly.statusCode, newCodeEarly.json().error.code]).toEqual([
      400,
      'accident.type_version_mismatch',
    ]);
    const unknown = await report({ occurredAt: july1, accidentType: 'WSA19999' });
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([400, 'accident.unknown_type']);
  });
});
