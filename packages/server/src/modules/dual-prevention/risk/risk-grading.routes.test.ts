import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Caller, type TestContext } from '../../../../test/test-app.ts';
import { insertEnterprise } from '../../../../test/factories.ts';

const input = (change: object = {}) => ({
  assessedOn: '2026-11-29',
  checklistScore: 80,
  operatingSince: null,
  fullTimeFireOrRescueTeam: false,
  standardisationGrade: null,
  accidents: [],
  newProcessWithoutTrials: false,
  plantWithoutFormalDesign: false,
  specialOperatorsUnqualified: false,
  ...change,
});

describe('enterprise 100-point grading (应急〔2018〕19号)', () => {
  let t: TestContext;
  let inCounty: string;
  let outCounty: string;
  let officer: Caller;
  let manager: Caller;
  let city: Caller;

  const calc = (body: object) =>
    t.request({ method: 'POST', url: '/api/v1/risk/enterprise-grading/calc', payload: body });
  const grade = (id: string, body: object, as: Caller) =>
    t.request({ method: 'PUT', url: `/api/v1/risk/enterprise-gradings/${id}`, payload: body, as });

  beforeAll(async () => {
    process.env.HAZARD_ESCALATION_INTERVAL_SECONDS = '0';
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    const make = (name: string, county: string, serial: number) =>
      insertEnterprise(t.db, { name, county, serial });
    inCounty = await make('江川化工有限公司', '530403', 7301);
    outCounty = await make('通海化工有限公司', '530423', 7302);
    officer = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: ['530403'] } }),
    );
    city = await t.sessionFor(await t.createUser({ roles: ['city_officer'], scope: { kind: 'city' } }));
    manager = await t.sessionFor(
      await t.createUser({
        roles: ['enterprise_manager'],
        scope: { kind: 'enterprise', enterpriseId: inCounty, county: '530403' },
      }),
    );
  });
  afterAll(() => t.close());

  it('refuses a date outside 1900–2100 with 400 and stores nothing (issue 19, defect 4)', async () => {
    const stored = async () =>
      (
        await t.db.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM enterprise_gradings WHERE enterprise_id = $1',
          [inCounty],
        )
      ).rows[0]!.n;
    const before = await stored();
    for (const change of [
      { assessedOn: '9999-12-31' },
      { assessedOn: '1899-12-31' },
      {
        accidents: [
          { occurredOn: '9999-01-01', level: 'general', deaths: 1, injured: 0, sociallySignificant: false },
        ],
      },
    ]) {
      const response = await grade(inCounty, input(change), officer);
      expect(response.statusCode, JSON.stringify(change)).toBe(400);
      expect(response.json().error.code).toBe('request.invalid');
      expect(response.json().error.fields[0]).toMatchObject({
        code: 'request.date_out_of_range',
        message: '日期应在 1900-01-01 至 2100-12-31 之间',
      });
    }
    expect(await stored()).toBe(before);
    // The enterprise's grading still reads (nothing unreadable was written).
    const read = await t.request({
      method: 'GET',
      url: `/api/v1/risk/enterprise-gradings/${inCounty}`,
      as: officer,
    });
    expect(read.statusCode).not.toBe(500);
  });

  it('colours the score at every band edge, without signing in', async () => {
    const cases: [number, string, number][] = [
      [100, 'blue', 4],
      [90, 'blue', 4],
      [89.99, 'yellow', 3],
      [75, 'yellow', 3],
      [74.99, 'orange', 2],
      [60, 'orange', 2],
      [59.99, 'red', 1],
      [0, 'red', 1],
    ];
    for (const [score, colour, level] of cases) {
      const response = await calc(input({ checklistScore: score }));
      expect(response.statusCode, `${score}`).toBe(200);
      expect(response.json(), `${score}`).toEqual({
        score,
        scoreColour: colour,
        colour,
        level,
        redReasons: [],
        adjustments: [],
        reassessBy: '2029-11-29',
      });
    }
  });

  it('adds the bonus items and turns red on an automatic-red condition whatever the score', async () => {
    const bonus = await calc(
      input({ checklistScore: 85, fullTimeFireOrRescueTeam: true, standardisationGrade: 3 }),
    );
    expect(bonus.json()).toMatchObject({
      score: 90,
      colour: 'blue',
      adjustments: [
        { item: 'fire_or_rescue_team', points: 3 },
        { item: 'standardisation', points: 2 },
      ],
    });
    const red = await calc(input({ checklistScore: 98, newProcessWithoutTrials: true }));
    expect(red.json()).toMatchObject({
      score: 98,
      scoreColour: 'blue',
      colour: 'red',
      level: 1,
      redReasons: ['new_process_without_trials'],
    });
    const accidents = await calc(
      input({
        checklistScore: 95,
        accidents: [
          { occurredOn: '2026-01-10', level: 'general', deaths: 1, injured: 0, sociallySignificant: false },
          { occurredOn: '2026-06-10', level: 'general', deaths: 1, injured: 0, sociallySignificant: false },
        ],
      }),
    );
    expect(accidents.json()).toMatchObject({
      score: 87,
      colour: 'red',
      redReasons: ['fatal_general_accidents'],
    });
  });

  it('refuses bad input with a code', async () => {
    const tooHigh = await calc(input({ checklistScore: 100.5 }));
    expect(tooHigh.statusCode).toBe(400);
    const thirds = await calc(input({ checklistScore: 80.125 }));
    expect(thirds.statusCode).toBe(400);
    expect(thirds.json().error.code).toBe('calc.grading_invalid_input');
    const unknown = await calc({ ...input(), colour: 'blue' });
    expect(unknown.statusCode).toBe(400);
    const missing = await calc({ checklistScore: 80 });
    expect(missing.statusCode).toBe(400);
  });

  it('stores the bureau’s grading, keeps the history and gives the map its colours by scope', async () => {
    expect(
      (
        await t.request({ method: 'GET', url: `/api/v1/risk/enterprise-gradings/${inCounty}`, as: officer })
      ).json().error.code,
    ).toBe('risk.grading_not_found');
    const first = await grade(inCounty, input({ checklistScore: 72, note: '首次评估' }), officer);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      enterpriseId: inCounty,
      enterpriseName: '江川化工有限公司',
      county: '530403',
      result: { score: 72, colour: 'orange', level: 2 },
      note: '首次评估',
      gradedAt: '2026-11-29T02:00:00.000Z',
      history: [],
    });
    expect(first.json().input).toEqual(input({ checklistScore: 72 }));
    t.clock.advance(60_000);
    const second = await grade(inCounty, input({ checklistScore: 91 }), officer);
    expect(second.json().result.colour).toBe('blue');
    expect(second.json().history.map((h: { result: { score: number } }) => h.result.score)).toEqual([72]);
    expect((await grade(outCounty, input({ checklistScore: 50 }), city)).statusCode).toBe(200);

    expect((await grade(outCounty, input(), officer)).json().error.code).toBe('enterprise.not_found');
    expect((await grade(inCounty, input(), manager)).statusCode).toBe(403);
    expect((await grade(inCounty, input({ checklistScore: 101 }), officer)).statusCode).toBe(400);

    const all = (
      await t.request({ method: 'GET', url: '/api/v1/risk/enterprise-gradings', as: city })
    ).json();
    expect(
      all.items.map((g: { enterpriseId: string; colour: string; score: number }) => [
        g.enterpriseId,
        g.colour,
        g.score,
      ]),
    ).toEqual([
      [inCounty, 'blue', 91],
      [outCounty, 'red', 50],
    ]);
    const mine = (
      await t.request({ method: 'GET', url: '/api/v1/risk/enterprise-gradings', as: officer })
    ).json();
    expect(mine.items).toEqual([
      {
        enterpriseId: inCounty,
        enterpriseName: '江川化工有限公司',
        county: '530403',
        score: 91,
        colour: 'blue',
        level: 4,
        redReasons: [],
        assessedOn: '2026-11-29',
        reassessBy: '2029-11-29',
        gradedAt: '2026-11-29T02:01:00.000Z',
      },
    ]);
    const own = await t.request({
      method: 'GET',
      url: `/api/v1/risk/enterprise-gradings/${inCounty}`,
      as: manager,
    });
    expect(own.json().result.score).toBe(91);
    expect(
      (await t.request({ method: 'GET', url: `/api/v1/risk/enterprise-gradings/${outCounty}`, as: officer }))
        .statusCode,
    ).toBe(404);
  });
});
