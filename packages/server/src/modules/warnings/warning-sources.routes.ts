import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  linkedWarningSchema,
  warningPrefillSchema,
  warningSourceKinds,
  warningZonePrefillSchema,
  type Permission,
} from '@anjian/domain';
import { requireAuth } from '../../platform/access.ts';
import type { WarningSources } from './warning-sources.ts';

const tags = ['warnings'];
const write: Permission = 'warning:write';
const either: readonly Permission[] = [write, 'warning:approve'];
const idParams = z.object({ id: z.uuid() });

/** The chain alarm → consequence zone → warning: pre-filled drafts and the links back. */
export function registerWarningSourceRoutes(app: FastifyInstance, { sources }: { sources: WarningSources }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const actorOf = (request: Parameters<typeof requireAuth>[0]) => {
    const auth = requireAuth(request);
    return { id: auth.userId, scope: auth.scope };
  };

  api.get(
    '/api/v1/warnings/prefill/alarm/:id',
    {
      config: { access: write },
      schema: {
        tags,
        summary: 'A warning draft pre-filled from an alarm: the site, the reading, the rule that fired',
        params: idParams,
        response: { 200: warningPrefillSchema },
      },
    },
    async (request) => sources.fromAlarm(actorOf(request), request.params.id),
  );

  api.get(
    '/api/v1/warnings/prefill/import/:id',
    {
      config: { access: write },
      schema: {
        tags,
        summary:
          'Forward a received warning: a draft pre-filled from the CAP message (event, level from severity, texts, area, times); refused when expired, cancelled or already forwarded',
        params: idParams,
        response: { 200: warningPrefillSchema },
      },
    },
    async (request) => sources.fromImport(actorOf(request), request.params.id),
  );

  api.post(
    '/api/v1/warnings/prefill/incident/:id',
    {
      config: { access: write, audit: 'warning.prefill' },
      schema: {
        tags,
        summary:
          'A warning draft from an incident’s consequence zone (footprint and evacuation radius → CAP area)',
        params: idParams,
        body: warningZonePrefillSchema,
        response: { 200: warningPrefillSchema },
      },
    },
    async (request) => {
      request.auditTarget = request.params.id;
      return sources.fromZone(actorOf(request), request.params.id, request.body);
    },
  );

  api.get(
    '/api/v1/warnings/linked/:kind/:id',
    {
      config: { access: either },
      schema: {
        tags,
        summary: 'The warnings drafted from an alarm, an incident or a received warning',
        params: z.object({ kind: z.enum(warningSourceKinds), id: z.uuid() }),
        response: { 200: z.object({ items: z.array(linkedWarningSchema) }) },
      },
    },
    async (request) => ({
      items: await sources.linked(actorOf(request), request.params.kind, request.params.id),
    }),
  );
}
