import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assessmentDetailSchema, selfAssessmentInputSchema, vetoOverrideInputSchema } from '@anjian/domain';
import { requireAuth } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import { sendOfficeFile } from '../../platform/office/index.ts';
import { assessmentNoticeDocx } from './assessment-notice.ts';
import type { AssessmentService } from './assessment.service.ts';
import { planViewerOf } from './plan-viewer.ts';

const tags = ['plan'];

/** The units' self-assessment (自评) and the 安委办 publishing the results (通报). */
export function registerAssessmentRoutes(
  app: FastifyInstance,
  deps: { clock: Clock; assessments: AssessmentService },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { assessments, clock } = deps;

  api.get(
    '/api/v1/plan/assessments/:id/export.docx',
    {
      config: { access: ['plan:manage', 'plan:report'], audit: 'plan.assessment_notice' },
      schema: {
        tags,
        summary:
          'The results as a notice (通报) in DOCX: title, year, the ranking with grades, vetoed units and their reasons, issuer and date (a draft before publishing)',
        params: z.object({ id: z.uuid() }).strict(),
      },
    },
    async (request, reply) => {
      requireAuth(request);
      request.auditTarget = request.params.id;
      const found = await assessments.find(request.params.id);
      const now = clock.now();
      return sendOfficeFile(
        reply,
        'docx',
        { asciiName: 'plan_assessment_notice', name: `${found.year}年${found.name}结果通报`, stampedAt: now },
        await assessmentNoticeDocx(found, now),
      );
    },
  );

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

  const unitParams = z.object({ id: z.uuid(), organisationId: z.uuid() }).strict();

  api.put(
    '/api/v1/plan/assessments/:id/units/:organisationId/veto-override',
    {
      config: { access: 'plan:manage', audit: 'plan.assessment_veto_override' },
      schema: {
        tags,
        summary:
          'Set aside the veto the system set from the accident statistics, with a written reason (kept with who and when); 409 when the unit has none or the results are published',
        params: unitParams,
        body: vetoOverrideInputSchema,
        response: { 200: assessmentDetailSchema },
      },
    },
    async (request) => {
      request.auditTarget = request.params.id;
      const { id, organisationId } = request.params;
      return assessments.overrideVeto(
        planViewerOf(requireAuth(request)),
        id,
        organisationId,
        request.body.reason,
      );
    },
  );

  api.delete(
    '/api/v1/plan/assessments/:id/units/:organisationId/veto-override',
    {
      config: { access: 'plan:manage', audit: 'plan.assessment_veto_restore' },
      schema: {
        tags,
        summary:
          'Restore an automatic veto set aside; 409 when it was not set aside or the results are published',
        params: unitParams,
        response: { 200: assessmentDetailSchema },
      },
    },
    async (request) => {
      request.auditTarget = request.params.id;
      const { id, organisationId } = request.params;
      return assessments.overrideVeto(planViewerOf(requireAuth(request)), id, organisationId, null);
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
