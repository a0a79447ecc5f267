import { execFile } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../platform/clock.ts';
import { loadConfig } from '../../platform/config.ts';
import { createPool, ensureAppRole, type Db } from '../../platform/db.ts';
import {
  createTestContext,
  createTestDatabase,
  TEST_FIELD_KEY,
  TEST_PASSWORD,
} from '../../../test/test-app.ts';
import { GENESIS_HASH, legacyDigest, type AuditRecord } from './audit-chain.ts';
import { createAuditChain, createAuditRepository } from './index.ts';
import { scratchDir } from '../../../test/scratch.ts';

const run = promisify(execFile);
const serverRoot = path.resolve(import.meta.dirname, '../../..');
const K1 = `k1:${'5a'.repeat(32)}`;
const K2 = `k2:${'6b'.repeat(32)}`;

function record(i: number): AuditRecord {
  return {
    at: new Date(Date.UTC(2026, 10, 29, 2, 0, i)),
    actorId: null,
    actorName: `user${i}`,
    roles: [],
    scope: 'public',
    action: 'auth.login',
    target: null,
    ip: '10.0.0.1',
    userAgent: 'test',
    outcome: 'success',
    status: 200,
    detail: null,
  };
}

describe('the keyed audit chain: legacy entries, key rotation, checkpoints export', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataDir: string;
  const chainWith = (keys: string) => {
    const config = loadConfig({
      DATA_DIR: dataDir,
      DATABASE_URL: database.url,
      FIELD_ENCRYPTION_KEY: TEST_FIELD_KEY,
      AUDIT_HMAC_KEYS: keys,
    });
    const chain = createAuditChain({ db: database.db, clock: createManualClock(record(9).at), config });
    return { chain, audit: createAuditRepository(database.db, chain.keys), config };
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = scratchDir('anjian-audit-chain-');
  });
  afterAll(async () => {
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('verifies entries written before the chain was keyed, up to the boundary the migration marked', async () => {
    // A database from before migration 0026: three entries hashed with plain SM3.
    let prev = GENESIS_HASH;
    const client = await database.db.connect();
    try {
      await client.query('BEGIN');
      for (let seq = 1; seq <= 3; seq++) {
        const hash = legacyDigest(seq, record(seq), prev);
        await client.query(
          `INSERT INTO audit_log (seq, at, actor_name, roles, scope, action, ip, user_agent, outcome, status, prev_hash, hash)
           VALUES ($1, $2, $3, '{}', 'public', 'auth.login', '10.0.0.1', 'test', 'success', 200, $4, $5)`,
          [seq, record(seq).at, `user${seq}`, prev, hash],
        );
        prev = hash;
      }
      await client.query('ALTER TABLE audit_chain_marks DISABLE TRIGGER audit_chain_marks_append_only');
      await client.query("UPDATE audit_chain_marks SET seq = 3 WHERE name = 'legacy_until'");
      await client.query('ALTER TABLE audit_chain_marks ENABLE TRIGGER audit_chain_marks_append_only');
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    const { chain, audit } = chainWith(K1);
    await audit.append(record(4));
    await audit.append(record(5));
    const keyIds = await database.db.query('SELECT seq, key_id FROM audit_log ORDER BY seq');
    expect(keyIds.rows.map((r) => r.key_id)).toEqual([null, null, null, 'k1', 'k1']);
    expect(await chain.verify()).toEqual({ ok: true, checked: 5, checkpoints: 0 });
  });

  it('rotates the key: new entries name the new key, older ones still verify with theirs', async () => {
    const { chain, audit } = chainWith(`${K1},${K2}`);
    await audit.append(record(6));
    const last = await database.db.query('SELECT key_id FROM audit_log WHERE seq = 6');
    expect(last.rows[0].key_id).toBe('k2');
    expect(await chain.verify()).toEqual({ ok: true, checked: 6, checkpoints: 0 });
    // Without the old key the entries it signed cannot be checked, and verify says so.
    expect(await chainWith(K2).chain.verify()).toEqual({
      ok: false,
      checked: 3,
      brokenSeq: 4,
      reason: 'entry signed with key k1, which is not configured',
    });
  });

  it('exports the signed checkpoints with `npm run cli -- audit checkpoint export`', async () => {
    const { chain, config } = chainWith(`${K1},${K2}`);
    const taken = await chain.checkpoints.take();
    expect(taken).toMatchObject({ headSeq: 6, entryCount: 6, legacyUntil: 3, keyId: 'k2' });
    expect(await chain.checkpoints.take()).toBeNull();
    expect(readFileSync(config.audit.checkpointFile, 'utf8')).toBe(`${JSON.stringify(taken)}\n`);
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'src/cli.ts', 'audit', 'checkpoint', 'export'],
      {
        cwd: serverRoot,
        env: {
          ...process.env,
          DATABASE_URL: database.url,
          DATA_DIR: dataDir,
          FIELD_ENCRYPTION_KEY: TEST_FIELD_KEY,
          AUDIT_HMAC_KEYS: `${K1},${K2}`,
        },
      },
    );
    expect(stdout).toBe(`${JSON.stringify(taken)}\n`);
  });

  it('audits a rotation run from the command line in the name of the operating-system user', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'rotate-field-key'], {
      cwd: serverRoot,
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        DATA_DIR: dataDir,
        FIELD_ENCRYPTION_KEY: TEST_FIELD_KEY,
        AUDIT_HMAC_KEYS: `${K1},${K2}`,
        SUDO_USER: 'ops-zhang',
      },
    });
    expect(stdout).toContain('Sealed again with key k1: 0 values');
    const entry = await database.db.query(
      'SELECT actor_name, action, detail, key_id FROM audit_log ORDER BY seq DESC LIMIT 1',
    );
    expect(entry.rows[0]).toEqual({
      actor_name: 'cli:ops-zhang',
      action: 'maintenance.field_key_rotate',
      detail: 'key k1: 0 values sealed again, 0 unreadable',
      key_id: 'k2',
    });
    expect(await chainWith(`${K1},${K2}`).chain.verify()).toMatchObject({ ok: true, checked: 7 });
  });
});

describe('the application’s restricted database role', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let appDb: Db;
  let t: Awaited<ReturnType<typeof createTestContext>>;

  beforeAll(async () => {
    database = await createTestDatabase();
    expect(await ensureAppRole(database.db, { role: 'anjian_app', password: null })).toBe(true);
    appDb = createPool(database.url, 4, 'anjian_app');
    t = await createTestContext(
      { AUTH_TOTP_REQUIRED: 'false', AUDIT_HMAC_KEYS: K1 },
      { db: appDb, url: database.url, drop: () => database.drop() },
    );
  });
  afterAll(() => t.close());

  it('runs the application: sign-in is audited, and health names the role', async () => {
    await t.createUser({ roles: ['sysadmin'], scope: { kind: 'city' }, username: 'rolecheck' });
    const login = await t.login('rolecheck', TEST_PASSWORD);
    expect(login.response.statusCode).toBe(200);
    const logged = await appDb.query(
      "SELECT count(*)::int AS n FROM audit_log WHERE actor_name = 'rolecheck'",
    );
    expect(logged.rows[0].n).toBe(1);
    const health = await t.request({ method: 'GET', url: '/api/v1/health' });
    expect(health.json()).toMatchObject({ database: 'ok', databaseRole: 'anjian_app' });
  });

  it('may add to and read the audit tables, never change, empty or unguard them', async () => {
    await expect(appDb.query("UPDATE audit_log SET detail = 'x'")).rejects.toThrow(/permission denied/);
    await expect(appDb.query('DELETE FROM audit_log')).rejects.toThrow(/permission denied/);
    await expect(appDb.query('TRUNCATE audit_log')).rejects.toThrow(/permission denied/);
    await expect(appDb.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only')).rejects.toThrow(
      /must be owner/,
    );
    await expect(appDb.query('DROP TABLE audit_log')).rejects.toThrow(/must be owner/);
    await expect(appDb.query('DELETE FROM audit_checkpoints')).rejects.toThrow(/permission denied/);
    await expect(appDb.query('TRUNCATE audit_checkpoints')).rejects.toThrow(/permission denied/);
    await expect(
      appDb.query("INSERT INTO audit_chain_marks (name, seq) VALUES ('legacy_until_2', 99)"),
    ).rejects.toThrow(/permission denied/);
    // PostgreSQL 16+ says "permission denied to alter role"; 15 says "must be superuser to alter …".
    await expect(appDb.query('ALTER ROLE anjian_app SUPERUSER')).rejects.toThrow(
      /permission denied|must be superuser/,
    );
    const chain = createAuditChain({ db: appDb, clock: t.clock, config: t.config });
    expect(await chain.checkpoints.take()).toMatchObject({ headSeq: 1, entryCount: 1 });
    expect(await chain.verify()).toEqual({ ok: true, checked: 1, checkpoints: 1 });
  });
});
