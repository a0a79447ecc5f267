import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  supervisionLetterCreateSchema,
  supervisionLetterQuerySchema,
  supervisionLetterReplySchema,
  supervisionLetterSchema,
} from '@anjian/domain';
import { requireAuth } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import { cell, sendOfficeFile, registerListWithExport } from '../../platform/office/index.ts';
import type { LetterView, PlanLetters } from './plan-letters.ts';
import { planViewerOf } from './plan-viewer.ts';

const tags = ['plan'];
const readers = ['plan:manage', 'plan:report'] as const;
const idParams = z.object({ id: z.uuid() }).strict();
const stateNames = { awaiting: '待回复', overdue: '逾期未回复', replied: '已回复' } as const;

const letterColumns = [
  { header: '文号', width: 22, value: (l: LetterView) => l.number },
  { header: '责任单位', width: 24, value: (l: LetterView) => l.organisationName },
  { header: '任务编号', width: 10, value: (l: LetterView) => l.taskCode },
  { header: '任务', width: 36, value: (l: LetterView) => l.taskTitle },
  { header: '逾期节点', width: 20, value: (l: LetterView) => l.milestoneTitle ?? '' },
  { header: '督办事项', width: 40, value: (l: LetterView) => l.requirement },
  { header: '回复期限', width: 12, value: (l: LetterView) => l.replyBy },
  { header: '状态', width: 12, value: (l: LetterView) => stateNames[l.state] },
  { header: '回复内容', width: 40, value: (l: LetterView) => l.reply ?? '' },
  { header: '演示数据', width: 8, value: (l: LetterView) => cell.yesNo(l.demo) },
];

/** 督办函: issued by the 安委办 on overdue work, answered by the unit, downloaded as DOCX. */
export function registerPlanLetterRoutes(app: FastifyInstance, deps: { clock: Clock; letters: PlanLetters }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { letters, clock } = deps;

  registerListWithExport(app, {
    path: '/api/v1/plan/letters',
    tags,
    access: readers,
    summary: 'Supervision letters (督办函): the 安委办 sees all, a unit those addressed to it',
    query: supervisionLetterQuerySchema,
    item: supervisionLetterSchema,
    viewer: (request) => planViewerOf(requireAuth(request)),
    list: (viewer, filter, paging) => letters.list(viewer, filter, paging),
    export: {
      audit: 'plan.letter_export',
      summary: 'The supervision letters as Excel (督办函台账)',
      asciiName: 'plan_letters',
      name: '督办函台账',
      columns: letterColumns,
    },
    clock,
  });

  api.post(
    '/api/v1/plan/assignments/:id/letters',
    {
      config: { access: 'plan:manage', audit: 'plan.letter_issue' },
      schema: {
        tags,
        summary: 'Issue a numbered supervision letter on an overdue assignment or milestone',
        params: idParams,
        body: supervisionLetterCreateSchema,
        response: { 201: supervisionLetterSchema },
      },
    },
    async (request, reply) => {
      const letter = await letters.issue(planViewerOf(requireAuth(request)), request.params.id, request.body);
      request.auditTarget = letter.id;
      request.auditDetail = letter.number;
      return reply.code(201).send(letter);
    },
  );

  api.post(
    '/api/v1/plan/letters/:id/reply',
    {
      config: { access: 'plan:report', audit: 'plan.letter_reply' },
      schema: {
        tags,
        summary: 'The unit answers a supervision letter (once) with evidence',
        params: idParams,
        body: supervisionLetterReplySchema,
        response: { 200: supervisionLetterSchema },
      },
    },
    async (request) => {
      const auth = requireAuth(request);
      request.auditTarget = request.params.id;
      return letters.reply(planViewerOf(auth), auth.scope, request.params.id, request.body);
    },
  );

  api.get(
    '/api/v1/plan/letters/:id/docx',
    {
      config: { access: readers, audit: 'plan.letter_docx' },
      schema: { tags, summary: 'The supervision letter as DOCX', params: idParams },
    },
    async (request, reply) => {
      request.auditTarget = request.params.id;
      const { number, body } = await letters.docx(planViewerOf(requireAuth(request)), request.params.id);
      return sendOfficeFile(
        reply,
        'docx',
        { asciiName: 'plan_letter', name: `督办函${number}`, stampedAt: clock.now() },
        body,
      );
    },
  );
}
