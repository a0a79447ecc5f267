import { z } from 'zod';
import { warningLevels } from './warning-catalogue.ts';
import { warningActions, warningStatuses } from './warning-lifecycle.ts';
import { warningSourceKinds } from './warning-prefill.ts';
import { defaultRecipientGroups, warningRecipientGroups } from './warning-recipients.ts';

/*
 * Requests and answers of /api/v1/warnings and the public /api/v1/public/warnings. Instants carry
 * their offset; the CAP message writes them in China time (+08:00).
 */

const instant = z.iso.datetime({ offset: true });

export const geoPointSchema = z.strictObject({
  lat: z.number().min(-90).max(90).describe('Latitude, WGS-84'),
  lon: z.number().min(-180).max(180).describe('Longitude, WGS-84'),
});

export const warningAreaSchema = z.strictObject({
  counties: z
    .array(z.string().regex(/^\d{6}$/))
    .max(20)
    .default([])
    .describe('GB/T 2260 county codes'),
  townships: z
    .array(z.string().regex(/^\d{9}$/))
    .max(100)
    .default([])
    .describe('Township codes (county + 3 digits)'),
  polygon: z
    .array(geoPointSchema)
    .min(3)
    .max(500)
    .nullable()
    .default(null)
    .describe('A drawn ring (open or closed)'),
  circle: z
    .strictObject({ center: geoPointSchema, radiusKm: z.number().positive().max(500) })
    .nullable()
    .default(null),
});

export const warningInfoBlockSchema = z.strictObject({
  headline: z
    .string()
    .trim()
    .min(1)
    .max(160)
    .describe('CAP headline, e.g. 玉溪市应急管理局发布危化品泄漏橙色预警'),
  description: z.string().trim().min(1).max(4000),
  instruction: z.string().trim().max(2000).default('').describe('What people should do'),
});

export const warningInputSchema = z.strictObject({
  eventType: z.string().min(1).max(40).describe('Code from the configured event-type list'),
  level: z
    .enum(warningLevels)
    .describe('blue 蓝色(四级), yellow 黄色(三级), orange 橙色(二级), red 红色(一级)'),
  onset: instant,
  expires: instant.describe('Must be after onset'),
  audience: z.string().trim().max(200).default('').describe('Who the warning is for'),
  contact: z.string().trim().min(1).max(200).describe('Sender contact (phone or office)'),
  area: warningAreaSchema,
  recipientGroups: z
    .array(z.enum(warningRecipientGroups))
    .min(1)
    .default([...defaultRecipientGroups])
    .describe('Who it reaches: enterprise safety managers, county and city officers, schools, hospitals'),
  info: z.strictObject({
    zh: warningInfoBlockSchema.describe('zh-CN block (required)'),
    en: warningInfoBlockSchema.nullable().default(null).describe('English block (optional)'),
  }),
});
export type WarningInput = z.infer<typeof warningInputSchema>;
/** An input as code writes it: the recipient groups may be left to their default. */
export type WarningAuthoring = Omit<WarningInput, 'recipientGroups'> & {
  recipientGroups?: WarningInput['recipientGroups'];
};

/** Where a draft came from (an alarm, an incident's consequence zone): linked both ways. */
export const warningSourceRefSchema = z.strictObject({
  kind: z.enum(warningSourceKinds),
  id: z.uuid(),
});

export type WarningSourceRef = z.infer<typeof warningSourceRefSchema>;

/** A new warning may name its source; the server checks it and stores the link. */
export const warningCreateSchema = warningInputSchema.extend({
  source: warningSourceRefSchema.nullable().default(null).describe('The alarm or incident it comes from'),
  templateId: z.uuid().nullable().default(null).describe('The template it was filled from'),
});
export type WarningCreate = z.infer<typeof warningCreateSchema>;

export const warningSourceSchema = z.object({
  kind: z.enum(warningSourceKinds),
  id: z.string(),
  label: z.string(),
});

/** A pre-filled draft for the form (the contact is left to the author). */
export const warningPrefillSchema = z.object({
  draft: warningInputSchema.extend({ contact: z.string() }),
  source: warningSourceSchema,
});

/** The consequence zone the 辅助决策 panel drew, sent to pre-fill a warning from an incident. */
export const warningZonePrefillSchema = z.strictObject({
  site: geoPointSchema,
  footprint: z.array(geoPointSchema).max(5000).nullable().default(null),
  evacuationRadiusM: z.number().positive().max(100_000),
  chemical: z.string().trim().min(1).max(40),
});

export const warningCommentSchema = z.strictObject({ comment: z.string().trim().max(1000).default('') });
export const warningRejectSchema = z.strictObject({ comment: z.string().trim().min(1).max(1000) });

export const warningListQuerySchema = z.strictObject({
  status: z.enum(warningStatuses).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const warningStepSchema = z.object({
  at: instant,
  action: z.string(),
  actorName: z.string(),
  comment: z.string(),
});

export const warningVersionSchema = z.object({
  version: z.number().int(),
  identifier: z.string(),
  msgType: z.enum(['Alert', 'Update', 'Cancel']),
  sent: instant,
  sm3: z.string().describe('SM3 hash (hex) of the archived CAP XML'),
  capUrl: z.string(),
});

export const warningDeliverySummarySchema = z.object({
  channel: z.string(),
  pending: z.number().int(),
  delivered: z.number().int(),
  failed: z.number().int(),
});

export const warningRecordSchema = z.object({
  id: z.uuid(),
  status: z.enum(warningStatuses),
  eventType: z.string(),
  level: z.enum(warningLevels),
  onset: instant,
  expires: instant,
  audience: z.string(),
  contact: z.string(),
  area: warningAreaSchema,
  info: z.object({ zh: warningInfoBlockSchema, en: warningInfoBlockSchema.nullable() }),
  authorName: z.string(),
  approverName: z.string().nullable(),
  lastComment: z.string().nullable(),
  releasedVersions: z.number().int(),
  demo: z.boolean(),
  source: warningSourceSchema.nullable(),
  recipientGroups: z.array(z.string()),
  allowedActions: z.array(z.enum(warningActions)),
  createdAt: instant,
  updatedAt: instant,
});
export type WarningRecord = z.infer<typeof warningRecordSchema>;

/** A warning as its source (alarm, incident) lists it. */
export const linkedWarningSchema = z.object({
  id: z.string(),
  status: z.enum(warningStatuses),
  level: z.enum(warningLevels),
  headline: z.string(),
  createdAt: instant,
});

/** The files a warning can carry: images (re-encoded on upload) and PDF. */
export const warningAttachmentTypes = ['image/jpeg', 'image/png', 'application/pdf'] as const;
/** The largest attachment, before and after re-encoding. */
export const MAX_WARNING_ATTACHMENT_BYTES = 5 * 1024 * 1024;

/** Why a chosen file cannot be attached (checked in the browser before upload and again on the server). */
export function warningAttachmentProblem(file: {
  type: string;
  size: number;
}): 'type' | 'size' | 'empty' | null {
  if (!(warningAttachmentTypes as readonly string[]).includes(file.type)) return 'type';
  if (file.size === 0) return 'empty';
  if (file.size > MAX_WARNING_ATTACHMENT_BYTES) return 'size';
  return null;
}

/** A file the warning carries as a CAP <resource> (image re-encoded on upload, or a PDF). */
export const warningAttachmentSchema = z.object({
  id: z.uuid(),
  description: z.object({ zh: z.string(), en: z.string() }),
  mimeType: z.enum(warningAttachmentTypes),
  size: z.number().int(),
  /** SHA-1 of the stored file, hex (CAP 1.2 <digest>). */
  sha1: z.string(),
  /** The first released version that lists it (then it can no longer be deleted). */
  releasedIn: z.number().int().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type WarningAttachment = z.infer<typeof warningAttachmentSchema>;

export const warningDetailSchema = warningRecordSchema.extend({
  steps: z.array(warningStepSchema),
  attachments: z.array(warningAttachmentSchema),
  versions: z.array(warningVersionSchema),
  deliveries: z.array(warningDeliverySummarySchema),
});

/** What the public sees of an active warning: its latest released version. */
export const publicWarningSchema = z.object({
  id: z.uuid(),
  identifier: z.string(),
  msgType: z.enum(['Alert', 'Update', 'Cancel']),
  eventType: z.string(),
  level: z.enum(warningLevels),
  sent: instant,
  onset: instant,
  expires: instant,
  area: warningAreaSchema,
  info: z.object({ zh: warningInfoBlockSchema, en: warningInfoBlockSchema.nullable() }),
  capUrl: z.string(),
  demo: z.boolean(),
});
export type PublicWarning = z.infer<typeof publicWarningSchema>;
