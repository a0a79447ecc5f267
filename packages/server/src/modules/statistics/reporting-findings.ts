import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DomainError,
  reportingFindingInputSchema,
  reportingFindingNames,
  reportingFindingSchema,
  type ReportingFinding,
} from '@anjian/domain';
import { requireAuth } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';

/**
 * Reporting findings on counted accidents (瞒报 / 谎报 / 迟报, reporting-finding.ts in the domain):
 * the city's statistics staff set one with a written reason and may withdraw it, both audited. The
 * plan's yearly assessment reads them through `AccidentRecords` (瞒报 and 谎报 veto the county).
 */
export function createReportingFindingsRepository(db: Db) {
  return {
    async accidentExists(id: string): Promise<boolean> {
      const rows = await db.query('SELECT 1 FROM statistics_accident_facts WHERE id = $1', [id]);
      return (rows.rowCount ?? 0) > 0;
    },
    async set(id: string, input: { finding: ReportingFinding; reason: string }, userId: string, at: Date) {
      const rows = await db.query<{ set_at: Date; set_by: string }>(
        `WITH saved AS (
           INSERT INTO statistics_reporting_findings (accident_id, finding, reason, set_by, set_at)
           VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (accident_id) DO UPDATE
             SET finding = EXCLUDED.finding, reason = EXCLUDED.reason, set_by = EXCLUDED.set_by, set_at = EXCLUDED.set_at
           RETURNING set_by, set_at)
         SELECT s.set_at, coalesce(u.display_name, '') AS set_by FROM saved s LEFT JOIN users u ON u.id = s.set_by`,
        [id, input.finding, input.reason, userId, at],
      );
      const row = rows.rows[0]!;
      return { accidentId: id, ...input, setBy: row.set_by, setAt: row.set_at.toISOString() };
    },
    async clear(id: string): Promise<{ finding: ReportingFinding; reason: string } | null> {
      const rows = await db.query<{ finding: ReportingFinding; reason: string }>(
        'DELETE FROM statistics_reporting_findings WHERE accident_id = $1 RETURNING finding, reason',
        [id],
      );
      return rows.rows[0] ?? null;
    },
  };
}

export function registerReportingFindingRoutes(app: FastifyInstance, deps: { db: Db; clock: Clock }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const findings = createReportingFindingsRepository(deps.db);
  const params = z.object({ id: z.uuid() }).strict();

  api.put(
    '/api/v1/statistics/accidents/:id/reporting-finding',
    {
      config: { access: 'registry:configure', audit: 'statistics.reporting_finding_set' },
      schema: {
        tags: ['statistics'],
        summary:
          'Find a counted accident concealed (瞒报), falsely reported (谎报) or reported late (迟报), with a written reason; 瞒报 and 谎报 veto the county in the yearly assessment',
        params,
        body: reportingFindingInputSchema,
        response: { 200: reportingFindingSchema },
      },
    },
    async (request) => {
      const auth = requireAuth(request);
      const { id } = request.params;
      if (!(await findings.accidentExists(id))) throw new DomainError('statistics.incident_not_found');
      request.auditTarget = id;
      request.auditDetail = `${reportingFindingNames[request.body.finding].zh}：${request.body.reason}`;
      const saved = await findings.set(id, request.body, auth.userId, deps.clock.now());
      return saved;
    },
  );

  api.delete(
    '/api/v1/statistics/accidents/:id/reporting-finding',
    {
      config: { access: 'registry:configure', audit: 'statistics.reporting_finding_clear' },
      schema: { tags: ['statistics'], summary: 'Withdraw an accident’s reporting finding', params },
    },
    async (request, reply) => {
      const { id } = request.params;
      request.auditTarget = id;
      const cleared = await findings.clear(id);
      if (!cleared) throw new DomainError('statistics.reporting_finding_not_found');
      request.auditDetail = `${reportingFindingNames[cleared.finding].zh}：${cleared.reason}`;
      return reply.code(204).send();
    },
  );
}
