import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  cameraInputSchema,
  cameraListQuerySchema,
  cameraPlaySchema,
  cameraSchema,
  DomainError,
  nearAlarmQuerySchema,
  inZonesQuerySchema,
  nearbyCamerasQuerySchema,
  onlineRatesSchema,
  pageOf,
  videoGatewaySchema,
} from '@anjian/domain';
import { requireAuth } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import { exportIdsSchema, rowsOf, sendListExport } from '../../platform/office/index.ts';
import type { CamerasService } from './cameras.service.ts';
import { TEST_GATEWAY_PATH } from './gateways.ts';
import { cameraExportColumns } from './video-export.ts';

const tags = ['video'];
const READ = 'monitoring:read';
const WRITE = 'registry:write';
const idParams = z.object({ id: z.uuid() });

export function registerVideoRoutes(
  app: FastifyInstance,
  deps: {
    cameras: CamerasService;
    clock: Clock;
    testStreamDir: () => string | null;
    checkNow: () => Promise<{ checked: number; online: number } | null>;
  },
) {
  const { cameras, clock } = deps;
  const api = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/v1/video/cameras';

  api.get(
    base,
    {
      config: { access: READ },
      schema: {
        tags,
        summary: 'The camera register in the caller’s scope',
        querystring: cameraListQuerySchema,
        response: { 200: pageOf(cameraSchema) },
      },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      return cameras.list(requireAuth(request), filter, { page, pageSize });
    },
  );

  api.get(
    `${base}/export`,
    {
      config: { access: READ, audit: 'video.cameras_export' },
      schema: {
        tags,
        querystring: cameraListQuerySchema
          .omit({ page: true, pageSize: true })
          .extend({ ids: exportIdsSchema }),
      },
    },
    async (request, reply) => {
      const { ids, ...filter } = request.query;
      const auth = requireAuth(request);
      const rows = await rowsOf((page, pageSize) => cameras.list(auth, filter, { page, pageSize }), ids);
      return sendListExport(
        request,
        reply,
        { asciiName: 'video-cameras', name: '视频监控摄像机台账', clock },
        cameraExportColumns,
        rows,
      );
    },
  );

  api.get(
    `${base}/near`,
    {
      config: { access: READ },
      schema: {
        tags,
        summary: 'Cameras within a radius of a point (an incident’s site and zones), nearest first',
        querystring: nearbyCamerasQuerySchema,
        response: { 200: z.array(cameraSchema) },
      },
    },
    async (request) => {
      const { lon, lat, radiusM, limit } = request.query;
      return cameras.near(requireAuth(request), { lon, lat }, radiusM, limit);
    },
  );

  api.get(
    `${base}/in-zones`,
    {
      config: { access: READ },
      schema: {
        tags,
        summary:
          'The cameras inside an incident’s latest recorded consequence zones (their shapes), nearest the source first',
        querystring: inZonesQuerySchema,
        response: {
          200: z.object({
            version: z.number().int().nullable().describe('The zones’ version; null when none was recorded'),
            cameras: z.array(cameraSchema.extend({ zones: z.array(z.string()) })),
          }),
        },
      },
    },
    async (request) => {
      const { incidentId, limit } = request.query;
      return cameras.inZones(requireAuth(request), incidentId, limit);
    },
  );

  api.get(
    `${base}/near-alarm`,
    {
      config: { access: READ },
      schema: {
        tags,
        summary: 'The cameras nearest an alarm’s site',
        querystring: nearAlarmQuerySchema,
        response: {
          200: z.object({
            position: z.object({ lon: z.number(), lat: z.number() }),
            cameras: z.array(cameraSchema),
          }),
        },
      },
    },
    async (request) => {
      const { alarmId, radiusM, limit } = request.query;
      return cameras.nearAlarm(requireAuth(request), alarmId, radiusM, limit);
    },
  );

  api.get(
    '/api/v1/video/gateways',
    {
      config: { access: READ },
      schema: {
        tags,
        summary: 'The configured video gateways (no secrets)',
        response: { 200: z.array(videoGatewaySchema) },
      },
    },
    async () => cameras.gateways(),
  );

  api.get(
    '/api/v1/video/online-rates',
    {
      config: { access: READ },
      schema: {
        tags,
        summary: 'Online rate (在线率) in the scope: in total, per county and per enterprise',
        response: { 200: onlineRatesSchema },
      },
    },
    async (request) => cameras.rates(requireAuth(request)),
  );

  api.post(
    '/api/v1/video/status-check',
    {
      config: { access: WRITE, audit: 'video.status_check' },
      schema: {
        tags,
        summary: 'Check every camera’s online status now (null counts when another process is checking)',
        response: { 200: z.object({ checked: z.number().int(), online: z.number().int() }).nullable() },
      },
    },
    async () => deps.checkNow(),
  );

  api.get(
    `${base}/:id`,
    {
      config: { access: READ },
      schema: { tags, params: idParams, response: { 200: cameraSchema } },
    },
    async (request) => cameras.get(requireAuth(request), request.params.id),
  );

  api.post(
    base,
    {
      config: { access: WRITE, audit: 'video.camera_create' },
      schema: { tags, body: cameraInputSchema, response: { 201: cameraSchema } },
    },
    async (request, reply) => {
      const created = await cameras.create(requireAuth(request), request.body);
      request.auditTarget = created.id;
      return reply.status(201).send(created);
    },
  );

  api.put(
    `${base}/:id`,
    {
      config: { access: WRITE, audit: 'video.camera_update' },
      schema: { tags, params: idParams, body: cameraInputSchema, response: { 200: cameraSchema } },
    },
    async (request) => cameras.update(requireAuth(request), request.params.id, request.body),
  );

  api.delete(
    `${base}/:id`,
    {
      config: { access: WRITE, audit: 'video.camera_delete' },
      schema: { tags, params: idParams, response: { 200: z.object({ ok: z.literal(true) }) } },
    },
    async (request) => {
      await cameras.remove(requireAuth(request), request.params.id);
      return { ok: true as const };
    },
  );

  api.post(
    `${base}/:id/play`,
    {
      config: { access: READ, audit: 'video.camera_view' },
      schema: {
        tags,
        summary: 'Start live view: the HLS playlist to play (audited: who watched which camera when)',
        params: idParams,
        response: { 200: cameraPlaySchema },
      },
    },
    async (request) => {
      request.auditTarget = request.params.id;
      return cameras.play(requireAuth(request), request.params.id);
    },
  );

  api.post(
    `${base}/:id/snapshot`,
    {
      config: { access: READ, audit: 'video.camera_snapshot' },
      schema: {
        tags,
        summary:
          'A frame of the live stream stored as an upload of the camera’s enterprise (evidence for a hazard report)',
        params: idParams,
        response: {
          201: z.object({
            uploadId: z.uuid(),
            contentType: z.string(),
            size: z.number().int(),
            takenAt: z.string(),
          }),
        },
      },
    },
    async (request, reply) => {
      request.auditTarget = request.params.id;
      return reply.status(201).send(await cameras.snapshot(requireAuth(request), request.params.id));
    },
  );

  api.get(
    `${TEST_GATEWAY_PATH}/:file`,
    {
      config: { access: READ },
      schema: {
        tags,
        summary: 'The test gateway’s HLS playlist and segments (the local ffmpeg test pattern)',
        params: z.object({ file: z.string().regex(/^(index\.m3u8|seg\d{6}\.ts)$/) }),
      },
    },
    async (request, reply) => {
      const dir = deps.testStreamDir();
      if (!dir) throw new DomainError('video.test_stream_missing');
      const file = path.join(dir, request.params.file);
      const info = await stat(file).catch(() => null);
      if (!info) throw new DomainError('video.test_stream_missing');
      const playlist = file.endsWith('.m3u8');
      return reply
        .header('content-type', playlist ? 'application/vnd.apple.mpegurl' : 'video/mp2t')
        .header('content-length', info.size)
        .send(createReadStream(file));
    },
  );
}
