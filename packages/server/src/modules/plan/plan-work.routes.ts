import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  assessmentCreateSchema,
  assessmentDetailSchema,
  assessmentGradeNames,
  assessmentScoresSchema,
  campaignCreateSchema,
  campaignDetailSchema,
  campaignObjectCloseSchema,
  campaignObjectCreateSchema,
  campaignObjectVerifySchema,
  campaignSchema,
} from '@anjian/domain';
import { requireAuth } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import { sendOfficeFile, workbookBuffer } from '../../platform/office/index.ts';
import type { AssessmentService } from './assessment.service.ts';
import type { EnterpriseSuggestions } from '../registry/index.ts';
import type { CampaignsService } from './campaigns.service.ts';
import { planViewerOf } from './plan-viewer.ts';

const tags = ['plan'];
const readers = ['plan:manage', 'plan:report'] as const;
const idParams = z.object({ id: z.uuid() }).strict();

type Ranked = Awaited<ReturnType<AssessmentService['detail']>>['units'][number];

/** Yearly assessments (目标责任考核) and special campaigns (专项整治). */
export function registerPlanWorkRoutes(
  app: FastifyInstance,
  deps: {
    clock: Clock;
    assessments: AssessmentService;
    campaigns: CampaignsService;
    suggestions: EnterpriseSuggestions;
  },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { assessments, campaigns, clock } = deps;

  api.get(
    '/api/v1/plan/assessments',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'Yearly assessments',
        response: {
          200: z.array(
            z.object({
              id: z.string(),
              year: z.number().int(),
              name: z.string(),
              units: z.number().int(),
              scored: z.number().int(),
              demo: z.boolean(),
              publishedAt: z.string().nullable(),
            }),
          ),
        },
      },
    },
    async () => assessments.list(),
  );

  api.post(
    '/api/v1/plan/assessments',
    {
      config: { access: 'plan:manage', audit: 'plan.assessment_create' },
      schema: {
        tags,
        summary: 'Create a yearly assessment: items with maximum scores (100 in all) and the units assessed',
        body: assessmentCreateSchema,
        response: { 201: assessmentDetailSchema },
      },
    },
    async (request, reply) => {
      const created = await assessments.create(planViewerOf(requireAuth(request)), request.body);
      request.auditTarget = created.id;
      return reply.code(201).send(created);
    },
  );

  api.get(
    '/api/v1/plan/assessments/:id',
    {
      config: { access: readers },
      schema: {
        tags,
        summary:
          'An assessment with its units ranked on the assessors’ scores, and the self-assessments of the caller’s units (the 安委办: all)',
        params: idParams,
        response: { 200: assessmentDetailSchema },
      },
    },
    async (request) => assessments.detail(planViewerOf(requireAuth(request)), request.params.id),
  );

  api.put(
    '/api/v1/plan/assessments/:id/scores',
    {
      config: { access: 'plan:manage', audit: 'plan.assessment_score' },
      schema: {
        tags,
        summary:
          'Score one unit (per item), with a veto (一票否决) when it applies; locks the unit’s self-assessment. Refused once published',
        params: idParams,
        body: assessmentScoresSchema,
        response: { 200: assessmentDetailSchema },
      },
    },
    async (request) => {
      request.auditTarget = request.params.id;
      return assessments.score(planViewerOf(requireAuth(request)), request.params.id, request.body);
    },
  );

  api.get(
    '/api/v1/plan/assessments/:id/export',
    {
      config: { access: readers, audit: 'plan.assessment_export' },
      schema: {
        tags,
        summary:
          'The ranking as Excel (the notice’s annex), with the self-assessment total of the caller’s units (the 安委办: all)',
        params: idParams,
      },
    },
    async (request, reply) => {
      const found = await assessments.detail(planViewerOf(requireAuth(request)), request.params.id);
      const columns = [
        { header: '名次', width: 8, value: (u: Ranked) => u.rank },
        { header: '单位', width: 28, value: (u: Ranked) => u.organisationName },
        ...found.items.map((item) => ({
          header: `${item.name}（${item.maxScore}分）`,
          width: 14,
          value: (u: Ranked) => u.scores[item.code] ?? null,
        })),
        { header: '自评总分', width: 10, value: (u: Ranked) => u.selfAssessment?.total ?? null },
        { header: '总分', width: 10, value: (u: Ranked) => u.total },
        { header: '等次', width: 10, value: (u: Ranked) => assessmentGradeNames[u.grade].zh },
        { header: '一票否决', width: 40, value: (u: Ranked) => u.veto ?? '' },
        {
          header: '自动否决撤销理由',
          width: 30,
          value: (u: Ranked) => (u.vetoOverride ? `${u.vetoOverride.reason}（${u.vetoOverride.by}）` : ''),
        },
        { header: '评语', width: 30, value: (u: Ranked) => u.comment },
      ];
      const now = clock.now();
      const buffer = await workbookBuffer(`${found.year}年考核结果`, columns, found.units, {
        exportedAt: now,
      });
      return sendOfficeFile(
        reply,
        'xlsx',
        { asciiName: 'plan_assessment', name: `${found.year}年${found.name}结果`, stampedAt: now },
        buffer,
      );
    },
  );

  api.get(
    '/api/v1/plan/campaigns',
    {
      config: { access: readers },
      schema: { tags, summary: 'Special campaigns (专项整治)', response: { 200: z.array(campaignSchema) } },
    },
    async () => campaigns.list(),
  );

  api.post(
    '/api/v1/plan/campaigns',
    {
      config: { access: 'plan:manage', audit: 'plan.campaign_create' },
      schema: {
        tags,
        summary: 'Start a special campaign',
        body: campaignCreateSchema,
        response: { 201: campaignDetailSchema },
      },
    },
    async (request, reply) => {
      const created = await campaigns.create(planViewerOf(requireAuth(request)), request.body);
      request.auditTarget = created.id;
      return reply.code(201).send(created);
    },
  );

  api.get(
    '/api/v1/plan/campaigns/enterprise-options',
    {
      config: { access: 'plan:manage' },
      schema: {
        tags,
        summary:
          'Operating enterprises by part of the name or the credit code, for a campaign object (the 安委办 reads no more of the registry)',
        querystring: z.object({ q: z.string().trim().max(100).default('') }).strict(),
        response: {
          200: z.array(
            z.object({ id: z.string(), name: z.string(), creditCode: z.string(), county: z.string() }),
          ),
        },
      },
    },
    async (request) => deps.suggestions.suggest(request.query.q, 30),
  );

  api.get(
    '/api/v1/plan/campaigns/:id',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'A campaign with the objects the caller answers for (the 安委办: all)',
        params: idParams,
        response: { 200: campaignDetailSchema },
      },
    },
    async (request) => campaigns.detail(planViewerOf(requireAuth(request)), request.params.id),
  );

  api.post(
    '/api/v1/plan/campaigns/:id/objects',
    {
      config: { access: 'plan:manage', audit: 'plan.campaign_object_add' },
      schema: {
        tags,
        summary: 'Add an object (an enterprise of the registry) and the unit that answers for it',
        params: idParams,
        body: campaignObjectCreateSchema,
        response: { 201: campaignDetailSchema },
      },
    },
    async (request, reply) => {
      request.auditTarget = request.params.id;
      const detail = await campaigns.addObject(
        planViewerOf(requireAuth(request)),
        request.params.id,
        request.body,
      );
      return reply.code(201).send(detail);
    },
  );

  api.post(
    '/api/v1/plan/campaign-objects/:id/close',
    {
      config: { access: 'plan:report', audit: 'plan.campaign_object_close' },
      schema: {
        tags,
        summary: 'The unit closes an object (销号) with evidence',
        params: idParams,
        body: campaignObjectCloseSchema,
        response: { 200: campaignDetailSchema },
      },
    },
    async (request) => {
      const auth = requireAuth(request);
      request.auditTarget = request.params.id;
      return campaigns.close(planViewerOf(auth), auth.scope, request.params.id, request.body);
    },
  );

  api.post(
    '/api/v1/plan/campaign-objects/:id/verify',
    {
      config: { access: 'plan:manage', audit: 'plan.campaign_object_verify' },
      schema: {
        tags,
        summary: 'The 安委办 verifies a closure (or sends it back)',
        params: idParams,
        body: campaignObjectVerifySchema,
        response: { 200: campaignDetailSchema },
      },
    },
    async (request) => {
      request.auditTarget = request.params.id;
      return campaigns.verify(planViewerOf(requireAuth(request)), request.params.id, request.body);
    },
  );
}
