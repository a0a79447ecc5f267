import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  assignmentCreateSchema,
  assignmentDetailSchema,
  assignmentQuerySchema,
  assignmentSchema,
  DomainError,
  escalationSchema,
  organisationMembersSchema,
  organisationSchema,
  pageOf,
  pageQuerySchema,
  planEscalationStepNames,
  planSchema,
  progressReportSchema,
} from '@anjian/domain';
import { requireAuth } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import { cell, registerListWithExport } from '../../platform/office/index.ts';
import type { PlanEscalationRepository } from './plan-escalation.repository.ts';
import { planViewerOf } from './plan-viewer.ts';
import type { PlanService } from './plan.service.ts';
import type { Assignment } from './plan.repository.ts';
import type { PlanFigureReader } from './plan-figure-reader.ts';

const tags = ['plan'];
const readers = ['plan:manage', 'plan:report'] as const;
const idParams = z.object({ id: z.uuid() }).strict();
const statusNames = { open: '进行中', at_risk: '存在风险', done: '已完成' } as const;

const assignmentColumns = [
  { header: '任务编号', width: 10, value: (a: Assignment) => a.taskCode },
  { header: '任务', width: 40, value: (a: Assignment) => a.taskTitle },
  { header: '责任单位', width: 24, value: (a: Assignment) => a.organisationName },
  { header: '完成期限', width: 12, value: (a: Assignment) => a.deadline },
  { header: '进度（%）', width: 10, value: (a: Assignment) => a.percent },
  { header: '状态', width: 10, value: (a: Assignment) => statusNames[a.status] },
  { header: '逾期节点', width: 10, value: (a: Assignment) => a.overdueMilestones },
  { header: '演示数据', width: 8, value: (a: Assignment) => cell.yesNo(a.demo) },
];

export function registerPlanRoutes(
  app: FastifyInstance,
  deps: {
    clock: Clock;
    service: PlanService;
    escalation: PlanEscalationRepository;
    /** Whether a figure a task is tied to exists (a 专栏1 indicator must). */
    figures: Pick<PlanFigureReader, 'known'>;
  },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { service, clock } = deps;

  api.get(
    '/api/v1/plan/organisations',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'The units carrying out the plan (a tree)',
        response: { 200: z.array(organisationSchema) },
      },
    },
    async () => service.organisations(),
  );

  api.put(
    '/api/v1/plan/organisations/:id/members',
    {
      config: { access: 'plan:manage', audit: 'plan.organisation_members' },
      schema: {
        tags,
        summary: 'The accounts that work for a unit (they see its plan work)',
        params: idParams,
        body: organisationMembersSchema,
        response: { 200: z.object({ organisationId: z.string(), userIds: z.array(z.string()) }) },
      },
    },
    async (request) => service.setMembers(request.params.id, request.body.userIds),
  );

  api.get(
    '/api/v1/plan/plans',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'Plans loaded (the built-in 十四五 plan and any the bureau imported)',
        response: {
          200: z.array(
            planSchema.pick({
              id: true,
              code: true,
              name: true,
              startYear: true,
              endYear: true,
              builtin: true,
            }),
          ),
        },
      },
    },
    async () => service.plans(),
  );

  api.get(
    '/api/v1/plan/plans/:id',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'A plan: chapters, tasks, 专栏 and indicators',
        params: idParams,
        response: { 200: planSchema },
      },
    },
    async (request) => service.plan(request.params.id),
  );

  registerListWithExport(app, {
    path: '/api/v1/plan/assignments',
    tags,
    access: readers,
    summary: 'Task assignments: the 安委办 sees all, a unit its own',
    query: assignmentQuerySchema,
    item: assignmentSchema,
    viewer: (request) => planViewerOf(requireAuth(request)),
    list: (viewer, filter, paging) => service.list(viewer, filter, paging),
    export: {
      audit: 'plan.assignment_export',
      summary: 'The filtered assignments as Excel',
      asciiName: 'plan_assignments',
      name: '规划任务分解台账',
      columns: assignmentColumns,
    },
    clock,
  });

  api.post(
    '/api/v1/plan/assignments',
    {
      config: { access: 'plan:manage', audit: 'plan.assign' },
      schema: {
        tags,
        summary: 'Assign a task to a unit with a deadline and milestones',
        body: assignmentCreateSchema,
        response: { 201: assignmentDetailSchema },
      },
    },
    async (request, reply) => {
      const { figureCode } = request.body;
      if (figureCode && !(await deps.figures.known(figureCode))) throw new DomainError('plan.figure_unknown');
      const created = await service.assign(planViewerOf(requireAuth(request)), request.body);
      request.auditTarget = created.id;
      return reply.code(201).send(created);
    },
  );

  api.get(
    '/api/v1/plan/assignments/:id',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'An assignment with milestones and progress',
        params: idParams,
        response: { 200: assignmentDetailSchema },
      },
    },
    async (request) => service.detail(planViewerOf(requireAuth(request)), request.params.id),
  );

  api.post(
    '/api/v1/plan/assignments/:id/progress',
    {
      config: { access: 'plan:report', audit: 'plan.progress' },
      schema: {
        tags,
        summary: 'The unit reports progress with evidence (uploads) and finishes milestones',
        params: idParams,
        body: progressReportSchema,
        response: { 200: assignmentDetailSchema },
      },
    },
    async (request) => {
      const auth = requireAuth(request);
      request.auditTarget = request.params.id;
      return service.report(planViewerOf(auth), auth.scope, request.params.id, request.body);
    },
  );

  api.get(
    '/api/v1/plan/escalations',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'Escalation steps fired on overdue milestones (提醒, 警示, 通报, 约谈)',
        querystring: pageQuerySchema.strict(),
        response: { 200: pageOf(escalationSchema.extend({ stepName: z.string() })) },
      },
    },
    async (request) => {
      const page = await deps.escalation.list(planViewerOf(requireAuth(request)), request.query);
      return {
        ...page,
        items: page.items.map((e) => ({ ...e, stepName: planEscalationStepNames[e.step].zh })),
      };
    },
  );
}
