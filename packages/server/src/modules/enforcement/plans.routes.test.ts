import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext, type TestUser } from '../../../test/test-app.ts';
import { insertEnterprise } from '../../../test/factories.ts';

const COUNTY = '530403';
const OTHER = '530423';
const E = '/api/v1/enforcement';

let t: TestContext;
let officerUser: TestUser;
let otherOfficerUser: TestUser;
let inspectorUser: TestUser;
let serial = 73_000;

const post = async (user: TestUser, url: string, payload: object) =>
  t.request({ method: 'POST', url, payload, as: await t.sessionFor(user) });
const put = async (user: TestUser, url: string, payload: object) =>
  t.request({ method: 'PUT', url, payload, as: await t.sessionFor(user) });
const get = async (user: TestUser, url: string) =>
  t.request({ method: 'GET', url, as: await t.sessionFor(user) });

async function enterprise(name: string, county = COUNTY, category?: string): Promise<string> {
  const row = await insertEnterprise(t.db, { name, county, serial: serial++ });
  const id = row;
  if (category) {
    await t.db.query(
      `INSERT INTO enforcement_enterprise_categories (enterprise_id, category_code, updated_at) VALUES ($1, $2, now())`,
      [id, category],
    );
  }
  return id;
}

/** A completed inspection (the checklist path is tested in enforcement.routes.test.ts). */
async function completed(enterpriseId: string, at: string, county = COUNTY) {
  await t.db.query(
    `INSERT INTO enforcement_inspections (kind, status, enterprise_id, county, inspector_ids, created_by, created_at,
       updated_at, started_at, completed_at)
     VALUES ('ad_hoc', 'completed', $1, $2, '{}', $3, $4, $4, $4, $4)`,
    [enterpriseId, county, officerUser.id, at],
  );
}

const plan = (overrides: object = {}) => ({
  county: COUNTY,
  kind: 'annual',
  year: 2026,
  title: '江川区2026年度安全生产执法检查计划',
  targets: [
    { categoryCode: 'key', county: COUNTY, count: 3 },
    { categoryCode: 'general', county: COUNTY, count: 2 },
  ],
  focus: [],
  ...overrides,
});

beforeAll(async () => {
  t = await createTestContext();
  officerUser = await t.createUser({
    roles: ['county_officer'],
    scope: { kind: 'county', counties: [COUNTY] },
    totp: true,
  });
  otherOfficerUser = await t.createUser({
    roles: ['county_officer'],
    scope: { kind: 'county', counties: [OTHER] },
    totp: true,
  });
  inspectorUser = await t.createUser({
    roles: ['inspector'],
    scope: { kind: 'county', counties: [COUNTY] },
    totp: true,
  });
});
afterAll(() => t.close());

describe('inspection plans (三级巡查)', () => {
  it('counts completed inspections against the targets by category, county and month, and the focus list', async () => {
    const keyA = await enterprise('计划重点企业甲', COUNTY, 'key');
    const keyB = await enterprise('计划重点企业乙', COUNTY, 'key');
    const general = await enterprise('计划一般企业', COUNTY, 'general');
    const plain = await enterprise('计划未分类企业');
    const focusOnly = await enterprise('计划重点名单企业（未检查）', COUNTY, 'key');
    const elsewhere = await enterprise('通海县重点企业', OTHER, 'key');

    const created = await post(
      officerUser,
      `${E}/plans`,
      plan({
        focus: [
          { enterpriseId: keyA, reason: '涉及重大危险源' },
          { enterpriseId: focusOnly, reason: '上年度事故企业' },
        ],
      }),
    );
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      targetTotal: 5,
      focus: [{ enterpriseName: '计划重点企业甲' }, {}],
    });
    const id = created.json().id;

    // 2026-10-31T17:00Z is 1 November 01:00 in China: it counts for November.
    await completed(keyA, '2026-10-31T17:00:00Z');
    await completed(keyB, '2026-11-20T03:00:00Z');
    await completed(general, '2026-03-10T03:00:00Z');
    await completed(plain, '2026-11-21T03:00:00Z');
    await completed(keyA, '2025-12-31T15:00:00Z'); // 2025-12-31 23:00 in China: last year
    await completed(elsewhere, '2026-11-20T03:00:00Z', OTHER);

    const progress = await get(inspectorUser, `${E}/plans/${id}/progress`);
    expect(progress.statusCode, progress.body).toBe(200);
    const body = progress.json();
    expect(body.targets).toEqual([
      expect.objectContaining({ categoryCode: 'key', target: 3, completed: 2, remaining: 1, percent: 66.7 }),
      expect.objectContaining({
        categoryCode: 'general',
        target: 2,
        completed: 1,
        remaining: 1,
        percent: 50,
      }),
    ]);
    expect(body.total).toEqual({ target: 5, completed: 3, percent: 60 });
    expect(body.uncategorised).toBe(1);
    expect(body.byMonth).toHaveLength(12);
    expect(body.byMonth[2]).toEqual({ month: 3, completed: 1 });
    expect(body.byMonth[10]).toEqual({ month: 11, completed: 3 });
    expect(body.focus.map((f: { inspected: boolean }) => f.inspected)).toEqual([true, false]);
    expect(body.period).toEqual({ from: '2025-12-31T16:00:00.000Z', to: '2026-12-31T16:00:00.000Z' });

    const monthly = await post(
      officerUser,
      `${E}/plans`,
      plan({
        kind: 'monthly',
        month: 11,
        title: '江川区2026年11月检查计划',
        targets: [{ categoryCode: 'key', county: COUNTY, count: 1 }],
      }),
    );
    expect(monthly.statusCode, monthly.body).toBe(201);
    const monthProgress = await get(officerUser, `${E}/plans/${monthly.json().id}/progress`);
    expect(monthProgress.json().targets[0]).toMatchObject({ completed: 2, remaining: 0, percent: 200 });
    expect(monthProgress.json().byMonth).toEqual([{ month: 11, completed: 3 }]);

    const replaced = await put(
      officerUser,
      `${E}/plans/${id}`,
      plan({ targets: [{ categoryCode: 'key', county: COUNTY, count: 4 }] }),
    );
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect((await get(officerUser, `${E}/plans/${id}/progress`)).json().total).toEqual({
      target: 4,
      completed: 2,
      percent: 50,
    });

    // Scope: another county's officer neither lists nor opens the plan.
    expect((await get(otherOfficerUser, `${E}/plans/${id}`)).statusCode).toBe(404);
    expect((await get(otherOfficerUser, `${E}/plans/${id}/progress`)).statusCode).toBe(404);
    expect((await get(otherOfficerUser, `${E}/plans?year=2026`)).json().items).toEqual([]);
    expect(
      (await get(officerUser, `${E}/plans?year=2026&kind=annual`))
        .json()
        .items.map((p: { id: string }) => p.id),
    ).toEqual([id]);
  });

  it('refuses bad plans with a 4xx code and stores nothing', async () => {
    const elsewhere = await enterprise('通海县计划企业', OTHER);
    const cases: [object, number, string][] = [
      [
        plan({ year: 2027, targets: [{ categoryCode: 'key', county: OTHER, count: 1 }] }),
        400,
        'enforcement.plan_target_outside',
      ],
      [
        plan({ year: 2027, targets: [{ categoryCode: 'nope', county: COUNTY, count: 1 }] }),
        400,
        'enforcement.category_unknown',
      ],
      [
        plan({
          year: 2027,
          targets: [
            { categoryCode: 'key', county: COUNTY, count: 1 },
            { categoryCode: 'key', county: COUNTY, count: 2 },
          ],
        }),
        400,
        'enforcement.plan_target_duplicate',
      ],
      [
        plan({ year: 2027, focus: [{ enterpriseId: elsewhere, reason: '不在本县' }] }),
        400,
        'enforcement.plan_focus_unknown',
      ],
      [plan({ year: 2027, kind: 'monthly' }), 400, 'request.invalid'],
      [plan({ year: 2027, county: OTHER, targets: [] }), 403, 'registry.scope_outside_caller'],
    ];
    for (const [body, status, code] of cases) {
      const response = await post(officerUser, `${E}/plans`, body);
      expect([response.statusCode, response.json().error.code], JSON.stringify(body)).toEqual([status, code]);
    }
    const byInspector = await post(inspectorUser, `${E}/plans`, plan({ year: 2027 }));
    expect(byInspector.statusCode).toBe(403);
    const first = await post(officerUser, `${E}/plans`, plan({ year: 2028 }));
    expect(first.statusCode).toBe(201);
    const second = await post(officerUser, `${E}/plans`, plan({ year: 2028, title: '重复的年度计划' }));
    expect([second.statusCode, second.json().error.code]).toEqual([409, 'enforcement.plan_exists']);
    const stored = await t.db.query(
      `SELECT count(*)::int AS n FROM enforcement_plans WHERE year IN (2027, 2028)`,
    );
    expect(stored.rows[0].n).toBe(1);
  });
});
