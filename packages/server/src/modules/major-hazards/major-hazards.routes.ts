import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  majorHazardInventoryRowSchema,
  majorHazardSummarySchema,
  majorHazardUnitHistoryEntrySchema,
  majorHazardUnitInputSchema,
  majorHazardUnitListQuerySchema,
  majorHazardUnitSchema,
  majorHazardUnitUpdateSchema,
  pageOf,
  type Permission,
} from '@anjian/domain';
import { requireAuth, type AuthContext } from '../../platform/access.ts';
import type { Declarant, MajorHazardsService } from './major-hazards.service.ts';

const tags = ['major-hazards'];
const idParams = z.object({ id: z.uuid() });

/**
 * Declaring is the enterprise's own duty (GB 18218 辨识与分级 by the enterprise, 备案 to the bureau),
 * like keeping its risk register: `risk:write`, which only enterprise accounts hold. Whoever may see
 * the registry's major hazard sources (`registry:read`) may see the declarations behind them.
 */
const declare: Permission = 'risk:write';
const read: Permission = 'registry:read';

const declarant = (auth: AuthContext): Declarant => ({
  id: auth.userId,
  name: auth.username,
  scope: auth.scope,
});

export function registerMajorHazardsRoutes(
  app: FastifyInstance,
  { majorHazards }: { majorHazards: MajorHazardsService },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/major-hazards/units',
    {
      config: { access: read },
      schema: {
        tags,
        summary:
          'Declared GB 18218 units with their identification, in the caller’s scope (most severe first)',
        querystring: majorHazardUnitListQuerySchema,
        response: { 200: pageOf(majorHazardUnitSchema) },
      },
    },
    async (request) => majorHazards.list(requireAuth(request), request.query),
  );

  api.get(
    '/api/v1/major-hazards/summary',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'Major hazard sources by county and level (declared units), in the caller’s scope',
        response: { 200: majorHazardSummarySchema },
      },
    },
    async (request) => majorHazards.summary(requireAuth(request)),
  );

  api.post(
    '/api/v1/major-hazards/units',
    {
      config: { access: declare, audit: 'major_hazard.unit_declare' },
      schema: {
        tags,
        summary:
          'Declare a unit and its inventory; the server identifies and grades it (GB 18218-2018) and updates the registry',
        body: majorHazardUnitInputSchema,
        response: { 201: majorHazardUnitSchema },
      },
    },
    async (request, reply) => {
      const unit = await majorHazards.declare(declarant(requireAuth(request)), request.body);
      request.auditTarget = unit.id;
      request.auditDetail = `${unit.name} S=${unit.identification.s} level=${unit.identification.level ?? '-'}`;
      return reply.status(201).send(unit);
    },
  );

  api.get(
    '/api/v1/major-hazards/units/:id',
    {
      config: { access: read },
      schema: { tags, params: idParams, response: { 200: majorHazardUnitSchema } },
    },
    async (request) => majorHazards.get(requireAuth(request), request.params.id),
  );

  api.put(
    '/api/v1/major-hazards/units/:id',
    {
      config: { access: declare, audit: 'major_hazard.unit_update' },
      schema: {
        tags,
        summary: 'Replace a unit’s declaration; it is identified again and a new version is kept',
        params: idParams,
        body: majorHazardUnitUpdateSchema,
        response: { 200: majorHazardUnitSchema },
      },
    },
    async (request) => {
      const unit = await majorHazards.update(
        declarant(requireAuth(request)),
        request.params.id,
        request.body,
      );
      request.auditTarget = unit.id;
      request.auditDetail = `${unit.name} S=${unit.identification.s} level=${unit.identification.level ?? '-'}`;
      return unit;
    },
  );

  api.delete(
    '/api/v1/major-hazards/units/:id',
    {
      config: { access: declare, audit: 'major_hazard.unit_retire' },
      schema: {
        tags,
        summary: 'Retire a unit; its history stays and its registry object is marked, never deleted',
        params: idParams,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request) => {
      await majorHazards.retire(declarant(requireAuth(request)), request.params.id);
      request.auditTarget = request.params.id;
      return { ok: true as const };
    },
  );

  api.get(
    '/api/v1/major-hazards/units/:id/history',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'Every version of the declaration with its identification, newest first',
        params: idParams,
        response: { 200: z.object({ items: z.array(majorHazardUnitHistoryEntrySchema) }) },
      },
    },
    async (request) => majorHazards.history(requireAuth(request), request.params.id),
  );

  api.get(
    '/api/v1/major-hazards/units/:id/inventory',
    {
      config: { access: [read, 'emergency:read'] },
      schema: {
        tags,
        summary: 'The chemicals declared in a unit (for choosing the released chemical on the emergency map)',
        params: idParams,
        response: {
          200: z.object({
            unitId: z.uuid(),
            unitName: z.string(),
            enterpriseId: z.uuid(),
            enterpriseName: z.string(),
            location: z.object({ lon: z.number(), lat: z.number() }).nullable(),
            items: z.array(majorHazardInventoryRowSchema),
          }),
        },
      },
    },
    async (request) => majorHazards.inventory(requireAuth(request), request.params.id),
  );
}
