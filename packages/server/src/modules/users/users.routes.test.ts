import { generateSyntheticCreditCode, type DataScope } from '@anjian/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';
import { insertEnterprise } from '../../../test/factories.ts';

const jiangchuan: DataScope = { kind: 'county', counties: ['530403'] };
const tonghai: DataScope = { kind: 'county', counties: ['530423'] };

describe('user administration', () => {
  let t: TestContext;
  let cityAdmin: Caller;
  let countyAdmin: Caller;
  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false', LOGIN_CAPTCHA_AFTER_FAILURES: '100' });
    cityAdmin = await t.sessionFor(await t.createUser({ roles: ['sysadmin'], scope: { kind: 'city' } }));
    countyAdmin = await t.sessionFor(await t.createUser({ roles: ['sysadmin'], scope: jiangchuan }));
  });
  afterAll(() => t.close());

  it('creates a county officer who must change the one-time password at first login', async () => {
    const created = await t.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: {
        username: 'Zhao.Liu',
        displayName: '赵六',
        phone: '13812345678',
        roles: ['county_officer'],
        scope: jiangchuan,
        organisation: '江川区应急管理局',
      },
      as: cityAdmin,
    });
    expect(created.statusCode).toBe(201);
    const { user, initialPassword } = created.json();
    expect(user).toMatchObject({
      username: 'Zhao.Liu',
      displayName: '赵六',
      phone: '138****5678',
      roles: ['county_officer'],
      scope: jiangchuan,
      status: 'active',
      totpEnrolled: false,
    });
    expect(initialPassword).toMatch(/^.{14}$/);
    const stored = await t.db.query<{ phone_enc: string }>('SELECT phone_enc FROM users WHERE id = $1', [
      user.id,
    ]);
    expect(stored.rows[0]!.phone_enc).not.toContain('13812345678');

    const login = await t.login('zhao.liu', initialPassword);
    expect(login.response.statusCode).toBe(200);
    expect(login.response.json().mustChangePassword).toBe(true);
    const blocked = await t.request({ method: 'GET', url: '/api/v1/roles', as: login.caller! });
    expect(blocked.json().error.code).toBe('auth.password_change_required');

    const duplicate = await t.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: { username: 'ZHAO.LIU', displayName: '重名', roles: ['county_officer'], scope: jiangchuan },
      as: cityAdmin,
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.code).toBe('user.username_taken');
  });

  it('stores a new account’s password at the production scrypt cost in an app built as main.ts builds it', async () => {
    // The test app hashes at the tests' cost (TEST_PASSWORD_COST); an app given no hasher — as
    // src/main.ts builds it — must hash at N = 2¹⁵, r = 8, p = 3.
    const production = await t.anotherApp();
    try {
      const storedHash = async (app: typeof production, username: string) => {
        const created = await app.inject({
          method: 'POST',
          url: '/api/v1/users',
          payload: { username, displayName: '哈希', roles: ['county_officer'], scope: jiangchuan },
          headers: { cookie: cityAdmin.cookie, 'x-csrf-token': cityAdmin.csrf },
        });
        expect(created.statusCode).toBe(201);
        const row = await t.db.query<{ password_hash: string }>(
          'SELECT password_hash FROM users WHERE id = $1',
          [created.json().user.id],
        );
        return row.rows[0]!.password_hash;
      };
      expect(await storedHash(production, 'hash.production')).toMatch(/^scrypt\$32768\$8\$3\$/);
      expect(await storedHash(t.app, 'hash.tests')).toMatch(/^scrypt\$1024\$8\$1\$/);
    } finally {
      await production.close();
    }
  });

  it('lists only the users inside a county administrator’s scope', async () => {
    const inside = await t.createUser({
      roles: ['county_officer'],
      scope: jiangchuan,
      username: 'inside_jc',
    });
    const outside = await t.createUser({ roles: ['county_officer'], scope: tonghai, username: 'outside_th' });
    const wide = await t.createUser({
      roles: ['county_officer'],
      scope: { kind: 'county', counties: ['530403', '530423'] },
    });

    const county = await t.request({ method: 'GET', url: '/api/v1/users?pageSize=200', as: countyAdmin });
    const countyIds = county.json().items.map((u: { id: string }) => u.id);
    expect(countyIds).toContain(inside.id);
    expect(countyIds).not.toContain(outside.id);
    expect(countyIds).not.toContain(wide.id);
    expect(county.json().items.every((u: { scope: { kind: string } }) => u.scope.kind !== 'city')).toBe(true);

    const city = await t.request({
      method: 'GET',
      url: '/api/v1/users?q=outside_&pageSize=10',
      as: cityAdmin,
    });
    expect(city.json().items.map((u: { id: string }) => u.id)).toEqual([outside.id]);
    expect(city.json().total).toBe(1);

    expect(
      (await t.request({ method: 'GET', url: `/api/v1/users/${outside.id}`, as: countyAdmin })).statusCode,
    ).toBe(404);
    const patch = await t.request({
      method: 'PATCH',
      url: `/api/v1/users/${outside.id}`,
      payload: { displayName: 'x' },
      as: countyAdmin,
    });
    expect(patch.statusCode).toBe(404);
  });

  it('will not let a county administrator widen a user beyond its own scope', async () => {
    const user = await t.createUser({ roles: ['county_officer'], scope: jiangchuan });
    const widen = await t.request({
      method: 'PATCH',
      url: `/api/v1/users/${user.id}`,
      payload: { scope: { kind: 'city' } },
      as: countyAdmin,
    });
    expect(widen.statusCode).toBe(403);
    expect(widen.json().error.code).toBe('user.scope_outside_caller');
    const row = await t.db.query('SELECT scope_kind FROM users WHERE id = $1', [user.id]);
    expect(row.rows[0].scope_kind).toBe('county');
  });

  it('filters by role, status and county, and pages', async () => {
    for (let i = 0; i < 3; i++)
      await t.createUser({ roles: ['inspector'], scope: tonghai, username: `insp_th_${i}` });
    const page1 = await t.request({
      method: 'GET',
      url: '/api/v1/users?role=inspector&county=530423&pageSize=2',
      as: cityAdmin,
    });
    expect(page1.json()).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(page1.json().items.map((u: { username: string }) => u.username)).toEqual([
      'insp_th_0',
      'insp_th_1',
    ]);
    const page2 = await t.request({
      method: 'GET',
      url: '/api/v1/users?role=inspector&county=530423&pageSize=2&page=2',
      as: cityAdmin,
    });
    expect(page2.json().items.map((u: { username: string }) => u.username)).toEqual(['insp_th_2']);
  });

  it('resets a password: a new one-time password, old sessions ended', async () => {
    const user = await t.createUser({ roles: ['county_officer'], scope: jiangchuan });
    const session = await t.sessionFor(user);
    const reset = await t.request({
      method: 'POST',
      url: `/api/v1/users/${user.id}/reset-password`,
      as: countyAdmin,
    });
    expect(reset.statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: '/api/v1/auth/me', as: session })).statusCode).toBe(401);
    const login = await t.login(user.username, reset.json().initialPassword);
    expect(login.response.json().mustChangePassword).toBe(true);
  });

  it('creates an enterprise account only for a registered enterprise in the named county', async () => {
    const id = await insertEnterprise(t.db, { name: '账户测试企业', county: '530403', serial: 31_337 });
    const body = (scope: object) => ({
      username: `ent_${Math.random().toString(36).slice(2, 8)}`,
      displayName: '企业安全员',
      roles: ['enterprise_manager'],
      scope,
    });
    const ok = await t.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: body({ kind: 'enterprise', enterpriseId: id, county: '530403' }),
      as: countyAdmin,
    });
    expect(ok.statusCode).toBe(201);
    const wrongCounty = await t.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: body({ kind: 'enterprise', enterpriseId: id, county: '530423' }),
      as: cityAdmin,
    });
    expect(wrongCounty.json().error.code).toBe('user.enterprise_not_found');
    const unknown = await t.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: body({
        kind: 'enterprise',
        enterpriseId: '00000000-0000-4000-8000-000000000000',
        county: '530403',
      }),
      as: cityAdmin,
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('user.enterprise_not_found');
  });

  it('refuses a scope that does not fit the roles, on create and on update, storing nothing', async () => {
    const enterprise = await t.db.query<{ id: string }>(
      "INSERT INTO enterprises (name, credit_code, county, created_at, updated_at) VALUES ('范围测试企业', $1, '530403', now(), now()) RETURNING id",
      [generateSyntheticCreditCode(31_338, { divisionCode: '530403' })],
    );
    const enterpriseScope = { kind: 'enterprise', enterpriseId: enterprise.rows[0]!.id, county: '530403' };
    const username = `misfit_${Math.random().toString(36).slice(2, 8)}`;
    const created = await t.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: { username, displayName: '市局人员', roles: ['city_officer'], scope: enterpriseScope },
      as: cityAdmin,
    });
    expect(created.statusCode).toBe(400);
    expect(created.json().error.code).toBe('user.scope_role_mismatch');
    const stored = await t.db.query('SELECT 1 FROM users WHERE username = $1', [username]);
    expect(stored.rowCount).toBe(0);

    const officer = await t.createUser({ roles: ['city_officer'], scope: { kind: 'city' } });
    const update = (payload: object) =>
      t.request({ method: 'PATCH', url: `/api/v1/users/${officer.id}`, payload, as: cityAdmin });
    const scoped = await update({ scope: enterpriseScope });
    expect(scoped.statusCode).toBe(400);
    expect(scoped.json().error.code).toBe('user.scope_role_mismatch');
    const reroled = await update({ roles: ['county_officer'] });
    expect(reroled.json().error.code).toBe('user.scope_role_mismatch');
    expect((await update({ roles: ['county_officer'], scope: jiangchuan })).statusCode).toBe(200);
    const after = await t.db.query<{ scope_kind: string }>('SELECT scope_kind FROM users WHERE id = $1', [
      officer.id,
    ]);
    expect(after.rows[0]!.scope_kind).toBe('county');
  });

  it('refuses actions on one’s own account that would lock oneself out', async () => {
    const me = await t.createUser({ roles: ['sysadmin'], scope: { kind: 'city' } });
    const caller = await t.sessionFor(me);
    const disable = await t.request({
      method: 'POST',
      url: `/api/v1/users/${me.id}/status`,
      payload: { status: 'disabled' },
      as: caller,
    });
    expect(disable.json().error.code).toBe('user.cannot_change_self');
    const roles = await t.request({
      method: 'PATCH',
      url: `/api/v1/users/${me.id}`,
      payload: { roles: ['secadmin'] },
      as: caller,
    });
    expect(roles.json().error.code).toBe('user.cannot_change_self');
  });

  it('unlocks a locked account', async () => {
    const user = await t.createUser({ roles: ['county_officer'], scope: jiangchuan });
    for (let i = 0; i < 5; i++) await t.login(user.username, 'Wrong#Pass000');
    const listed = await t.request({ method: 'GET', url: `/api/v1/users/${user.id}`, as: cityAdmin });
    expect(listed.json().lockedUntil).toBe(new Date(t.clock.now().getTime() + 30 * 60_000).toISOString());
    expect(
      (await t.request({ method: 'POST', url: `/api/v1/users/${user.id}/unlock`, as: cityAdmin })).statusCode,
    ).toBe(200);
    expect(
      (await t.request({ method: 'GET', url: `/api/v1/users/${user.id}`, as: cityAdmin })).json().lockedUntil,
    ).toBeNull();
  });

  it('finds enterprises for an enterprise account by name or credit code, within the administrator’s scope', async () => {
    const insert = async (name: string, county: string, serial: number) => {
      const code = generateSyntheticCreditCode(serial, { divisionCode: county });
      return { id: await insertEnterprise(t.db, { name, county, serial }), name, creditCode: code, county };
    };
    const jiangchuanPlant = await insert('玉溪选项化工有限公司', '530403', 73_001);
    const tonghaiPlant = await insert('通海选项化工有限公司', '530423', 73_002);

    const byName = await t.request({
      method: 'GET',
      url: `/api/v1/users/enterprise-options?q=${encodeURIComponent('选项化工')}`,
      as: cityAdmin,
    });
    expect(byName.statusCode).toBe(200);
    expect(byName.json().items).toEqual([jiangchuanPlant, tonghaiPlant]);

    const byCode = await t.request({
      method: 'GET',
      url: `/api/v1/users/enterprise-options?q=${tonghaiPlant.creditCode.slice(0, 12).toLowerCase()}`,
      as: cityAdmin,
    });
    expect(byCode.json().items).toEqual([tonghaiPlant]);

    // A county administrator finds only its county's enterprises.
    const county = await t.request({
      method: 'GET',
      url: `/api/v1/users/enterprise-options?q=${encodeURIComponent('选项化工')}`,
      as: countyAdmin,
    });
    expect(county.json().items).toEqual([jiangchuanPlant]);

    // The look-up is in the audit log with what was searched for.
    const audited = await t.db.query<{ action: string; detail: string }>(
      "SELECT action, detail FROM audit_log WHERE action = 'user.enterprise_lookup' ORDER BY seq",
    );
    expect(audited.rows.map((r) => r.detail)).toEqual([
      '选项化工',
      tonghaiPlant.creditCode.slice(0, 12).toLowerCase(),
      '选项化工',
    ]);

    // The account made from the picked option shows the enterprise's name, in the list and alone.
    const created = await t.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: {
        username: 'xuanxiang.anquan',
        displayName: '选项安全员',
        roles: ['enterprise_manager'],
        scope: { kind: 'enterprise', enterpriseId: jiangchuanPlant.id, county: jiangchuanPlant.county },
      },
      as: countyAdmin,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().user.enterpriseName).toBe('玉溪选项化工有限公司');
    const listed = await t.request({ method: 'GET', url: '/api/v1/users?q=xuanxiang', as: countyAdmin });
    expect(listed.json().items.map((u: { enterpriseName: string | null }) => u.enterpriseName)).toEqual([
      '玉溪选项化工有限公司',
    ]);
    const officer = await t.request({ method: 'GET', url: '/api/v1/users?q=Zhao', as: cityAdmin });
    expect(officer.json().items[0].enterpriseName).toBeNull();
  });
});
