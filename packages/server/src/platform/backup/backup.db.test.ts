import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync, truncateSync, writeFileSync, statSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createAuditChain, createAuditRepository } from '../../modules/audit/index.ts';
import { insertEnterprise, insertObject, insertPoint } from '../../../test/factories.ts';
import { withDatabase } from '../../../test/global-setup.ts';
import { createTestContext, TEST_FIELD_KEY, type TestContext } from '../../../test/test-app.ts';
import { loadConfig } from '../config.ts';
import { createFieldCipher, fieldKeyFingerprint } from '../crypto.ts';
import { createPool, type Db } from '../db.ts';
import { restoreBackup, takeBackup } from './backup.ts';
import { scratchDir } from '../../../test/scratch.ts';

const KEYS = `k1:${'7b'.repeat(32)}`;
const FIELD_KEYS = [fieldKeyFingerprint(TEST_FIELD_KEY)];
const PHONE = '13987654321';

/** A database with nothing in it (not even the migrations): what a fresh machine has. */
async function emptyDatabase(): Promise<{ db: Db; drop(): Promise<void> }> {
  const server = inject('pgServerUrl');
  const name = `anjian_t_${randomUUID().replace(/-/g, '')}`;
  const admin = new pg.Client({ connectionString: withDatabase(server, 'postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const db = createPool(withDatabase(server, name), 4);
  return {
    db,
    async drop() {
      await db.end();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

const count = async (db: Db, table: string) =>
  (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;

const tablesIn = async (db: Db) =>
  (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'"))
    .rows[0]!.n;

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = (await promise.then(
    () => null,
    (e: unknown) => e,
  )) as { code?: string } | null;
  return error?.code ?? 'no refusal';
}

describe('backup and restore without a PostgreSQL client (issue 19)', () => {
  let t: TestContext;
  let userId: string;
  const dir = scratchDir('anjian-backup-test-');
  const file = path.join(dir, 'under-load.backup');

  beforeAll(async () => {
    t = await createTestContext({ AUDIT_HMAC_KEYS: KEYS });
    userId = (await t.createUser({ roles: ['city_officer'], scope: { kind: 'city' }, phone: PHONE })).id;
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('restores a backup taken under write load into a fresh database: counts, audit chain, sealed phone', async () => {
    const enterpriseId = await insertEnterprise(t.db, {
      name: '备份测试企业',
      county: '530402',
      serial: 9101,
    });
    const objectId = await insertObject(t.db, { enterpriseId, county: '530402', name: '储罐区' });
    const pointId = await insertPoint(t.db, {
      code: 'BK-1',
      name: '可燃气体 1',
      objectId,
      enterpriseId,
      county: '530402',
    });
    const pointNo = (
      await t.db.query<{ no: number }>('SELECT no FROM monitoring_points WHERE id = $1', [pointId])
    ).rows[0]!.no;
    const chain = createAuditChain({ db: t.db, clock: t.clock, config: t.config });
    const audit = createAuditRepository(t.db, chain.keys);
    const entry = (i: number) => ({
      at: t.clock.now(),
      actorId: null,
      actorName: `loader${i}`,
      roles: ['city_officer'],
      scope: 'city',
      action: 'enterprise.update',
      target: null,
      ip: '10.0.0.9',
      userAgent: 'backup test',
      outcome: 'success' as const,
      status: 200,
      detail: `write ${i}`,
    });
    for (let i = 0; i < 5; i++) await audit.append(entry(i));
    expect(await chain.checkpoints.take()).not.toBeNull();

    // Write load: readings and audit entries, one by one, until the backup is over.
    let writing = true;
    let readings = 0;
    let entries = 5;
    const start = Date.parse('2026-11-29T00:00:00Z');
    const readingLoad = (async () => {
      while (writing) {
        await t.db.query('INSERT INTO readings (point_no, ts, value) VALUES ($1, $2, $3)', [
          pointNo,
          new Date(start + readings * 1000),
          readings % 100,
        ]);
        readings += 1;
      }
    })();
    const auditLoad = (async () => {
      while (writing) await audit.append(entry(entries++));
    })();
    while (readings < 200 || entries < 40) await new Promise((resolve) => setTimeout(resolve, 5));
    const before = { readings, entries };
    const { manifest } = await takeBackup(t.db, file, { clock: t.clock, fieldKeys: FIELD_KEYS });
    const during = { readings, entries };
    while (readings < during.readings + 50) await new Promise((resolve) => setTimeout(resolve, 5));
    writing = false;
    await Promise.all([readingLoad, auditLoad]);

    const rowsOf = (name: string) => manifest.tables.find((table) => table.name === name)!.rows;
    // The snapshot holds what was written before it, not what came after.
    expect(during.readings).toBeGreaterThan(before.readings);
    expect(rowsOf('readings')).toBeGreaterThanOrEqual(before.readings);
    expect(rowsOf('readings')).toBeLessThanOrEqual(during.readings);
    expect(rowsOf('audit_log')).toBeGreaterThanOrEqual(before.entries);
    expect(await count(t.db, 'readings')).toBeGreaterThan(rowsOf('readings'));
    expect(manifest.migrations.at(-1)).toMatch(/^\d{4}_/);

    const target = await emptyDatabase();
    const targetDir = scratchDir('anjian-backup-target-');
    try {
      const restored = await restoreBackup(target.db, file, { fieldKeys: FIELD_KEYS });
      expect(restored.migratedAfter).toEqual([]);
      for (const table of manifest.tables)
        expect([table.name, await count(target.db, table.name)]).toEqual([table.name, table.rows]);
      // The audit chain through the audit module's port, in a fresh DATA_DIR with the same keys.
      const config = loadConfig({
        DATA_DIR: targetDir,
        DATABASE_URL: 'postgres://unused/anjian',
        FIELD_ENCRYPTION_KEY: TEST_FIELD_KEY,
        AUDIT_HMAC_KEYS: KEYS,
      });
      const restoredChain = createAuditChain({ db: target.db, clock: t.clock, config });
      expect(await restoredChain.checkpoints.restoreFile()).toBe(true);
      expect(await restoredChain.verify()).toEqual({
        ok: true,
        checked: rowsOf('audit_log'),
        checkpoints: 1,
      });
      // Sealed fields come back readable with the same key; sequences go on after the restored rows.
      const sealed = await target.db.query<{ phone_enc: string }>(
        'SELECT phone_enc FROM users WHERE id = $1',
        [userId],
      );
      expect(createFieldCipher(TEST_FIELD_KEY).decrypt(sealed.rows[0]!.phone_enc)).toBe(PHONE);
      const next = await target.db.query<{ no: number }>(
        `INSERT INTO monitoring_points (code, name, object_id, enterprise_id, county, type, unit, range_min,
           range_max, expected_interval_seconds, created_at, updated_at)
         VALUES ('BK-2', '可燃气体 2', $1, $2, '530402', 'combustible_gas', '%LEL', 0, 100, 10, now(), now())
         RETURNING no`,
        [objectId, enterpriseId],
      );
      expect(next.rows[0]!.no).toBeGreaterThan(pointNo);
    } finally {
      await target.drop();
      rmSync(targetDir, { recursive: true, force: true });
    }
  });

  it('refuses a damaged, cut-short, newer or key-less backup and a database in use, writing nothing', async () => {
    const damaged = path.join(dir, 'damaged.backup');
    const original = readFileSync(file);
    const flipped = Buffer.from(original);
    flipped[Math.floor(flipped.length / 3)]! ^= 0xff;
    writeFileSync(damaged, flipped);
    const short = path.join(dir, 'short.backup');
    writeFileSync(short, original);
    truncateSync(short, statSync(short).size - 100);

    const folder = path.join(dir, 'as-directory') + '/';
    await takeBackup(t.db, folder, { clock: t.clock, fieldKeys: FIELD_KEYS });
    const manifestFile = path.join(folder, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { migrations: string[] };
    const newer = path.join(dir, 'newer') + '/';
    await takeBackup(t.db, newer, { clock: t.clock, fieldKeys: FIELD_KEYS });
    writeFileSync(
      path.join(newer, 'manifest.json'),
      JSON.stringify({ ...manifest, migrations: [...manifest.migrations, '9999_from_the_future.sql'] }),
    );

    const target = await emptyDatabase();
    try {
      expect(await refusal(restoreBackup(target.db, damaged, { fieldKeys: FIELD_KEYS }))).toBe(
        'backup.digest_mismatch',
      );
      expect(await refusal(restoreBackup(target.db, short, { fieldKeys: FIELD_KEYS }))).toBe(
        'backup.unreadable',
      );
      expect(await refusal(restoreBackup(target.db, newer, { fieldKeys: FIELD_KEYS }))).toBe(
        'backup.version_mismatch',
      );
      expect(await refusal(restoreBackup(target.db, folder, { fieldKeys: [] }))).toBe(
        'backup.field_key_missing',
      );
      expect(await refusal(restoreBackup(t.db, folder, { fieldKeys: FIELD_KEYS }))).toBe(
        'backup.target_not_empty',
      );
      expect(await refusal(takeBackup(t.db, file, { clock: t.clock, fieldKeys: FIELD_KEYS }))).toBe(
        'backup.target_exists',
      );
      // Nothing was written into the empty database by any of the refusals.
      expect(await tablesIn(target.db)).toBe(0);

      // A table file changed inside a directory backup: refused before anything is written.
      const dataFile = JSON.parse(readFileSync(manifestFile, 'utf8')).tables.find(
        (table: { name: string }) => table.name === 'users',
      ).file as string;
      const users = readFileSync(path.join(folder, dataFile));
      users[users.length - 10]! ^= 0x01;
      writeFileSync(path.join(folder, dataFile), users);
      expect(await refusal(restoreBackup(target.db, folder, { fieldKeys: FIELD_KEYS }))).toBe(
        'backup.digest_mismatch',
      );
      expect(await tablesIn(target.db)).toBe(0);
    } finally {
      await target.drop();
    }
  });
});
