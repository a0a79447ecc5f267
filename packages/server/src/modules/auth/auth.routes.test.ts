import type { DataScope } from '@anjian/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_PASSWORD, type TestContext } from '../../../test/test-app.ts';

// These tests are about each account's own lock-out; every request comes from one address, so
// the per-IP captcha and throttle (login-defences.routes.test.ts) are set out of their way.
const accountOnly = { LOGIN_CAPTCHA_AFTER_FAILURES: '100', LOGIN_IP_MAX_FAILURES: '100000' };

const county: DataScope = { kind: 'county', counties: ['530403'] };
const MINUTE = 60_000;

describe('sign-in, sessions and lock-out', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false', ...accountOnly });
  });
  afterAll(() => t.close());

  it('signs in, answers the session state and sets an HttpOnly SameSite cookie', async () => {
    const user = await t.createUser({ roles: ['county_officer'], scope: county });
    const { response } = await t.login(user.username, TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.user.username).toBe(user.username);
    expect(body.user.scope).toEqual(county);
    expect(body.user.permissions).toContain('hazard:supervise');
    expect(body.mustChangePassword).toBe(false);
    expect(body.mustEnrolTotp).toBe(false);
    expect(body.idleTimeoutSeconds).toBe(30 * 60);
    const cookie = response.cookies.find((c) => c.name === 'anjian_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
  });

  it('tells the user when and from where the previous sign-in happened', async () => {
    const user = await t.createUser({ roles: ['county_officer'], scope: county });
    const first = await t.login(user.username, TEST_PASSWORD);
    expect(first.response.json().previousLogin).toBeNull();
    const signedInAt = t.clock.now().toISOString();
    t.clock.advance(3600_000);
    const second = await t.login(user.username, TEST_PASSWORD);
    expect(second.response.json().previousLogin).toEqual({ at: signedInAt, ip: '127.0.0.1' });
    const me = await t.request({ method: 'GET', url: '/api/v1/auth/me', as: second.caller! });
    expect(me.json().previousLogin).toEqual({ at: signedInAt, ip: '127.0.0.1' });
  });

  it('publishes the password policy in force', async () => {
    const response = await t.request({ method: 'GET', url: '/api/v1/auth/password-policy' });
    expect(response.json()).toEqual({
      minLength: 8,
      maxLength: 128,
      minClasses: 3,
      maxAgeDays: 90,
      historySize: 5,
    });
  });

  it('answers the same error for an unknown user and a wrong password', async () => {
    const user = await t.createUser({ roles: ['county_officer'], scope: county });
    const unknown = await t.login('nobody-here', TEST_PASSWORD);
    const wrong = await t.login(user.username, 'Wrong#Pass123');
    expect(unknown.response.statusCode).toBe(401);
    expect(wrong.response.statusCode).toBe(401);
    expect(unknown.response.json()).toEqual(wrong.response.json());
    expect(wrong.response.json().error.code).toBe('auth.invalid_credentials');
  });

  it('locks the account for 30 minutes after 5 failures, even for the right password, answering as for an unknown name', async () => {
    const user = await t.createUser({ roles: ['county_officer'], scope: county });
    for (let i = 0; i < 5; i++) {
      expect((await t.login(user.username, `Wrong#Pass${i}00`)).response.statusCode).toBe(401);
    }
    const locked = await t.login(user.username, TEST_PASSWORD);
    const unknown = await t.login('nobody-at-all', TEST_PASSWORD);
    // Issue 19, defect 6: a 423 here confirmed that the account exists.
    expect(locked.response.statusCode).toBe(401);
    expect(locked.response.json().error.code).toBe('auth.invalid_credentials');
    expect(locked.response.body).toBe(unknown.response.body);
    expect(locked.response.headers['content-type']).toBe(unknown.response.headers['content-type']);
    const events = await t.db.query<{ kind: string; username: string }>(
      "SELECT kind, username FROM security_events WHERE kind = 'account_locked' AND user_id = $1",
      [user.id],
    );
    expect(events.rows).toEqual([{ kind: 'account_locked', username: user.username }]);
    t.clock.advance(29 * MINUTE);
    expect((await t.login(user.username, TEST_PASSWORD)).response.statusCode).toBe(401);
    t.clock.advance(1 * MINUTE);
    expect((await t.login(user.username, TEST_PASSWORD)).response.statusCode).toBe(200);
  });

  it('four failures and a success start the count again', async () => {
    const user = await t.createUser({ roles: ['county_officer'], scope: county });
    for (let i = 0; i < 4; i++) await t.login(user.username, `Wrong#Pass${i}00`);
    expect((await t.login(user.username, TEST_PASSWORD)).response.statusCode).toBe(200);
    for (let i = 0; i < 4; i++) await t.login(user.username, `Wrong#Pass${i}00`);
    expect((await t.login(user.username, TEST_PASSWORD)).response.statusCode).toBe(200);
  });

  it('ends a session after 30 idle minutes (15 for administrators)', async () => {
    const officer = await t.createUser({ roles: ['county_officer'], scope: county });
    const admin = await t.createUser({ roles: ['sysadmin'], scope: { kind: 'city' } });
    const officerCaller = (await t.login(officer.username, TEST_PASSWORD)).caller!;
    const adminCaller = (await t.login(admin.username, TEST_PASSWORD)).caller!;
    const me = (caller: typeof officerCaller) =>
      t.request({ method: 'GET', url: '/api/v1/auth/me', as: caller });

    t.clock.advance(14 * MINUTE);
    expect((await me(adminCaller)).statusCode).toBe(200);
    expect((await me(officerCaller)).statusCode).toBe(200);
    t.clock.advance(15 * MINUTE);
    expect((await me(adminCaller)).statusCode).toBe(401);
    expect((await me(officerCaller)).statusCode).toBe(200);
    t.clock.advance(30 * MINUTE);
    const expired = await me(officerCaller);
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('auth.unauthenticated');
  });

  it('ends a session 12 hours after sign-in however active it is', async () => {
    const officer = await t.createUser({ roles: ['county_officer'], scope: county });
    const caller = (await t.login(officer.username, TEST_PASSWORD)).caller!;
    // Busy all day: a request every 20 minutes, so the idle limit never strikes.
    for (let step = 0; step < 35; step++) {
      t.clock.advance(20 * MINUTE);
      expect((await t.request({ method: 'GET', url: '/api/v1/auth/me', as: caller })).statusCode).toBe(200);
    }
    t.clock.advance(19 * MINUTE);
    expect((await t.request({ method: 'GET', url: '/api/v1/auth/me', as: caller })).statusCode).toBe(200);
    t.clock.advance(1 * MINUTE);
    expect((await t.request({ method: 'GET', url: '/api/v1/auth/me', as: caller })).statusCode).toBe(401);
  });

  it('revokes the session at logout: the old cookie no longer works', async () => {
    const user = await t.createUser({ roles: ['county_officer'], scope: county });
    const caller = (await t.login(user.username, TEST_PASSWORD)).caller!;
    const logout = await t.request({ method: 'POST', url: '/api/v1/auth/logout', as: caller });
    expect(logout.statusCode).toBe(200);
    const after = await t.request({ method: 'GET', url: '/api/v1/auth/me', as: caller });
    expect(after.statusCode).toBe(401);
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const user = await t.createUser({ roles: ['county_officer'], scope: county });
    const caller = (await t.login(user.username, TEST_PASSWORD)).caller!;
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: caller.cookie },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('auth.csrf_failed');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: caller.cookie, 'x-csrf-token': 'not-the-token' },
    });
    expect(wrong.statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url: '/api/v1/auth/me', as: caller })).statusCode).toBe(200);
  });

  it('disabling a user ends their other sessions at once', async () => {
    const admin = await t.createUser({ roles: ['sysadmin'], scope: { kind: 'city' } });
    const officer = await t.createUser({ roles: ['county_officer'], scope: county });
    const phone = (await t.login(officer.username, TEST_PASSWORD)).caller!;
    const laptop = (await t.login(officer.username, TEST_PASSWORD)).caller!;
    const adminCaller = await t.sessionFor(admin);
    const disable = await t.request({
      method: 'POST',
      url: `/api/v1/users/${officer.id}/status`,
      payload: { status: 'disabled', reason: '调离' },
      as: adminCaller,
    });
    expect(disable.statusCode).toBe(200);
    expect(disable.json().status).toBe('disabled');
    for (const caller of [phone, laptop]) {
      expect((await t.request({ method: 'GET', url: '/api/v1/auth/me', as: caller })).statusCode).toBe(401);
    }
    const again = await t.login(officer.username, TEST_PASSWORD);
    expect(again.response.statusCode).toBe(403);
    expect(again.response.json().error.code).toBe('auth.account_disabled');
  });

  it('lists my sessions and ends one of them, but not somebody else’s', async () => {
    const user = await t.createUser({ roles: ['county_officer'], scope: county });
    const other = await t.createUser({ roles: ['county_officer'], scope: county });
    const first = (await t.login(user.username, TEST_PASSWORD)).caller!;
    const second = (await t.login(user.username, TEST_PASSWORD)).caller!;
    const otherCaller = (await t.login(other.username, TEST_PASSWORD)).caller!;
    const list = await t.request({ method: 'GET', url: '/api/v1/auth/sessions', as: first });
    const items = list.json().items as { id: string; current: boolean }[];
    expect(items).toHaveLength(2);
    expect(items.filter((s) => s.current)).toHaveLength(1);
    const secondId = items.find((s) => !s.current)!.id;

    const foreign = await t.request({
      method: 'DELETE',
      url: `/api/v1/auth/sessions/${secondId}`,
      as: otherCaller,
    });
    expect(foreign.statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: '/api/v1/auth/me', as: second })).statusCode).toBe(200);

    const end = await t.request({ method: 'DELETE', url: `/api/v1/auth/sessions/${secondId}`, as: first });
    expect(end.statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: '/api/v1/auth/me', as: second })).statusCode).toBe(401);
    expect((await t.request({ method: 'GET', url: '/api/v1/auth/me', as: first })).statusCode).toBe(200);
  });
});

describe('password change', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false', ...accountOnly });
  });
  afterAll(() => t.close());

  it('applies the policy and names the broken rule', async () => {
    const user = await t.createUser({ roles: ['county_officer'], scope: county, username: 'zhangsan' });
    const caller = await t.sessionFor(user);
    const cases: [string, string][] = [
      ['Ab1#xyz', 'password.too_short'],
      ['abcdefgh12', 'password.too_few_classes'],
      ['Zhangsan#2026', 'password.contains_username'],
      ['P@ssw0rd', 'password.common'],
      [TEST_PASSWORD, 'password.reused'],
    ];
    for (const [next, code] of cases) {
      const response = await t.request({
        method: 'POST',
        url: '/api/v1/auth/password',
        payload: { current: TEST_PASSWORD, next },
        as: caller,
      });
      expect(response.statusCode, next).toBe(400);
      expect(response.json().error.code, next).toBe(code);
    }
    const wrongCurrent = await t.request({
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { current: 'Not#Mine123', next: 'Fresh#Start2027' },
      as: caller,
    });
    expect(wrongCurrent.json().error.code).toBe('auth.wrong_current_password');
  });

  it('changes the password, ends the other sessions and refuses the last five again', async () => {
    const user = await t.createUser({ roles: ['county_officer'], scope: county });
    const caller = (await t.login(user.username, TEST_PASSWORD)).caller!;
    const other = (await t.login(user.username, TEST_PASSWORD)).caller!;
    const passwords = [
      TEST_PASSWORD,
      'Second#Pass21',
      'Third#Pass321',
      'Fourth#Pass41',
      'Fifth#Pass521',
      'Sixth#Pass621',
    ];
    for (let i = 1; i < passwords.length; i++) {
      const response = await t.request({
        method: 'POST',
        url: '/api/v1/auth/password',
        payload: { current: passwords[i - 1], next: passwords[i] },
        as: caller,
      });
      expect(response.statusCode).toBe(200);
    }
    expect((await t.request({ method: 'GET', url: '/api/v1/auth/me', as: other })).statusCode).toBe(401);
    expect((await t.request({ method: 'GET', url: '/api/v1/auth/me', as: caller })).statusCode).toBe(200);
    // The five before the current one are refused; the first (six changes ago) is allowed again.
    for (const old of passwords.slice(1)) {
      const response = await t.request({
        method: 'POST',
        url: '/api/v1/auth/password',
        payload: { current: 'Sixth#Pass621', next: old },
        as: caller,
      });
      expect(response.json().error.code, old).toBe('password.reused');
    }
    const back = await t.request({
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { current: 'Sixth#Pass621', next: TEST_PASSWORD },
      as: caller,
    });
    expect(back.statusCode).toBe(200);
    expect((await t.login(user.username, TEST_PASSWORD)).response.statusCode).toBe(200);
    // About sixty scrypt hashes by design (each new password is checked against the last five), at
    // the tests' cost (TEST_PASSWORD_COST).
  }, 240_000);

  it('forces a change when the password is 90 days old, and allows nothing else until then', async () => {
    const user = await t.createUser({ roles: ['county_officer'], scope: county });
    t.clock.advance(90 * 24 * 60 * MINUTE);
    const { response, caller } = await t.login(user.username, TEST_PASSWORD);
    expect(response.json().mustChangePassword).toBe(true);
    const blocked = await t.request({ method: 'GET', url: '/api/v1/users', as: caller! });
    expect(blocked.statusCode).toBe(403);
    const list = await t.request({ method: 'GET', url: '/api/v1/auth/sessions', as: caller! });
    expect(list.statusCode).toBe(200);
    const change = await t.request({
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { current: TEST_PASSWORD, next: 'Renewed#2027x' },
      as: caller!,
    });
    expect(change.statusCode).toBe(200);
    const me = await t.request({ method: 'GET', url: '/api/v1/auth/me', as: caller! });
    expect(me.json().mustChangePassword).toBe(false);
  });
});

describe('TOTP second factor', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'true', ...accountOnly });
  });
  afterAll(() => t.close());

  it('makes bureau staff enrol before anything else, then asks for a code at every sign-in', async () => {
    const user = await t.createUser({ roles: ['county_officer'], scope: county });
    const first = await t.login(user.username, TEST_PASSWORD);
    expect(first.response.statusCode).toBe(200);
    expect(first.response.json().mustEnrolTotp).toBe(true);
    const caller = first.caller!;
    const blocked = await t.request({ method: 'GET', url: '/api/v1/roles', as: caller });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('auth.totp_enrolment_required');

    const setup = await t.request({ method: 'POST', url: '/api/v1/auth/totp/setup', as: caller });
    expect(setup.statusCode).toBe(200);
    const { secret, otpauthUrl, qrDataUrl } = setup.json();
    expect(otpauthUrl).toContain(`secret=${secret}`);
    expect(qrDataUrl.startsWith('data:image/png;base64,')).toBe(true);
    const wrong = await t.request({
      method: 'POST',
      url: '/api/v1/auth/totp/confirm',
      payload: { code: '000000' },
      as: caller,
    });
    expect(wrong.json().error.code).toBe('auth.totp_invalid');
    const enrolled = { ...user, totpSecret: secret as string };
    const confirm = await t.request({
      method: 'POST',
      url: '/api/v1/auth/totp/confirm',
      payload: { code: t.totpFor(enrolled) },
      as: caller,
    });
    expect(confirm.statusCode).toBe(200);
    expect(
      (await t.request({ method: 'GET', url: '/api/v1/auth/me', as: caller })).json().mustEnrolTotp,
    ).toBe(false);

    t.clock.advance(30_000);
    const noCode = await t.login(user.username, TEST_PASSWORD);
    expect(noCode.response.statusCode).toBe(401);
    expect(noCode.response.json().error.code).toBe('auth.totp_required');
    const code = t.totpFor(enrolled);
    expect((await t.login(user.username, TEST_PASSWORD, code)).response.statusCode).toBe(200);
    const replay = await t.login(user.username, TEST_PASSWORD, code);
    expect(replay.response.statusCode).toBe(401);
    expect(replay.response.json().error.code).toBe('auth.totp_reused');
    t.clock.advance(30_000);
    expect((await t.login(user.username, TEST_PASSWORD, t.totpFor(enrolled))).response.statusCode).toBe(200);
  });

  it('counts wrong codes towards the lock-out', async () => {
    const user = await t.createUser({ roles: ['county_officer'], scope: county, totp: true });
    for (let i = 0; i < 5; i++) {
      const response = await t.login(user.username, TEST_PASSWORD, '123456');
      expect(response.response.json().error.code).toBe('auth.totp_invalid');
    }
    const locked = await t.login(user.username, TEST_PASSWORD, t.totpFor(user));
    expect(locked.response.json().error.code).toBe('auth.invalid_credentials');
  });

  it('does not ask enterprise safety managers for TOTP', async () => {
    const user = await t.createUser({
      roles: ['enterprise_manager'],
      scope: { kind: 'enterprise', enterpriseId: '6f1d2a52-8f0e-4c3e-9a51-0e7f3d9b1c11', county: '530403' },
    });
    const { response } = await t.login(user.username, TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    expect(response.json().mustEnrolTotp).toBe(false);
  });
});
