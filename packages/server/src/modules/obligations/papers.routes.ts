import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  licenceApplicationInputSchema,
  licenceApplicationSchema,
  licenceListQuerySchema,
  licenceStepInputSchema,
  projectInputSchema,
  projectListQuerySchema,
  projectSchema,
  projectStepInputSchema,
} from '@anjian/domain';
import { requireAuth } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import { registerListWithExport } from '../../platform/office/index.ts';
import { licenceExportColumns, projectExportColumns } from './obligations-export.ts';
import type { PapersService } from './papers.service.ts';

const tags = ['obligations'];
const idParams = z.object({ id: z.uuid() });

export function registerPapersRoutes(
  app: FastifyInstance,
  { papers, clock }: { papers: PapersService; clock: Clock },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const licences = '/api/v1/obligations/licence-applications';
  const projects = '/api/v1/obligations/projects';

  registerListWithExport(app, {
    path: licences,
    tags,
    access: 'registry:read',
    summary: 'Licence applications with their statutory deadlines in working days',
    query: licenceListQuerySchema,
    item: licenceApplicationSchema,
    viewer: (request) => requireAuth(request),
    list: (viewer, filter, paging) => papers.listApplications(viewer, filter, paging),
    export: {
      audit: 'obligations.licences_export',
      asciiName: 'licence-applications',
      name: '行政许可办理',
      columns: licenceExportColumns,
    },
    clock,
  });

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

  registerListWithExport(app, {
    path: projects,
    tags,
    access: 'registry:read',
    summary: 'Construction projects with their 三同时 steps',
    query: projectListQuerySchema,
    item: projectSchema,
    viewer: (request) => requireAuth(request),
    list: (viewer, filter, paging) => papers.listProjects(viewer, filter, paging),
    export: {
      audit: 'obligations.projects_export',
      asciiName: 'construction-projects',
      name: '建设项目三同时',
      columns: projectExportColumns,
    },
    clock,
  });

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
