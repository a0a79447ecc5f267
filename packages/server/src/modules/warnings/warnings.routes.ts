import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  pageOf,
  warningAttachmentSchema,
  publicWarningSchema,
  warningCommentSchema,
  warningCreateSchema,
  warningDetailSchema,
  warningInputSchema,
  warningListQuerySchema,
  warningRecordSchema,
  warningRejectSchema,
  DomainError,
  type Permission,
} from '@anjian/domain';
import { requireAuth } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import { sendOfficeFile } from '../../platform/office/index.ts';
import { buildWarningsAtom } from './warning-feed.ts';
import { buildWarningsWidget } from './warning-widget.ts';
import { warningsWorkbook } from './warning-export.ts';
import { warningActorOf } from './warning-actor.ts';
import type { WarningsService } from './warnings.service.ts';

/** Parser limit for PDF attachments (the service refuses above 5 MB with a code). */
const ATTACHMENT_BODY_LIMIT = 10 * 1024 * 1024;
const attachmentExtensions: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'application/pdf': 'pdf',
};

const tags = ['warnings'];
const idParams = z.object({ id: z.uuid() });
const write: Permission = 'warning:write';
const approve: Permission = 'warning:approve';
const either: readonly Permission[] = [write, approve];

/** Lifecycle steps: who may ask (the domain's state machine decides the rest, two-person rule included). */
const steps = [
  { action: 'submit', access: write, body: warningCommentSchema, summary: 'Submit a draft for approval' },
  { action: 'approve', access: approve, body: warningCommentSchema, summary: 'Approve (not the author)' },
  {
    action: 'reject',
    access: approve,
    body: warningRejectSchema,
    summary: 'Reject with a comment (not the author)',
  },
  {
    action: 'publish',
    access: approve,
    body: warningCommentSchema,
    summary: 'Publish an approved warning: CAP Alert or Update',
  },
  {
    action: 'revise',
    access: write,
    body: warningCommentSchema,
    summary: 'Start an update of a published warning (a new draft)',
  },
  {
    action: 'cancel',
    access: approve,
    body: warningCommentSchema,
    summary: 'Cancel: CAP Cancel when released, else withdraw',
  },
] as const;

export function registerWarningsRoutes(
  app: FastifyInstance,
  {
    warnings,
    clock,
    publicBaseUrl,
    senderName,
    senderNames,
  }: {
    warnings: WarningsService;
    clock: Clock;
    publicBaseUrl: string;
    senderName: string;
    senderNames: { zh: string; en: string };
  },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/warnings',
    {
      config: { access: either },
      schema: {
        tags,
        summary: 'Warnings in the caller’s scope, latest first',
        querystring: warningListQuerySchema,
        response: { 200: pageOf(warningRecordSchema) },
      },
    },
    async (request) => warnings.list(warningActorOf(requireAuth(request)), request.query),
  );

  api.get(
    '/api/v1/warnings/export',
    {
      config: { access: either, audit: 'warning.export' },
      schema: { tags, summary: '预警信息台账 as an Excel workbook' },
    },
    async (request, reply) => {
      const rows = await warnings.listAll(warningActorOf(requireAuth(request)));
      return sendOfficeFile(
        reply,
        'xlsx',
        { asciiName: 'warnings', name: '预警信息', stampedAt: clock.now() },
        await warningsWorkbook(rows),
      );
    },
  );

  api.post(
    '/api/v1/warnings',
    {
      config: { access: write, audit: 'warning.create' },
      schema: {
        tags,
        summary: 'Draft a warning (optionally from an alarm or an incident, or a template)',
        body: warningCreateSchema,
        response: { 201: warningDetailSchema },
      },
    },
    async (request, reply) => {
      const created = await warnings.create(warningActorOf(requireAuth(request)), request.body);
      request.auditTarget = created.id;
      return reply.status(201).send(created);
    },
  );

  api.get(
    '/api/v1/warnings/:id',
    {
      config: { access: either },
      schema: {
        tags,
        summary: 'A warning with its steps, released versions and delivery status',
        params: idParams,
        response: { 200: warningDetailSchema },
      },
    },
    async (request) => warnings.detail(warningActorOf(requireAuth(request)), request.params.id),
  );

  api.put(
    '/api/v1/warnings/:id',
    {
      config: { access: write, audit: 'warning.edit' },
      schema: {
        tags,
        summary: 'Edit a draft or a rejected warning',
        params: idParams,
        body: warningInputSchema,
        response: { 200: warningDetailSchema },
      },
    },
    async (request) => {
      request.auditTarget = request.params.id;
      return warnings.update(warningActorOf(requireAuth(request)), request.params.id, request.body);
    },
  );

  for (const step of steps) {
    api.post(
      `/api/v1/warnings/:id/${step.action}`,
      {
        config: { access: step.access, audit: `warning.${step.action}` },
        schema: {
          tags,
          summary: step.summary,
          params: idParams,
          body: step.body,
          response: { 200: warningDetailSchema },
        },
      },
      async (request) => {
        request.auditTarget = request.params.id;
        const { comment } = request.body as { comment: string };
        return warnings.step(warningActorOf(requireAuth(request)), request.params.id, step.action, comment);
      },
    );
  }

  api.post(
    '/api/v1/warnings/:id/retry',
    {
      config: { access: approve, audit: 'warning.retry' },
      schema: {
        tags,
        summary: 'Send the failed deliveries again (after the peer was fixed)',
        params: idParams,
        response: { 200: warningDetailSchema },
      },
    },
    async (request) => {
      request.auditTarget = request.params.id;
      return warnings.retryFailed(warningActorOf(requireAuth(request)), request.params.id);
    },
  );

  // Image bodies are parsed by the uploads module; PDF bodies here.
  app.addContentTypeParser(
    'application/pdf',
    { parseAs: 'buffer', bodyLimit: ATTACHMENT_BODY_LIMIT },
    (_request, body, done) => done(null, body),
  );

  api.post(
    '/api/v1/warnings/:id/attachments',
    {
      config: { access: write, audit: 'warning.attachment_add' },
      schema: {
        tags,
        summary:
          'Attach a file to a draft or rejected warning (body: a JPEG or PNG, re-encoded, or a PDF; at most 5 MB); released as a CAP <resource>',
        params: idParams,
        querystring: z.strictObject({
          descriptionZh: z.string().trim().min(1).max(200).describe('What the file shows (Chinese)'),
          descriptionEn: z.string().trim().min(1).max(200).optional().describe('Same in English'),
        }),
        response: { 201: z.object({ attachments: z.array(warningAttachmentSchema) }) },
      },
    },
    async (request, reply) => {
      request.auditTarget = request.params.id;
      if (!Buffer.isBuffer(request.body)) throw new DomainError('warning.attachment_type');
      const detail = await warnings.addAttachment(warningActorOf(requireAuth(request)), request.params.id, {
        data: request.body,
        contentType: (request.headers['content-type'] ?? '').split(';')[0]!.trim(),
        description: {
          zh: request.query.descriptionZh,
          en: request.query.descriptionEn ?? request.query.descriptionZh,
        },
      });
      return reply.status(201).send({ attachments: detail.attachments });
    },
  );

  api.delete(
    '/api/v1/warnings/:id/attachments/:attachmentId',
    {
      config: { access: write, audit: 'warning.attachment_delete' },
      schema: {
        tags,
        summary: 'Delete an attachment not yet released, while the warning is a draft or rejected',
        params: z.object({ id: z.uuid(), attachmentId: z.uuid() }),
      },
    },
    async (request, reply) => {
      request.auditTarget = request.params.id;
      await warnings.deleteAttachment(
        warningActorOf(requireAuth(request)),
        request.params.id,
        request.params.attachmentId,
      );
      return reply.status(204).send();
    },
  );

  // Public: no sign-in. What was released, as released.
  api.get(
    '/api/v1/public/warnings/:identifier/attachments/:attachmentId',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'A file listed as a CAP <resource> in a released version; 404 before release and once cancelled',
        params: z.object({
          identifier: z.string().regex(/^[0-9A-Za-z_-]{1,80}$/),
          attachmentId: z.uuid(),
        }),
      },
    },
    async (request, reply) => {
      const file = await warnings.publicAttachment(request.params.identifier, request.params.attachmentId);
      const name = `${request.params.attachmentId}.${attachmentExtensions[file.contentType] ?? 'bin'}`;
      return reply
        .header('content-type', file.contentType)
        .header(
          'content-disposition',
          `${file.contentType === 'application/pdf' ? 'attachment' : 'inline'}; filename="${name}"`,
        )
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('x-content-type-options', 'nosniff')
        .send(file.data);
    },
  );

  api.get(
    '/api/v1/public/warnings',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Active public warnings (latest released version each)',
        response: { 200: z.object({ items: z.array(publicWarningSchema) }) },
      },
    },
    async () => ({ items: await warnings.active() }),
  );

  api.get(
    '/api/v1/public/warnings/feed.atom',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Atom feed of active warnings with their CAP links' },
    },
    async (_request, reply) =>
      reply.header('content-type', 'application/atom+xml; charset=utf-8').send(
        buildWarningsAtom(await warnings.active(), {
          baseUrl: publicBaseUrl,
          senderName,
          updated: clock.now(),
        }),
      ),
  );

  api.get(
    '/api/v1/public/warnings/widget.html',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Embeddable HTML widget of the active warnings (for an iframe on other sites)',
        querystring: z.strictObject({ lang: z.enum(['zh', 'en']).default('zh') }),
      },
    },
    async (request, reply) =>
      reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors *")
        .send(
          buildWarningsWidget(await warnings.active(), {
            baseUrl: publicBaseUrl,
            senderName: senderNames,
            lang: request.query.lang,
          }),
        ),
  );

  api.get(
    '/api/v1/public/warnings/cap/:file',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'One released version as CAP 1.2 XML',
        params: z.object({ file: z.string().regex(/^[0-9A-Za-z_-]{1,80}\.xml$/) }),
      },
    },
    async (request, reply) =>
      reply
        .header('content-type', 'application/cap+xml; charset=utf-8')
        .send(await warnings.capXml(request.params.file.slice(0, -4))),
  );
}
