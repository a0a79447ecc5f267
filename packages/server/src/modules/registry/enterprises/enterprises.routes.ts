import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DomainError,
  enterpriseHistoryEntrySchema,
  enterpriseInputSchema,
  enterpriseListQuerySchema,
  enterpriseProfileSchema,
  enterpriseSchema,
  enterpriseUpdateSchema,
  pageOf,
} from '@anjian/domain';
import { requireAuth } from '../../../platform/access.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { sendOfficeFile, XLSX_TYPE } from '../../../platform/office/index.ts';
import { requestLanguage } from '../../../platform/http-errors.ts';
import { exportIdsSchema } from '../../../platform/office/index.ts';
import type { DictionariesRepository } from '../dictionaries/dictionaries.repository.ts';
import { buildTemplate, streamExport } from './enterprise-excel.ts';
import { importEnterprises } from './enterprise-import.ts';
import { createEnterpriseProfileRepository } from './enterprise-profile.repository.ts';
import type { EnterprisesRepository } from './enterprises.repository.ts';
import { actorOf, type EnterprisesService } from './enterprises.service.ts';

const tags = ['registry'];
const idParams = z.object({ id: z.uuid() });
const exportQuerySchema = enterpriseListQuerySchema
  .omit({
    page: true,
    pageSize: true,
    sort: true,
    order: true,
  })
  .extend({ ids: exportIdsSchema });
const importReportSchema = z.object({
  committed: z.boolean().describe('False when nothing was stored because some rows are invalid'),
  totalRows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  invalidRows: z.number().int(),
  errors: z.array(
    z.object({ row: z.number().int().describe('Excel row number'), column: z.string(), message: z.string() }),
  ),
});

/** The selected rows only (batch export), when ids are given. */
async function* onlyIds<T extends { id: string }>(batches: AsyncIterable<T[]>, ids?: string) {
  const wanted = ids ? new Set(ids.toLowerCase().split(',')) : null;
  for await (const batch of batches)
    yield wanted ? batch.filter((e) => wanted.has(e.id.toLowerCase())) : batch;
}

/** An enterprise workbook's download names, stamped with the injected clock's China time. */
const workbookName = (name: string, clock: Clock) => ({
  asciiName: 'enterprises',
  name,
  stampedAt: clock.now(),
});

export function registerEnterprisesRoutes(
  app: FastifyInstance,
  deps: {
    db: Db;
    service: EnterprisesService;
    enterprises: EnterprisesRepository;
    dictionaries: DictionariesRepository;
    clock: Clock;
  },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { service } = deps;
  app.addContentTypeParser(
    [XLSX_TYPE, 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: 10 * 1024 * 1024 },
    (_request, body, done) => done(null, body),
  );

  api.get(
    '/api/v1/enterprises',
    {
      config: { access: 'registry:read' },
      schema: {
        tags,
        summary: 'Enterprises in the caller’s scope, filtered and paged',
        querystring: enterpriseListQuerySchema,
        response: {
          200: pageOf(enterpriseSchema).extend({
            totalExact: z
              .boolean()
              .describe(
                'false: total is PostgreSQL’s estimate (a broad filter over a large registry is not counted on every page)',
              ),
          }),
        },
      },
    },
    async (request) => service.list(actorOf(requireAuth(request)), request.query),
  );

  api.post(
    '/api/v1/enterprises',
    {
      config: { access: 'registry:write', audit: 'enterprise.create' },
      schema: {
        tags,
        summary: 'Register an enterprise',
        body: enterpriseInputSchema,
        response: { 201: enterpriseSchema },
      },
    },
    async (request, reply) => {
      const created = await service.create(actorOf(requireAuth(request)), request.body);
      request.auditTarget = created.id;
      request.auditDetail = `${created.creditCode} ${created.name}`;
      return reply.status(201).send(created);
    },
  );

  api.get(
    '/api/v1/enterprises/export',
    {
      config: { access: 'registry:read', audit: 'enterprise.export' },
      schema: {
        tags,
        summary: 'The filtered list as an Excel workbook (dictionary labels, not codes)',
        querystring: exportQuerySchema,
      },
    },
    async (request, reply) => {
      const actor = actorOf(requireAuth(request));
      request.auditDetail = JSON.stringify(request.query);
      const dictionaries = await deps.dictionaries.list();
      const { ids, ...filter } = request.query;
      return sendOfficeFile(
        reply,
        'xlsx',
        workbookName('企业信息', deps.clock),
        streamExport(onlyIds(service.iterate(actor, filter), ids), dictionaries),
      );
    },
  );

  api.get(
    '/api/v1/enterprises/import-template',
    {
      config: { access: 'registry:write' },
      schema: { tags, summary: 'The Excel template for imports, with drop-down lists and an example row' },
    },
    async (_request, reply) =>
      sendOfficeFile(
        reply,
        'xlsx',
        workbookName('企业信息导入模板', deps.clock),
        await buildTemplate(await deps.dictionaries.list()),
      ),
  );

  api.post(
    '/api/v1/enterprises/import',
    {
      config: { access: 'registry:write', audit: 'enterprise.import' },
      schema: {
        tags,
        summary:
          'Import a filled-in template (body: the .xlsx file). Idempotent by credit code; any invalid row stops the import unless validOnly=true',
        querystring: z.object({
          validOnly: z
            .enum(['true', 'false'])
            .default('false')
            .describe('Import the valid rows and skip the rest'),
        }),
        response: { 200: importReportSchema },
      },
    },
    async (request) => {
      if (!Buffer.isBuffer(request.body)) throw new DomainError('import.file_invalid');
      const report = await importEnterprises(
        { db: deps.db, enterprises: deps.enterprises, service },
        actorOf(requireAuth(request)),
        request.body,
        await deps.dictionaries.list(),
        { validOnly: request.query.validOnly === 'true', language: requestLanguage(request) },
      );
      request.auditDetail = `rows=${report.totalRows} created=${report.created} updated=${report.updated} invalid=${report.invalidRows} committed=${report.committed}`;
      return report;
    },
  );

  api.get(
    '/api/v1/enterprises/:id',
    {
      config: { access: 'registry:read' },
      schema: { tags, params: idParams, response: { 200: enterpriseSchema } },
    },
    async (request) => service.get(actorOf(requireAuth(request)), request.params.id),
  );

  api.patch(
    '/api/v1/enterprises/:id',
    {
      config: { access: 'registry:write', audit: 'enterprise.update' },
      schema: {
        tags,
        summary: 'Change some fields; every change is kept in the history',
        params: idParams,
        body: enterpriseUpdateSchema,
        response: { 200: enterpriseSchema },
      },
    },
    async (request) => service.update(actorOf(requireAuth(request)), request.params.id, request.body),
  );

  api.get(
    '/api/v1/enterprises/:id/history',
    {
      config: { access: 'registry:read' },
      schema: {
        tags,
        summary: 'Who changed what, newest first',
        params: idParams,
        response: { 200: z.object({ items: z.array(enterpriseHistoryEntrySchema) }) },
      },
    },
    async (request) => ({ items: await service.history(actorOf(requireAuth(request)), request.params.id) }),
  );

  const profiles = createEnterpriseProfileRepository(deps.db);
  api.get(
    '/api/v1/enterprises/:id/profile',
    {
      config: { access: 'registry:read' },
      schema: {
        tags,
        summary:
          '一企一档: how many records each section of the enterprise’s file holds (null: not yours to read)',
        params: idParams,
        response: { 200: enterpriseProfileSchema },
      },
    },
    async (request) => {
      const auth = requireAuth(request);
      await service.get(actorOf(auth), request.params.id);
      return profiles.profile(request.params.id, (permission) => auth.permissions.has(permission), {
        // Incidents and public reports are the bureau's records: an enterprise account sees none
        // (incidents.repository.ts, whistle-reports.repository.ts).
        incidentsVisible: auth.scope.kind !== 'enterprise',
        scope: auth.scope,
      });
    },
  );
}
