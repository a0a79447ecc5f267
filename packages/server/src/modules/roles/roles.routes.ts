import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  permissionCatalogue,
  permissionInfoSchema,
  roleCreateSchema,
  roleSchema,
  roleUpdateSchema,
} from '@anjian/domain';
import type { RolesService } from './roles.service.ts';

const codeParams = z.object({ code: z.string().max(64) });
const tags = ['roles'];

export function registerRolesRoutes(app: FastifyInstance, { roles }: { roles: RolesService }) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/roles',
    {
      // The system administrator needs the list to assign roles; only the security administrator edits them.
      config: { access: ['role:read', 'user:write'] },
      schema: {
        tags,
        summary: 'Roles with their permissions',
        response: { 200: z.object({ items: z.array(roleSchema) }) },
      },
    },
    async () => ({ items: await roles.list() }),
  );

  api.get(
    '/api/v1/permissions',
    {
      config: { access: 'role:read' },
      schema: {
        tags,
        summary: 'The permission catalogue',
        response: { 200: z.object({ items: z.array(permissionInfoSchema) }) },
      },
    },
    async () => ({ items: [...permissionCatalogue] }),
  );

  api.post(
    '/api/v1/roles',
    {
      config: { access: 'role:write', audit: 'role.create' },
      schema: { tags, body: roleCreateSchema, response: { 201: roleSchema } },
    },
    async (request, reply) => {
      request.auditTarget = request.body.code;
      request.auditDetail = `permissions=${request.body.permissions.join(',')} clearance=${request.body.clearance}`;
      return reply.status(201).send(await roles.create(request.body));
    },
  );

  api.patch(
    '/api/v1/roles/:code',
    {
      config: { access: 'role:write', audit: 'role.update' },
      schema: { tags, params: codeParams, body: roleUpdateSchema, response: { 200: roleSchema } },
    },
    async (request) => {
      const detail = [
        request.body.permissions ? `permissions=${request.body.permissions.join(',')}` : null,
        request.body.clearance ? `clearance=${request.body.clearance}` : null,
      ].filter((part) => part !== null);
      if (detail.length > 0) request.auditDetail = detail.join(' ');
      return roles.update(request.params.code, request.body);
    },
  );

  api.delete(
    '/api/v1/roles/:code',
    {
      config: { access: 'role:write', audit: 'role.delete' },
      schema: { tags, params: codeParams, response: { 200: z.object({ ok: z.literal(true) }) } },
    },
    async (request) => {
      await roles.remove(request.params.code);
      return { ok: true as const };
    },
  );
}
