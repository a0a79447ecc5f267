import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { riskOverviewQuerySchema, riskOverviewSchema } from '@anjian/domain';
import { requireAuth } from '../../../platform/access.ts';
import type { Clock } from '../../../platform/clock.ts';
import { sendOfficeFile } from '../../../platform/office/index.ts';
import type { RiskService } from './risk.service.ts';

const tags = ['risk'];

/** The bureau's city/county risk view: the four-colour map's data and its ledger export. */
export function registerRiskOverviewRoutes(
  app: FastifyInstance,
  { risk, clock }: { risk: RiskService; clock: Clock },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/risk/enterprises',
    {
      config: { access: 'risk:read' },
      schema: {
        tags,
        summary:
          'Every enterprise in scope with its risk level (worst risk unit, or its 100-point grading if worse), most severe first',
        querystring: riskOverviewQuerySchema,
        response: { 200: riskOverviewSchema },
      },
    },
    async (request) => risk.overview(requireAuth(request), request.query),
  );

  api.get(
    '/api/v1/risk/enterprises/export',
    {
      config: { access: 'risk:read', audit: 'risk.overview_export' },
      schema: {
        tags,
        summary: '企业安全风险分级台账 as an Excel workbook, with the same filter as the list',
        querystring: riskOverviewQuerySchema,
      },
    },
    async (request, reply) => {
      const workbook = await risk.overviewWorkbook(requireAuth(request), request.query);
      return sendOfficeFile(
        reply,
        'xlsx',
        { asciiName: 'enterprise-risk', name: '企业安全风险分级台账', stampedAt: clock.now() },
        workbook,
      );
    },
  );
}
