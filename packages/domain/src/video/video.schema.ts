import { z } from 'zod';
import { pageQuerySchema } from '../common/pagination.schema.ts';
import { countyCodeSchema, lonLatSchema } from '../registry/enterprise.schema.ts';

/**
 * Video (issue 18): cameras in a register, seen live through a gateway. A camera's stream comes
 * through one configured gateway: a GB/T 28181 platform (WVP-GB28181, the stream named by device
 * and channel), an RTSP → HLS proxy (ZLMediaKit, the stream named by its RTSP address), a plain HLS
 * server (a path under its address), or the platform's own test gateway (a local ffmpeg pattern).
 */
export const videoGatewayKinds = ['wvp', 'zlm', 'hls', 'test'] as const;
export type VideoGatewayKind = (typeof videoGatewayKinds)[number];

export const cameraStatuses = ['unknown', 'online', 'offline'] as const;
export type CameraStatus = (typeof cameraStatuses)[number];

/** One gateway as configured (VIDEO_GATEWAYS, a JSON array); the secrets never leave the server. */
export const videoGatewayConfigSchema = z.discriminatedUnion('kind', [
  z
    .object({
      id: z.string().regex(/^[a-z0-9-]{1,40}$/),
      name: z.string().min(1).max(60),
      kind: z.literal('wvp'),
      baseUrl: z.url(),
      username: z.string().min(1),
      password: z.string().min(1),
      mediaOrigins: z
        .array(z.url())
        .max(10)
        .default([])
        .describe('Origins of the media servers whose HLS addresses WVP hands out (for the CSP)'),
    })
    .strict(),
  z
    .object({
      id: z.string().regex(/^[a-z0-9-]{1,40}$/),
      name: z.string().min(1).max(60),
      kind: z.literal('zlm'),
      baseUrl: z.url().describe('The API address, e.g. http://zlm:80'),
      playBaseUrl: z.url().optional().describe('Where browsers fetch HLS; default the API address'),
      secret: z.string().min(1),
      app: z
        .string()
        .regex(/^[A-Za-z0-9_-]{1,40}$/)
        .default('anjian'),
    })
    .strict(),
  z
    .object({
      id: z.string().regex(/^[a-z0-9-]{1,40}$/),
      name: z.string().min(1).max(60),
      kind: z.literal('hls'),
      baseUrl: z.url(),
    })
    .strict(),
]);
export type VideoGatewayConfig = z.infer<typeof videoGatewayConfigSchema>;
export const videoGatewaysConfigSchema = z.array(videoGatewayConfigSchema).max(20);

/** The id of the platform's own test gateway (always present; offline without ffmpeg). */
export const TEST_GATEWAY_ID = 'local-test';

export const videoGatewaySchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(videoGatewayKinds),
});
export type VideoGateway = z.infer<typeof videoGatewaySchema>;

/** What a stream reference must look like for each kind of gateway. */
export function streamRefProblem(kind: VideoGatewayKind, ref: string): boolean {
  switch (kind) {
    case 'wvp':
      return !/^[0-9A-Za-z]{1,32}\/[0-9A-Za-z]{1,32}$/.test(ref);
    case 'zlm':
      return !/^rtsps?:\/\/[^\s]+$/.test(ref);
    case 'hls':
    case 'test':
      return !/^[A-Za-z0-9._/-]{1,200}$/.test(ref) || ref.includes('..') || ref.startsWith('/');
  }
}

export const cameraInputSchema = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{2,40}$/)
      .describe('The camera number, e.g. its GB/T 28181 channel id'),
    name: z.string().trim().min(2).max(80),
    enterpriseId: z
      .uuid()
      .nullable()
      .default(null)
      .describe(
        'Its enterprise; null for a camera on a hazard site without one (then objectId is that site)',
      ),
    objectId: z.uuid().nullable().default(null).describe('The regulated object it watches'),
    monitoringPointId: z.uuid().nullable().default(null).describe('The monitoring point it watches'),
    roadSection: z.string().trim().max(80).nullable().default(null).describe('路段, for a road camera'),
    location: lonLatSchema,
    direction: z.number().int().min(0).max(359).nullable().default(null).describe('Bearing in degrees'),
    gatewayId: z.string().min(1).max(40),
    streamRef: z
      .string()
      .trim()
      .min(1)
      .max(300)
      .describe('WVP: deviceId/channelId; ZLMediaKit: rtsp://…; HLS: a path under the gateway'),
  })
  .strict();
export type CameraInput = z.infer<typeof cameraInputSchema>;

export const cameraSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  enterpriseId: z.uuid().nullable(),
  enterpriseName: z.string().nullable(),
  responsibleUnit: z
    .string()
    .optional()
    .describe('A hazard site’s responsible unit, when there is no enterprise'),
  county: z.string(),
  objectId: z.uuid().nullable(),
  objectName: z.string().nullable(),
  monitoringPointId: z.uuid().nullable(),
  monitoringPointName: z.string().nullable(),
  roadSection: z.string().nullable(),
  location: z.object({ lon: z.number(), lat: z.number() }),
  direction: z.number().int().nullable(),
  gatewayId: z.string(),
  gatewayName: z.string(),
  streamRef: z.string(),
  status: z.enum(cameraStatuses),
  checkedAt: z.string().nullable().describe('ISO instant of the last online check'),
  lastOnlineAt: z.string().nullable(),
  distanceM: z.number().optional().describe('Distance from the asked point (nearby lists)'),
  demo: z.boolean(),
});
export type Camera = z.infer<typeof cameraSchema>;

export const cameraListQuerySchema = pageQuerySchema
  .extend({
    q: z.string().trim().max(60).optional(),
    county: countyCodeSchema.optional(),
    enterpriseId: z.uuid().optional(),
    status: z.enum(cameraStatuses).optional(),
    gatewayId: z.string().max(40).optional(),
  })
  .strict();

export const nearbyCamerasQuerySchema = z
  .object({
    lon: z.coerce.number().min(-180).max(180),
    lat: z.coerce.number().min(-90).max(90),
    radiusM: z.coerce.number().min(1).max(50_000).default(2_000),
    limit: z.coerce.number().int().min(1).max(50).default(12),
  })
  .strict();

export const nearAlarmQuerySchema = z
  .object({
    alarmId: z.uuid(),
    radiusM: z.coerce.number().min(1).max(50_000).default(3_000),
    limit: z.coerce.number().int().min(1).max(12).default(4),
  })
  .strict();

export const inZonesQuerySchema = z
  .object({
    incidentId: z.uuid(),
    limit: z.coerce.number().int().min(1).max(50).default(12),
  })
  .strict();

export const cameraPlaySchema = z.object({
  cameraId: z.uuid(),
  hlsUrl: z.string().describe('The HLS playlist the browser plays (hls.js)'),
  gatewayKind: z.enum(videoGatewayKinds),
});
export type CameraPlay = z.infer<typeof cameraPlaySchema>;

export const onlineRateRowSchema = z.object({
  key: z.string().describe('County code or enterprise id'),
  name: z.string(),
  county: z.string(),
  cameras: z.number().int(),
  online: z.number().int(),
  rate: z.number().nullable().describe('online ÷ checked cameras, 0–1; null when none was checked'),
});
export type OnlineRateRow = z.infer<typeof onlineRateRowSchema>;

export const onlineRatesSchema = z.object({
  total: onlineRateRowSchema,
  counties: z.array(onlineRateRowSchema),
  enterprises: z.array(onlineRateRowSchema),
});
export type OnlineRates = z.infer<typeof onlineRatesSchema>;

export const cameraStatusNames: Record<CameraStatus, { zh: string; en: string }> = {
  unknown: { zh: '未检测', en: 'Not checked' },
  online: { zh: '在线', en: 'Online' },
  offline: { zh: '离线', en: 'Offline' },
};
