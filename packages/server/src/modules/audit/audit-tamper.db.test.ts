import { createHmac } from 'node:crypto';
import { rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../platform/clock.ts';
import { loadConfig } from '../../platform/config.ts';
import type { Db } from '../../platform/db.ts';
import { createTestDatabase, TEST_FIELD_KEY } from '../../../test/test-app.ts';
import { legacyDigest, type AuditRecord } from './audit-chain.ts';
import { rowToRecord, type AuditRow } from './audit.repository.ts';
import { createAuditChain, createAuditRepository } from './index.ts';
import { scratchDir } from '../../../test/scratch.ts';

const KEYS = `k1:${'5a'.repeat(32)}`;
const ATTACKER_KEY = Buffer.from('c3'.repeat(32), 'hex');
const CHECKPOINT_AT = '2026-11-29T02:00:06.000Z';

function record(i: number, at: Date): AuditRecord {
  return {
    at,
    actorId: null,
    actorName: `user${i}`,
    roles: ['county_officer'],
    scope: 'county:530402',
    action: 'enterprise.update',
    target: null,
    ip: '10.0.0.1',
    userAgent: 'test',
    outcome: 'success',
    status: 200,
    detail: `change ${i}`,
  };
}

/** Six entries and a checkpoint of the head, verified intact, on a database of its own. */
async function sixEntriesAndACheckpoint() {
  const database = await createTestDatabase();
  const dataDir = scratchDir('anjian-audit-tamper-');
  const config = loadConfig({
    DATA_DIR: dataDir,
    DATABASE_URL: database.url,
    FIELD_ENCRYPTION_KEY: TEST_FIELD_KEY,
    AUDIT_HMAC_KEYS: KEYS,
  });
  const clock = createManualClock(new Date('2026-11-29T02:00:00.000Z'));
  const chain = createAuditChain({ db: database.db, clock, config });
  const audit = createAuditRepository(database.db, chain.keys);
  for (let i = 1; i <= 6; i++) {
    clock.advance(1000);
    await audit.append(record(i, clock.now()));
  }
  expect((await chain.checkpoints.take())?.at).toBe(CHECKPOINT_AT);
  expect(await chain.verify()).toEqual({ ok: true, checked: 6, checkpoints: 1 });
  return {
    db: database.db,
    chain,
    checkpointFile: config.audit.checkpointFile,
    async close() {
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** What an intruder holding the database's superuser does: guard off, change, guard on. */
async function asIntruder(db: Db, ...statements: string[]): Promise<void> {
  const client = await db.connect();
  try {
    await client.query('BEGIN');
    await client.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    for (const sql of statements) await client.query(sql);
    await client.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
    await client.query('COMMIT');
  } finally {
    client.release();
  }
}

async function rows(db: Db): Promise<AuditRow[]> {
  return (await db.query<AuditRow>('SELECT * FROM audit_log ORDER BY seq')).rows;
}

/** The attacker's own "HMAC": right shape, wrong key (the real key is not in the database). */
function attackerDigest(row: AuditRow, prevHash: string): string {
  return createHmac('sm3', ATTACKER_KEY)
    .update(`${row.key_id}\n${prevHash}\n${JSON.stringify(rowToRecord(row))}`)
    .digest('hex');
}

describe('`audit verify` detects each of the nine tampering cases (docs/security.md)', () => {
  let fixture: Awaited<ReturnType<typeof sixEntriesAndACheckpoint>>;
  afterEach(() => fixture.close());

  it('1. deleting the newest entries (the tail a checkpoint covers)', async () => {
    fixture = await sixEntriesAndACheckpoint();
    await asIntruder(fixture.db, 'DELETE FROM audit_log WHERE seq >= 5');
    expect(await fixture.chain.verify()).toEqual({
      ok: false,
      checked: 4,
      brokenSeq: 5,
      reason: `entries 5–6 are missing (the checkpoint of ${CHECKPOINT_AT} covers them)`,
    });
  });

  it('2. deleting an entry in the middle', async () => {
    fixture = await sixEntriesAndACheckpoint();
    await asIntruder(fixture.db, 'DELETE FROM audit_log WHERE seq = 3');
    expect(await fixture.chain.verify()).toEqual({
      ok: false,
      checked: 2,
      brokenSeq: 3,
      reason: 'missing entry',
    });
  });

  it('3. rewriting an entry', async () => {
    fixture = await sixEntriesAndACheckpoint();
    await asIntruder(fixture.db, "UPDATE audit_log SET detail = 'nothing happened' WHERE seq = 4");
    expect(await fixture.chain.verify()).toEqual({
      ok: false,
      checked: 3,
      brokenSeq: 4,
      reason: 'content does not match its hash',
    });
  });

  it('4. rewriting an entry and recomputing the chain after it (without the key)', async () => {
    fixture = await sixEntriesAndACheckpoint();
    const all = await rows(fixture.db);
    all[2]!.detail = 'nothing happened';
    const statements: string[] = [];
    let prev = all[1]!.hash;
    for (const row of all.slice(2)) {
      const hash = attackerDigest(row, prev);
      statements.push(
        `UPDATE audit_log SET detail = '${row.detail}', prev_hash = '${prev}', hash = '${hash}' WHERE seq = ${row.seq}`,
      );
      prev = hash;
    }
    await asIntruder(fixture.db, ...statements);
    expect(await fixture.chain.verify()).toEqual({
      ok: false,
      checked: 2,
      brokenSeq: 3,
      reason: 'content does not match its hash',
    });

    // The same with plain SM3, claiming the entries are from before the chain was keyed.
    const legacy: string[] = [];
    prev = all[1]!.hash;
    for (const row of all.slice(2)) {
      const hash = legacyDigest(row.seq, rowToRecord(row), prev);
      legacy.push(
        `UPDATE audit_log SET key_id = NULL, prev_hash = '${prev}', hash = '${hash}' WHERE seq = ${row.seq}`,
      );
      prev = hash;
    }
    await asIntruder(fixture.db, ...legacy);
    expect(await fixture.chain.verify()).toEqual({
      ok: false,
      checked: 2,
      brokenSeq: 3,
      reason: 'entry not signed with an audit key',
    });
  });

  it('5. appending a forged, correctly hashed entry', async () => {
    fixture = await sixEntriesAndACheckpoint();
    const head = (await rows(fixture.db)).at(-1)!;
    const forged = record(7, new Date('2026-11-29T02:00:07.000Z'));
    // Plain SM3 over the previous hash and the content: what verified before the chain was keyed.
    const hash = legacyDigest(7, forged, head.hash);
    await fixture.db.query(
      `INSERT INTO audit_log (seq, at, actor_id, actor_name, roles, scope, action, target, ip, user_agent,
                              outcome, status, detail, prev_hash, hash)
       VALUES (7, $1, NULL, 'user7', '{county_officer}', 'county:530402', 'enterprise.update', NULL,
               '10.0.0.1', 'test', 'success', 200, 'change 7', $2, $3)`,
      [forged.at, head.hash, hash],
    );
    expect(await fixture.chain.verify()).toEqual({
      ok: false,
      checked: 6,
      brokenSeq: 7,
      reason: 'entry not signed with an audit key',
    });
    await asIntruder(fixture.db, `UPDATE audit_log SET key_id = 'k1' WHERE seq = 7`);
    expect(await fixture.chain.verify()).toMatchObject({
      ok: false,
      brokenSeq: 7,
      reason: 'content does not match its hash',
    });
  });

  it('6. reordering two entries', async () => {
    fixture = await sixEntriesAndACheckpoint();
    await asIntruder(
      fixture.db,
      'UPDATE audit_log SET seq = -1 WHERE seq = 2',
      'UPDATE audit_log SET seq = 2 WHERE seq = 3',
      'UPDATE audit_log SET seq = 3 WHERE seq = -1',
    );
    expect(await fixture.chain.verify()).toEqual({
      ok: false,
      checked: 1,
      brokenSeq: 2,
      reason: 'link to previous entry broken',
    });
  });

  it('7. truncating the whole log', async () => {
    fixture = await sixEntriesAndACheckpoint();
    await asIntruder(fixture.db, 'ALTER TABLE audit_log DISABLE TRIGGER USER', 'TRUNCATE audit_log');
    await fixture.db.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
    expect(await fixture.chain.verify()).toEqual({
      ok: false,
      checked: 0,
      brokenSeq: 1,
      reason: `entries 1–6 are missing (the checkpoint of ${CHECKPOINT_AT} covers them)`,
    });
  });

  it('8. disabling the append-only trigger and editing', async () => {
    fixture = await sixEntriesAndACheckpoint();
    await fixture.db.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    await fixture.db.query("UPDATE audit_log SET outcome = 'denied' WHERE seq = 2");
    expect(await fixture.chain.verify()).toEqual({
      ok: false,
      checked: 0,
      reason: 'the append-only trigger on audit_log is disabled or missing',
    });
    await fixture.db.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
    expect(await fixture.chain.verify()).toEqual({
      ok: false,
      checked: 1,
      brokenSeq: 2,
      reason: 'content does not match its hash',
    });
  });

  it('9. replacing the checkpoint file', async () => {
    fixture = await sixEntriesAndACheckpoint();
    // A file that agrees with a shortened log, signed with a key of the attacker's choosing.
    const fake = {
      at: CHECKPOINT_AT,
      headSeq: 4,
      headHash: (await rows(fixture.db))[3]!.hash,
      entryCount: 4,
      legacyUntil: 0,
      keyId: 'k1',
      signature: createHmac('sm3', ATTACKER_KEY).update('anything').digest('hex'),
    };
    writeFileSync(fixture.checkpointFile, `${JSON.stringify(fake)}\n`);
    expect(await fixture.chain.verify()).toEqual({
      ok: false,
      checked: 0,
      reason: 'line 1 of the checkpoint file is not signed with an audit key',
    });
    unlinkSync(fixture.checkpointFile);
    expect(await fixture.chain.verify()).toEqual({
      ok: false,
      checked: 0,
      reason: `the checkpoint file ${fixture.checkpointFile} is missing`,
    });
  });
});
