import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  dutyLogEntrySchema,
  dutyLogInputSchema,
  dutyLogQuerySchema,
  dutyRosterQuerySchema,
  dutyShiftInputSchema,
  dutyShiftSchema,
} from '@anjian/domain';
import { requireAuth } from '../../platform/access.ts';
import type { DutyService } from './duty.service.ts';

const tags = ['emergency'];
const idParams = z.object({ id: z.uuid() });

export function registerDutyRoutes(app: FastifyInstance, { duty }: { duty: DutyService }) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/emergency/duty/roster',
    {
      config: { access: 'emergency:read' },
      schema: {
        tags,
        summary: 'Duty roster (值班表) for a range of at most 62 days, by date and shift',
        querystring: dutyRosterQuerySchema,
        response: { 200: z.object({ items: z.array(dutyShiftSchema) }) },
      },
    },
    async (request) => ({ items: await duty.roster(requireAuth(request), request.query) }),
  );

  api.post(
    '/api/v1/emergency/duty/roster',
    {
      config: { access: 'emergency:write', audit: 'emergency.duty_shift_create' },
      schema: { tags, body: dutyShiftInputSchema, response: { 201: dutyShiftSchema } },
    },
    async (request, reply) => {
      const created = await duty.createShift(requireAuth(request), request.body);
      request.auditTarget = created.id;
      return reply.status(201).send(created);
    },
  );

  api.put(
    '/api/v1/emergency/duty/roster/:id',
    {
      config: { access: 'emergency:write', audit: 'emergency.duty_shift_update' },
      schema: { tags, params: idParams, body: dutyShiftInputSchema, response: { 200: dutyShiftSchema } },
    },
    async (request) => duty.replaceShift(requireAuth(request), request.params.id, request.body),
  );

  api.delete(
    '/api/v1/emergency/duty/roster/:id',
    {
      config: { access: 'emergency:write', audit: 'emergency.duty_shift_delete' },
      schema: { tags, params: idParams, response: { 200: z.object({ ok: z.literal(true) }) } },
    },
    async (request) => {
      await duty.removeShift(requireAuth(request), request.params.id);
      return { ok: true as const };
    },
  );

  api.get(
    '/api/v1/emergency/duty/log',
    {
      config: { access: 'emergency:read' },
      schema: {
        tags,
        summary: 'Duty log (值班日志), newest first',
        querystring: dutyLogQuerySchema,
        response: { 200: z.object({ items: z.array(dutyLogEntrySchema) }) },
      },
    },
    async (request) => ({ items: await duty.log(requireAuth(request), request.query) }),
  );

  api.post(
    '/api/v1/emergency/duty/log',
    {
      config: { access: 'emergency:write', audit: 'emergency.duty_log' },
      schema: {
        tags,
        summary: 'Write a duty log entry, optionally about an incident',
        body: dutyLogInputSchema,
        response: { 201: dutyLogEntrySchema },
      },
    },
    async (request, reply) => {
      const created = await duty.addLog(requireAuth(request), request.body);
      request.auditTarget = created.id;
      return reply.status(201).send(created);
    },
  );
}
