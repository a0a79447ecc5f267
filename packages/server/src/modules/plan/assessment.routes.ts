import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assessmentDetailSchema, selfAssessmentInputSchema } from '@anjian/domain';
import { requireAuth } from '../../platform/access.ts';
import type { AssessmentService } from './assessment.service.ts';
import { planViewerOf } from './plan-viewer.ts';

const tags = ['plan'];

/** The units' self-assessment (自评) and the 安委办 publishing the results (通报). */
export function registerAssessmentRoutes(app: FastifyInstance, deps: { assessments: AssessmentService }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { assessments } = deps;

  api.put(
    '/api/v1/plan/assessments/:id/units/:organisationId/self-assessment',
    {
      config: { access: 'plan:report', audit: 'plan.assessment_self_assess' },
      schema: {
        tags,
        summary:
          'The unit’s own account self-assesses items (score, comment, evidence) before the assessors score it; another unit answers 404, a scored unit or published results 409',
        params: z.object({ id: z.uuid(), organisationId: z.uuid() }).strict(),
        body: selfAssessmentInputSchema,
        response: { 200: assessmentDetailSchema },
      },
    },
    async (request) => {
      const auth = requireAuth(request);
      request.auditTarget = request.params.id;
      return assessments.selfAssess(
        planViewerOf(auth),
        auth.scope,
        request.params.id,
        request.params.organisationId,
        request.body,
      );
    },
  );

  api.post(
    '/api/v1/plan/assessments/:id/publish',
    {
      config: { access: 'plan:manage', audit: 'plan.assessment_publish' },
      schema: {
        tags,
        summary:
          'Publish the results (通报) once every unit is scored: scores and self-assessments are final; the units are notified',
        params: z.object({ id: z.uuid() }).strict(),
        response: { 200: assessmentDetailSchema },
      },
    },
    async (request) => {
      request.auditTarget = request.params.id;
      return assessments.publish(planViewerOf(requireAuth(request)), request.params.id);
    },
  );
}
