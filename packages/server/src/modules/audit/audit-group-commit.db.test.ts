import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditOutcome } from '@anjian/domain';
import { createManualClock } from '../../platform/clock.ts';
import { loadConfig } from '../../platform/config.ts';
import { createTestDatabase, TEST_FIELD_KEY } from '../../../test/test-app.ts';
import type { AuditRecord } from './audit-chain.ts';
import { createAuditChain, createAuditRepository } from './index.ts';
import { scratchDir } from '../../../test/scratch.ts';

const KEY = `k1:${'7c'.repeat(32)}`;

function record(i: number, outcome: AuditOutcome = 'success'): AuditRecord {
  return {
    at: new Date(Date.UTC(2026, 11, 7, 2, 0, 0, i)),
    actorId: null,
    actorName: `user${i}`,
    roles: ['city_officer'],
    scope: 'city',
    action: 'POST /api/v1/emergency/allocations/:id/steps',
    target: `order-${i}`,
    ip: '10.0.0.2',
    userAgent: 'test',
    outcome,
    status: 200,
    detail: null,
  };
}

describe('audit appends arriving together share a transaction (group commit)', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataDir: string;
  let audit: ReturnType<typeof createAuditRepository>;
  let chain: ReturnType<typeof createAuditChain>;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = scratchDir('anjian-audit-group-');
    const config = loadConfig({
      DATA_DIR: dataDir,
      DATABASE_URL: database.url,
      FIELD_ENCRYPTION_KEY: TEST_FIELD_KEY,
      AUDIT_HMAC_KEYS: KEY,
    });
    chain = createAuditChain({ db: database.db, clock: createManualClock(record(0).at), config });
    audit = createAuditRepository(database.db, chain.keys);
  });
  afterAll(async () => {
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const stored = async () =>
    (
      await database.db.query<{ seq: number; target: string; tx: string }>(
        'SELECT seq, target, xmin::text AS tx FROM audit_log ORDER BY seq',
      )
    ).rows;

  it('writes 300 concurrent entries in order, chained, in far fewer transactions than entries', async () => {
    await Promise.all(Array.from({ length: 300 }, (_, i) => audit.append(record(i + 1))));
    const rows = await stored();
    expect(rows.map((row) => row.seq)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    expect(rows.map((row) => row.target)).toEqual(Array.from({ length: 300 }, (_, i) => `order-${i + 1}`));
    // One transaction per waiting group: the first append goes alone, the rest queue behind it.
    expect(new Set(rows.map((row) => row.tx)).size).toBeLessThanOrEqual(5);
    expect(await chain.verify()).toEqual({ ok: true, checked: 300, checkpoints: 0 });
  });

  it('refuses only the entry the database refuses; the others of its group are stored', async () => {
    const outcomes = await Promise.allSettled([
      audit.append(record(301)),
      audit.append(record(302)),
      audit.append(record(303, 'bogus' as AuditOutcome)),
      audit.append(record(304)),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    const rows = await stored();
    expect(rows.slice(300).map((row) => row.target)).toEqual(['order-301', 'order-302', 'order-304']);
    expect(await chain.verify()).toEqual({ ok: true, checked: 303, checkpoints: 0 });
  });
});
