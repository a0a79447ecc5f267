import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { linkedWarningSchema } from '@anjian/domain';
import { requireAuth } from '../../platform/access.ts';
import type { WarningImports } from './warning-import.ts';

const tags = ['warnings'];
const importedSchema = z.object({
  id: z.uuid(),
  identifier: z.string(),
  sender: z.string(),
  sent: z.string(),
  msgType: z.string(),
  event: z.string(),
  severity: z.string(),
  headline: z.string(),
  areaDesc: z.string(),
  importedAt: z.string(),
  importedBy: z.string(),
});

/** Upload of CAP messages received from outside, and their list. */
export function registerWarningImportRoutes(app: FastifyInstance, { imports }: { imports: WarningImports }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  app.addContentTypeParser(
    ['application/cap+xml', 'application/xml', 'text/xml'],
    { parseAs: 'buffer', bodyLimit: 1024 * 1024 },
    (_request, body, done) => done(null, body),
  );

  api.post(
    '/api/v1/warnings/imports',
    {
      config: { access: 'warning:write', audit: 'warning.import' },
      schema: {
        tags,
        summary: 'Import a received CAP 1.2 message (XML body); refused without storing when not valid CAP',
        response: { 200: z.object({ duplicate: z.boolean(), item: importedSchema }) },
      },
    },
    async (request) => {
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.from('');
      const answer = await imports.importCap(body, requireAuth(request).username);
      request.auditTarget = answer.item.id;
      return answer;
    },
  );

  api.get(
    '/api/v1/warnings/imports',
    {
      config: { access: ['warning:write', 'warning:approve'] },
      schema: {
        tags,
        summary: 'Received warnings, latest first',
        response: {
          200: z.object({
            items: z.array(importedSchema.extend({ forwards: z.array(linkedWarningSchema) })),
          }),
        },
      },
    },
    async (request) => {
      const auth = requireAuth(request);
      return { items: await imports.list({ id: auth.userId, scope: auth.scope }) };
    },
  );
}
