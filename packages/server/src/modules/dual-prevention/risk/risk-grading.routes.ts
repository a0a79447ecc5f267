import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  enterpriseGradingInputSchema,
  enterpriseGradingRecordSchema,
  enterpriseGradingResultSchema,
  enterpriseGradingSaveSchema,
  enterpriseGradingSummarySchema,
} from '@anjian/domain';
import { requireAuth } from '../../../platform/access.ts';
import type { RiskGradingService } from './risk-grading.service.ts';

const tags = ['risk'];
const enterpriseParams = z.object({ enterpriseId: z.uuid() });

/** Enterprise 100-point grading: the public calculator, and the bureau's stored gradings for the map. */
export function registerRiskGradingRoutes(
  app: FastifyInstance,
  { grading }: { grading: RiskGradingService },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/api/v1/risk/enterprise-grading/calc',
    {
      config: { access: 'public', audit: 'calc.enterprise_grading' },
      schema: {
        tags: [...tags, 'calculators'],
        summary:
          'Enterprise safety-risk grading (应急〔2018〕19号): 100-point score, colour and automatic-red reasons',
        body: z.object(enterpriseGradingInputSchema.shape).strict(),
        response: { 200: enterpriseGradingResultSchema },
      },
    },
    async (request) => grading.calculate(request.body),
  );

  api.get(
    '/api/v1/risk/enterprise-gradings',
    {
      config: { access: 'risk:read' },
      schema: {
        tags,
        summary: 'The current grading of every enterprise in the caller’s scope (colours for the city map)',
        querystring: z.object({
          county: z
            .string()
            .regex(/^\d{6}$/)
            .optional(),
        }),
        response: { 200: z.object({ items: z.array(enterpriseGradingSummarySchema) }) },
      },
    },
    async (request) => ({ items: await grading.current(requireAuth(request), request.query.county) }),
  );

  api.get(
    '/api/v1/risk/enterprise-gradings/:enterpriseId',
    {
      config: { access: 'risk:read' },
      schema: {
        tags,
        summary: 'An enterprise’s current grading with its input, and the earlier ones',
        params: enterpriseParams,
        response: { 200: enterpriseGradingRecordSchema },
      },
    },
    async (request) => grading.record(requireAuth(request), request.params.enterpriseId),
  );

  api.put(
    '/api/v1/risk/enterprise-gradings/:enterpriseId',
    {
      config: { access: 'hazard:supervise', audit: 'risk.enterprise_grading' },
      schema: {
        tags,
        summary: 'Grade an enterprise (bureau): the server computes and stores the result',
        params: enterpriseParams,
        body: enterpriseGradingSaveSchema,
        response: { 200: enterpriseGradingRecordSchema },
      },
    },
    async (request) => {
      request.auditTarget = request.params.enterpriseId;
      const saved = await grading.save(requireAuth(request), request.params.enterpriseId, request.body);
      request.auditDetail = `${saved.result.colour} ${saved.result.score}`;
      return saved;
    },
  );
}
