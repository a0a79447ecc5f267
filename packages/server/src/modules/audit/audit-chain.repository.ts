import type { Db, Queryable } from '../../platform/db.ts';
import { inTransaction } from '../../platform/db.ts';
import { AUDIT_CHAIN_LOCK, type Checkpoint } from './audit-chain.ts';
import type { AuditRow } from './audit.repository.ts';

export interface PruneRecord {
  throughSeq: number;
  throughHash: string;
  removed: number;
  keyId: string;
  signature: string;
}

interface CheckpointRow {
  at: Date;
  head_seq: number;
  head_hash: string;
  entry_count: number;
  legacy_until: number;
  key_id: string;
  signature: string;
}

function toCheckpoint(row: CheckpointRow): Checkpoint {
  return {
    at: row.at.toISOString(),
    headSeq: row.head_seq,
    headHash: row.head_hash,
    entryCount: row.entry_count,
    legacyUntil: row.legacy_until,
    keyId: row.key_id,
    signature: row.signature,
  };
}

/** The chain's own records beside the log: marks, checkpoints, prunes, export cursors (SQL only). */
export function createAuditChainRepository(db: Db) {
  return {
    /** The last unkeyed entry (written before migration 0026); 0 when there is none. */
    async legacyUntil(source: Queryable = db): Promise<number> {
      const row = await source.query<{ seq: number }>(
        "SELECT seq FROM audit_chain_marks WHERE name = 'legacy_until'",
      );
      return row.rows[0]?.seq ?? 0;
    },

    /** Whether the append-only trigger on audit_log is present and enabled. */
    async appendOnlyGuardOn(source: Queryable = db): Promise<boolean> {
      const row = await source.query<{ enabled: string }>(
        `SELECT tgenabled AS enabled FROM pg_trigger
          WHERE tgrelid = 'audit_log'::regclass AND tgname = 'audit_log_append_only'`,
      );
      return row.rows[0]?.enabled === 'O' || row.rows[0]?.enabled === 'A';
    },

    async rowsFrom(seq: number, limit: number, source: Queryable = db): Promise<AuditRow[]> {
      const rows = await source.query<AuditRow>(
        'SELECT * FROM audit_log WHERE seq >= $1 ORDER BY seq LIMIT $2',
        [seq, limit],
      );
      return rows.rows;
    },

    async hashAt(seq: number, source: Queryable = db): Promise<string | null> {
      const row = await source.query<{ hash: string }>('SELECT hash FROM audit_log WHERE seq = $1', [seq]);
      return row.rows[0]?.hash ?? null;
    },

    /** The head (newest entry) and how many entries the table holds, read under the chain lock. */
    async withHead<T>(
      work: (head: { seq: number; hash: string; count: number } | null, client: Queryable) => Promise<T>,
    ): Promise<T> {
      return inTransaction(db, async (client) => {
        await client.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
        const row = await client.query<{ seq: number; hash: string; count: number }>(
          `SELECT seq, hash, (SELECT count(*)::int FROM audit_log) AS count
             FROM audit_log ORDER BY seq DESC LIMIT 1`,
        );
        return work(row.rows[0] ?? null, client);
      });
    },

    async insertCheckpoint(c: Checkpoint, source: Queryable = db): Promise<void> {
      await source.query(
        `INSERT INTO audit_checkpoints (at, head_seq, head_hash, entry_count, legacy_until, key_id, signature)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [c.at, c.headSeq, c.headHash, c.entryCount, c.legacyUntil, c.keyId, c.signature],
      );
    },

    async checkpoints(source: Queryable = db): Promise<Checkpoint[]> {
      const rows = await source.query<CheckpointRow>('SELECT * FROM audit_checkpoints ORDER BY id');
      return rows.rows.map(toCheckpoint);
    },

    async latestPrune(source: Queryable = db): Promise<PruneRecord | null> {
      const rows = await source.query<{
        through_seq: number;
        through_hash: string;
        removed: number;
        key_id: string;
        signature: string;
      }>('SELECT * FROM audit_prunes ORDER BY through_seq DESC LIMIT 1');
      const row = rows.rows[0];
      return row
        ? {
            throughSeq: row.through_seq,
            throughHash: row.through_hash,
            removed: row.removed,
            keyId: row.key_id,
            signature: row.signature,
          }
        : null;
    },

    /** The last entry wholly older than the cut-off, keeping at least the head (so the chain goes on). */
    async pruneCandidate(cutoff: Date): Promise<{ seq: number; hash: string } | null> {
      const rows = await db.query<{ seq: number; hash: string }>(
        `SELECT seq, hash FROM audit_log
          WHERE seq < coalesce((SELECT min(seq) FROM audit_log WHERE at >= $1),
                               (SELECT max(seq) FROM audit_log))
          ORDER BY seq DESC LIMIT 1`,
        [cutoff],
      );
      return rows.rows[0] ?? null;
    },

    /** Calls audit_prune(), which refuses any cut-off younger than 180 days (see migration 0026). */
    async prune(
      throughSeq: number,
      cutoff: Date,
      keepDays: number,
      keyId: string,
      signature: string,
    ): Promise<number> {
      const row = await db.query<{ removed: number }>('SELECT audit_prune($1, $2, $3, $4, $5) AS removed', [
        throughSeq,
        cutoff,
        keepDays,
        keyId,
        signature,
      ]);
      return row.rows[0]?.removed ?? 0;
    },

    async exportCursor(target: string): Promise<number> {
      const row = await db.query<{ through_seq: number }>(
        'SELECT through_seq FROM audit_exports WHERE target = $1',
        [target],
      );
      return row.rows[0]?.through_seq ?? 0;
    },

    async setExportCursor(target: string, throughSeq: number, at: Date): Promise<void> {
      await db.query(
        `INSERT INTO audit_exports (target, through_seq, updated_at) VALUES ($1, $2, $3)
         ON CONFLICT (target) DO UPDATE SET through_seq = excluded.through_seq, updated_at = excluded.updated_at`,
        [target, throughSeq, at],
      );
    },
  };
}

export type AuditChainRepository = ReturnType<typeof createAuditChainRepository>;
