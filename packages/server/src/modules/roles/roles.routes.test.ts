import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';

describe('roles and grants (security administrator)', () => {
  let t: TestContext;
  let secadmin: Caller;
  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    secadmin = await t.sessionFor(await t.createUser({ roles: ['secadmin'], scope: { kind: 'city' } }));
  });
  afterAll(() => t.close());

  it('lists the built-in roles with the 三员 separated', async () => {
    const response = await t.request({ method: 'GET', url: '/api/v1/roles', as: secadmin });
    const roles = response.json().items as {
      code: string;
      adminKind: string | null;
      permissions: string[];
    }[];
    expect(roles.map((r) => r.code)).toEqual([
      'auditadmin',
      'city_officer',
      'county_officer',
      'department_officer',
      'enterprise_manager',
      'expert',
      'industry_officer',
      'inspector',
      'rescue_team',
      'safety_office',
      'secadmin',
      'sysadmin',
      'whistle_custodian',
    ]);
    const byCode = Object.fromEntries(roles.map((r) => [r.code, r]));
    expect(byCode.sysadmin!.permissions).toEqual(['session:manage', 'sms:read', 'user:read', 'user:write']);
    expect(byCode.secadmin!.permissions).toEqual(['role:read', 'role:write', 'security:read']);
    expect(byCode.auditadmin!.permissions).toEqual(['audit:export', 'audit:read']);
  });

  it('creates a business role, edits its grants, and removes it while unused', async () => {
    const created = await t.request({
      method: 'POST',
      url: '/api/v1/roles',
      payload: {
        code: 'township_officer',
        nameZh: '乡镇安监员',
        nameEn: 'Township officer',
        permissions: ['hazard:read', 'registry:read'],
      },
      as: secadmin,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      code: 'township_officer',
      builtin: false,
      permissions: ['hazard:read', 'registry:read'],
    });

    const user = await t.createUser({
      roles: ['township_officer'],
      scope: { kind: 'county', counties: ['530425'] },
    });
    const session = await t.sessionFor(user);
    const enterprises = () => t.request({ method: 'GET', url: '/api/v1/enterprises', as: session });
    expect((await enterprises()).statusCode).toBe(200);
    const edited = await t.request({
      method: 'PATCH',
      url: '/api/v1/roles/township_officer',
      payload: { permissions: ['hazard:read', 'hazard:report'] },
      as: secadmin,
    });
    expect(edited.json().permissions).toEqual(['hazard:read', 'hazard:report']);
    // The grant takes effect on the user's next request, in the session already open.
    const me = await t.request({ method: 'GET', url: '/api/v1/auth/me', as: session });
    expect(me.json().user.permissions).toEqual(['hazard:read', 'hazard:report']);
    expect((await enterprises()).json().error.code).toBe('auth.forbidden');

    const inUse = await t.request({ method: 'DELETE', url: '/api/v1/roles/township_officer', as: secadmin });
    expect(inUse.json().error.code).toBe('role.in_use');
  });

  it('keeps administration and business permissions apart', async () => {
    const mixed = await t.request({
      method: 'POST',
      url: '/api/v1/roles',
      payload: {
        code: 'super_user',
        nameZh: '超级用户',
        nameEn: 'Super user',
        permissions: ['hazard:read', 'audit:read'],
      },
      as: secadmin,
    });
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().error.code).toBe('role.permission_mix');
    const grant = await t.request({
      method: 'PATCH',
      url: '/api/v1/roles/sysadmin',
      payload: { permissions: ['registry:read'] },
      as: secadmin,
    });
    expect(grant.json().error.code).toBe('role.builtin_protected');
    const unknown = await t.request({
      method: 'PATCH',
      url: '/api/v1/roles/expert',
      payload: { permissions: ['everything'] },
      as: secadmin,
    });
    expect(unknown.json().error.code).toBe('role.unknown_permission');
    const builtinDelete = await t.request({ method: 'DELETE', url: '/api/v1/roles/expert', as: secadmin });
    expect(builtinDelete.json().error.code).toBe('role.builtin_protected');
    expect(await t.db.query("SELECT 1 FROM roles WHERE code = 'super_user'")).toMatchObject({ rowCount: 0 });
  });

  it('gives each role a clearance: built-in ones fixed for the administrators, custom ones 内部 by default', async () => {
    const listed = await t.request({ method: 'GET', url: '/api/v1/roles', as: secadmin });
    const clearance = Object.fromEntries(
      (listed.json().items as { code: string; clearance: string }[]).map((r) => [r.code, r.clearance]),
    );
    expect(clearance).toMatchObject({
      sysadmin: 'public',
      secadmin: 'public',
      auditadmin: 'public',
      city_officer: 'sensitive',
      county_officer: 'sensitive',
      inspector: 'internal',
      expert: 'internal',
      whistle_custodian: 'whistle_identity',
    });

    const create = (code: string, permissions: string[], extra: Record<string, unknown> = {}) =>
      t.request({
        method: 'POST',
        url: '/api/v1/roles',
        payload: { code, nameZh: '密级测试', nameEn: 'Clearance test', permissions, ...extra },
        as: secadmin,
      });
    const plain = await create('clearance_plain', ['hazard:read']);
    expect(plain.json().clearance).toBe('internal');
    // 举报身份 only with the custodian's permission; nothing is stored otherwise.
    const refused = await create('clearance_identity', ['whistle:handle'], { clearance: 'whistle_identity' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('role.clearance_not_allowed');
    expect(await t.db.query("SELECT 1 FROM roles WHERE code = 'clearance_identity'")).toMatchObject({
      rowCount: 0,
    });
    const custodian = await create('clearance_custodian', ['whistle:identity'], {
      clearance: 'whistle_identity',
    });
    expect(custodian.statusCode).toBe(201);

    const raised = await t.request({
      method: 'PATCH',
      url: '/api/v1/roles/clearance_plain',
      payload: { clearance: 'sensitive' },
      as: secadmin,
    });
    expect(raised.json().clearance).toBe('sensitive');
    const audit = await t.db.query<{ detail: string }>(
      "SELECT detail FROM audit_log WHERE action = 'role.update' ORDER BY seq DESC LIMIT 1",
    );
    expect(audit.rows[0]!.detail).toBe('clearance=sensitive');
    const admin = await t.request({
      method: 'PATCH',
      url: '/api/v1/roles/auditadmin',
      payload: { clearance: 'sensitive' },
      as: secadmin,
    });
    expect(admin.json().error.code).toBe('role.builtin_protected');
  });
});
