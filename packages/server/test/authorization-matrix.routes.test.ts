import { randomUUID } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataScope } from '@anjian/domain';
import {
  createTestContext,
  TEST_PASSWORD,
  type Caller,
  type TestContext,
  type TestUser,
} from './test-app.ts';

/**
 * Every /api route × every role, with data inside and outside the caller's scope → the exact
 * status. A route that is not in this table fails the first test: a new module adds its rows.
 */
const ENTERPRISE_ID = '0b8c5a3e-6d1f-4c2a-9e7b-3f5d8a1c2e4b';
const IN_COUNTY = '530403'; // 江川区: the county callers' own county
const OUT_COUNTY = '530423'; // 通海县

const callers = {
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
} as const satisfies Record<string, { roles: string[]; scope: DataScope } | null>;

type CallerName = keyof typeof callers;
type Target = 'in' | 'out';
type Statuses = Record<CallerName, number>;

interface CaseInput {
  t: TestContext;
  target: Target;
  caller: TestUser | null;
}

interface RouteCase {
  build(input: CaseInput): Promise<Omit<InjectOptions, 'method'>>;
  /** Status with in-scope data. */
  in: Statuses;
  /** Status with out-of-scope data; absent when the route reaches no scoped data. */
  out?: Statuses;
}

const names = Object.keys(callers) as CallerName[];
function statuses(others: number, overrides: Partial<Statuses> = {}): Statuses {
  return Object.fromEntries(
    names.map((name) => [name, overrides[name] ?? (name === 'anonymous' ? 401 : others)]),
  ) as Statuses;
}
const everyone = (status: number) => Object.fromEntries(names.map((name) => [name, status])) as Statuses;

const targetScope = (target: Target): DataScope => ({
  kind: 'county',
  counties: [target === 'in' ? IN_COUNTY : OUT_COUNTY],
});
async function targetUser(t: TestContext, target: Target): Promise<TestUser> {
  return t.createUser({ roles: ['county_officer'], scope: targetScope(target) });
}

const userIdRoute = (suffix: string, body?: object): RouteCase => ({
  build: async ({ t, target }) => ({
    url: `/api/v1/users/${(await targetUser(t, target)).id}${suffix}`,
    payload: body,
  }),
  in: statuses(403, { sysadminCity: 200, sysadminCounty: 200 }),
  out: statuses(403, { sysadminCity: 200, sysadminCounty: 404 }),
});

async function newRole(t: TestContext): Promise<string> {
  const code = `r_${randomUUID().slice(0, 8)}`;
  await t.db.query("INSERT INTO roles (code, name_zh, name_en) VALUES ($1, '临时角色', 'Temporary role')", [
    code,
  ]);
  return code;
}

const matrix: Record<string, RouteCase> = {
  'GET /api/v1/health': { build: async () => ({ url: '/api/v1/health' }), in: everyone(200) },
  'GET /api/v1/divisions': { build: async () => ({ url: '/api/v1/divisions' }), in: everyone(200) },
  'GET /api/docs': { build: async () => ({ url: '/api/docs' }), in: everyone(200) },

  'POST /api/v1/auth/login': {
    build: async () => ({
      url: '/api/v1/auth/login',
      payload: { username: 'no-such-user', password: TEST_PASSWORD },
    }),
    in: everyone(401),
  },
  'POST /api/v1/auth/logout': { build: async () => ({ url: '/api/v1/auth/logout' }), in: statuses(200) },
  'GET /api/v1/auth/me': { build: async () => ({ url: '/api/v1/auth/me' }), in: statuses(200) },
  'POST /api/v1/auth/password': {
    build: async () => ({
      url: '/api/v1/auth/password',
      payload: { current: TEST_PASSWORD, next: 'Brand#New2027' },
    }),
    in: statuses(200),
  },
  'POST /api/v1/auth/totp/setup': {
    build: async () => ({ url: '/api/v1/auth/totp/setup' }),
    in: statuses(200),
  },
  'POST /api/v1/auth/totp/confirm': {
    build: async () => ({ url: '/api/v1/auth/totp/confirm', payload: { code: '123456' } }),
    in: statuses(409),
  },
  'GET /api/v1/auth/sessions': { build: async () => ({ url: '/api/v1/auth/sessions' }), in: statuses(200) },
  'DELETE /api/v1/auth/sessions/:id': {
    // In scope: another session of the caller's own; out of scope: somebody else's session.
    build: async ({ t, target, caller }) => {
      const owner = target === 'in' && caller ? caller : await targetUser(t, 'in');
      await t.sessionFor(owner);
      const row = await t.db.query<{ id: string }>(
        'SELECT id FROM sessions WHERE user_id = $1 ORDER BY created_at DESC, id LIMIT 1',
        [owner.id],
      );
      return { url: `/api/v1/auth/sessions/${row.rows[0]!.id}` };
    },
    in: statuses(200),
    out: statuses(404),
  },

  'GET /api/v1/users': {
    build: async () => ({ url: '/api/v1/users' }),
    in: statuses(403, { sysadminCity: 200, sysadminCounty: 200 }),
  },
  'POST /api/v1/users': {
    build: async ({ target }) => ({
      url: '/api/v1/users',
      payload: {
        username: `new_${randomUUID().slice(0, 8)}`,
        displayName: '新用户',
        roles: ['county_officer'],
        scope: targetScope(target),
      },
    }),
    in: statuses(403, { sysadminCity: 201, sysadminCounty: 201 }),
    out: statuses(403, { sysadminCity: 201, sysadminCounty: 403 }),
  },
  'GET /api/v1/users/:id': userIdRoute(''),
  'PATCH /api/v1/users/:id': userIdRoute('', { displayName: '改名' }),
  'POST /api/v1/users/:id/status': userIdRoute('/status', { status: 'disabled' }),
  'POST /api/v1/users/:id/reset-password': userIdRoute('/reset-password'),
  'POST /api/v1/users/:id/reset-totp': userIdRoute('/reset-totp'),
  'POST /api/v1/users/:id/unlock': userIdRoute('/unlock'),
  'POST /api/v1/users/:id/end-sessions': userIdRoute('/end-sessions'),

  'GET /api/v1/roles': {
    build: async () => ({ url: '/api/v1/roles' }),
    in: statuses(403, { sysadminCity: 200, sysadminCounty: 200, secadmin: 200 }),
  },
  'GET /api/v1/permissions': {
    build: async () => ({ url: '/api/v1/permissions' }),
    in: statuses(403, { secadmin: 200 }),
  },
  'POST /api/v1/roles': {
    build: async () => ({
      url: '/api/v1/roles',
      payload: {
        code: `r_${randomUUID().slice(0, 8)}`,
        nameZh: '新角色',
        nameEn: 'New role',
        permissions: ['hazard:read'],
      },
    }),
    in: statuses(403, { secadmin: 201 }),
  },
  'PATCH /api/v1/roles/:code': {
    build: async ({ t }) => ({
      url: `/api/v1/roles/${await newRole(t)}`,
      payload: { permissions: ['stats:read'] },
    }),
    in: statuses(403, { secadmin: 200 }),
  },
  'DELETE /api/v1/roles/:code': {
    build: async ({ t }) => ({ url: `/api/v1/roles/${await newRole(t)}` }),
    in: statuses(403, { secadmin: 200 }),
  },

  'GET /api/v1/audit': {
    build: async () => ({ url: '/api/v1/audit' }),
    in: statuses(403, { auditadmin: 200 }),
  },
  'GET /api/v1/audit/export': {
    build: async () => ({ url: '/api/v1/audit/export' }),
    in: statuses(403, { auditadmin: 200 }),
  },
  'GET /api/v1/audit/verify': {
    build: async () => ({ url: '/api/v1/audit/verify' }),
    in: statuses(403, { auditadmin: 200 }),
  },
};

describe('authorisation matrix', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
  });
  afterAll(() => t.close());

  it('covers every /api route the server has, and nothing it does not have', () => {
    const served = t.app.apiRoutes.map((route) => `${route.method} ${route.url}`).sort();
    expect(Object.keys(matrix).sort()).toEqual(served);
  });

  for (const [key, routeCase] of Object.entries(matrix)) {
    const [method, url] = key.split(' ') as [InjectOptions['method'], string];
    const targets: Target[] = routeCase.out ? ['in', 'out'] : ['in'];
    for (const target of targets) {
      it(`${key} with ${target === 'in' ? 'in-scope' : 'out-of-scope'} data`, async () => {
        const expected = target === 'in' ? routeCase.in : routeCase.out!;
        const actual: Partial<Statuses> = {};
        for (const name of names) {
          const spec = callers[name];
          const caller = spec ? await t.createUser({ roles: [...spec.roles], scope: spec.scope }) : null;
          const session: Caller | null = caller ? await t.sessionFor(caller) : null;
          const options = await routeCase.build({ t, target, caller });
          const response = await t.request({ method, url, ...options, as: session });
          actual[name] = response.statusCode;
        }
        expect(actual).toEqual(expected);
      });
    }
  }
});
