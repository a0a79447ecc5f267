import type { AuditActor, AuditEntry, AuditListQuery, AuditOutcome, Page } from '@anjian/domain';
import type { Db } from '../../platform/db.ts';
import { inTransaction } from '../../platform/db.ts';
import { AUDIT_CHAIN_LOCK, GENESIS_HASH, auditFields, keyedDigest, type AuditRecord } from './audit-chain.ts';
import type { AuditKeyRing } from './audit-keys.ts';

export type { AuditRecord } from './audit-chain.ts';

export interface AuditRow {
  seq: number;
  at: Date;
  actor_id: string | null;
  actor_name: string;
  roles: string[];
  scope: string;
  action: string;
  target: string | null;
  ip: string;
  user_agent: string;
  outcome: AuditOutcome;
  status: number;
  detail: string | null;
  prev_hash: string;
  hash: string;
  key_id: string | null;
}

export function rowToRecord(row: AuditRow): AuditRecord {
  return {
    at: row.at,
    actorId: row.actor_id,
    actorName: row.actor_name,
    roles: row.roles,
    scope: row.scope,
    action: row.action,
    target: row.target,
    ip: row.ip,
    userAgent: row.user_agent,
    outcome: row.outcome,
    status: row.status,
    detail: row.detail,
  };
}

function rowToEntry(row: AuditRow): AuditEntry {
  return {
    seq: row.seq,
    at: row.at.toISOString(),
    actorId: row.actor_id,
    actorName: row.actor_name,
    roles: row.roles,
    scope: row.scope,
    action: row.action,
    target: row.target,
    targetLabel: null,
    ip: row.ip,
    outcome: row.outcome,
    status: row.status,
    detail: row.detail,
    hash: row.hash,
  };
}

function filterClause(query: Omit<AuditListQuery, 'page' | 'pageSize'>): {
  where: string;
  params: unknown[];
} {
  const conditions: string[] = [];
  const params: unknown[] = [];
  if (query.actor) {
    params.push(`%${query.actor.toLowerCase()}%`);
    conditions.push(`lower(actor_name) LIKE $${params.length}`);
  }
  if (query.actorId) {
    params.push(query.actorId);
    conditions.push(`actor_id = $${params.length}`);
  }
  if (query.action) {
    params.push(`${query.action}%`);
    conditions.push(`action LIKE $${params.length}`);
  }
  if (query.outcome) {
    params.push(query.outcome);
    conditions.push(`outcome = $${params.length}`);
  }
  if (query.from) {
    params.push(query.from);
    conditions.push(`at >= $${params.length}`);
  }
  if (query.to) {
    params.push(query.to);
    conditions.push(`at < $${params.length}`);
  }
  return { where: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
}

const COLUMNS = 16;
/** Entries written in one transaction at most (16 parameters each, under PostgreSQL's 65,535). */
const BATCH = 500;

/**
 * Appends entries to the chain under its lock, in one transaction and one INSERT: each entry's hash
 * covers the previous one's, the first one's the newest stored.
 */
async function appendChained(db: Db, keys: AuditKeyRing, records: readonly AuditRecord[]): Promise<void> {
  await inTransaction(db, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
    const last = await client.query<{ seq: number; hash: string }>(
      'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1',
    );
    let seq = last.rows[0]?.seq ?? 0;
    let prevHash = last.rows[0]?.hash ?? GENESIS_HASH;
    const keyId = keys.currentId;
    const values: unknown[] = [];
    const rows: string[] = [];
    for (const record of records) {
      seq += 1;
      const hash = keyedDigest(keys, keyId, seq, record, prevHash);
      const base = values.length;
      rows.push(`(${Array.from({ length: COLUMNS }, (_, i) => `$${base + i + 1}`).join(', ')})`);
      values.push(seq, ...auditFields(record), prevHash, hash, keyId);
      prevHash = hash;
    }
    await client.query(
      `INSERT INTO audit_log (seq, at, actor_id, actor_name, roles, scope, action, target, ip, user_agent,
                              outcome, status, detail, prev_hash, hash, key_id)
       VALUES ${rows.join(', ')}`,
      values,
    );
  });
}

export function createAuditRepository(db: Db, keys: AuditKeyRing) {
  // Group commit: appends that arrive while a transaction is writing wait and go together in the
  // next one — one chain lock and one commit for many requests, instead of one each (a thousand
  // concurrent writes queued a thousand serial transactions on the lock). Each append still resolves
  // only once its entry is committed.
  const waiting: { record: AuditRecord; resolve: () => void; reject: (error: unknown) => void }[] = [];
  let writing = false;

  async function write(): Promise<void> {
    writing = true;
    try {
      while (waiting.length > 0) {
        const batch = waiting.splice(0, BATCH);
        try {
          await appendChained(
            db,
            keys,
            batch.map((entry) => entry.record),
          );
          for (const entry of batch) entry.resolve();
        } catch (error) {
          if (batch.length === 1) {
            batch[0]!.reject(error);
            continue;
          }
          // One entry the database refuses must not fail the others: each alone.
          for (const entry of batch) {
            await appendChained(db, keys, [entry.record]).then(entry.resolve, entry.reject);
          }
        }
      }
    } finally {
      writing = false;
    }
  }

  return {
    append(record: AuditRecord): Promise<void> {
      return new Promise((resolve, reject) => {
        waiting.push({ record, resolve, reject });
        if (!writing) void write();
      });
    },

    async list(query: AuditListQuery): Promise<Page<AuditEntry>> {
      const { where, params } = filterClause(query);
      const total = await db.query<{ count: number }>(
        `SELECT count(*)::int AS count FROM audit_log ${where}`,
        params,
      );
      const rows = await db.query<AuditRow>(
        `SELECT * FROM audit_log ${where} ORDER BY seq DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, query.pageSize, (query.page - 1) * query.pageSize],
      );
      return {
        items: rows.rows.map(rowToEntry),
        total: total.rows[0]?.count ?? 0,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    /** Newest first, at most `limit` rows, for the Excel export. */
    async listForExport(
      query: Omit<AuditListQuery, 'page' | 'pageSize'>,
      limit: number,
    ): Promise<AuditEntry[]> {
      const { where, params } = filterClause(query);
      const rows = await db.query<AuditRow>(
        `SELECT * FROM audit_log ${where} ORDER BY seq DESC LIMIT $${params.length + 1}`,
        [...params, limit],
      );
      return rows.rows.map(rowToEntry);
    },

    /** People who appear in the log, by name or username, for the user filter (at most 20). */
    async actors(q: string): Promise<AuditActor[]> {
      const params: unknown[] = [];
      let where = 'a.actor_id IS NOT NULL';
      if (q) {
        params.push(`%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
        where += ` AND (lower(a.actor_name) LIKE $1 OR lower(u.display_name) LIKE $1)`;
      }
      const rows = await db.query<{ actor_id: string; actor_name: string; display_name: string | null }>(
        `SELECT DISTINCT ON (a.actor_id) a.actor_id, a.actor_name, u.display_name
           FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
          WHERE ${where} ORDER BY a.actor_id, a.seq DESC`,
        params,
      );
      return rows.rows
        .map((row) => ({
          actorId: row.actor_id,
          actorName: row.display_name ? `${row.display_name}（${row.actor_name}）` : row.actor_name,
        }))
        .sort((x, y) => x.actorName.localeCompare(y.actorName, 'zh-CN'))
        .slice(0, 20);
    },
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
