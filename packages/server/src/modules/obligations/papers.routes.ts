import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  defaultLicenceTypes,
  licenceApplicationInputSchema,
  licenceApplicationSchema,
  licenceListQuerySchema,
  licenceStepInputSchema,
  pageOf,
  projectInputSchema,
  projectListQuerySchema,
  projectSchema,
  projectStepInputSchema,
} from '@anjian/domain';
import { requireAuth } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import { exportIdsSchema, rowsOf, sendListExport } from '../../platform/office/index.ts';
import { licenceExportColumns, projectExportColumns } from './obligations-export.ts';
import type { PapersService } from './papers.service.ts';

const tags = ['obligations'];
const idParams = z.object({ id: z.uuid() });
const typeName = (code: string) => defaultLicenceTypes.find((t) => t.code === code)?.nameZh ?? '';

export function registerPapersRoutes(
  app: FastifyInstance,
  { papers, clock }: { papers: PapersService; clock: Clock },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const licences = '/api/v1/obligations/licence-applications';
  const projects = '/api/v1/obligations/projects';

  api.get(
    licences,
    {
      config: { access: 'registry:read' },
      schema: {
        tags,
        summary: 'Licence applications with their statutory deadlines in working days',
        querystring: licenceListQuerySchema,
        response: { 200: pageOf(licenceApplicationSchema) },
      },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      return papers.listApplications(requireAuth(request), filter, { page, pageSize });
    },
  );

  api.get(
    `${licences}/export`,
    {
      config: { access: 'registry:read', audit: 'obligations.licences_export' },
      schema: {
        tags,
        querystring: licenceListQuerySchema
          .omit({ page: true, pageSize: true })
          .extend({ ids: exportIdsSchema }),
      },
    },
    async (request, reply) => {
      const { ids, ...filter } = request.query;
      const auth = requireAuth(request);
      const rows = await rowsOf(
        (page, pageSize) => papers.listApplications(auth, filter, { page, pageSize }),
        ids,
      );
      const named = (async function* () {
        for await (const batch of rows)
          yield batch.map((a) => ({ ...a, licenceTypeName: typeName(a.licenceType) }));
      })();
      return sendListExport(
        request,
        reply,
        { asciiName: 'licence-applications', name: '行政许可办理', clock },
        licenceExportColumns,
        named,
      );
    },
  );

  api.post(
    licences,
    {
      config: { access: 'registry:write', audit: 'obligations.licence_apply' },
      schema: { tags, body: licenceApplicationInputSchema, response: { 201: licenceApplicationSchema } },
    },
    async (request, reply) => {
      const created = await papers.apply(requireAuth(request), request.body);
      request.auditTarget = created.id;
      return reply.status(201).send(created);
    },
  );

  api.get(
    `${licences}/:id`,
    {
      config: { access: 'registry:read' },
      schema: { tags, params: idParams, response: { 200: licenceApplicationSchema } },
    },
    async (request) => papers.getApplication(requireAuth(request), request.params.id),
  );

  api.post(
    `${licences}/:id/steps`,
    {
      config: { access: 'registry:write', audit: 'obligations.licence_step' },
      schema: {
        tags,
        summary: 'Record the next step (accepted → reviewed → decided), none skipped',
        params: idParams,
        body: licenceStepInputSchema,
        response: { 200: licenceApplicationSchema },
      },
    },
    async (request) => papers.step(requireAuth(request), request.params.id, request.body),
  );

  api.get(
    projects,
    {
      config: { access: 'registry:read' },
      schema: {
        tags,
        summary: 'Construction projects with their 三同时 steps',
        querystring: projectListQuerySchema,
        response: { 200: pageOf(projectSchema) },
      },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      return papers.listProjects(requireAuth(request), filter, { page, pageSize });
    },
  );

  api.get(
    `${projects}/export`,
    {
      config: { access: 'registry:read', audit: 'obligations.projects_export' },
      schema: {
        tags,
        querystring: projectListQuerySchema
          .omit({ page: true, pageSize: true })
          .extend({ ids: exportIdsSchema }),
      },
    },
    async (request, reply) => {
      const { ids, ...filter } = request.query;
      const auth = requireAuth(request);
      const rows = await rowsOf(
        (page, pageSize) => papers.listProjects(auth, filter, { page, pageSize }),
        ids,
      );
      return sendListExport(
        request,
        reply,
        { asciiName: 'construction-projects', name: '建设项目三同时', clock },
        projectExportColumns,
        rows,
      );
    },
  );

  api.post(
    projects,
    {
      config: { access: 'registry:write', audit: 'obligations.project_create' },
      schema: { tags, body: projectInputSchema, response: { 201: projectSchema } },
    },
    async (request, reply) => {
      const created = await papers.createProject(requireAuth(request), request.body);
      request.auditTarget = created.id;
      return reply.status(201).send(created);
    },
  );

  api.get(
    `${projects}/:id`,
    {
      config: { access: 'registry:read' },
      schema: { tags, params: idParams, response: { 200: projectSchema } },
    },
    async (request) => papers.getProject(requireAuth(request), request.params.id),
  );

  api.post(
    `${projects}/:id/steps`,
    {
      config: { access: 'registry:write', audit: 'obligations.project_step' },
      schema: {
        tags,
        summary: 'Record a 三同时 step (pre-assessment, design review, construction, completion) in order',
        params: idParams,
        body: projectStepInputSchema,
        response: { 200: projectSchema },
      },
    },
    async (request) => papers.recordProjectStep(requireAuth(request), request.params.id, request.body),
  );
}
