import { randomUUID } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import ExcelJS from 'exceljs';
import type { DataScope } from '@anjian/domain';
import { generateSyntheticCreditCode, reportHazard } from '@anjian/domain';
import { enterpriseColumns } from '../../src/modules/registry/enterprises/enterprise-columns.ts';
import { consequenceExampleBodies } from '../../src/modules/calc/consequence-bodies.ts';
import type { TestContext, TestUser } from '../test-app.ts';

/**
 * Callers, expected-status helpers and fixtures shared by the authorisation matrix
 * (../authorization-matrix.routes.test.ts) and its per-area row files beside this one.
 */
export const ENTERPRISE_ID = '0b8c5a3e-6d1f-4c2a-9e7b-3f5d8a1c2e4b';
export const IN_COUNTY = '530403'; // 江川区: the county callers' own county
export const OUT_COUNTY = '530423'; // 通海县

export const callers = {
  anonymous: null,
  sysadminCity: { roles: ['sysadmin'], scope: { kind: 'city' } },
  sysadminCounty: { roles: ['sysadmin'], scope: { kind: 'county', counties: [IN_COUNTY] } },
  secadmin: { roles: ['secadmin'], scope: { kind: 'city' } },
  auditadmin: { roles: ['auditadmin'], scope: { kind: 'city' } },
  cityOfficer: { roles: ['city_officer'], scope: { kind: 'city' } },
  countyOfficer: { roles: ['county_officer'], scope: { kind: 'county', counties: [IN_COUNTY] } },
  industryOfficer: { roles: ['industry_officer'], scope: { kind: 'city' } },
  inspector: { roles: ['inspector'], scope: { kind: 'county', counties: [IN_COUNTY] } },
  enterpriseManager: {
    roles: ['enterprise_manager'],
    scope: { kind: 'enterprise', enterpriseId: ENTERPRISE_ID, county: IN_COUNTY },
  },
  expert: { roles: ['expert'], scope: { kind: 'city' } },
  // The 安委办 follows every unit; a member unit's account sees its own unit's plan work (plan.matrix.ts).
  safetyOffice: { roles: ['safety_office'], scope: { kind: 'city' } },
  departmentOfficer: { roles: ['department_officer'], scope: { kind: 'city' } },
} as const satisfies Record<string, { roles: string[]; scope: DataScope } | null>;

export type CallerName = keyof typeof callers;
export type Target = 'in' | 'out';
export type Statuses = Record<CallerName, number>;

export interface CaseInput {
  t: TestContext;
  target: Target;
  caller: TestUser | null;
}

export interface RouteCase {
  build(input: CaseInput): Promise<Omit<InjectOptions, 'method'>>;
  /** Status with in-scope data. */
  in: Statuses;
  /** Status with out-of-scope data; absent when the route reaches no scoped data. */
  out?: Statuses;
}

export const names = Object.keys(callers) as CallerName[];
export function statuses(others: number, overrides: Partial<Statuses> = {}): Statuses {
  return Object.fromEntries(
    names.map((name) => [name, overrides[name] ?? (name === 'anonymous' ? 401 : others)]),
  ) as Statuses;
}
export const everyone = (status: number) =>
  Object.fromEntries(names.map((name) => [name, status])) as Statuses;

export const targetScope = (target: Target): DataScope => ({
  kind: 'county',
  counties: [target === 'in' ? IN_COUNTY : OUT_COUNTY],
});
export async function targetUser(t: TestContext, target: Target): Promise<TestUser> {
  return t.createUser({ roles: ['county_officer'], scope: targetScope(target) });
}

export const userIdRoute = (suffix: string, body?: object): RouteCase => ({
  build: async ({ t, target }) => ({
    url: `/api/v1/users/${(await targetUser(t, target)).id}${suffix}`,
    payload: body,
  }),
  in: statuses(403, { sysadminCity: 200, sysadminCounty: 200 }),
  out: statuses(403, { sysadminCity: 200, sysadminCounty: 404 }),
});

export async function newRole(t: TestContext): Promise<string> {
  const code = `r_${randomUUID().slice(0, 8)}`;
  await t.db.query("INSERT INTO roles (code, name_zh, name_en) VALUES ($1, '临时角色', 'Temporary role')", [
    code,
  ]);
  return code;
}

// A 1×1 PNG.
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

let serial = 20_000;
export const nextCode = (county: string) => generateSyntheticCreditCode(serial++, { divisionCode: county });
export const countyOf = (target: Target) => (target === 'in' ? IN_COUNTY : OUT_COUNTY);

export async function newEnterprise(t: TestContext, target: Target): Promise<string> {
  const county = countyOf(target);
  const row = await t.db.query<{ id: string }>(
    `INSERT INTO enterprises (name, credit_code, county, created_at, updated_at) VALUES ('矩阵测试企业', $1, $2, now(), now()) RETURNING id`,
    [nextCode(county), county],
  );
  return row.rows[0]!.id;
}

export async function newObject(t: TestContext, target: Target): Promise<string> {
  const enterprise = await newEnterprise(t, target);
  const row = await t.db.query<{ id: string }>(
    `INSERT INTO regulated_objects (kind, name, enterprise_id, county, lon, lat, attributes, created_at, updated_at)
     VALUES ('waste_dump', '矩阵测试排土场', $1, $2, 102.7, 24.3, '{}', now(), now()) RETURNING id`,
    [enterprise, countyOf(target)],
  );
  return row.rows[0]!.id;
}

export async function newHazard(t: TestContext, target: Target): Promise<string> {
  const enterprise = await newEnterprise(t, target);
  const reporter = await t.db.query<{ id: string }>('SELECT id FROM users LIMIT 1');
  const result = reportHazard(
    { source: 'inspection', tickedCriteria: [] },
    { now: new Date(), actor: { kind: 'county', id: reporter.rows[0]!.id } },
  );
  if (!result.ok) throw result.error;
  const row = await t.db.query<{ id: string }>(
    `INSERT INTO hidden_hazards (enterprise_id, county, source, location_text, description, category, level, status, state,
                                 reported_by, reported_at, updated_at)
     VALUES ($1, $2, 'inspection', '矩阵测试位置', '矩阵测试隐患', '05', 'general', 'reported', $3, $4, now(), now()) RETURNING id`,
    [enterprise, countyOf(target), JSON.stringify(result.state), reporter.rows[0]!.id],
  );
  return row.rows[0]!.id;
}

// The risk register belongs to the enterprise: "in scope" is the enterprise account's own enterprise
// (in 江川区, visible to the county callers too), "out of scope" an enterprise in 通海县.
export async function enterpriseFor(t: TestContext, target: Target): Promise<string> {
  return target === 'in' ? ENTERPRISE_ID : newEnterprise(t, 'out');
}

export async function newRiskUnit(t: TestContext, target: Target): Promise<string> {
  const row = await t.db.query<{ id: string }>(
    `INSERT INTO risk_units (enterprise_id, county, name, kind, created_at, updated_at) VALUES ($1, $2, '矩阵单元', 'area', now(), now()) RETURNING id`,
    [await enterpriseFor(t, target), countyOf(target)],
  );
  return row.rows[0]!.id;
}

export async function newRiskPoint(t: TestContext, target: Target): Promise<string> {
  const row = await t.db.query<{ id: string }>(
    `INSERT INTO risk_points (unit_id, name, accident_types, assessment, value, level, colour, measures, control_level,
       responsible_person, assessed_at, assessed_by)
     VALUES ($1, '矩阵风险点', '{19}', '{"method":"ls","l":2,"s":2}', 4, 4, 'blue', '[]', 'post', '张三', now(), 'test') RETURNING id`,
    [await newRiskUnit(t, target)],
  );
  return row.rows[0]!.id;
}

export async function newCheckList(t: TestContext, target: Target): Promise<string> {
  const row = await t.db.query<{ id: string }>(
    `INSERT INTO check_lists (enterprise_id, county, name, target, frequency, responsible_person, items, created_at, updated_at)
     VALUES ($1, $2, '矩阵检查表', '罐区', 'daily', '张三', '[{"id":"a1","text":"报警仪完好"}]', now(), now()) RETURNING id`,
    [await enterpriseFor(t, target), countyOf(target)],
  );
  return row.rows[0]!.id;
}

export async function newCheckTask(t: TestContext, target: Target): Promise<string> {
  const list = await newCheckList(t, target);
  const row = await t.db.query<{ id: string }>(
    `INSERT INTO check_tasks (list_id, enterprise_id, county, period_key, period_start, due_date)
     SELECT id, enterprise_id, county, '2026-11-29', '2026-11-29', '2026-11-29' FROM check_lists WHERE id = $1 RETURNING id`,
    [list],
  );
  return row.rows[0]!.id;
}

export const CHECK_LIST = {
  name: '矩阵检查表',
  target: '罐区',
  frequency: 'weekly',
  responsiblePerson: '张三',
  items: [{ id: 'a1', text: '报警仪完好' }],
};

export async function newResource(t: TestContext, target: Target, kind = 'warehouse'): Promise<string> {
  const row = await t.db.query<{ id: string }>(
    `INSERT INTO emergency_resources (kind, name, county, lon, lat, created_at, updated_at) VALUES ($1, '矩阵物资库', $2, 102.75, 24.29, now(), now()) RETURNING id`,
    [kind, countyOf(target)],
  );
  return row.rows[0]!.id;
}
export async function newIncident(t: TestContext, target: Target): Promise<string> {
  const row = await t.db.query<{ id: string }>(
    `INSERT INTO incidents (occurred_at, county, location, accident_type, original, description, reporter, created_by, created_at, updated_at)
     VALUES ('2026-11-29T01:00:00Z', $1, '矩阵事故地点', '09', '{"deaths":0,"seriousInjuries":1,"directLossWan":"10"}', '矩阵事故', '测试',
             (SELECT id FROM users LIMIT 1), now(), now()) RETURNING id`,
    [countyOf(target)],
  );
  return row.rows[0]!.id;
}
export async function newTask(t: TestContext, target: Target): Promise<{ incident: string; task: string }> {
  const incident = await newIncident(t, target);
  const row = await t.db.query<{ id: string }>(
    `INSERT INTO dispatch_tasks (incident_id, resource_id, status, created_at, updated_at) VALUES ($1, $2, 'dispatched', now(), now()) RETURNING id`,
    [incident, await newResource(t, target, 'team')],
  );
  return { incident, task: row.rows[0]!.id };
}
export const INCIDENT = (target: Target) => ({
  occurredAt: '2026-11-29T01:00:00.000Z',
  county: countyOf(target),
  location: '矩阵事故地点',
  accidentType: 'WSA10010',
  deaths: 0,
  seriousInjuries: 1,
  description: '矩阵测试事故',
  reporter: '测试',
});
export const RESOURCE = (target: Target) => ({
  kind: 'warehouse',
  name: '矩阵物资库',
  county: countyOf(target),
  location: { lon: 102.75, lat: 24.29 },
});
export const dispatchers = (status: number) => statuses(403, { cityOfficer: status, countyOfficer: status });
export const dispatchersOut = (status: number) => statuses(403, { cityOfficer: status, countyOfficer: 404 });

export const RISK_POINT = {
  name: '矩阵风险点',
  accidentTypes: ['19'],
  assessment: { method: 'ls', l: 2, s: 3 },
  measures: [{ kind: 'management', text: '巡检' }],
  controlLevel: 'post',
  responsiblePerson: '张三',
};
export const riskReaders = statuses(403, {
  cityOfficer: 200,
  countyOfficer: 200,
  industryOfficer: 200,
  inspector: 200,
  enterpriseManager: 200,
  expert: 200,
});
export const riskRecordIn = riskReaders;
export const riskRecordOut = statuses(403, {
  cityOfficer: 200,
  countyOfficer: 404,
  industryOfficer: 200,
  inspector: 404,
  enterpriseManager: 404,
  expert: 200,
});

export async function importFile(target: Target): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('企业信息');
  sheet.addRow(enterpriseColumns.map((c) => c.header));
  const values: Record<string, string> = {
    name: '矩阵导入企业',
    creditCode: nextCode(countyOf(target)),
    county: countyOf(target),
  };
  sheet.addRow(enterpriseColumns.map((c) => values[c.key] ?? null));
  return Buffer.from(await book.xlsx.writeBuffer());
}

export const registryReaders = {
  cityOfficer: 200,
  countyOfficer: 200,
  industryOfficer: 200,
  inspector: 200,
  enterpriseManager: 200,
  expert: 200,
};
export const readAll = (status = 200) =>
  statuses(403, Object.fromEntries(Object.keys(registryReaders).map((k) => [k, status])));
// A record by id: in scope for the county callers (江川区), not the enterprise account's own.
export const recordIn = statuses(403, {
  cityOfficer: 200,
  countyOfficer: 200,
  industryOfficer: 200,
  inspector: 200,
  enterpriseManager: 404,
  expert: 200,
});
export const recordOut = statuses(403, {
  cityOfficer: 200,
  countyOfficer: 404,
  industryOfficer: 200,
  inspector: 404,
  enterpriseManager: 404,
  expert: 200,
});
export const writeIn = (ok: number) => statuses(403, { cityOfficer: ok, countyOfficer: ok });
export const writeOut = (ok: number, county: number) =>
  statuses(403, { cityOfficer: ok, countyOfficer: county });
export const signedIn = statuses(200);

export const consequenceRoutes: Record<string, RouteCase> = Object.fromEntries(
  Object.entries(consequenceExampleBodies).map(([path, body]) => [
    `POST /api/v1/calc/consequence/${path}`,
    { build: async () => ({ url: `/api/v1/calc/consequence/${path}`, payload: body }), in: everyone(200) },
  ]),
);
