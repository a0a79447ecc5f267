import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';

// The test clock reads 2026-11-29 (Beijing).
describe('emergency plans', () => {
  let t: TestContext;
  let city: Caller;
  let county: Caller;
  let otherCounty: Caller;
  const plan = (overrides: object) => ({
    name: '玉溪市危险化学品事故应急预案',
    level: 'city',
    type: 'special',
    issuedOn: '2023-06-15',
    ...overrides,
  });
  const post = (payload: object, as: Caller) =>
    t.request({ method: 'POST', url: '/api/v1/emergency/plans', payload, as });

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    city = await t.sessionFor(await t.createUser({ roles: ['city_officer'], scope: { kind: 'city' } }));
    county = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: ['530402'] } }),
    );
    otherCounty = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: ['530423'] } }),
    );
  });
  afterAll(() => t.close());

  it('keeps response levels Ⅰ–Ⅳ in order and sets the review three years after the last revision', async () => {
    const response = await post(
      plan({
        responseLevels: [
          { level: 'III', criteria: '造成 3 人以上死亡' },
          { level: 'I', criteria: '造成 30 人以上死亡' },
        ],
      }),
      city,
    );
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created.responseLevels.map((r: { level: string }) => r.level)).toEqual(['I', 'III']);
    expect(created).toMatchObject({
      county: null,
      issuedOn: '2023-06-15',
      revisedOn: '2023-06-15',
      reviewDueOn: '2026-06-15',
      reviewStatus: 'overdue',
      daysToReview: -167,
      drills: [],
    });
  });

  it('flags plans due for review within 90 and 30 days and lists only those with review=due', async () => {
    const dueSoon = (
      await post(
        plan({
          name: '红塔区综合应急预案',
          level: 'county',
          type: 'comprehensive',
          county: '530402',
          reviewDueOn: '2026-12-20',
        }),
        county,
      )
    ).json();
    const due90 = (
      await post(
        plan({ name: '红塔区尾矿库专项预案', level: 'county', county: '530402', reviewDueOn: '2027-02-01' }),
        county,
      )
    ).json();
    const current = (
      await post(
        plan({ name: '红塔区非煤矿山专项预案', level: 'county', county: '530402', issuedOn: '2026-01-10' }),
        county,
      )
    ).json();
    expect([dueSoon.reviewStatus, dueSoon.daysToReview]).toEqual(['due_30', 21]);
    expect([due90.reviewStatus, due90.daysToReview]).toEqual(['due_90', 64]);
    expect([current.reviewStatus, current.reviewDueOn]).toEqual(['current', '2029-01-10']);

    const listed = (
      await t.request({ method: 'GET', url: '/api/v1/emergency/plans?review=due', as: county })
    ).json();
    // The city plan is the county's to read too; the next review first.
    expect(listed.items.map((p: { name: string; reviewStatus: string }) => [p.name, p.reviewStatus])).toEqual(
      [
        ['玉溪市危险化学品事故应急预案', 'overdue'],
        ['红塔区综合应急预案', 'due_30'],
        ['红塔区尾矿库专项预案', 'due_90'],
      ],
    );
    const overdue = (
      await t.request({ method: 'GET', url: '/api/v1/emergency/plans?review=overdue', as: city })
    ).json();
    expect(overdue.total).toBe(1);
    const elsewhere = (
      await t.request({ method: 'GET', url: '/api/v1/emergency/plans', as: otherCounty })
    ).json();
    expect(elsewhere.items.map((p: { name: string }) => p.name)).toEqual(['玉溪市危险化学品事故应急预案']);
  });

  it('lets a county read the city plan but not change it, and hides another county’s plans', async () => {
    const cityPlan = (
      await post(plan({ name: '玉溪市生产安全事故总体应急预案', type: 'comprehensive' }), city)
    ).json();
    const edit = await t.request({
      method: 'PUT',
      url: `/api/v1/emergency/plans/${cityPlan.id}`,
      payload: plan({}),
      as: county,
    });
    expect([edit.statusCode, edit.json().error.code]).toEqual([403, 'registry.scope_outside_caller']);
    const own = (
      await post(plan({ name: '红塔区危化品专项预案', level: 'county', county: '530402' }), county)
    ).json();
    const hidden = await t.request({
      method: 'GET',
      url: `/api/v1/emergency/plans/${own.id}`,
      as: otherCounty,
    });
    expect([hidden.statusCode, hidden.json().error.code]).toEqual([404, 'emergency.plan_not_found']);
  });

  it('refuses a response level twice, dates out of order and attachments that do not exist', async () => {
    const twice = await post(
      plan({
        responseLevels: [
          { level: 'II', criteria: '较大事故' },
          { level: 'II', criteria: '又一条' },
        ],
      }),
      city,
    );
    expect([twice.statusCode, twice.json().error.code]).toEqual([400, 'emergency.duplicate_response_level']);
    const order = await post(plan({ revisedOn: '2023-01-01' }), city);
    expect([order.statusCode, order.json().error.code]).toEqual([400, 'emergency.plan_dates_out_of_order']);
    const attachment = await post(plan({ attachments: ['7d9e4a1b-2c3d-4e5f-8a9b-0c1d2e3f4a5b'] }), city);
    expect([attachment.statusCode, attachment.json().error.code]).toEqual([
      400,
      'emergency.unknown_attachment',
    ]);
    const total = await t.db.query<{ count: number }>(
      "SELECT count(*)::int AS count FROM emergency_plans WHERE name = '玉溪市危险化学品事故应急预案'",
    );
    expect(total.rows[0]!.count).toBe(1);
  });

  it('shows the drills held under a plan, newest first', async () => {
    const own = (
      await post(
        plan({ name: '红塔区液氯泄漏现场处置方案', level: 'county', type: 'on_site', county: '530402' }),
        county,
      )
    ).json();
    for (const heldOn of ['2025-05-12', '2026-05-12'])
      await t.request({
        method: 'POST',
        url: '/api/v1/emergency/drills',
        payload: {
          title: `液氯泄漏演练 ${heldOn}`,
          county: '530402',
          heldOn,
          status: 'held',
          form: 'full_scale',
          organiser: '红塔区应急管理局',
          planId: own.id,
          participants: 80,
        },
        as: county,
      });
    const detail = (
      await t.request({ method: 'GET', url: `/api/v1/emergency/plans/${own.id}`, as: city })
    ).json();
    expect(detail.drills.map((d: { heldOn: string }) => d.heldOn)).toEqual(['2026-05-12', '2025-05-12']);
  });
});
