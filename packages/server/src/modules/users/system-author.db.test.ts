import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';
import { systemUserId } from './system-author.ts';

describe('one system author for automatic and demo records', () => {
  let t: TestContext;
  let admin: Caller;
  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    admin = await t.sessionFor(await t.createUser({ roles: ['sysadmin'], scope: { kind: 'city' } }));
  });
  afterAll(() => t.close());

  it('exists after the migrations, disabled, and the user list leaves it out', async () => {
    const rows = await t.db.query(`SELECT display_name, status FROM users WHERE username = 'system'`);
    expect(rows.rows).toEqual([{ display_name: '系统（自动记录）', status: 'disabled' }]);
    const list = (await t.request({ method: 'GET', url: '/api/v1/users?pageSize=200', as: admin })).json();
    expect(list.items.map((u: { username: string }) => u.username)).not.toContain('system');
    const searched = (await t.request({ method: 'GET', url: '/api/v1/users?q=system', as: admin })).json();
    expect(searched.total).toBe(0);
    const login = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'system', password: '!' },
    });
    expect(login.statusCode).toBeGreaterThanOrEqual(400);
    expect(login.statusCode).toBeLessThan(500);
  });

  it('migration 0019 moves the records of the old demo_enforcement author to system and removes it', async () => {
    const old = await t.db.query<{ id: string }>(
      `INSERT INTO users (username, display_name, scope_kind, status, password_hash)
       VALUES ('demo_enforcement', '演示数据（执法）', 'city', 'disabled', '!') RETURNING id`,
    );
    const oldId = old.rows[0]!.id;
    await t.db.query(
      `INSERT INTO uploads (content_type, size, sha256, data, county, uploaded_by, created_at)
       VALUES ('image/png', 1, 'x', '\\x00', '530402', $1, now())`,
      [oldId],
    );
    const sql = await readFile(
      new URL('../../../migrations/0019_system_author.sql', import.meta.url),
      'utf8',
    );
    await t.db.query(sql);
    const system = await systemUserId(t.db);
    const uploads = await t.db.query(`SELECT uploaded_by FROM uploads`);
    expect(uploads.rows).toEqual([{ uploaded_by: system }]);
    const gone = await t.db.query(`SELECT 1 FROM users WHERE username = 'demo_enforcement'`);
    expect(gone.rowCount).toBe(0);
  });
});
