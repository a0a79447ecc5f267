import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { warningTemplateInputSchema, warningTemplateSchema, type Permission } from '@anjian/domain';
import { requireAuth } from '../../platform/access.ts';
import type { WarningTemplatesService } from './warning-templates.service.ts';

const tags = ['warnings'];
const write: Permission = 'warning:write';
const either: readonly Permission[] = [write, 'warning:approve'];
const idParams = z.object({ id: z.uuid() });

/** Templates per event type with placeholders, managed in the UI by the warning authors. */
export function registerWarningTemplateRoutes(
  app: FastifyInstance,
  { templates }: { templates: WarningTemplatesService },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/warnings/templates',
    {
      config: { access: either },
      schema: {
        tags,
        summary: 'Warning templates, by event type',
        response: { 200: z.object({ items: z.array(warningTemplateSchema) }) },
      },
    },
    async () => ({ items: await templates.list() }),
  );

  api.post(
    '/api/v1/warnings/templates',
    {
      config: { access: write, audit: 'warning.template_create' },
      schema: {
        tags,
        summary: 'Add a template',
        body: warningTemplateInputSchema,
        response: { 201: warningTemplateSchema },
      },
    },
    async (request, reply) => {
      const created = await templates.create(request.body, requireAuth(request).username);
      request.auditTarget = created.id;
      return reply.status(201).send(created);
    },
  );

  api.put(
    '/api/v1/warnings/templates/:id',
    {
      config: { access: write, audit: 'warning.template_edit' },
      schema: {
        tags,
        summary: 'Change a template',
        params: idParams,
        body: warningTemplateInputSchema,
        response: { 200: warningTemplateSchema },
      },
    },
    async (request) => {
      request.auditTarget = request.params.id;
      return templates.update(request.params.id, request.body);
    },
  );

  api.delete(
    '/api/v1/warnings/templates/:id',
    {
      config: { access: write, audit: 'warning.template_delete' },
      schema: { tags, summary: 'Remove a template', params: idParams },
    },
    async (request, reply) => {
      request.auditTarget = request.params.id;
      await templates.remove(request.params.id);
      return reply.status(204).send();
    },
  );
}
