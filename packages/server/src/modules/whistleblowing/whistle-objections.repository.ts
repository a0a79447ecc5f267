import type { Queryable } from '../../platform/db.ts';

/** The reporter's objection and the city's review (table whistle_objections, one row per report). */
export function createWhistleObjectionsRepository() {
  return {
    /** Files the objection; false when the report already has one (the primary key decides). */
    async insert(
      source: Queryable,
      objection: {
        reportId: string;
        filedOn: string;
        reason: string;
        objectedTo: 'not_accepted' | 'replied';
        reviewDue: string;
      },
    ): Promise<boolean> {
      const rows = await source.query(
        `INSERT INTO whistle_objections (report_id, filed_on, reason, objected_to, review_due)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (report_id) DO NOTHING`,
        [objection.reportId, objection.filedOn, objection.reason, objection.objectedTo, objection.reviewDue],
      );
      return rows.rowCount === 1;
    },

    async review(
      source: Queryable,
      reportId: string,
      review: {
        status: 'upheld' | 'rejected';
        reason: string | null;
        by: string;
        on: string;
        reopenedTo: 'received' | 'accepted' | null;
      },
    ): Promise<void> {
      await source.query(
        `UPDATE whistle_objections SET status = $2, review_reason = $3, reviewed_by = $4, reviewed_on = $5,
                reopened_to = $6
          WHERE report_id = $1 AND status = 'pending'`,
        [reportId, review.status, review.reason, review.by, review.on, review.reopenedTo],
      );
    },

    /** An upheld objection to the outcome takes back the reward that is not yet paid. */
    async dropUnpaidReward(source: Queryable, reportId: string): Promise<void> {
      await source.query(`DELETE FROM whistle_rewards WHERE report_id = $1 AND status <> 'paid'`, [reportId]);
    },
  };
}

export type WhistleObjectionsRepository = ReturnType<typeof createWhistleObjectionsRepository>;
