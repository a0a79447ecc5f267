import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkbook } from '../../../test/read-workbook.ts';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';

// The test clock reads 2026-11-29 (Beijing).
describe('drills and drill scenarios', () => {
  let t: TestContext;
  let city: Caller;
  let county: Caller;
  const drill = (overrides: object) => ({
    title: '液氯泄漏综合演练',
    county: '530402',
    heldOn: '2025-06-10',
    status: 'held',
    form: 'full_scale',
    organiser: '红塔区应急管理局',
    participants: 100,
    ...overrides,
  });
  const post = (payload: object, as: Caller = county) =>
    t.request({ method: 'POST', url: '/api/v1/emergency/drills', payload, as });

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    city = await t.sessionFor(await t.createUser({ roles: ['city_officer'], scope: { kind: 'city' } }));
    county = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: ['530402'] } }),
    );
  });
  afterAll(() => t.close());

  it('records a drill on a scenario with its findings as follow-up actions, overdue when past the deadline', async () => {
    const scenario = (
      await t.request({
        method: 'POST',
        url: '/api/v1/emergency/drill-scenarios',
        payload: {
          name: '液氯钢瓶泄漏',
          accidentType: '19',
          description: '充装车间液氯钢瓶阀门泄漏，需疏散下风向',
          objectives: ['检验疏散'],
        },
        as: city,
      })
    ).json();
    expect(scenario).toMatchObject({ county: null, drillCount: 0 });
    const created = await post(
      drill({
        scenarioId: scenario.id,
        rating: 'good',
        evaluation: '响应及时，通讯需改进',
        findings: [
          { text: '对讲机信号弱', owner: '办公室', deadline: '2026-11-01' },
          { text: '疏散路线标识不清', owner: '企业安全科', deadline: '2026-12-31' },
        ],
      }),
    );
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body.scenarioName).toBe('液氯钢瓶泄漏');
    expect(
      body.findings.map((f: { text: string; status: string; overdue: boolean }) => [
        f.text,
        f.status,
        f.overdue,
      ]),
    ).toEqual([
      ['对讲机信号弱', 'open', true],
      ['疏散路线标识不清', 'open', false],
    ]);
    const done = await t.request({
      method: 'PUT',
      url: `/api/v1/emergency/drills/${body.id}/findings/${body.findings[0].id}`,
      payload: { text: '对讲机信号弱', owner: '办公室', deadline: '2026-11-01', status: 'done' },
      as: county,
    });
    expect(done.json().findings[0]).toMatchObject({ status: 'done', overdue: false });
    const inUse = await t.request({
      method: 'DELETE',
      url: `/api/v1/emergency/drill-scenarios/${scenario.id}`,
      as: city,
    });
    expect([inUse.statusCode, inUse.json().error.code]).toEqual([409, 'emergency.scenario_in_use']);
  });

  it('refuses a drill recorded as held on a future date and writes nothing', async () => {
    const future = await post(
      drill({
        title: '未来演练',
        heldOn: '2026-12-15',
        findings: [{ text: '通讯不畅', owner: '办公室', deadline: '2027-01-01' }],
      }),
    );
    expect([future.statusCode, future.json().error.code]).toEqual([400, 'emergency.drill_held_in_future']);
    const planned = await post(drill({ title: '年度计划演练', heldOn: '2026-12-15', status: 'planned' }));
    expect(planned.statusCode).toBe(201);
    const rows = await t.db.query("SELECT 1 FROM drills WHERE title = '未来演练'");
    expect(rows.rowCount).toBe(0);
  });

  it('refuses a link to a plan the caller cannot see', async () => {
    const other = await t.db.query<{ id: string }>(
      `INSERT INTO emergency_plans (name, level, plan_type, county, issued_on, revised_on, review_due_on, created_at, updated_at)
       VALUES ('通海县预案', 'county', 'special', '530423', '2025-01-01', '2025-01-01', '2028-01-01', now(), now()) RETURNING id`,
    );
    const linked = await post(drill({ planId: other.rows[0]!.id }));
    expect([linked.statusCode, linked.json().error.fields[0].path]).toEqual([400, 'planId']);
  });

  it('counts held drills and participants by year and county, planned and cancelled ones aside', async () => {
    await t.db.query('DELETE FROM drills');
    const held = [
      ['530402', '2021-03-01', 50],
      ['530402', '2021-09-01', 70],
      ['530423', '2021-05-01', 40],
      ['530423', '2024-05-01', 200],
    ] as const;
    for (const [c, heldOn, participants] of held)
      await post(drill({ county: c, heldOn, participants }), city);
    await post(drill({ heldOn: '2024-07-01', status: 'cancelled', participants: 999 }), city);
    const stats = (
      await t.request({
        method: 'GET',
        url: '/api/v1/emergency/drills/statistics?from=2021&to=2024',
        as: city,
      })
    ).json();
    expect(stats.total).toEqual({ drills: 4, participants: 360 });
    expect(
      stats.years.map((y: { year: number; drills: number; participants: number }) => [
        y.year,
        y.drills,
        y.participants,
      ]),
    ).toEqual([
      [2021, 3, 160],
      [2022, 0, 0],
      [2023, 0, 0],
      [2024, 1, 200],
    ]);
    expect(stats.years[0].byCounty).toEqual([
      { county: '530402', drills: 2, participants: 120 },
      { county: '530423', drills: 1, participants: 40 },
    ]);
    const own = (
      await t.request({
        method: 'GET',
        url: '/api/v1/emergency/drills/statistics?from=2021&to=2024',
        as: county,
      })
    ).json();
    expect(own.total).toEqual({ drills: 2, participants: 120 });
  });

  it('filters the list by the year held, the Excel export the same, and refuses a year out of range', async () => {
    for (const heldOn of ['2024-04-18', '2025-09-02'])
      expect((await post(drill({ title: `年份筛选演练 ${heldOn}`, heldOn }))).statusCode).toBe(201);
    const list = await t.request({
      method: 'GET',
      url: `/api/v1/emergency/drills?year=2024&q=${encodeURIComponent('年份筛选')}`,
      as: county,
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((d: { title: string }) => d.title)).toEqual(['年份筛选演练 2024-04-18']);

    const exported = await t.request({
      method: 'GET',
      url: `/api/v1/emergency/drills/export?year=2025&q=${encodeURIComponent('年份筛选')}`,
      as: county,
    });
    expect(exported.statusCode).toBe(200);
    const rows = await readWorkbook(exported.rawPayload);
    expect(rows.slice(1).map((r) => r.find((cell) => cell.startsWith('年份筛选')))).toEqual([
      '年份筛选演练 2025-09-02',
    ]);

    for (const year of ['1999', '2101', 'abc']) {
      const bad = await t.request({
        method: 'GET',
        url: `/api/v1/emergency/drills?year=${year}`,
        as: county,
      });
      expect([bad.statusCode, bad.json().error.fields[0].path], year).toEqual([400, 'querystring.year']);
      const badExport = await t.request({
        method: 'GET',
        url: `/api/v1/emergency/drills/export?year=${year}`,
        as: county,
      });
      expect(badExport.statusCode, year).toBe(400);
    }
  });
});
