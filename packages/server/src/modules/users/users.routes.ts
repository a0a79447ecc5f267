import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  pageOf,
  userCreatedSchema,
  userCreateSchema,
  userEnterpriseOptionSchema,
  userEnterpriseOptionsQuerySchema,
  userListQuerySchema,
  userSchema,
  userStatusChangeSchema,
  userUpdateSchema,
} from '@anjian/domain';
import { requireAuth } from '../../platform/access.ts';
import { exportIdsSchema, rowsOf, sendListExport } from '../../platform/office/index.ts';
import { userExportColumns } from './user-export.ts';
import type { UsersService } from './users.service.ts';
import type { Clock } from '../../platform/clock.ts';

const idParams = z.object({ id: z.uuid() });
const ok = z.object({ ok: z.literal(true) });
const tags = ['users'];

export function registerUsersRoutes(
  app: FastifyInstance,
  { users, clock }: { users: UsersService; clock: Clock },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/users',
    {
      config: { access: 'user:read' },
      schema: {
        tags,
        summary: 'Users within the caller’s scope',
        querystring: userListQuerySchema,
        response: { 200: pageOf(userSchema) },
      },
    },
    async (request) => users.list(requireAuth(request), request.query),
  );

  api.get(
    '/api/v1/users/export',
    {
      config: { access: 'user:read', audit: 'user.export' },
      schema: {
        tags,
        summary: 'The filtered user list as an Excel workbook',
        querystring: userListQuerySchema
          .omit({ page: true, pageSize: true })
          .extend({ ids: exportIdsSchema }),
      },
    },
    async (request, reply) => {
      const { ids, ...filter } = request.query;
      const auth = requireAuth(request);
      const rows = await rowsOf((page, pageSize) => users.list(auth, { ...filter, page, pageSize }), ids);
      return sendListExport(
        request,
        reply,
        { asciiName: 'users', name: '用户列表', clock },
        userExportColumns(await users.roleNamesZh()),
        rows,
      );
    },
  );

  api.post(
    '/api/v1/users',
    {
      config: { access: 'user:write', audit: 'user.create' },
      schema: {
        tags,
        summary: 'Create a user; answers a one-time password to hand over',
        body: userCreateSchema,
        response: { 201: userCreatedSchema },
      },
    },
    async (request, reply) => {
      const created = await users.create(requireAuth(request), request.body);
      request.auditTarget = created.user.id;
      request.auditDetail = `${created.user.username} roles=${created.user.roles.join(',')}`;
      return reply.status(201).send(created);
    },
  );

  api.get(
    '/api/v1/users/enterprise-options',
    {
      config: { access: 'user:write', audit: 'user.enterprise_lookup' },
      schema: {
        tags,
        summary:
          'Enterprises in the caller’s scope for an enterprise account (id, name, credit code, county; at most 20)',
        querystring: userEnterpriseOptionsQuerySchema,
        response: { 200: z.object({ items: z.array(userEnterpriseOptionSchema) }) },
      },
    },
    async (request) => {
      request.auditDetail = request.query.q;
      return { items: await users.enterpriseOptions(requireAuth(request), request.query.q) };
    },
  );

  api.get(
    '/api/v1/users/:id',
    { config: { access: 'user:read' }, schema: { tags, params: idParams, response: { 200: userSchema } } },
    async (request) => users.get(requireAuth(request), request.params.id),
  );

  api.patch(
    '/api/v1/users/:id',
    {
      config: { access: 'user:write', audit: 'user.update' },
      schema: { tags, params: idParams, body: userUpdateSchema, response: { 200: userSchema } },
    },
    async (request) => users.update(requireAuth(request), request.params.id, request.body),
  );

  api.post(
    '/api/v1/users/:id/status',
    {
      config: { access: 'user:write', audit: 'user.status' },
      schema: {
        tags,
        summary: 'Enable or disable; disabling ends all the user’s sessions',
        params: idParams,
        body: userStatusChangeSchema,
        response: { 200: userSchema },
      },
    },
    async (request) => {
      request.auditDetail = `${request.body.status}${request.body.reason ? `: ${request.body.reason}` : ''}`;
      return users.setStatus(requireAuth(request), request.params.id, request.body.status);
    },
  );

  api.post(
    '/api/v1/users/:id/reset-password',
    {
      config: { access: 'user:write', audit: 'user.reset_password' },
      schema: {
        tags,
        summary: 'Issue a new one-time password; the user must change it at next login',
        params: idParams,
        response: { 200: z.object({ initialPassword: z.string() }) },
      },
    },
    async (request) => users.resetPassword(requireAuth(request), request.params.id),
  );

  api.post(
    '/api/v1/users/:id/reset-totp',
    {
      config: { access: 'user:write', audit: 'user.reset_totp' },
      schema: {
        tags,
        summary: 'Remove the user’s authenticator so they enrol again',
        params: idParams,
        response: { 200: ok },
      },
    },
    async (request) => {
      await users.resetTotp(requireAuth(request), request.params.id);
      return { ok: true as const };
    },
  );

  api.post(
    '/api/v1/users/:id/unlock',
    {
      config: { access: 'user:write', audit: 'user.unlock' },
      schema: {
        tags,
        summary: 'Lift a lock-out after failed sign-ins',
        params: idParams,
        response: { 200: ok },
      },
    },
    async (request) => {
      await users.unlock(requireAuth(request), request.params.id);
      return { ok: true as const };
    },
  );

  api.post(
    '/api/v1/users/:id/end-sessions',
    {
      config: { access: 'session:manage', audit: 'user.end_sessions' },
      schema: {
        tags,
        summary: 'Sign the user out everywhere',
        params: idParams,
        response: { 200: z.object({ ended: z.number().int() }) },
      },
    },
    async (request) => users.endSessions(requireAuth(request), request.params.id),
  );
}
