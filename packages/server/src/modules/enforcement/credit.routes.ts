import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  creditCandidateSchema,
  creditListSettingsSchema,
  creditListingActionSchema,
  creditListingStatusSchema,
  creditReportDeductionsQuerySchema,
  creditReportDeductionsSchema,
  pageQuerySchema,
} from '@anjian/domain';
import { requireAuth } from '../../platform/access.ts';
import type { CreditService } from './credit.service.ts';
import type { CreditReportsService } from './credit-reports.service.ts';

const tags = ['enforcement'];
const base = '/api/v1/enforcement/credit';
const idParams = z.object({ id: z.uuid() });

/** The serious-dishonesty list (安全生产严重失信主体名单). */
export function registerCreditRoutes(
  app: FastifyInstance,
  { credit, creditReports }: { credit: CreditService; creditReports: CreditReportsService },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    `${base}/report-deductions`,
    {
      config: { access: 'enforcement:read' },
      schema: {
        tags,
        summary:
          '信用记录 · 举报核查: the deductions repeated verified public reports make for an enterprise, with the rule in force',
        querystring: creditReportDeductionsQuerySchema,
        response: { 200: creditReportDeductionsSchema },
      },
    },
    async (request) => creditReports.of(requireAuth(request), request.query.enterpriseId),
  );

  api.get(
    `${base}/listings`,
    {
      config: { access: 'enforcement:read' },
      schema: {
        tags,
        summary: 'Listings in scope (candidates, notified, listed, published, ended)',
        querystring: pageQuerySchema.extend({
          status: creditListingStatusSchema.optional(),
          enterpriseId: z.uuid().optional(),
          caseId: z.uuid().optional(),
        }),
      },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      return credit.list(requireAuth(request), filter, { page, pageSize });
    },
  );
  api.post(
    `${base}/listings`,
    {
      config: { access: 'enforcement:write', audit: 'enforcement.credit.candidate' },
      schema: { tags, summary: 'A candidate from a decided penalty case', body: creditCandidateSchema },
    },
    async (request, reply) => {
      const created = await credit.create(requireAuth(request), request.body);
      request.auditTarget = created.id;
      return reply.status(201).send(created);
    },
  );
  api.get(
    `${base}/listings/:id`,
    { config: { access: 'enforcement:read' }, schema: { tags, params: idParams } },
    async (request) => credit.get(requireAuth(request), request.params.id),
  );
  api.post(
    `${base}/listings/:id/actions`,
    {
      config: { access: 'enforcement:write', audit: 'enforcement.credit.action' },
      schema: {
        tags,
        summary: 'Take one step on the list',
        params: idParams,
        body: creditListingActionSchema,
      },
    },
    async (request) => {
      request.auditTarget = request.params.id;
      request.auditDetail = request.body.action;
      return credit.act(requireAuth(request), request.params.id, request.body);
    },
  );
  api.get(
    `${base}/settings`,
    {
      config: { access: 'enforcement:read' },
      schema: { tags, summary: 'Term on the list and objection period' },
    },
    async () => credit.settings(),
  );
  api.put(
    `${base}/settings`,
    {
      config: { access: 'enforcement:write', audit: 'enforcement.credit.settings' },
      schema: {
        tags,
        summary: 'Set the term and objection period (city officers)',
        body: creditListSettingsSchema,
      },
    },
    async (request) => credit.saveSettings(requireAuth(request), request.body),
  );
}
