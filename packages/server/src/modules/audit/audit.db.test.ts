import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  TEST_FIELD_KEY,
  TEST_PASSWORD,
  type TestContext,
} from '../../../test/test-app.ts';

const run = promisify(execFile);
const serverRoot = path.resolve(import.meta.dirname, '../../..');

export const TEST_AUDIT_KEYS = `k1:${'5a'.repeat(32)}`;

async function auditVerifyCli(
  databaseUrl: string,
  dataDir: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', 'src/cli.ts', 'audit', 'verify'],
      {
        cwd: serverRoot,
        env: {
          ...process.env,
          DATABASE_URL: databaseUrl,
          DATA_DIR: dataDir,
          FIELD_ENCRYPTION_KEY: TEST_FIELD_KEY,
          AUDIT_HMAC_KEYS: TEST_AUDIT_KEYS,
        },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('audit log', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false', AUDIT_HMAC_KEYS: TEST_AUDIT_KEYS });
  });
  afterAll(() => t.close());

  it('records logins, failures and state changes with who, role, scope, action, target, IP and outcome', async () => {
    const admin = await t.createUser({ roles: ['sysadmin'], scope: { kind: 'city' }, username: 'auditme' });
    await t.login('auditme', 'Wrong#Pass123');
    const { caller } = await t.login('auditme', TEST_PASSWORD);
    const created = await t.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: {
        username: 'wangwu',
        displayName: '王五',
        roles: ['county_officer'],
        scope: { kind: 'county', counties: ['530403'] },
      },
      as: caller,
    });
    expect(created.statusCode).toBe(201);
    await t.request({ method: 'POST', url: '/api/v1/auth/logout', as: caller });

    const rows = await t.db.query(
      `SELECT actor_id, actor_name, roles, scope, action, target, ip, outcome, status, detail
       FROM audit_log WHERE actor_name IN ('auditme') ORDER BY seq`,
    );
    expect(rows.rows).toEqual([
      {
        actor_id: null,
        actor_name: 'auditme',
        roles: [],
        scope: 'public',
        action: 'auth.login',
        target: null,
        ip: '127.0.0.1',
        outcome: 'denied',
        status: 401,
        detail: null,
      },
      {
        actor_id: null,
        actor_name: 'auditme',
        roles: [],
        scope: 'public',
        action: 'auth.login',
        target: admin.id,
        ip: '127.0.0.1',
        outcome: 'success',
        status: 200,
        detail: null,
      },
      {
        actor_id: admin.id,
        actor_name: 'auditme',
        roles: ['sysadmin'],
        scope: 'city',
        action: 'user.create',
        target: created.json().user.id,
        ip: '127.0.0.1',
        outcome: 'success',
        status: 201,
        detail: 'wangwu roles=county_officer',
      },
      {
        actor_id: admin.id,
        actor_name: 'auditme',
        roles: ['sysadmin'],
        scope: 'city',
        action: 'auth.logout',
        target: null,
        ip: '127.0.0.1',
        outcome: 'success',
        status: 200,
        detail: null,
      },
    ]);
  });

  it('escapes control characters so a forged line cannot be injected', async () => {
    await t.login('evil\r\nadmin login ok', 'Wrong#Pass123');
    const row = await t.db.query("SELECT actor_name FROM audit_log WHERE actor_name LIKE 'evil%'");
    expect(row.rows[0].actor_name).toBe('evil\\u000d\\u000aadmin login ok');
  });

  it('refuses UPDATE and DELETE on the log from the application’s database role', async () => {
    await expect(t.db.query("UPDATE audit_log SET actor_name = 'x'")).rejects.toThrow(/append-only/);
    await expect(t.db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
  });

  it('lets only the audit administrator read, filter, export and verify it', async () => {
    const auditor = await t.createUser({ roles: ['auditadmin'], scope: { kind: 'city' } });
    const caller = await t.sessionFor(auditor);
    const page = await t.request({
      method: 'GET',
      url: '/api/v1/audit?action=user.create&pageSize=5',
      as: caller,
    });
    expect(page.statusCode).toBe(200);
    expect(page.json().total).toBe(1);
    expect(page.json().items[0].detail).toBe('wangwu roles=county_officer');
    const xlsx = await t.request({ method: 'GET', url: '/api/v1/audit/export?outcome=denied', as: caller });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const verify = await t.request({ method: 'GET', url: '/api/v1/audit/verify', as: caller });
    expect(verify.json()).toMatchObject({ ok: true });
  });

  it('`audit verify` says OK, then names the entry an UPDATE in the database changed', async () => {
    const before = await auditVerifyCli(t.dbUrl, t.config.dataDir);
    expect(before.code).toBe(0);
    expect(before.stdout).toMatch(/^OK: \d+ audit entries, chain intact; 0 checkpoints hold/);

    const victim = await t.db.query<{ seq: number }>(
      "SELECT seq FROM audit_log WHERE action = 'user.create'",
    );
    const seq = victim.rows[0]!.seq;
    // An intruder with database rights: switch the guard off and rewrite one entry.
    await t.db.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    await t.db.query("UPDATE audit_log SET detail = 'nothing happened' WHERE seq = $1", [seq]);
    await t.db.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');

    const after = await auditVerifyCli(t.dbUrl, t.config.dataDir);
    expect(after.code).toBe(1);
    expect(after.stderr).toContain(`BROKEN at entry ${seq}: content does not match its hash`);
  });

  it('names a deleted entry, before any later break', async () => {
    const count = await t.db.query<{ max: number }>('SELECT max(seq)::int AS max FROM audit_log');
    const last = count.rows[0]!.max;
    await t.db.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    await t.db.query('DELETE FROM audit_log WHERE seq = 2');
    await t.db.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
    const after = await auditVerifyCli(t.dbUrl, t.config.dataDir);
    expect(after.code).toBe(1);
    expect(after.stderr).toContain('BROKEN at entry 2: missing entry');
    expect(last).toBeGreaterThan(2);
  });
});
