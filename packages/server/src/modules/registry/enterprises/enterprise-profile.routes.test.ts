import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportHazard, type EnterpriseProfile } from '@anjian/domain';
import { createTestContext, type Caller, type TestContext } from '../../../../test/test-app.ts';
import {
  insertAlarm,
  insertEnterprise,
  insertHazard,
  insertIncident,
  insertObject,
  insertPoint,
} from '../../../../test/factories.ts';

const JIANGCHUAN = '530403';
const TONGHAI = '530423';

/** 一企一档: the counts behind each tab, exact on a seeded enterprise, and the same scope as its record. */
describe('GET /api/v1/enterprises/:id/profile', () => {
  let t: TestContext;
  let filed: string;
  let other: string;
  let userId: string;
  let city: Caller;
  let county: Caller;
  let countyElsewhere: Caller;
  let ownAccount: Caller;
  let otherAccount: Caller;

  const q = (sql: string, params: unknown[] = []) => t.db.query<{ id: string }>(sql, params);

  async function enterprise(name: string, county: string, serial: number): Promise<string> {
    return insertEnterprise(t.db, { name, county, serial });
  }

  async function seedFile(id: string, countyCode: string): Promise<void> {
    for (const [unit, level] of [
      ['罐区', 2],
      ['装卸区', 3],
    ] as const) {
      const row = await q(
        `INSERT INTO risk_units (enterprise_id, county, name, kind, created_at, updated_at)
         VALUES ($1, $2, $3, 'area', now(), now()) RETURNING id`,
        [id, countyCode, unit],
      );
      await q(
        `INSERT INTO risk_points (unit_id, name, accident_types, assessment, value, level, colour, measures, control_level,
           responsible_person, assessed_at, assessed_by)
         VALUES ($1, '风险点', '{19}', '{"method":"ls","l":2,"s":2}', 4, $2, 'orange', '[{"kind":"management","text":"每日巡检"}]', 'post', '张三', now(), 'test')`,
        [row.rows[0]!.id, level],
      );
    }
    await q(
      `INSERT INTO enterprise_gradings (enterprise_id, county, input, result, score, colour, level, graded_at, graded_by)
       VALUES ($1, $2, '{}', '{}', 71.5, 'yellow', 3, '2026-11-01T02:00:00Z', 'test'),
              ($1, $2, '{}', '{}', 64.25, 'orange', 2, '2026-11-20T02:00:00Z', 'test')`,
      [id, countyCode],
    );
    const reported = reportHazard(
      { source: 'self_check', tickedCriteria: [] },
      { now: new Date('2026-11-28T02:00:00Z'), actor: { kind: 'enterprise', id: userId } },
    );
    if (!reported.ok) throw reported.error;
    for (const status of ['reported', 'rectifying', 'closed']) {
      await insertHazard(t.db, {
        enterpriseId: id,
        county: countyCode,
        locationText: '罐区',
        description: '档案隐患',
        status,
        state: { ...reported.state, status },
        reportedBy: userId,
      });
    }
    const list = await q(
      `INSERT INTO check_lists (enterprise_id, county, name, target, frequency, responsible_person, items, created_at, updated_at)
       VALUES ($1, $2, '日检表', '罐区', 'daily', '张三', '[{"id":"a1","text":"报警仪完好"}]', now(), now()) RETURNING id`,
      [id, countyCode],
    );
    await q(
      `INSERT INTO check_tasks (list_id, enterprise_id, county, period_key, period_start, due_date)
       VALUES ($1, $2, $3, '2026-11-29', '2026-11-29', '2026-11-29')`,
      [list.rows[0]!.id, id, countyCode],
    );
    const inspection = await q(
      `INSERT INTO enforcement_inspections (kind, status, enterprise_id, county, inspector_ids, created_by, created_at, updated_at)
       VALUES ('ad_hoc', 'completed', $1, $2, '{}', $3, now(), now()) RETURNING id`,
      [id, countyCode, userId],
    );
    await q(
      `INSERT INTO enforcement_documents (type, number, county, enterprise_id, inspection_id, fields, issued_by, issued_at)
       VALUES ('inspection_record', $1, $2, $3, $4, '{}', $5, now())`,
      [`档案〔2026〕${countyCode}号`, countyCode, id, inspection.rows[0]!.id, userId],
    );
    const penalty = await q(
      `INSERT INTO enforcement_cases (enterprise_id, county, party_name, summary, status, state, created_by, created_at, updated_at)
       VALUES ($1, $2, '档案企业', '违法行为', 'decided', '{}', $3, now(), now()) RETURNING id`,
      [id, countyCode, userId],
    );
    await q(
      `INSERT INTO credit_listings (enterprise_id, county, case_id, status, state, created_at, updated_at)
       VALUES ($1, $2, $3, 'listed', '{}', now(), now())`,
      [id, countyCode, penalty.rows[0]!.id],
    );
    const objectId = await insertObject(t.db, { enterpriseId: id, county: countyCode, name: '档案罐区' });
    const points: string[] = [];
    for (const n of [1, 2]) {
      points.push(
        await insertPoint(t.db, {
          code: `DA-${countyCode}-${n}`,
          name: '档案监测点',
          objectId,
          enterpriseId: id,
          county: countyCode,
        }),
      );
    }
    for (const status of ['firing', 'closed']) {
      const now = new Date();
      await insertAlarm(t.db, {
        pointId: points[0]!,
        objectId,
        enterpriseId: id,
        county: countyCode,
        status,
        raisedAt: now,
        respondBy: now,
      });
    }
    for (const retired of [null, '2026-11-01T00:00:00Z']) {
      await q(
        `INSERT INTO major_hazard_units (enterprise_id, county, name, kind, exposed_population, s, is_major, level,
           identification, created_at, updated_at, updated_by, retired_at)
         VALUES ($1, $2, $3, 'storage', 10, '0.2000', false, NULL, $5, now(), now(), 'test', $4)`,
        [
          id,
          countyCode,
          `档案单元${retired ? '旧' : '新'}`,
          retired,
          JSON.stringify({
            s: '0.2000',
            isMajor: false,
            alpha: null,
            r: null,
            level: null,
            items: [],
            steps: [],
          }),
        ],
      );
    }
    await insertIncident(t.db, {
      occurredAt: '2026-11-28T01:00:00Z',
      county: countyCode,
      enterpriseId: id,
      location: '罐区',
      description: '档案事故',
      createdBy: userId,
    });
    // 举报核查: found 属实 and 部分属实 (shown), 不属实 and still being handled (not shown), and a
    // duplicate of the first (shown once, as its original).
    let first: string | null = null;
    for (const [outcome, verifiedOn, duplicate] of [
      ['true', '2026-11-20', false],
      ['partly_true', '2026-10-08', false],
      ['untrue', '2026-11-21', false],
      [null, null, false],
      ['true', '2026-11-22', true],
    ] as const) {
      const row = await q(
        `INSERT INTO whistle_reports (query_code, secret_salt, secret_hash, channel, category, description, county,
           enterprise_id, anonymous, received_on, status, acceptance_due, outcome, verified_on, duplicate_of)
         VALUES ($1, 's', 'h', 'online', 'major_hazard', '档案举报', $2, $3, true, '2026-09-01', $4, '2026-09-06', $5, $6, $7)
         RETURNING id`,
        [
          `DA-${countyCode}-${verifiedOn ?? 'open'}`,
          countyCode,
          id,
          outcome ? 'verified' : 'received',
          outcome,
          verifiedOn,
          duplicate ? first : null,
        ],
      );
      first ??= row.rows[0]!.id;
    }
    await q(
      `INSERT INTO enterprise_licences (enterprise_id, type, number, valid_until)
       VALUES ($1, 'safety_production', 'A-1', '2027-12-31'), ($1, 'hazchem_operation', 'B-1', '2027-06-30')`,
      [id],
    );
    await q(
      `INSERT INTO enterprise_history (enterprise_id, at, actor_name, field, old_value, new_value)
       VALUES ($1, now(), 'test', 'employees', '10', '12'), ($1, now(), 'test', 'address', NULL, '玉溪'),
              ($1, now(), 'test', 'phone', NULL, NULL)`,
      [id],
    );
  }

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    const officer = await t.createUser({ roles: ['city_officer'], scope: { kind: 'city' } });
    userId = officer.id;
    filed = await enterprise('档案甲企业', JIANGCHUAN, 72_001);
    other = await enterprise('档案乙企业', TONGHAI, 72_002);
    await seedFile(filed, JIANGCHUAN);
    // A neighbour with a file of its own: none of it may leak into the first one's counts.
    await seedFile(other, TONGHAI);
    city = await t.sessionFor(officer);
    county = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: [JIANGCHUAN] } }),
    );
    countyElsewhere = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: [TONGHAI] } }),
    );
    ownAccount = await t.sessionFor(
      await t.createUser({
        roles: ['enterprise_manager'],
        scope: { kind: 'enterprise', enterpriseId: filed, county: JIANGCHUAN },
      }),
    );
    otherAccount = await t.sessionFor(
      await t.createUser({
        roles: ['enterprise_manager'],
        scope: { kind: 'enterprise', enterpriseId: other, county: TONGHAI },
      }),
    );
  });
  afterAll(() => t.close());

  const profile = (as: Caller, id = filed) =>
    t.request({ method: 'GET', url: `/api/v1/enterprises/${id}/profile`, as });

  it('counts every section of the file for a bureau officer', async () => {
    for (const caller of [city, county]) {
      const response = await profile(caller);
      expect(response.statusCode).toBe(200);
      expect(response.json<EnterpriseProfile>()).toEqual({
        enterpriseId: filed,
        counts: {
          riskUnits: 2,
          hazards: 3,
          checkTasks: 1,
          inspections: 1,
          documents: 1,
          cases: 1,
          creditListings: 1,
          monitoringPoints: 2,
          alarms: 2,
          majorHazardUnits: 1,
          incidents: 1,
          whistleReports: 2,
          licences: 2,
          history: 3,
        },
        openHazards: 2,
        activeAlarms: 1,
        riskLevel: 2,
        grading: { score: '64.25', level: 2, gradedAt: '2026-11-20T02:00:00.000Z' },
        creditListed: true,
      });
    }
  });

  it('leaves out what an enterprise account may not read of its own file', async () => {
    const response = await profile(ownAccount);
    expect(response.statusCode).toBe(200);
    const body = response.json<EnterpriseProfile>();
    expect(body.counts).toEqual({
      riskUnits: 2,
      hazards: 3,
      checkTasks: 1,
      inspections: null,
      documents: null,
      cases: null,
      creditListings: null,
      monitoringPoints: 2,
      alarms: 2,
      majorHazardUnits: 1,
      incidents: null,
      whistleReports: null,
      licences: 2,
      history: 3,
    });
    expect(body.creditListed).toBeNull();
    expect(body.riskLevel).toBe(2);
  });

  it('answers 404 for an enterprise outside the caller’s scope', async () => {
    expect((await profile(countyElsewhere)).statusCode).toBe(404);
    expect((await profile(otherAccount)).statusCode).toBe(404);
    expect((await profile(city, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('lists the enterprise’s 文书 and accidents for their tabs, and only its own', async () => {
    const documents = await t.request({
      method: 'GET',
      url: `/api/v1/enforcement/documents?enterpriseId=${filed}`,
      as: city,
    });
    expect(documents.statusCode).toBe(200);
    expect(documents.json().items.map((d: { number: string }) => d.number)).toEqual([
      `档案〔2026〕${JIANGCHUAN}号`,
    ]);
    const outOfScope = await t.request({
      method: 'GET',
      url: `/api/v1/enforcement/documents?enterpriseId=${other}`,
      as: county,
    });
    expect(outOfScope.json().items).toEqual([]);
    const incidents = await t.request({
      method: 'GET',
      url: `/api/v1/incidents?enterpriseId=${filed}`,
      as: city,
    });
    expect(incidents.statusCode).toBe(200);
    expect(incidents.json().items.map((i: { enterpriseId: string }) => i.enterpriseId)).toEqual([filed]);
  });

  it('lists the verified reports for 举报核查 without the reporter, the query code or the text', async () => {
    const url = `/api/v1/whistleblowing/verified?enterpriseId=${filed}`;
    const shown = await t.request({ method: 'GET', url, as: county });
    expect(shown.json()).toEqual({
      items: [
        { verifiedOn: '2026-11-20', category: 'major_hazard', outcome: 'true', demo: false },
        { verifiedOn: '2026-10-08', category: 'major_hazard', outcome: 'partly_true', demo: false },
      ],
      total: 2,
    });
    expect((await t.request({ method: 'GET', url, as: countyElsewhere })).json()).toEqual({
      items: [],
      total: 0,
    });
    expect((await t.request({ method: 'GET', url, as: ownAccount })).statusCode).toBe(403);
  });

  it('counts what each tab’s list shows for the enterprise', async () => {
    const counts = (await profile(city)).json<EnterpriseProfile>().counts;
    // The sections whose seeded rows are complete records (the others are seeded as bare counts).
    const lists: [keyof EnterpriseProfile['counts'], string][] = [
      ['riskUnits', '/api/v1/risk/units'],
      ['hazards', '/api/v1/hazards?pageSize=100'],
      ['majorHazardUnits', '/api/v1/major-hazards/units'],
      ['checkTasks', '/api/v1/checks/tasks'],
      ['inspections', '/api/v1/enforcement/inspections'],
      ['documents', '/api/v1/enforcement/documents'],
      ['cases', '/api/v1/enforcement/cases'],
      ['monitoringPoints', '/api/v1/monitoring/points'],
      ['alarms', '/api/v1/monitoring/alarms'],
      ['incidents', '/api/v1/incidents'],
      ['whistleReports', '/api/v1/whistleblowing/verified'],
    ];
    const shown: Record<string, number> = {};
    for (const [section, url] of lists) {
      const response = await t.request({
        method: 'GET',
        url: `${url}${url.includes('?') ? '&' : '?'}enterpriseId=${filed}`,
        as: city,
      });
      expect(response.statusCode, section).toBe(200);
      shown[section] = (response.json().items as unknown[]).length;
    }
    expect(shown).toEqual(Object.fromEntries(lists.map(([section]) => [section, counts[section]])));
  });
});
