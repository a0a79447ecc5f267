import type { DataScope, WhistleStatistics } from '@anjian/domain';
import type { Db } from '../../platform/db.ts';
import { scopeWhere } from './whistle-reports.repository.ts';

const rate = (part: number, whole: number) =>
  whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;

/**
 * 举报统计 over the reports received in a period, in the caller's counties: counts by channel,
 * category, county and month; acceptance, verified and on-time rates; rewards paid.
 */
export function createWhistleStatisticsRepository(db: Db) {
  async function countsBy(key: string, where: string, params: unknown[]) {
    const rows = await db.query<{ key: string; count: number }>(
      `SELECT ${key} AS key, count(*)::int AS count FROM whistle_reports r WHERE ${where}
        GROUP BY 1 ORDER BY 1`,
      params,
    );
    return rows.rows;
  }

  return {
    async statistics(scope: DataScope, period: { from: string; to: string }): Promise<WhistleStatistics> {
      const params: unknown[] = [period.from, period.to];
      const where = `r.received_on BETWEEN $1::date AND $2::date AND ${scopeWhere(scope, params)}`;
      const totals = await db.query<{
        total: number;
        decided: number;
        accepted: number;
        on_time: number;
        with_outcome: number;
        verified: number;
        paid_count: number;
        paid_yuan: string;
      }>(
        `SELECT count(*)::int AS total,
                (count(*) FILTER (WHERE r.decided_on IS NOT NULL))::int AS decided,
                (count(*) FILTER (WHERE r.status IN ('accepted', 'verified', 'replied')))::int AS accepted,
                (count(*) FILTER (WHERE r.decided_on <= r.acceptance_due))::int AS on_time,
                (count(*) FILTER (WHERE r.outcome IS NOT NULL))::int AS with_outcome,
                (count(*) FILTER (WHERE r.outcome IN ('true', 'partly_true')))::int AS verified,
                (count(w.report_id) FILTER (WHERE w.status = 'paid'))::int AS paid_count,
                coalesce(sum(w.amount_yuan) FILTER (WHERE w.status = 'paid'), 0)::numeric(14, 2)::text AS paid_yuan
           FROM whistle_reports r LEFT JOIN whistle_rewards w ON w.report_id = r.id
          WHERE ${where}`,
        params,
      );
      const t = totals.rows[0]!;
      return {
        total: t.total,
        byChannel: await countsBy('r.channel', where, params),
        byCategory: await countsBy('r.category', where, params),
        byCounty: await countsBy(`coalesce(r.assigned_county, r.county, '')`, where, params),
        byMonth: await countsBy(`to_char(r.received_on, 'YYYY-MM')`, where, params),
        decided: t.decided,
        accepted: t.accepted,
        acceptedOnTime: t.on_time,
        withOutcome: t.with_outcome,
        verified: t.verified,
        acceptanceRate: rate(t.accepted, t.decided),
        verifiedRate: rate(t.verified, t.with_outcome),
        onTimeRate: rate(t.on_time, t.decided),
        rewardsPaidCount: t.paid_count,
        rewardsPaidYuan: t.paid_yuan,
      };
    },
  };
}

export type WhistleStatisticsRepository = ReturnType<typeof createWhistleStatisticsRepository>;
