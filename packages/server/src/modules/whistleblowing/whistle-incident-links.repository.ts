import type { Db, Queryable } from '../../platform/db.ts';

/**
 * The incident (事故) a verified 谎报瞒报事故 report uncovered (table whistle_report_incidents), and
 * the refresh of a reward proposal not yet approved when that incident's figures changed.
 */
export function createWhistleIncidentLinksRepository(db: Db) {
  return {
    async incidentOf(reportId: string, source: Queryable = db): Promise<string | null> {
      const rows = await source.query<{ incident_id: string }>(
        'SELECT incident_id FROM whistle_report_incidents WHERE report_id = $1',
        [reportId],
      );
      return rows.rows[0]?.incident_id ?? null;
    },

    /** A new verification replaces the link; null removes it (manual figures, or none). */
    async link(source: Queryable, reportId: string, incidentId: string | null): Promise<void> {
      if (incidentId === null) {
        await source.query('DELETE FROM whistle_report_incidents WHERE report_id = $1', [reportId]);
        return;
      }
      await source.query(
        `INSERT INTO whistle_report_incidents (report_id, incident_id) VALUES ($1, $2)
         ON CONFLICT (report_id) DO UPDATE SET incident_id = EXCLUDED.incident_id`,
        [reportId, incidentId],
      );
    },

    /** Proposals nobody has approved yet whose report is linked to an incident (of `reportIds`, or all). */
    async unapproved(reportIds: string[] | null): Promise<{ reportId: string; incidentId: string }[]> {
      const rows = await db.query<{ report_id: string; incident_id: string }>(
        `SELECT l.report_id, l.incident_id FROM whistle_report_incidents l JOIN whistle_rewards w USING (report_id)
          WHERE w.status = 'proposed' AND cardinality(w.approvers) = 0
            AND ($1::uuid[] IS NULL OR l.report_id = ANY ($1::uuid[]))`,
        [reportIds],
      );
      return rows.rows.map((r) => ({ reportId: r.report_id, incidentId: r.incident_id }));
    },

    /** The amount of a proposal nobody has approved yet, recomputed from the incident's figures. */
    async refreshProposed(
      source: Queryable | undefined,
      reportId: string,
      reward: { amountYuan: string; basis: string },
    ): Promise<void> {
      await (source ?? db).query(
        `UPDATE whistle_rewards SET amount_yuan = $2, basis = $3
          WHERE report_id = $1 AND status = 'proposed' AND cardinality(approvers) = 0`,
        [reportId, reward.amountYuan, reward.basis],
      );
    },
  };
}

export type WhistleIncidentLinksRepository = ReturnType<typeof createWhistleIncidentLinksRepository>;
