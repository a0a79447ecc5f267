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
  const repository = {
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
      return (await repository.bySources(kind, [id], scope, userId)).get(id) ?? [];
    },

    /** The warnings drafted from each of several sources of one kind (a list shows them per row). */
    async bySources(
      kind: WarningSourceKind,
      ids: readonly string[],
      scope: DataScope,
      userId: string,
    ): Promise<Map<string, LinkedWarningRow[]>> {
      const params: unknown[] = [kind, ids];
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
        source_id: string;
      }>(
        `SELECT w.id, w.status, w.level, w.info->'zh'->>'headline' AS headline, w.created_at, w.source_id
           FROM warnings w WHERE w.source_kind = $1 AND w.source_id = ANY($2::uuid[]) AND ${where}
          ORDER BY w.created_at DESC LIMIT 1000`,
        params,
      );
      const bySource = new Map<string, LinkedWarningRow[]>();
      for (const r of rows.rows) {
        const list = bySource.get(r.source_id) ?? [];
        if (list.length < 50)
          list.push({
            id: r.id,
            status: r.status,
            level: r.level,
            headline: r.headline,
            createdAt: r.created_at,
          });
        bySource.set(r.source_id, list);
      }
      return bySource;
    },
  };
  return repository;
}

export type WarningLinksRepository = ReturnType<typeof createWarningLinksRepository>;
