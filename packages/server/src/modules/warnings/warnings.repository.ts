import type { DataScope, WarningArea, WarningLevel, WarningSourceKind, WarningStatus } from '@anjian/domain';
import type { Db, Queryable } from '../../platform/db.ts';
import { selectPage } from '../../platform/sql-page.ts';

export interface InfoBlock {
  headline: string;
  description: string;
  instruction: string;
}

export interface WarningContent {
  eventType: string;
  level: WarningLevel;
  onset: Date;
  expires: Date;
  audience: string;
  contact: string;
  area: WarningArea;
  info: { zh: InfoBlock; en: InfoBlock | null };
}

export interface WarningRow extends WarningContent {
  id: string;
  status: WarningStatus;
  counties: string[];
  authorId: string;
  authorName: string;
  approverId: string | null;
  approverName: string | null;
  lastComment: string | null;
  releasedVersions: number;
  demo: boolean;
  source: { kind: WarningSourceKind; id: string; label: string } | null;
  recipientGroups: string[];
  createdAt: Date;
  updatedAt: Date;
}

export interface VersionRow {
  warningId: string;
  version: number;
  identifier: string;
  msgType: 'Alert' | 'Update' | 'Cancel';
  sent: Date;
  content: WarningContent;
  capXml: string;
  sm3: string;
  sm2Signature: string | null;
  sm2PublicKey: string | null;
}

interface RawWarning {
  id: string;
  status: WarningStatus;
  event_type: string;
  level: WarningLevel;
  onset: Date;
  expires: Date;
  audience: string;
  contact: string;
  area: WarningArea;
  counties: string[];
  info: WarningContent['info'];
  author_id: string;
  author_name: string;
  approver_id: string | null;
  approver_name: string | null;
  last_comment: string | null;
  released_versions: number;
  demo: boolean;
  source_kind: WarningSourceKind | null;
  source_id: string | null;
  source_label: string | null;
  recipient_groups: string[];
  created_at: Date;
  updated_at: Date;
}

const toWarning = (r: RawWarning): WarningRow => ({
  id: r.id,
  status: r.status,
  eventType: r.event_type,
  level: r.level,
  onset: r.onset,
  expires: r.expires,
  audience: r.audience,
  contact: r.contact,
  area: r.area,
  counties: r.counties,
  info: r.info,
  authorId: r.author_id,
  authorName: r.author_name,
  approverId: r.approver_id,
  approverName: r.approver_name,
  lastComment: r.last_comment,
  releasedVersions: r.released_versions,
  demo: r.demo,
  source:
    r.source_kind && r.source_id
      ? { kind: r.source_kind, id: r.source_id, label: r.source_label ?? '' }
      : null,
  recipientGroups: r.recipient_groups,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

interface RawVersion {
  warning_id: string;
  version: number;
  identifier: string;
  msg_type: VersionRow['msgType'];
  sent: Date | string;
  content: Omit<WarningContent, 'onset' | 'expires'> & { onset: string; expires: string };
  cap_xml: string;
  sm3: string;
  sm2_signature: string | null;
  sm2_public_key: string | null;
}

const toVersion = (r: RawVersion): VersionRow => ({
  warningId: r.warning_id,
  version: r.version,
  identifier: r.identifier,
  msgType: r.msg_type,
  sent: new Date(r.sent),
  content: { ...r.content, onset: new Date(r.content.onset), expires: new Date(r.content.expires) },
  capXml: r.cap_xml,
  sm3: r.sm3,
  sm2Signature: r.sm2_signature,
  sm2PublicKey: r.sm2_public_key,
});

/**
 * Who sees a warning inside the bureau: the city everything; a county officer the warnings that
 * touch their counties and those they wrote. Enterprises hold no warning permission.
 */
function scopeWhere(scope: DataScope, userId: string, params: unknown[]): string {
  if (scope.kind === 'city') return 'TRUE';
  if (scope.kind === 'county') {
    params.push(scope.counties, userId);
    return `(w.counties && $${params.length - 1}::text[] OR w.author_id = $${params.length}::uuid)`;
  }
  return 'FALSE';
}

/** The counties a warning's area touches: its counties and those of its townships. */
export const countiesOf = (area: WarningArea): string[] =>
  [...new Set([...area.counties, ...area.townships.map((code) => code.slice(0, 6))])].sort();

export function createWarningsRepository(db: Db) {
  return {
    async insert(
      source: Queryable,
      content: WarningContent,
      author: { id: string; name: string },
      at: Date,
      demo = false,
    ): Promise<string> {
      const rows = await source.query<{ id: string }>(
        `INSERT INTO warnings (status, event_type, level, onset, expires, audience, contact, area, counties, info,
           author_id, author_name, demo, created_at, updated_at)
         VALUES ('draft', $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13) RETURNING id`,
        [
          content.eventType,
          content.level,
          content.onset,
          content.expires,
          content.audience,
          content.contact,
          JSON.stringify(content.area),
          countiesOf(content.area),
          JSON.stringify(content.info),
          author.id,
          author.name,
          demo,
          at,
        ],
      );
      return rows.rows[0]!.id;
    },

    async updateContent(source: Queryable, id: string, content: WarningContent, at: Date): Promise<void> {
      await source.query(
        `UPDATE warnings SET event_type = $2, level = $3, onset = $4, expires = $5, audience = $6, contact = $7,
           area = $8, counties = $9, info = $10, updated_at = $11 WHERE id = $1`,
        [
          id,
          content.eventType,
          content.level,
          content.onset,
          content.expires,
          content.audience,
          content.contact,
          JSON.stringify(content.area),
          countiesOf(content.area),
          JSON.stringify(content.info),
          at,
        ],
      );
    },

    async setStatus(
      source: Queryable,
      id: string,
      change: {
        status: WarningStatus;
        at: Date;
        approver?: { id: string; name: string } | null;
        comment?: string | null;
        releasedVersions?: number;
      },
    ): Promise<void> {
      await source.query(
        `UPDATE warnings SET status = $2, updated_at = $3,
           approver_id = CASE WHEN $4::boolean THEN $5::uuid ELSE approver_id END,
           approver_name = CASE WHEN $4::boolean THEN $6 ELSE approver_name END,
           last_comment = CASE WHEN $7::boolean THEN $8 ELSE last_comment END,
           released_versions = coalesce($9, released_versions)
         WHERE id = $1`,
        [
          id,
          change.status,
          change.at,
          change.approver !== undefined,
          change.approver?.id ?? null,
          change.approver?.name ?? null,
          change.comment !== undefined,
          change.comment ?? null,
          change.releasedVersions ?? null,
        ],
      );
    },

    /** Locks the row for a step (two approvers clicking at once: one wins, the other sees the new status). */
    async findForUpdate(source: Queryable, id: string): Promise<WarningRow | null> {
      const rows = await source.query<RawWarning>('SELECT * FROM warnings w WHERE id = $1 FOR UPDATE', [id]);
      return rows.rows[0] ? toWarning(rows.rows[0]) : null;
    },

    async find(id: string, scope: DataScope, userId: string): Promise<WarningRow | null> {
      const params: unknown[] = [id];
      const where = scopeWhere(scope, userId, params);
      const rows = await db.query<RawWarning>(
        `SELECT * FROM warnings w WHERE w.id = $1 AND ${where}`,
        params,
      );
      return rows.rows[0] ? toWarning(rows.rows[0]) : null;
    },

    async list(
      scope: DataScope,
      userId: string,
      filter: { status?: WarningStatus | undefined },
      page: { page: number; pageSize: number } | null,
    ): Promise<{ items: WarningRow[]; total: number }> {
      const params: unknown[] = [];
      const conditions = [scopeWhere(scope, userId, params)];
      if (filter.status) {
        params.push(filter.status);
        conditions.push(`w.status = $${params.length}`);
      }
      const where = conditions.join(' AND ');
      const { rows, total } = await selectPage<RawWarning>(
        db,
        {
          select: 'SELECT * FROM warnings w',
          countFrom: 'FROM warnings w',
          where,
          orderBy: 'w.updated_at DESC, w.id',
          params,
        },
        page ?? { page: 1, pageSize: 10_000 },
      );
      return { items: rows.map(toWarning), total };
    },

    async addStep(
      source: Queryable,
      step: {
        warningId: string;
        at: Date;
        action: string;
        actorId: string | null;
        actorName: string;
        comment: string;
      },
    ): Promise<void> {
      await source.query(
        `INSERT INTO warning_steps (warning_id, at, action, actor_id, actor_name, comment) VALUES ($1, $2, $3, $4, $5, $6)`,
        [step.warningId, step.at, step.action, step.actorId, step.actorName, step.comment],
      );
    },

    async steps(warningId: string) {
      const rows = await db.query<{ at: Date; action: string; actor_name: string; comment: string }>(
        'SELECT at, action, actor_name, comment FROM warning_steps WHERE warning_id = $1 ORDER BY id',
        [warningId],
      );
      return rows.rows.map((r) => ({
        at: r.at,
        action: r.action,
        actorName: r.actor_name,
        comment: r.comment,
      }));
    },

    async insertVersion(source: Queryable, version: VersionRow): Promise<void> {
      await source.query(
        `INSERT INTO warning_versions (warning_id, version, identifier, msg_type, sent, content, cap_xml, sm3,
           sm2_signature, sm2_public_key)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          version.warningId,
          version.version,
          version.identifier,
          version.msgType,
          version.sent,
          JSON.stringify(version.content),
          version.capXml,
          version.sm3,
          version.sm2Signature,
          version.sm2PublicKey,
        ],
      );
    },

    async versions(warningId: string, source: Queryable = db): Promise<VersionRow[]> {
      const rows = await source.query<RawVersion>(
        'SELECT * FROM warning_versions WHERE warning_id = $1 ORDER BY version',
        [warningId],
      );
      return rows.rows.map(toVersion);
    },

    async versionByIdentifier(identifier: string): Promise<VersionRow | null> {
      const rows = await db.query<RawVersion>('SELECT * FROM warning_versions WHERE identifier = $1', [
        identifier,
      ]);
      return rows.rows[0] ? toVersion(rows.rows[0]) : null;
    },

    /** How many messages were already entered in this second (GB/T 35965.1 sequence digit). */
    async identifiersWithPrefix(source: Queryable, prefix: string): Promise<number> {
      const rows = await source.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM warning_versions WHERE starts_with(identifier, $1)`,
        [prefix],
      );
      return rows.rows[0]!.n;
    },

    /** Published warnings with their latest released version, for the public page and the feeds. */
    async active(now: Date): Promise<{ warning: WarningRow; version: VersionRow }[]> {
      const rows = await db.query<RawWarning & { v: RawVersion }>(
        `SELECT w.*, row_to_json(v.*) AS v FROM warnings w
           JOIN LATERAL (SELECT * FROM warning_versions x WHERE x.warning_id = w.id ORDER BY version DESC LIMIT 1) v ON TRUE
         WHERE w.status IN ('published', 'draft', 'submitted', 'approved', 'rejected') AND w.released_versions > 0
           AND (v.content->>'expires')::timestamptz > $1 AND v.msg_type <> 'Cancel'
         ORDER BY v.sent DESC`,
        [now],
      );
      return rows.rows.map((r) => ({
        warning: toWarning(r),
        version: toVersion(r.v),
      }));
    },

    /** Published warnings whose expiry has passed end by themselves. */
    async expireDue(now: Date): Promise<string[]> {
      const rows = await db.query<{ id: string }>(
        `UPDATE warnings SET status = 'expired', updated_at = $1 WHERE status = 'published' AND expires <= $1 RETURNING id`,
        [now],
      );
      for (const row of rows.rows) {
        await db.query(
          `INSERT INTO warning_steps (warning_id, at, action, actor_id, actor_name, comment) VALUES ($1, $2, 'expire', NULL, '系统', '')`,
          [row.id, now],
        );
      }
      return rows.rows.map((r) => r.id);
    },
  };
}

export type WarningsRepository = ReturnType<typeof createWarningsRepository>;
