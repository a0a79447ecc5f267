import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  pageOf,
  recordLabelSchema,
  whistleAssignSchema,
  whistleDecisionSchema,
  whistleDetailSchema,
  whistleIdentityRequestSchema,
  whistleIdentityViewSchema,
  whistleListItemSchema,
  whistleListQuerySchema,
  whistleDuplicateLinkSchema,
  whistleLedgerQuerySchema,
  whistleLedgerRowSchema,
  whistleObjectionReviewSchema,
  whistlePaySchema,
  whistleReceiptSchema,
  whistleReplySchema,
  whistleStaffReportSchema,
  whistleVerifiedItemSchema,
  whistleVerifiedQuerySchema,
  whistleVerifySchema,
  type WhistleDetail,
} from '@anjian/domain';
import { requireAuth, type AuthContext } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import { exportIdsSchema, rowsOf, sendListExport } from '../../platform/office/index.ts';
import { whistleExportColumns, whistleLedgerColumns } from './whistle-export.ts';
import type { WhistleHandlingService } from './whistle-handling.service.ts';
import type { WhistleIntakeService } from './whistle-intake.service.ts';

const tags = ['whistleblowing'];
const base = '/api/v1/whistleblowing/reports';
const idParams = z.object({ id: z.uuid() });
const read = { access: ['whistle:handle', 'whistle:identity'] } as const;
const handle = 'whistle:handle' as const;
const reward = 'whistle:reward' as const;

export function registerWhistleRoutes(
  app: FastifyInstance,
  deps: { handling: WhistleHandlingService; intake: WhistleIntakeService; clock: Clock },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { handling } = deps;

  api.get(
    base,
    {
      config: read,
      schema: {
        tags,
        summary: 'Reports from the public in the caller’s counties, newest first (never an identity)',
        querystring: whistleListQuerySchema,
        response: { 200: pageOf(whistleListItemSchema) },
      },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      return handling.list(requireAuth(request), filter, { page, pageSize });
    },
  );

  api.get(
    '/api/v1/whistleblowing/verified',
    {
      config: read,
      schema: {
        tags,
        summary:
          '一企一档 举报核查: the enterprise’s reports verified 属实 or 部分属实, newest first (no reporter, no query code)',
        querystring: whistleVerifiedQuerySchema,
        response: { 200: z.object({ items: z.array(whistleVerifiedItemSchema), total: z.number().int() }) },
      },
    },
    async (request) => {
      const items = await handling.verifiedOf(requireAuth(request), request.query.enterpriseId);
      return { items, total: items.length };
    },
  );

  api.get(
    `${base}/export`,
    {
      config: { ...read, audit: 'whistle.export' },
      schema: {
        tags,
        summary: 'The filtered reports as an Excel workbook',
        querystring: whistleListQuerySchema
          .omit({ page: true, pageSize: true })
          .extend({ ids: exportIdsSchema }),
      },
    },
    async (request, reply) => {
      const { ids, ...filter } = request.query;
      const auth = requireAuth(request);
      const rows = await rowsOf((page, pageSize) => handling.list(auth, filter, { page, pageSize }), ids);
      return sendListExport(
        request,
        reply,
        { asciiName: 'whistleblowing-reports', name: '举报台账', clock: deps.clock },
        whistleExportColumns,
        rows,
      );
    },
  );

  api.post(
    base,
    {
      config: { access: handle, audit: 'whistle.enter' },
      schema: {
        tags,
        summary:
          'Enter a report received by 12350, letter, e-mail or visit; answers the code and secret for the reporter',
        body: whistleStaffReportSchema,
        response: { 201: whistleReceiptSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await deps.intake.enter(requireAuth(request), request.body)),
  );

  api.get(
    `${base}/:id`,
    { config: read, schema: { tags, params: idParams, response: { 200: whistleDetailSchema } } },
    async (request) => handling.get(requireAuth(request), request.params.id),
  );

  api.get(
    `${base}/:id/photos/:photoId`,
    {
      config: read,
      schema: { tags, summary: 'A photo of the report', params: idParams.extend({ photoId: z.uuid() }) },
    },
    async (request, reply) => {
      const file = await handling.photo(requireAuth(request), request.params.id, request.params.photoId);
      return reply
        .header('content-type', file.contentType)
        .header('cache-control', 'no-store')
        .send(file.data);
    },
  );

  /** One step of the handling: the body's schema, the permission, the audit action. */
  function stepRoute<S extends z.ZodType>(
    path: string,
    audit: string,
    access: 'whistle:handle' | 'whistle:reward',
    body: S,
    run: (auth: AuthContext, id: string, body: z.infer<S>) => Promise<WhistleDetail>,
  ) {
    api.post(
      `${base}/:id/${path}`,
      {
        config: { access, audit },
        schema: { tags, params: idParams, body, response: { 200: whistleDetailSchema } },
      },
      async (request) => run(requireAuth(request), request.params.id, request.body as z.infer<S>),
    );
  }
  const none = z.strictObject({});
  stepRoute('decision', 'whistle.decide', handle, whistleDecisionSchema, (a, id, b) =>
    handling.decide(a, id, b),
  );
  stepRoute('assignment', 'whistle.assign', handle, whistleAssignSchema, (a, id, b) =>
    handling.assign(a, id, b),
  );
  stepRoute('verification', 'whistle.verify', handle, whistleVerifySchema, (a, id, b) =>
    handling.verify(a, id, b),
  );
  stepRoute('reply', 'whistle.reply', handle, whistleReplySchema, (a, id, b) =>
    handling.reply(a, id, b.body),
  );
  stepRoute('reward', 'whistle.reward_propose', handle, none, (a, id) => handling.proposeReward(a, id));
  stepRoute('reward/approval', 'whistle.reward_approve', reward, none, (a, id) =>
    handling.approveReward(a, id),
  );
  stepRoute(
    'objection/review',
    'whistle.objection_review',
    handle,
    whistleObjectionReviewSchema,
    (a, id, b) => handling.reviewObjection(a, id, b),
  );
  stepRoute('reward/payment', 'whistle.reward_pay', reward, whistlePaySchema, (a, id, b) =>
    handling.payReward(a, id, b),
  );

  api.post(
    `${base}/:id/identity`,
    {
      config: { access: 'whistle:identity', audit: 'whistle.identity_view' },
      schema: {
        tags,
        summary:
          'The real-name reporter’s identity, for the designated role; every view is audited with its reason',
        params: idParams,
        body: whistleIdentityRequestSchema,
        response: { 200: whistleIdentityViewSchema },
      },
    },
    async (request) => {
      request.auditDetail = request.body.reason;
      return handling.identity(requireAuth(request), request.params.id);
    },
  );

  api.get(
    `${base}/:id/duplicate-candidates`,
    {
      config: read,
      schema: {
        tags,
        summary:
          'Earlier reports of the same enterprise and category within the window (WHISTLE_DUPLICATE_WINDOW_DAYS) that may be the original',
        params: idParams,
        response: { 200: z.array(whistleListItemSchema) },
      },
    },
    async (request) => handling.duplicateCandidates(requireAuth(request), request.params.id),
  );

  api.post(
    `${base}/:id/duplicate-of`,
    {
      config: { access: handle, audit: 'whistle.duplicate_link' },
      schema: {
        tags,
        summary: 'Link the report to the earlier original about the same enterprise and matter',
        params: idParams,
        body: whistleDuplicateLinkSchema,
        response: { 200: whistleDetailSchema },
      },
    },
    async (request) =>
      handling.linkDuplicate(requireAuth(request), request.params.id, request.body.originalId),
  );

  api.put(
    `${base}/:id/security-label`,
    {
      config: { access: handle, audit: 'whistle.relabel' },
      schema: {
        tags,
        summary: 'Set the security label (密级) of a report, at most the caller’s own clearance',
        params: idParams,
        body: z.object({ securityLabel: recordLabelSchema }).strict(),
        response: { 200: whistleDetailSchema },
      },
    },
    async (request) => {
      request.auditTarget = request.params.id;
      const changed = await handling.setLabel(
        requireAuth(request),
        request.params.id,
        request.body.securityLabel,
      );
      request.auditDetail = `${changed.previous} -> ${changed.report.securityLabel}`;
      return changed.report;
    },
  );

  api.delete(
    `${base}/:id/duplicate-of`,
    {
      config: { access: handle, audit: 'whistle.duplicate_unlink' },
      schema: {
        tags,
        summary: 'Undo the duplicate link',
        params: idParams,
        response: { 200: whistleDetailSchema },
      },
    },
    async (request) => handling.unlinkDuplicate(requireAuth(request), request.params.id),
  );

  const ledgerBase = '/api/v1/whistleblowing/rewards/ledger';
  api.get(
    ledgerBase,
    {
      config: read,
      schema: {
        tags,
        summary:
          'The reward ledger of a year by county (proposed, approved, paid); the last row is the total',
        querystring: whistleLedgerQuerySchema,
        response: { 200: z.array(whistleLedgerRowSchema) },
      },
    },
    async (request) => handling.ledger(requireAuth(request), request.query.year),
  );

  api.get(
    `${ledgerBase}/export`,
    {
      config: { ...read, audit: 'whistle.ledger_export' },
      schema: {
        tags,
        summary: 'The reward ledger as an Excel workbook',
        querystring: whistleLedgerQuerySchema,
      },
    },
    async (request, reply) => {
      const rows = await handling.ledger(requireAuth(request), request.query.year);
      return sendListExport(
        request,
        reply,
        {
          asciiName: 'whistleblowing-rewards',
          name: `${request.query.year}年举报奖励台账`,
          clock: deps.clock,
        },
        whistleLedgerColumns,
        (async function* () {
          yield rows;
        })(),
      );
    },
  );
}
