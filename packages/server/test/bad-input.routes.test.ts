import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Caller, type TestContext } from './test-app.ts';

/**
 * Malformed requests against the two doors that take the most untrusted input: sign-in and user
 * creation. Each answers a 4xx with a stable code, never a 5xx, and stores nothing.
 */
interface BadCase {
  name: string;
  body: string;
  contentType?: string;
  status: number;
  code: string;
}

const json = (value: unknown) => JSON.stringify(value);
const huge = 'a'.repeat(1024 * 1024);
const validUser = {
  username: 'lisi',
  displayName: '李四',
  roles: ['county_officer'],
  scope: { kind: 'county', counties: ['530403'] },
};

const loginCases: BadCase[] = [
  {
    name: 'wrong types',
    body: json({ username: 123, password: true }),
    status: 400,
    code: 'request.invalid',
  },
  { name: 'missing fields', body: json({}), status: 400, code: 'request.invalid' },
  { name: 'missing password', body: json({ username: 'admin' }), status: 400, code: 'request.invalid' },
  {
    name: 'unknown field',
    body: json({ username: 'admin', password: 'x', role: 'sysadmin' }),
    status: 400,
    code: 'request.invalid',
  },
  {
    name: '1 MB string',
    body: json({ username: huge, password: 'x' }),
    status: 413,
    code: 'request.too_large',
  },
  {
    name: '100 kB string',
    body: json({ username: huge.slice(0, 100_000), password: 'x' }),
    status: 400,
    code: 'request.invalid',
  },
  { name: 'invalid JSON', body: '{"username": "admin", ', status: 400, code: 'request.invalid_json' },
  { name: 'empty body', body: '', status: 400, code: 'request.invalid_json' },
  { name: 'JSON null', body: 'null', status: 400, code: 'request.invalid' },
  { name: 'JSON array', body: json([{ username: 'admin' }]), status: 400, code: 'request.invalid' },
  {
    name: 'prototype pollution',
    body: '{"username":"a","password":"b","__proto__":{"admin":true}}',
    status: 400,
    code: 'request.invalid_json',
  },
  {
    name: 'SQL fragment',
    body: json({ username: "admin' OR '1'='1", password: "' OR 1=1 --" }),
    status: 401,
    code: 'auth.invalid_credentials',
  },
  {
    name: 'script fragment',
    body: json({ username: '<script>alert(1)</script>', password: 'x' }),
    status: 401,
    code: 'auth.invalid_credentials',
  },
  {
    name: 'NUL character',
    body: json({ username: 'adm\u0000in', password: 'x' }),
    status: 400,
    code: 'request.invalid',
  },
  {
    name: 'TOTP not six digits',
    body: json({ username: 'admin', password: 'x', totp: '12ab56' }),
    status: 400,
    code: 'request.invalid',
  },
  {
    name: 'text/plain',
    body: json({ username: 'admin', password: 'x' }),
    contentType: 'text/plain',
    status: 415,
    code: 'request.unsupported_media_type',
  },
  {
    name: 'form encoded',
    body: 'username=admin&password=x',
    contentType: 'application/x-www-form-urlencoded',
    status: 415,
    code: 'request.unsupported_media_type',
  },
  {
    name: 'multipart',
    body: '--b\r\nContent-Disposition: form-data; name="username"\r\n\r\nadmin\r\n--b--',
    contentType: 'multipart/form-data; boundary=b',
    status: 415,
    code: 'request.unsupported_media_type',
  },
];

const userCases: BadCase[] = [
  {
    name: 'wrong types',
    body: json({ ...validUser, roles: 'county_officer' }),
    status: 400,
    code: 'request.invalid',
  },
  {
    name: 'missing scope',
    body: json({ ...validUser, scope: undefined }),
    status: 400,
    code: 'request.invalid',
  },
  {
    name: 'unknown field',
    body: json({ ...validUser, status: 'active', passwordHash: 'x' }),
    status: 400,
    code: 'request.invalid',
  },
  {
    name: 'unknown scope field',
    body: json({ ...validUser, scope: { kind: 'city', counties: ['530403'] } }),
    status: 400,
    code: 'request.invalid',
  },
  {
    name: 'county not in Yuxi',
    body: json({ ...validUser, scope: { kind: 'county', counties: ['110101'] } }),
    status: 400,
    code: 'request.invalid',
  },
  { name: 'empty role list', body: json({ ...validUser, roles: [] }), status: 400, code: 'request.invalid' },
  {
    name: 'unknown role',
    body: json({ ...validUser, roles: ['god'] }),
    status: 400,
    code: 'user.unknown_role',
  },
  {
    name: 'administrator role combined',
    body: json({ ...validUser, roles: ['sysadmin', 'county_officer'] }),
    status: 400,
    code: 'user.admin_role_exclusive',
  },
  { name: 'bad phone', body: json({ ...validUser, phone: '12345' }), status: 400, code: 'request.invalid' },
  {
    name: '1 MB display name',
    body: json({ ...validUser, displayName: huge }),
    status: 413,
    code: 'request.too_large',
  },
  {
    name: 'long display name',
    body: json({ ...validUser, displayName: '长'.repeat(65) }),
    status: 400,
    code: 'request.invalid',
  },
  {
    name: 'SQL in username',
    body: json({ ...validUser, username: "x'; DROP TABLE users; --" }),
    status: 400,
    code: 'request.invalid',
  },
  {
    name: 'script in username',
    body: json({ ...validUser, username: '<img src=x onerror=alert(1)>' }),
    status: 400,
    code: 'request.invalid',
  },
  { name: 'invalid JSON', body: '{"username": ', status: 400, code: 'request.invalid_json' },
  {
    name: 'text/plain',
    body: json(validUser),
    contentType: 'text/plain',
    status: 415,
    code: 'request.unsupported_media_type',
  },
];

describe('bad input', () => {
  let t: TestContext;
  let admin: Caller;
  const counts = async () => {
    const rows = await t.db.query<{ users: number; sessions: number }>(
      'SELECT (SELECT count(*)::int FROM users) AS users, (SELECT count(*)::int FROM sessions) AS sessions',
    );
    return rows.rows[0]!;
  };

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    admin = await t.sessionFor(
      await t.createUser({ roles: ['sysadmin'], scope: { kind: 'city' }, username: 'admin' }),
    );
  });
  afterAll(() => t.close());

  const send = (url: string, item: BadCase, as: Caller | null) =>
    t.request({
      method: 'POST',
      url,
      payload: item.body,
      headers: { 'content-type': item.contentType ?? 'application/json' },
      as,
    });

  for (const item of loginCases) {
    it(`login, ${item.name} → ${item.status} ${item.code}`, async () => {
      const before = await counts();
      const response = await send('/api/v1/auth/login', item, null);
      expect(response.statusCode).toBe(item.status);
      expect(response.json().error.code).toBe(item.code);
      expect(response.json().error.message).toMatch(/[\u4e00-\u9fff]/);
      expect(await counts()).toEqual(before);
    });
  }

  for (const item of userCases) {
    it(`create user, ${item.name} → ${item.status} ${item.code}`, async () => {
      const before = await counts();
      const response = await send('/api/v1/users', item, admin);
      expect(response.statusCode).toBe(item.status);
      expect(response.json().error.code).toBe(item.code);
      expect(await counts()).toEqual(before);
    });
  }

  it('names the fields at fault, in English when asked', async () => {
    const response = await t.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: { ...validUser, username: 'ab', scope: { kind: 'county', counties: [] }, extra: 1 },
      headers: { 'accept-language': 'en-US,en;q=0.9' },
      as: admin,
    });
    expect(response.statusCode).toBe(400);
    const error = response.json().error;
    expect(error.message).toBe('The request is invalid');
    expect(error.fields.map((f: { path: string }) => f.path).sort()).toEqual([
      '',
      'scope.counties',
      'username',
    ]);
    expect(error.fields.find((f: { path: string }) => f.path === '').message).toBe('Unknown field(s): extra');
  });

  it('tells a wrong type from a missing field', async () => {
    const { username: _missing, ...withoutUsername } = validUser;
    const response = await send(
      '/api/v1/users',
      {
        name: 'wrong type',
        body: json({ ...withoutUsername, displayName: 12 }),
        status: 400,
        code: 'request.invalid',
      },
      admin,
    );
    expect(response.statusCode).toBe(400);
    const fields = response.json().error.fields as { path: string; code: string; message: string }[];
    expect(fields.sort((a, b) => a.path.localeCompare(b.path))).toEqual([
      { path: 'displayName', code: 'invalid_type', message: '类型应为文本' },
      { path: 'username', code: 'invalid_type', message: '必填' },
    ]);
  });

  it('refuses a NUL character in the query string too', async () => {
    const response = await t.request({ method: 'GET', url: '/api/v1/users?q=a%00b', as: admin });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([
      { path: 'querystring.q', code: 'nul_character', message: 'U+0000' },
    ]);
  });

  it('refuses a lone UTF-16 surrogate in a text field with 400 and stores nothing', async () => {
    for (const displayName of ['李\ud800四', '李\udfff', '\udc00李']) {
      const before = await counts();
      const response = await t.request({
        method: 'POST',
        url: '/api/v1/users',
        payload: JSON.stringify({ ...validUser, username: 'surrogate', displayName }),
        headers: { 'content-type': 'application/json' },
        as: admin,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('request.invalid');
      expect(response.json().error.fields).toEqual([
        { path: 'displayName', code: 'lone_surrogate', message: 'U+D800–U+DFFF (lone surrogate)' },
      ]);
      expect(await counts()).toEqual(before);
    }
    // Deep in a body, the path names where: the array index and the key, outside in.
    const nested = await t.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: JSON.stringify({
        ...validUser,
        username: 'surrogatedeep',
        scope: { kind: 'county', counties: ['530403', '5304\ud8000'] },
      }),
      headers: { 'content-type': 'application/json' },
      as: admin,
    });
    expect(nested.statusCode).toBe(400);
    expect(nested.json().error.fields).toEqual([
      { path: 'scope.counties.1', code: 'lone_surrogate', message: 'U+D800–U+DFFF (lone surrogate)' },
    ]);
    // A proper pair (an emoji, a rare CJK character outside the BMP) is text like any other.
    const pair = await t.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: { ...validUser, username: 'surrogatepair', displayName: '𠀀李四🙂' },
      as: admin,
    });
    expect(pair.statusCode).toBeLessThan(300);
  });

  it('refuses a body sent to a route that takes none, and changes nothing', async () => {
    const user = await t.createUser({ roles: ['county_officer'], scope: { kind: 'city' } });
    const caller = await t.sessionFor(user);
    const me = async () =>
      (await t.request({ method: 'GET', url: '/api/v1/auth/me', as: caller })).statusCode;
    for (const payload of [{ everywhere: true }, [1], 'text', 42]) {
      const response = await t.request({
        method: 'POST',
        url: '/api/v1/auth/logout',
        payload: JSON.stringify(payload),
        headers: { 'content-type': 'application/json' },
        as: caller,
      });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().error).toEqual({
        code: 'request.unexpected_body',
        message: '该接口不接受请求体',
      });
    }
    // The session was not ended by any of them.
    expect(await me()).toBe(200);
    // Without a body (or an empty object), the same request does what it says.
    const done = await t.request({ method: 'POST', url: '/api/v1/auth/logout', payload: {}, as: caller });
    expect(done.statusCode).toBe(200);
    expect(await me()).toBe(401);
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const response = await t.request({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: { code: 'route.not_found', message: '接口不存在' } });
  });

  it('sets the security headers and no-store on API answers', async () => {
    const response = await t.request({ method: 'GET', url: '/api/v1/health' });
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(response.headers['content-security-policy']).toContain("object-src 'none'");
    expect(response.headers['content-security-policy']).toContain("base-uri 'none'");
    expect(response.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  });
});
