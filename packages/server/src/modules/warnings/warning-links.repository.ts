import type { DataScope, WarningLevel, WarningSourceKind, WarningStatus } from '@anjian/domain';
import type { Db, Queryable } from '../../platform/db.ts';

export interface LinkedWarningRow {
  id: string;
  status: WarningStatus;
  level: WarningLevel;
  headline: string;
  createdAt: Date;
}

/** The link from a warning to its source (an alarm, an incident) and back. */
export function createWarningLinksRepository(db: Db) {
  return {
    async setSource(
      source: Queryable,
      warningId: string,
      link: { kind: WarningSourceKind; id: string; label: string },
    ): Promise<void> {
      await source.query(
        `UPDATE warnings SET source_kind = $2, source_id = $3, source_label = $4 WHERE id = $1`,
        [warningId, link.kind, link.id, link.label],
      );
    },

    async setTemplate(source: Queryable, warningId: string, templateId: string): Promise<void> {
      await source.query(`UPDATE warnings SET template_id = $2 WHERE id = $1`, [warningId, templateId]);
    },

    async setRecipientGroups(source: Queryable, warningId: string, groups: readonly string[]): Promise<void> {
      await source.query(`UPDATE warnings SET recipient_groups = $2 WHERE id = $1`, [warningId, groups]);
    },

    /**
     * The warnings drafted from one alarm or incident. The caller already saw the source in their
     * scope; a county officer still sees only warnings on their counties or their own.
     */
    async bySource(
      kind: WarningSourceKind,
      id: string,
      scope: DataScope,
      userId: string,
    ): Promise<LinkedWarningRow[]> {
      const params: unknown[] = [kind, id];
      let where = 'TRUE';
      if (scope.kind === 'county') {
        params.push(scope.counties, userId);
        where = `(w.counties && $3::text[] OR w.author_id = $4::uuid)`;
      } else if (scope.kind !== 'city') where = 'FALSE';
      const rows = await db.query<{
        id: string;
        status: WarningStatus;
        level: WarningLevel;
        headline: string;
        created_at: Date;
      }>(
        `SELECT w.id, w.status, w.level, w.info->'zh'->>'headline' AS headline, w.created_at
           FROM warnings w WHERE w.source_kind = $1 AND w.source_id = $2 AND ${where}
          ORDER BY w.created_at DESC LIMIT 50`,
        params,
      );
      return rows.rows.map((r) => ({
        id: r.id,
        status: r.status,
        level: r.level,
        headline: r.headline,
        createdAt: r.created_at,
      }));
    },
  };
}

export type WarningLinksRepository = ReturnType<typeof createWarningLinksRepository>;
