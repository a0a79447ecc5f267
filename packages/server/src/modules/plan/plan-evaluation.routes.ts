import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  evaluationQuerySchema,
  evaluationVersionCreateSchema,
  evaluationVersionListSchema,
  evaluationVersionQuerySchema,
  evaluationVersionSchema,
  type EvaluationKind,
} from '@anjian/domain';
import { requireAuth } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import { sendOfficeFile } from '../../platform/office/index.ts';
import type { EvaluationVersions } from './plan-evaluation-versions.ts';

const tags = ['plan'];
const idParams = z.object({ id: z.uuid() }).strict();
const kindNames = { mid: '中期', final: '终期' } as const;

/**
 * The mid-term and final evaluation reports (the 安委办 drafts them city-wide, like the plan's
 * assessment): the draft generated now, and its saved versions, kept unchanged.
 */
export function registerPlanEvaluationRoutes(
  app: FastifyInstance,
  deps: { clock: Clock; evaluations: EvaluationVersions },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { clock, evaluations } = deps;
  const fileName = (kind: EvaluationKind, version?: number) => ({
    asciiName: `plan_evaluation_${kind}${version ? `_v${version}` : ''}`,
    name: `规划${kindNames[kind]}评估报告${version ? `_第${version}版` : ''}`,
    stampedAt: clock.now(),
  });

  api.get(
    '/api/v1/plan/plans/:id/evaluation',
    {
      config: { access: 'plan:manage', audit: 'plan.evaluation' },
      schema: {
        tags,
        summary:
          'Draft of the mid-term (2023) or final (2025) evaluation report as DOCX (the newest version’s author text carried in)',
        params: idParams,
        querystring: evaluationQuerySchema,
      },
    },
    async (request, reply) => {
      const { body } = await evaluations.draft(request.params.id, request.query.kind);
      return sendOfficeFile(reply, 'docx', fileName(request.query.kind), body);
    },
  );

  api.get(
    '/api/v1/plan/plans/:id/evaluation/versions',
    {
      config: { access: 'plan:manage' },
      schema: {
        tags,
        summary: 'Saved versions of the plan’s evaluation reports, newest first',
        params: idParams,
        querystring: evaluationVersionQuerySchema,
        response: { 200: evaluationVersionListSchema },
      },
    },
    async (request) => ({ items: await evaluations.list(request.params.id, request.query.kind) }),
  );

  api.post(
    '/api/v1/plan/plans/:id/evaluation/versions',
    {
      config: { access: 'plan:manage', audit: 'plan.evaluation_version_save' },
      schema: {
        tags,
        summary:
          'Generate the report now and keep it as the next version (the authors’ text given, or the previous version’s)',
        params: idParams,
        body: evaluationVersionCreateSchema,
        response: { 201: evaluationVersionSchema },
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      const saved = await evaluations.save(request.params.id, request.body, auth.userId);
      request.auditTarget = saved.id;
      request.auditDetail = `${kindNames[saved.kind]}评估 第${saved.version}版`;
      return reply.code(201).send(saved);
    },
  );

  api.get(
    '/api/v1/plan/evaluation-versions/:id/docx',
    {
      config: { access: 'plan:manage', audit: 'plan.evaluation_version_download' },
      schema: { tags, summary: 'A saved version’s DOCX, unchanged', params: idParams },
    },
    async (request, reply) => {
      const { version, body } = await evaluations.docx(request.params.id);
      request.auditTarget = version.id;
      return sendOfficeFile(reply, 'docx', fileName(version.kind, version.version), body);
    },
  );
}
