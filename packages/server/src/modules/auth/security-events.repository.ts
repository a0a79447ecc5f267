import {
  chinaDayEnd,
  chinaDayStart,
  type Page,
  type SecurityEvent,
  type SecurityEventKind,
  type SecurityEventListQuery,
} from '@anjian/domain';
import type { Db } from '../../platform/db.ts';

export interface NewSecurityEvent {
  at: Date;
  kind: SecurityEventKind;
  ip: string | null;
  username: string | null;
  userId: string | null;
  detail: string | null;
}

interface EventRow {
  id: string;
  at: Date;
  kind: SecurityEventKind;
  ip: string | null;
  username: string | null;
  detail: string | null;
}

const toEvent = (row: EventRow): SecurityEvent => ({
  id: String(row.id),
  at: row.at.toISOString(),
  kind: row.kind,
  ip: row.ip,
  username: row.username,
  detail: row.detail,
});

function filters(query: SecurityEventListQuery, params: unknown[]): string {
  const where: string[] = [];
  const add = (sql: (n: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (query.kind) add((n) => `kind = ${n}`, query.kind);
  if (query.from) add((n) => `at >= ${n}`, chinaDayStart(query.from));
  if (query.to) add((n) => `at < ${n}`, chinaDayEnd(query.to));
  if (query.q)
    add(
      (n) =>
        `(position(lower(${n}) in lower(coalesce(username, ''))) > 0 OR position(${n} in coalesce(ip, '')) > 0)`,
      query.q,
    );
  return where.length ? `WHERE ${where.join(' AND ')}` : '';
}

export function createSecurityEventsRepository(db: Db) {
  return {
    async record(event: NewSecurityEvent): Promise<void> {
      await db.query(
        'INSERT INTO security_events (at, kind, ip, username, user_id, detail) VALUES ($1, $2, $3, $4, $5, $6)',
        [event.at, event.kind, event.ip, event.username, event.userId, event.detail],
      );
    },

    /** Records the event unless one of the same kind (and IP) was recorded since `since`. */
    async recordOnce(event: NewSecurityEvent, since: Date): Promise<void> {
      await db.query(
        `INSERT INTO security_events (at, kind, ip, username, user_id, detail)
         SELECT $1, $2, $3, $4, $5, $6
         WHERE NOT EXISTS (SELECT 1 FROM security_events
                           WHERE kind = $2 AND ip IS NOT DISTINCT FROM $3 AND at > $7)`,
        [event.at, event.kind, event.ip, event.username, event.userId, event.detail, since],
      );
    },

    async list(query: SecurityEventListQuery): Promise<Page<SecurityEvent>> {
      const params: unknown[] = [];
      const where = filters(query, params);
      const total = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM security_events ${where}`,
        params,
      );
      params.push(query.pageSize, (query.page - 1) * query.pageSize);
      const rows = await db.query<EventRow>(
        `SELECT id, at, kind, ip, username, detail FROM security_events ${where}
         ORDER BY at DESC, id DESC LIMIT $${params.length - 1} OFFSET $${params.length}`,
        params,
      );
      return {
        items: rows.rows.map(toEvent),
        total: total.rows[0]!.n,
        page: query.page,
        pageSize: query.pageSize,
      };
    },
  };
}

export type SecurityEventsRepository = ReturnType<typeof createSecurityEventsRepository>;

/** What other modules may do with security events: record one (users: the inactivity job). */
export type SecurityEventRecorder = Pick<SecurityEventsRepository, 'record'>;
