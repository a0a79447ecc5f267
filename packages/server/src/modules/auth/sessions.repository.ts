import type { Db } from '../../platform/db.ts';
import {
  USER_WITH_GRANTS_COLUMNS,
  userWithGrantsOf,
  type RoleGrant,
  type UserRecord,
  type UserWithGrantsRow,
} from '../users/index.ts';

export interface SessionRecord {
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  idleSeconds: number;
  revokedAt: Date | null;
  ip: string;
  userAgent: string;
  previousLogin: { at: Date; ip: string } | null;
}

interface SessionRow {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  idle_seconds: number;
  revoked_at: Date | null;
  ip: string;
  user_agent: string;
  previous_login_at: Date | null;
  previous_login_ip: string | null;
}

function toRecord(row: SessionRow): SessionRecord {
  return {
    id: row.id,
    userId: row.user_id,
    csrfToken: row.csrf_token,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
    idleSeconds: row.idle_seconds,
    revokedAt: row.revoked_at,
    ip: row.ip,
    userAgent: row.user_agent,
    previousLogin: row.previous_login_at
      ? { at: row.previous_login_at, ip: row.previous_login_ip ?? '' }
      : null,
  };
}

const SESSION_COLUMNS: readonly (keyof SessionRow)[] = [
  'id',
  'user_id',
  'csrf_token',
  'created_at',
  'last_seen_at',
  'expires_at',
  'idle_seconds',
  'revoked_at',
  'ip',
  'user_agent',
  'previous_login_at',
  'previous_login_ip',
];
// Beside the user's own columns the session's carry a prefix (both have id and created_at).
const PREFIXED_SESSION_COLUMNS = SESSION_COLUMNS.map((c) => `s.${c} AS session_${c}`).join(', ');

function sessionOf(row: Record<string, unknown>): SessionRecord {
  return toRecord(
    Object.fromEntries(SESSION_COLUMNS.map((c) => [c, row[`session_${c}`]])) as unknown as SessionRow,
  );
}

/** A session, with its user and what the user's roles grant (null when the account is gone). */
export interface Caller {
  session: SessionRecord;
  account: { user: UserRecord; grants: RoleGrant[] } | null;
}

export function createSessionsRepository(db: Db) {
  return {
    async insert(session: {
      tokenHash: string;
      userId: string;
      csrfToken: string;
      at: Date;
      expiresAt: Date;
      idleSeconds: number;
      ip: string;
      userAgent: string;
      previousLogin: { at: Date; ip: string } | null;
    }): Promise<SessionRecord> {
      const rows = await db.query<SessionRow>(
        `INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at, idle_seconds, ip,
                               user_agent, previous_login_at, previous_login_ip)
         VALUES ($1, $2, $3, $4, $4, $5, $6, $7, $8, $9, $10) RETURNING *`,
        [
          session.tokenHash,
          session.userId,
          session.csrfToken,
          session.at,
          session.expiresAt,
          session.idleSeconds,
          session.ip,
          session.userAgent,
          session.previousLogin?.at ?? null,
          session.previousLogin?.ip ?? null,
        ],
      );
      return toRecord(rows.rows[0]!);
    },

    /** The session of a token and who holds it, in one round trip (every signed-in request asks). */
    async findCaller(tokenHash: string): Promise<Caller | null> {
      const rows = await db.query<UserWithGrantsRow & Record<string, unknown>>(
        `SELECT ${USER_WITH_GRANTS_COLUMNS}, ${PREFIXED_SESSION_COLUMNS}
         FROM sessions s LEFT JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1`,
        [tokenHash],
      );
      const row = rows.rows[0];
      return row ? { session: sessionOf(row), account: userWithGrantsOf(row) } : null;
    },

    async touch(id: string, at: Date): Promise<void> {
      await db.query('UPDATE sessions SET last_seen_at = $2 WHERE id = $1 AND revoked_at IS NULL', [id, at]);
    },

    async revoke(id: string, at: Date, reason: string): Promise<void> {
      await db.query(
        'UPDATE sessions SET revoked_at = $2, revoke_reason = $3 WHERE id = $1 AND revoked_at IS NULL',
        [id, at, reason],
      );
    },

    async revokeAllForUser(
      userId: string,
      at: Date,
      reason: string,
      exceptId: string | null = null,
    ): Promise<number> {
      const result = await db.query(
        `UPDATE sessions SET revoked_at = $2, revoke_reason = $3
         WHERE user_id = $1 AND revoked_at IS NULL AND ($4::uuid IS NULL OR id <> $4)`,
        [userId, at, reason, exceptId],
      );
      return result.rowCount ?? 0;
    },

    /** Ends the user's active sessions beyond the `keep` newest; answers how many ended. */
    async revokeBeyond(userId: string, keep: number, at: Date, reason: string): Promise<number> {
      const result = await db.query(
        `UPDATE sessions SET revoked_at = $3, revoke_reason = $4
         WHERE id IN (SELECT id FROM sessions
                      WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > $3
                        AND last_seen_at + make_interval(secs => idle_seconds) > $3
                      ORDER BY created_at DESC, id DESC OFFSET $2)`,
        [userId, keep, at, reason],
      );
      return result.rowCount ?? 0;
    },

    async listActiveForUser(userId: string, at: Date): Promise<SessionRecord[]> {
      const rows = await db.query<SessionRow>(
        `SELECT * FROM sessions
         WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > $2
           AND last_seen_at + make_interval(secs => idle_seconds) > $2
         ORDER BY last_seen_at DESC`,
        [userId, at],
      );
      return rows.rows.map(toRecord);
    },
  };
}

export type SessionsRepository = ReturnType<typeof createSessionsRepository>;
