import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DomainError,
  captchaResponseSchema,
  whistleAddInfoSchema,
  whistleLookupSchema,
  whistleObjectionSchema,
  whistlePlaceQuerySchema,
  whistlePlaceSchema,
  whistlePublicMapSchema,
  whistlePublicReportSchema,
  whistlePublicViewSchema,
  whistleReceiptSchema,
  whistleSmsCodeRequestSchema,
  whistleSmsCodeSentSchema,
  whistleSmsSettingsSchema,
  type WhistleSmsSettings,
} from '@anjian/domain';
import type { EnterpriseSuggestions } from '../registry/index.ts';
import type { WhistleIntakeService } from './whistle-intake.service.ts';

const tags = ['whistleblowing'];
const base = '/api/v1/public/whistleblowing';
const deviceId = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);
// No audit entry: the audit log keeps the caller's IP and the time, which an anonymous report must
// not leave behind. Abuse control keeps hashed keys apart, and they expire (docs/whistleblowing.md).
const open = { access: 'public', auditSkip: true } as const;

/** A refused attempt says when to come back (RFC 9110 §10.2.3). */
async function withRetryAfter<T>(reply: FastifyReply, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const seconds = error instanceof DomainError ? error.details?.retryAfterSeconds : undefined;
    if (typeof seconds === 'number') reply.header('retry-after', String(seconds));
    throw error;
  }
}

export function registerWhistlePublicRoutes(
  app: FastifyInstance,
  deps: {
    intake: WhistleIntakeService;
    suggestions: EnterpriseSuggestions;
    videoMaxBytes: number;
    smsSettings: () => WhistleSmsSettings;
  },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { intake } = deps;
  // A phone's video as it recorded it (Android MP4, iPhone QuickTime), at most WHISTLE_VIDEO_MAX_MB.
  app.addContentTypeParser(
    ['video/mp4', 'video/quicktime'],
    { parseAs: 'buffer', bodyLimit: deps.videoMaxBytes },
    (_request, body, done) => done(null, body),
  );

  api.post(
    `${base}/captcha`,
    {
      config: open,
      schema: {
        tags,
        summary: 'A single-use picture captcha for the report form',
        response: { 200: captchaResponseSchema },
      },
    },
    async () => intake.newCaptcha(),
  );

  api.get(
    `${base}/enterprises`,
    {
      config: open,
      schema: {
        tags,
        summary:
          'Operating enterprises whose name contains, or credit code starts with, the text (at most 8)',
        querystring: z.object({ q: z.string().trim().min(2).max(40) }),
        response: {
          200: z.array(
            z.object({ id: z.uuid(), name: z.string(), creditCode: z.string(), county: z.string() }),
          ),
        },
      },
    },
    async (request) => deps.suggestions.suggest(request.query.q),
  );

  api.get(
    `${base}/map`,
    {
      config: open,
      schema: {
        tags,
        summary:
          'The report page’s map: the basemap (when the bureau lets the public page load it), Yuxi’s extent and the county boundaries',
        response: { 200: whistlePublicMapSchema },
      },
    },
    async () => intake.publicMap(),
  );

  api.get(
    `${base}/place`,
    {
      config: open,
      schema: {
        tags,
        summary:
          'Where a map pin lies: its county and the operating enterprises registered near it (at most 3, nearest first); 400 whistle.pin_outside_city outside Yuxi',
        querystring: whistlePlaceQuerySchema.extend({ deviceId }),
        response: { 200: whistlePlaceSchema },
      },
    },
    async (request, reply) => {
      const { lon, lat, deviceId: device } = request.query;
      return withRetryAfter(reply, () => intake.place({ lon, lat }, { ip: request.ip, deviceId: device }));
    },
  );

  api.post(
    `${base}/photos`,
    {
      config: open,
      schema: {
        tags,
        summary:
          'A photo for a report about to be sent (JPEG, PNG or WebP, at most 10 MB): re-encoded without metadata, kept for the sending device for a day',
        querystring: z.object({ deviceId }),
        response: { 201: z.object({ id: z.uuid(), contentType: z.string(), size: z.number().int() }) },
      },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) throw new DomainError('upload.not_an_image');
      const body = request.body;
      const stored = await withRetryAfter(reply, () =>
        intake.photo(body, { ip: request.ip, deviceId: request.query.deviceId }),
      );
      return reply.status(201).send(stored);
    },
  );

  api.post(
    `${base}/videos`,
    {
      config: open,
      schema: {
        tags,
        summary:
          'A video for a report about to be sent (MP4 or MOV, at most WHISTLE_VIDEO_MAX_MB and WHISTLE_VIDEO_MAX_SECONDS): rewritten as an MP4 without metadata (no GPS, device or time), kept for the sending device for a day; its id goes with the photos’',
        querystring: z.object({ deviceId }),
        response: {
          201: z.object({
            id: z.uuid(),
            contentType: z.string(),
            size: z.number().int(),
            seconds: z.number().int(),
          }),
        },
      },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) throw new DomainError('upload.not_a_video');
      const body = request.body;
      const stored = await withRetryAfter(reply, () =>
        intake.video(body, { ip: request.ip, deviceId: request.query.deviceId }),
      );
      return reply.status(201).send(stored);
    },
  );

  api.get(
    `${base}/sms-codes`,
    {
      config: open,
      schema: {
        tags,
        summary:
          'Whether a real-name report needs an SMS code (an SMS gateway is configured) and how long the page waits before offering another',
        response: { 200: whistleSmsSettingsSchema },
      },
    },
    async () => deps.smsSettings(),
  );

  api.post(
    `${base}/sms-codes`,
    {
      config: open,
      schema: {
        tags,
        summary:
          'Text a six-digit code to a real-name reporter’s mobile (valid 5 minutes). Always the same answer for any number; 429 whistle.sms_too_soon / whistle.sms_daily_quota / whistle.sms_ip_quota with Retry-After over the quotas; 409 whistle.sms_unavailable without an SMS gateway',
        body: whistleSmsCodeRequestSchema,
        response: { 202: whistleSmsCodeSentSchema },
      },
    },
    async (request, reply) => {
      const sent = await withRetryAfter(reply, () =>
        intake.smsCode(request.body, { ip: request.ip, deviceId: request.body.deviceId }),
      );
      return reply.status(202).send(sent);
    },
  );

  api.post(
    `${base}/reports`,
    {
      config: open,
      schema: {
        tags,
        summary:
          'Report a hidden hazard, an illegal operation or a concealed accident; answers the query code and the secret, shown once',
        body: whistlePublicReportSchema,
        response: { 201: whistleReceiptSchema },
      },
    },
    async (request, reply) => {
      const receipt = await withRetryAfter(reply, () =>
        intake.submit(request.body, { ip: request.ip, deviceId: request.body.deviceId }),
      );
      return reply.status(201).send(receipt);
    },
  );

  api.post(
    `${base}/lookup`,
    {
      config: open,
      schema: {
        tags,
        summary:
          'The report’s status, the bureau’s replies and the reward, with the query code and the secret',
        body: whistleLookupSchema,
        response: { 200: whistlePublicViewSchema },
      },
    },
    async (request, reply) =>
      withRetryAfter(reply, () =>
        intake.lookup(request.body, { ip: request.ip, deviceId: request.body.deviceId }),
      ),
  );

  api.post(
    `${base}/lookup/messages`,
    {
      config: open,
      schema: {
        tags,
        summary: 'Add information to a report, with the query code and the secret',
        body: whistleAddInfoSchema,
        response: { 200: whistlePublicViewSchema },
      },
    },
    async (request, reply) =>
      withRetryAfter(reply, () =>
        intake.addInfo(request.body, { ip: request.ip, deviceId: request.body.deviceId }),
      ),
  );

  api.post(
    `${base}/lookup/objection`,
    {
      config: open,
      schema: {
        tags,
        summary:
          'Object to the bureau’s decision (refusal, outcome or reward) within the window (10 days by 应急〔2023〕106号), once, with the query code and the secret',
        body: whistleObjectionSchema,
        response: { 200: whistlePublicViewSchema },
      },
    },
    async (request, reply) =>
      withRetryAfter(reply, () =>
        intake.object(request.body, { ip: request.ip, deviceId: request.body.deviceId }),
      ),
  );
}
