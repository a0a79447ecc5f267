import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../platform/clock.ts';
import { ConfigError, loadConfig } from '../../platform/config.ts';
import { startLeaderLock } from '../../platform/leader-lock.ts';
import { createTestDatabase, TEST_FIELD_KEY } from '../../../test/test-app.ts';
import type { AuditRecord } from './audit-chain.ts';
import { createAuditChainRepository } from './audit-chain.repository.ts';
import { AUDIT_JOBS_LOCK } from './audit-jobs.ts';
import { parseAuditKeys } from './audit-keys.ts';
import { createAuditRetention } from './audit-retention.ts';
import { createAuditChain, createAuditRepository } from './index.ts';
import { scratchDir } from '../../../test/scratch.ts';

const KEYS = `k1:${'5a'.repeat(32)}`;
const NOW = new Date('2026-11-29T02:00:00.000Z');
const OLD = new Date('2026-01-10T02:00:00.000Z'); // 323 days before NOW
const YOUNG = new Date('2026-11-20T02:00:00.000Z');

const entry = (at: Date, i: number): AuditRecord => ({
  at,
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
});

describe('audit retention (≥ 180 days)', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataDir: string;
  const configWith = (env: Record<string, string> = {}) =>
    loadConfig({
      DATA_DIR: dataDir,
      DATABASE_URL: database.url,
      FIELD_ENCRYPTION_KEY: TEST_FIELD_KEY,
      AUDIT_HMAC_KEYS: KEYS,
      ...env,
    });

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = scratchDir('anjian-audit-retention-');
    const audit = createAuditRepository(database.db, parseAuditKeys(KEYS));
    // Old, old, young, old, young, young: only the first two form an expired prefix.
    for (const [i, at] of [OLD, OLD, YOUNG, OLD, YOUNG, YOUNG].entries())
      await audit.append(entry(at, i + 1));
  });
  afterAll(async () => {
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a setting below 180 days, in the configuration and in the job', () => {
    expect(() => configWith({ AUDIT_RETENTION_DAYS: '179' })).toThrow(ConfigError);
    expect(() => configWith({ AUDIT_RETENTION_DAYS: '179' })).toThrow(
      'AUDIT_RETENTION_DAYS: must be at least 180 (audit records are kept six months or more)',
    );
    expect(() =>
      createAuditRetention({
        chain: createAuditChainRepository(database.db),
        keys: parseAuditKeys(KEYS),
        clock: createManualClock(NOW),
        retentionDays: 90,
      }),
    ).toThrow('audit retention of 90 days refused: at least 180');
  });

  it('refuses, in the database itself, to remove entries younger than 180 days', async () => {
    await expect(
      database.db.query("SELECT audit_prune(2, now() - interval '10 days', 180, 'k1', 'x')"),
    ).rejects.toThrow(/younger than 180 days/);
    await expect(
      database.db.query("SELECT audit_prune(2, now() - interval '400 days', 90, 'k1', 'x')"),
    ).rejects.toThrow(/below 180 days refused/);
    await expect(
      database.db.query("SELECT audit_prune(3, now() - interval '200 days', 180, 'k1', 'x')"),
    ).rejects.toThrow(/younger than the cut-off/);
    await expect(database.db.query('DELETE FROM audit_log WHERE seq = 1')).rejects.toThrow(/append-only/);
  });

  it('removes only the expired prefix, once, with two processes running the job', async () => {
    const processes = [0, 1].map(() => {
      const chain = createAuditChain({
        db: database.db,
        clock: createManualClock(NOW),
        config: configWith(),
      });
      const lock = startLeaderLock({
        db: database.db,
        key: AUDIT_JOBS_LOCK,
        name: 'audit jobs',
        retryMs: 50,
      });
      return { chain, lock };
    });
    await expect.poll(() => processes.filter((p) => p.lock.held).length).toBe(1);
    // Even when both run at once (the lock lost between ticks), the entries go once.
    const removed = await Promise.all(processes.map((p) => p.chain.retention.run()));
    expect(removed.sort()).toEqual([0, 2]);
    await Promise.all(processes.map((p) => p.lock.close()));

    const left = await database.db.query<{ seq: number }>('SELECT seq FROM audit_log ORDER BY seq');
    expect(left.rows.map((r) => r.seq)).toEqual([3, 4, 5, 6]);
    const chain = processes[0]!.chain;
    expect(await chain.verify()).toEqual({ ok: true, checked: 4, checkpoints: 0 });
    await createAuditRepository(database.db, chain.keys).append(entry(NOW, 7));
    expect(await chain.verify()).toEqual({ ok: true, checked: 5, checkpoints: 0 });
    expect(await chain.retention.run()).toBe(0);
  });

  it('a retention record the intruder writes (without the key) does not verify', async () => {
    const client = await database.db.connect();
    try {
      await client.query('ALTER TABLE audit_prunes DISABLE TRIGGER audit_prunes_append_only');
      await client.query('UPDATE audit_prunes SET through_seq = 4');
      await client.query('ALTER TABLE audit_prunes ENABLE TRIGGER audit_prunes_append_only');
    } finally {
      client.release();
    }
    const chain = createAuditChain({ db: database.db, clock: createManualClock(NOW), config: configWith() });
    expect(await chain.verify()).toEqual({
      ok: false,
      checked: 0,
      brokenSeq: 4,
      reason: 'retention record not signed',
    });
  });
});
