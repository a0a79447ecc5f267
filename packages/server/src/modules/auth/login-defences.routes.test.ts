import type { DataScope } from '@anjian/domain';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, TEST_PASSWORD, type TestContext } from '../../../test/test-app.ts';
import { captchaAnswerHash } from './captcha.ts';

const county: DataScope = { kind: 'county', counties: ['530403'] };
const MINUTE = 60_000;
const WRONG = 'Wrong#Pass000';

/**
 * Issue 19, defect 6: per-IP and global throttling with a captcha, kept in PostgreSQL so that
 * several processes share it; wrong current passwords count toward the lock-out; and defect 8:
 * the number of sessions per user is limited.
 */
describe('sign-in defences', () => {
  let t: TestContext;
  let ipSeq = 0;
  /** A fresh address per test, so that tests do not share an IP's count. */
  let ip: string;
  beforeAll(async () => {
    t = await createTestContext({
      AUTH_TOTP_REQUIRED: 'false',
      LOGIN_CAPTCHA_AFTER_FAILURES: '3',
      LOGIN_IP_MAX_FAILURES: '6',
      LOGIN_GLOBAL_MAX_FAILURES: '12',
      LOGIN_WINDOW_MINUTES: '15',
      LOGIN_CAPTCHA_TTL_SECONDS: '120',
      SESSION_MAX_PER_USER: '2',
    });
  });
  afterAll(() => t.close());
  beforeEach(() => {
    // Every test starts after the previous one's failures have left the window.
    t.clock.advance(16 * MINUTE);
    ipSeq += 1;
    ip = `198.51.100.${ipSeq}`;
  });

  const signIn = (username: string, password: string, extra: object = {}, from = ip, app = t.app) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password, ...extra },
      remoteAddress: from,
    });

  /** A captcha made through the API whose answer the test then knows (its stored hash replaced). */
  async function captcha(answer = 'k7pw'): Promise<{ captchaId: string; captchaAnswer: string }> {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/captcha', remoteAddress: ip });
    expect(response.statusCode).toBe(200);
    const { id } = response.json();
    await t.db.query('UPDATE login_captchas SET answer_hash = $2 WHERE id = $1', [
      id,
      captchaAnswerHash(id, answer),
    ]);
    return { captchaId: id, captchaAnswer: answer };
  }

  const eventsOf = async (kind: string) =>
    (
      await t.db.query<{ ip: string | null; username: string | null }>(
        'SELECT ip, username FROM security_events WHERE kind = $1 AND at >= $2 ORDER BY id',
        [kind, new Date(t.clock.now().getTime() - 15 * MINUTE)],
      )
    ).rows;

  it('asks for a captcha after 3 failures from one address, even with the right password', async () => {
    const user = await t.createUser({ roles: ['county_officer'], scope: county });
    for (let i = 0; i < 3; i++) expect((await signIn(user.username, WRONG)).statusCode).toBe(401);
    const asked = await signIn(user.username, TEST_PASSWORD);
    expect(asked.statusCode).toBe(401);
    expect(asked.json().error.code).toBe('auth.captcha_required');
    // Another address, for another account, is not affected.
    const other = await t.createUser({ roles: ['county_officer'], scope: county });
    expect((await signIn(other.username, TEST_PASSWORD, {}, '203.0.113.250')).statusCode).toBe(200);
  });

  it('serves a picture captcha, stores only a hash of its answer, and takes each one once', async () => {
    const user = await t.createUser({ roles: ['county_officer'], scope: county });
    for (let i = 0; i < 3; i++) await signIn(user.username, WRONG);
    const drawn = await t.app.inject({ method: 'POST', url: '/api/v1/auth/captcha', remoteAddress: ip });
    expect(drawn.json().image).toMatch(/^data:image\/svg\+xml;base64,/);
    const stored = await t.db.query<{ answer_hash: string }>(
      'SELECT answer_hash FROM login_captchas WHERE id = $1',
      [drawn.json().id],
    );
    expect(stored.rows[0]!.answer_hash).toMatch(/^[0-9a-f]{64}$/);

    const right = await captcha('k7pw');
    const accepted = await signIn(user.username, TEST_PASSWORD, { ...right, captchaAnswer: 'K7PW' });
    expect(accepted.statusCode).toBe(200);
    const replayed = await signIn(user.username, TEST_PASSWORD, right);
    expect(replayed.statusCode).toBe(401);
    expect(replayed.json().error.code).toBe('auth.captcha_invalid');
  });

  it('refuses a wrong or expired captcha, counts it as a failure and records a security event', async () => {
    const user = await t.createUser({ roles: ['county_officer'], scope: county });
    for (let i = 0; i < 3; i++) await signIn(user.username, WRONG);
    const wrong = await signIn(user.username, TEST_PASSWORD, {
      ...(await captcha('k7pw')),
      captchaAnswer: 'zzzz',
    });
    expect(wrong.json().error.code).toBe('auth.captcha_invalid');
    const old = await captcha('k7pw');
    t.clock.advance(121_000);
    const expired = await signIn(user.username, TEST_PASSWORD, old);
    expect(expired.json().error.code).toBe('auth.captcha_invalid');
    expect(await eventsOf('captcha_failed')).toEqual([
      { ip, username: user.username },
      { ip, username: user.username },
    ]);
    const failures = await t.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM login_failures WHERE ip = $1',
      [ip],
    );
    expect(failures.rows[0]!.n).toBe(5);
  });

  it('asks for a captcha for a username with 3 failures from any addresses, known or not alike', async () => {
    const user = await t.createUser({ roles: ['county_officer'], scope: county });
    for (const name of [user.username, 'no-such-account']) {
      for (let i = 0; i < 3; i++) await signIn(name, WRONG, {}, `192.0.2.${ipSeq * 10 + i}`);
      const asked = await signIn(name.toUpperCase(), TEST_PASSWORD, {}, `192.0.2.${ipSeq * 10 + 9}`);
      expect(asked.json().error.code).toBe('auth.captcha_required');
    }
  });

  it('throttles an address after 6 failures with 429 and Retry-After, shared by a second server process', async () => {
    const second = await t.anotherApp();
    try {
      for (let i = 0; i < 3; i++) await signIn('someone', WRONG);
      // Three more through the other process, as wrong captchas (each counts).
      for (let i = 0; i < 3; i++) {
        const answer = await signIn(
          'someone',
          WRONG,
          { ...(await captcha()), captchaAnswer: 'nope' },
          ip,
          second,
        );
        expect(answer.json().error.code).toBe('auth.captcha_invalid');
      }
      const user = await t.createUser({ roles: ['county_officer'], scope: county });
      const refused = await signIn(user.username, TEST_PASSWORD, await captcha());
      expect(refused.statusCode).toBe(429);
      expect(refused.json().error.code).toBe('auth.login_throttled');
      expect(Number(refused.headers['retry-after'])).toBe(15 * 60);
      expect((await signIn(user.username, TEST_PASSWORD, {}, ip, second)).statusCode).toBe(429);
      expect(await eventsOf('ip_throttled')).toEqual([{ ip, username: user.username }]);
      t.clock.advance(15 * MINUTE);
      expect((await signIn(user.username, TEST_PASSWORD)).statusCode).toBe(200);
    } finally {
      await second.close();
    }
  });

  it('asks everyone for a captcha while the whole platform sees 12 failures in the window', async () => {
    const user = await t.createUser({ roles: ['county_officer'], scope: county });
    for (let i = 0; i < 12; i++) await signIn(`spray${i}`, WRONG, {}, `10.${ipSeq}.0.${i}`);
    const asked = await signIn(user.username, TEST_PASSWORD, {}, '203.0.113.7');
    expect(asked.json().error.code).toBe('auth.captcha_required');
    expect((await signIn(user.username, TEST_PASSWORD, await captcha(), '203.0.113.7')).statusCode).toBe(200);
    expect((await eventsOf('global_throttled')).length).toBe(1);
  });

  it('counts wrong current passwords on the password change toward the lock-out, then ends the sessions', async () => {
    const user = await t.createUser({ roles: ['county_officer'], scope: county });
    const caller = await t.sessionFor(user);
    const change = (current: string) =>
      t.request({
        method: 'POST',
        url: '/api/v1/auth/password',
        payload: { current, next: 'Brand#New2027x' },
        as: caller,
      });
    for (let i = 0; i < 4; i++)
      expect((await change(`Guess#${i}xyz1`)).json().error.code).toBe('auth.wrong_current_password');
    const fifth = await change('Guess#5xyz1');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error.code).toBe('auth.account_locked');
    expect((await t.request({ method: 'GET', url: '/api/v1/auth/me', as: caller })).statusCode).toBe(401);
    const signInAfter = await signIn(user.username, TEST_PASSWORD);
    expect(signInAfter.json().error.code).toBe('auth.invalid_credentials');
    expect(await eventsOf('account_locked')).toContainEqual({ ip: '127.0.0.1', username: user.username });
  });

  it('keeps at most 2 sessions per user: a third sign-in ends the oldest', async () => {
    const user = await t.createUser({ roles: ['county_officer'], scope: county });
    const cookies: string[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await signIn(user.username, TEST_PASSWORD);
      expect(response.statusCode).toBe(200);
      cookies.push(`anjian_session=${response.cookies.find((c) => c.name === 'anjian_session')!.value}`);
      t.clock.advance(1_000);
    }
    const me = (cookie: string) =>
      t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect((await me(cookies[0]!)).statusCode).toBe(401);
    expect((await me(cookies[1]!)).statusCode).toBe(200);
    expect((await me(cookies[2]!)).statusCode).toBe(200);
    expect(await eventsOf('session_limit')).toEqual([{ ip, username: user.username }]);
  });
});
