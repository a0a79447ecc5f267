import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  responsibilityHolderKindNames,
  responsibilityListCreateSchema,
  responsibilityListDetailSchema,
  responsibilityListReviseSchema,
  responsibilityListSchema,
  responsibilityVersionSchema,
} from '@anjian/domain';
import { requireAuth } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import { cell, sendOfficeFile, workbookBuffer } from '../../platform/office/index.ts';
import { planViewerOf } from './plan-viewer.ts';
import type { ResponsibilityList } from './responsibility-lists.repository.ts';
import type { ResponsibilityListsService } from './responsibility-lists.service.ts';

const tags = ['plan'];
const readers = ['plan:manage', 'plan:report'] as const;
const idParams = z.object({ id: z.uuid() }).strict();

interface ItemRow {
  list: ResponsibilityList;
  no: number;
  item: string;
}

const exportColumns = [
  { header: '清单', width: 36, value: (r: ItemRow) => r.list.title },
  { header: '责任主体类别', width: 12, value: (r: ItemRow) => responsibilityHolderKindNames[r.list.kind].zh },
  { header: '责任主体', width: 24, value: (r: ItemRow) => r.list.holder },
  { header: '现行版本', width: 10, value: (r: ItemRow) => `第${r.list.version}版` },
  { header: '发布时间', width: 18, value: (r: ItemRow) => cell.dateTime(r.list.publishedAt) },
  { header: '序号', width: 6, value: (r: ItemRow) => r.no },
  { header: '责任事项', width: 60, value: (r: ItemRow) => r.item },
  { header: '演示数据', width: 8, value: (r: ItemRow) => cell.yesNo(r.list.demo) },
];

/** Responsibility lists (责任清单): read by the units they name, kept and revised by the 安委办. */
export function registerResponsibilityListRoutes(
  app: FastifyInstance,
  deps: { clock: Clock; lists: ResponsibilityListsService },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { lists, clock } = deps;
  const base = '/api/v1/plan/responsibility-lists';

  api.get(
    base,
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'Responsibility lists with their current version (a unit: its own and the city leaders’)',
        response: { 200: z.array(responsibilityListSchema) },
      },
    },
    async (request) =>
      (await lists.list(planViewerOf(requireAuth(request)))).map(({ items: _i, note: _n, ...list }) => list),
  );

  api.get(
    `${base}/export`,
    {
      config: { access: readers, audit: 'plan.responsibility_list_export' },
      schema: {
        tags,
        summary: 'The current version of every list the caller reads, one row per item, as Excel',
      },
    },
    async (request, reply) => {
      const found = await lists.list(planViewerOf(requireAuth(request)));
      const rows = found.flatMap((list) => list.items.map((item, i) => ({ list, no: i + 1, item })));
      const now = clock.now();
      const buffer = await workbookBuffer('责任清单', exportColumns, rows, { exportedAt: now });
      return sendOfficeFile(
        reply,
        'xlsx',
        { asciiName: 'responsibility_lists', name: '责任清单', stampedAt: now },
        buffer,
      );
    },
  );

  api.post(
    base,
    {
      config: { access: 'plan:manage', audit: 'plan.responsibility_list_create' },
      schema: {
        tags,
        summary: 'A new responsibility list, published as version 1',
        body: responsibilityListCreateSchema,
        response: { 201: responsibilityListDetailSchema },
      },
    },
    async (request, reply) => {
      const created = await lists.create(planViewerOf(requireAuth(request)), request.body);
      request.auditTarget = created.id;
      return reply.code(201).send(created);
    },
  );

  api.get(
    `${base}/:id`,
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'A list’s current version and the summary of every version',
        params: idParams,
        response: { 200: responsibilityListDetailSchema },
      },
    },
    async (request) => lists.detail(planViewerOf(requireAuth(request)), request.params.id),
  );

  api.put(
    `${base}/:id`,
    {
      config: { access: 'plan:manage', audit: 'plan.responsibility_list_revise' },
      schema: {
        tags,
        summary:
          'Edit the items: publishes the next version (the one edited must still be current, else 409); older versions stay readable',
        params: idParams,
        body: responsibilityListReviseSchema,
        response: { 200: responsibilityListDetailSchema },
      },
    },
    async (request) => {
      request.auditTarget = request.params.id;
      return lists.revise(planViewerOf(requireAuth(request)), request.params.id, request.body);
    },
  );

  api.get(
    `${base}/:id/versions/:version`,
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'One version of a list, with the items it added and removed against the version before',
        params: z.object({ id: z.uuid(), version: z.coerce.number().int().min(1).max(100000) }).strict(),
        response: { 200: responsibilityVersionSchema },
      },
    },
    async (request) =>
      lists.version(planViewerOf(requireAuth(request)), request.params.id, request.params.version),
  );
}
