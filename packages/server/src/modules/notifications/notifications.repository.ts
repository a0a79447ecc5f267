import type { Page } from '@anjian/domain';
import type { Db, Queryable } from '../../platform/db.ts';
import { listPage } from '../../platform/sql-page.ts';

export type NotificationSeverity = 'info' | 'warning' | 'danger';

export interface NewNotification {
  kind: string;
  severity: NotificationSeverity;
  title: { zh: string; en: string };
  body: { zh: string; en: string };
  link: string | null;
  data: Record<string, unknown>;
}

export interface NotificationRecord extends NewNotification {
  id: string;
  userId: string;
  createdAt: Date;
  readAt: Date | null;
}

interface NotificationRow {
  id: string;
  user_id: string;
  kind: string;
  severity: NotificationSeverity;
  title_zh: string;
  title_en: string;
  body_zh: string;
  body_en: string;
  link: string | null;
  data: Record<string, unknown>;
  created_at: Date;
  read_at: Date | null;
}

function toRecord(row: NotificationRow): NotificationRecord {
  return {
    id: row.id,
    userId: row.user_id,
    kind: row.kind,
    severity: row.severity,
    title: { zh: row.title_zh, en: row.title_en },
    body: { zh: row.body_zh, en: row.body_en },
    link: row.link,
    data: row.data,
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}

/** Who should hear about something at an enterprise: its own accounts, its county's, the city's. */
export interface Audience {
  /** Null for a record without an enterprise (a natural-hazard site's alarm): no enterprise account. */
  enterpriseId: string | null;
  county: string;
  kinds: readonly ('enterprise' | 'county' | 'city' | 'inspector')[];
  /** Permission the enterprise accounts must hold. */
  enterprisePermission: string;
  /** Permission the county and city accounts must hold. */
  bureauPermission: string;
}

export function createNotificationsRepository(db: Db) {
  return {
    /**
     * Active users of the audience. Reads the accounts' scope and role grants (the platform's user
     * tables) so that a notification reaches whoever holds the duty today.
     */
    async audienceUserIds(source: Queryable, audience: Audience): Promise<string[]> {
      const rows = await source.query<{ id: string }>(
        `SELECT DISTINCT u.id FROM users u
           JOIN user_roles ur ON ur.user_id = u.id
           JOIN role_permissions rp ON rp.role_code = ur.role_code
         WHERE u.status = 'active' AND (
           ('enterprise' = ANY ($1::text[]) AND u.scope_kind = 'enterprise' AND u.scope_enterprise_id = $2
              AND rp.permission = $4)
           OR ('county' = ANY ($1::text[]) AND u.scope_kind = 'county' AND $3 = ANY (u.scope_counties)
              AND rp.permission = $5)
           OR ('city' = ANY ($1::text[]) AND u.scope_kind = 'city' AND rp.permission = $5))
         ORDER BY u.id`,
        [
          audience.kinds,
          audience.enterpriseId,
          audience.county,
          audience.enterprisePermission,
          audience.bureauPermission,
        ],
      );
      return rows.rows.map((row) => row.id);
    },

    async insertMany(
      source: Queryable,
      userIds: readonly string[],
      n: NewNotification,
      at: Date,
    ): Promise<number> {
      if (userIds.length === 0) return 0;
      const result = await source.query(
        `INSERT INTO notifications (user_id, kind, severity, title_zh, title_en, body_zh, body_en, link, data, created_at)
         SELECT u, $2, $3, $4, $5, $6, $7, $8, $9, $10 FROM unnest($1::uuid[]) AS u`,
        [userIds, n.kind, n.severity, n.title.zh, n.title.en, n.body.zh, n.body.en, n.link, n.data, at],
      );
      return result.rowCount ?? 0;
    },

    async list(
      userId: string,
      filter: { unread: boolean },
      page: { page: number; pageSize: number },
    ): Promise<Page<NotificationRecord> & { unread: number }> {
      const unreadOnly = filter.unread ? 'AND read_at IS NULL' : '';
      const unread = await db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL',
        [userId],
      );
      const listed = await listPage(
        db,
        {
          select: 'SELECT * FROM notifications',
          countFrom: 'FROM notifications',
          where: `user_id = $1 ${unreadOnly}`,
          orderBy: 'created_at DESC, id DESC',
          params: [userId],
        },
        page,
        toRecord,
      );
      return { ...listed, unread: unread.rows[0]?.n ?? 0 };
    },

    /** Marks one of the user's notifications read (keeping the first time); null when not theirs. */
    async markRead(userId: string, id: string, at: Date): Promise<NotificationRecord | null> {
      const rows = await db.query<NotificationRow>(
        `UPDATE notifications SET read_at = coalesce(read_at, $3) WHERE id = $1 AND user_id = $2 RETURNING *`,
        [id, userId, at],
      );
      return rows.rows[0] ? toRecord(rows.rows[0]) : null;
    },

    async markAllRead(userId: string, at: Date): Promise<number> {
      const result = await db.query(
        'UPDATE notifications SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL',
        [userId, at],
      );
      return result.rowCount ?? 0;
    },
  };
}

export type NotificationsRepository = ReturnType<typeof createNotificationsRepository>;
