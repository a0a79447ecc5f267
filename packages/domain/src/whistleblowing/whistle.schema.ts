import { z } from 'zod';
import { isoDate } from '../common/dates.schema.ts';
import { pageQuerySchema } from '../common/pagination.schema.ts';
import { codedIssue } from '../errors/coded-issue.ts';
import { rmbYuanSchema } from '../money/rmb-amount.ts';
import { recordLabelSchema } from '../auth/security-labels.ts';
import { whistleObjectionPhases, whistleObjectionStatuses } from './whistle-objection.ts';
import { whistleSmsCodeSchema } from './whistle-sms.schema.ts';

/*
 * Requests and answers of the public /api/v1/public/whistleblowing and the bureau's
 * /api/v1/whistleblowing (issue 16). Reference: shared/reference/co-governance-and-obligations.md §1.
 */

/** §1.1: what may be reported. */
export const whistleCategories = ['major_hazard', 'illegal_operation', 'concealed_accident'] as const;
/** §1.1 channels: the public page, 12350, letters, e-mail, visits. */
export const whistleChannels = ['online', 'phone_12350', 'letter', 'email', 'visit'] as const;
export const whistleStatuses = [
  'received',
  'accepted',
  'not_accepted',
  'transferred',
  'verified',
  'replied',
] as const;
export const whistleOutcomes = ['true', 'partly_true', 'untrue'] as const;
/** GB 6441 / 《生产安全事故报告和调查处理条例》 classes, for concealed-accident rewards. */
export const whistleAccidentClasses = ['general', 'larger', 'major', 'especially_major'] as const;
export const whistleRewardStatuses = ['proposed', 'approved_once', 'approved', 'paid'] as const;

export type WhistleCategory = (typeof whistleCategories)[number];
export type WhistleChannel = (typeof whistleChannels)[number];
export type WhistleStatus = (typeof whistleStatuses)[number];
export type WhistleOutcome = (typeof whistleOutcomes)[number];
export type WhistleAccidentClass = (typeof whistleAccidentClasses)[number];
export type WhistleRewardStatus = (typeof whistleRewardStatuses)[number];

/** 查询码: 12 Crockford base-32 characters in three groups (60 bits); the secret: 20 (100 bits). */
export const whistleQueryCodePattern = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;
export const whistleSecretPattern = /^[0-9A-HJKMNP-TV-Z]{20}$/;

const text = (max: number) => z.string().trim().min(1).max(max);
const county = z.string().regex(/^\d{6}$/);
// 居民身份证号码 (GB 11643): 17 digits and a digit or X; the check digit is verified in the service.
const idNumber = z
  .string()
  .trim()
  .regex(/^\d{17}[\dXx]$/);
const phone = z
  .string()
  .trim()
  .regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/);

export const whistleIdentitySchema = z.strictObject({
  name: text(40),
  idNumber,
  phone,
  bankAccount: z
    .string()
    .trim()
    .regex(/^\d{12,30}$/)
    .optional(),
});
export type WhistleIdentity = z.infer<typeof whistleIdentitySchema>;
/** The identity as the custodian sees it: 未验证 when the phone was not proved by an SMS code. */
export const whistleIdentityViewSchema = whistleIdentitySchema.extend({ phoneVerified: z.boolean() });

const reportFields = {
  category: z.enum(whistleCategories),
  description: z.string().trim().min(10).max(4000).describe('What happened, in the reporter’s words'),
  address: text(200).optional(),
  // Any WGS-84 position parses; the service refuses one outside Yuxi with whistle.pin_outside_city
  // (its extent and county boundaries are the server's configuration, whistle-pin.ts).
  lon: z.number().min(-180).max(180).optional().describe('Map pin, WGS-84 longitude; with lat'),
  lat: z.number().min(-90).max(90).optional().describe('Map pin, WGS-84 latitude; with lon'),
  enterpriseId: z.uuid().optional().describe('A registry enterprise chosen from the suggestions'),
  enterpriseName: text(100).optional().describe('The enterprise as the reporter names it'),
  county: county.optional(),
  occurredOn: isoDate().optional(),
  photoIds: z.array(z.uuid()).max(6).default([]),
  anonymous: z.boolean(),
  identity: whistleIdentitySchema.optional(),
};

const identityWhenNamed = (value: { anonymous: boolean; identity?: unknown }) =>
  value.anonymous ? value.identity === undefined : value.identity !== undefined;
const pinWhole = (value: { lon?: number | undefined; lat?: number | undefined }) =>
  (value.lon === undefined) === (value.lat === undefined);

export const whistlePublicReportSchema = z
  .strictObject({
    ...reportFields,
    deviceId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{16,64}$/)
      .describe('A random id the page keeps'),
    captchaId: z.uuid().optional(),
    captchaAnswer: z.string().max(10).optional(),
    smsCode: whistleSmsCodeSchema.optional(),
  })
  .refine(identityWhenNamed, { ...codedIssue('whistle.identity_mismatch'), path: ['identity'] })
  .refine(pinWhole, { ...codedIssue('whistle.pin_incomplete'), path: ['lat'] });
export type WhistlePublicReport = z.infer<typeof whistlePublicReportSchema>;

export const whistleStaffReportSchema = z
  .strictObject({
    ...reportFields,
    channel: z.enum(whistleChannels).exclude(['online']),
    receivedOn: isoDate(),
    securityLabel: recordLabelSchema
      .optional()
      .describe('密级: 敏感 unless the officer picks another, never above the own clearance'),
  })
  .refine(identityWhenNamed, { ...codedIssue('whistle.identity_mismatch'), path: ['identity'] })
  .refine(pinWhole, { ...codedIssue('whistle.pin_incomplete'), path: ['lat'] });
export type WhistleStaffReport = z.infer<typeof whistleStaffReportSchema>;

export const whistleReceiptSchema = z.object({
  queryCode: z.string(),
  secret: z.string().describe('Shown once; the bureau keeps only its hash'),
});

export const whistleLookupSchema = z.strictObject({
  queryCode: z.string().trim().toUpperCase().max(20),
  secret: z.string().trim().toUpperCase().max(40),
  deviceId: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
  captchaId: z.uuid().optional(),
  captchaAnswer: z.string().max(10).optional(),
});
export type WhistleLookup = z.infer<typeof whistleLookupSchema>;

export const whistleAddInfoSchema = z.strictObject({
  ...whistleLookupSchema.shape,
  body: z.string().trim().min(2).max(2000),
  photoIds: z.array(z.uuid()).max(6).default([]),
});

/** An objection (异议) to the bureau's decision, with the code and the secret, within the window. */
export const whistleObjectionSchema = z.strictObject({
  ...whistleLookupSchema.shape,
  reason: z.string().trim().min(4).max(2000).describe('Why the reporter objects to the decision'),
});

/** The objection as the bureau's staff see it: the window, the reporter's reason, the review. */
export const whistleObjectionViewSchema = z.object({
  phase: z.enum(whistleObjectionPhases),
  windowEndsOn: z.string().nullable().describe('The last day an objection is received'),
  filedOn: z.string().nullable(),
  reason: z.string().nullable(),
  status: z.enum(whistleObjectionStatuses).nullable(),
  reviewDue: z.string().nullable(),
  reviewReason: z.string().nullable(),
  reviewedOn: z.string().nullable(),
  reopenedTo: z.enum(['received', 'accepted']).nullable(),
});
export type WhistleObjectionView = z.infer<typeof whistleObjectionViewSchema>;

/** The city's review: upheld reopens the case at the right step; rejected needs a reason. */
export const whistleObjectionReviewSchema = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('uphold'), reason: z.string().trim().max(1000).optional() }),
  z.strictObject({ decision: z.literal('reject'), reason: z.string().trim().min(2).max(1000) }),
]);
export type WhistleObjectionReview = z.infer<typeof whistleObjectionReviewSchema>;

export const whistleMessageSchema = z.object({
  from: z.enum(['reporter', 'bureau']),
  on: z.string().describe('The date only: an anonymous reporter’s time is not kept'),
  body: z.string(),
  photoIds: z.array(z.string()),
});

export const whistleRewardSchema = z.object({
  status: z.enum(whistleRewardStatuses),
  amountYuan: z.string(),
  basis: z.enum(['fine_percent', 'minimum', 'maximum', 'per_death', 'per_death_capped']),
  ruleId: z.string(),
  source: z.string(),
  approvals: z.number().int(),
  paidOn: z.string().nullable(),
});
export type WhistleReward = z.infer<typeof whistleRewardSchema>;

/** An incident (事故) a concealed-accident report may be linked to, with its counted figures. */
export const whistleIncidentOptionSchema = z.object({
  id: z.uuid(),
  occurredOn: z.string().describe('China date of the accident'),
  county: z.string(),
  location: z.string(),
  enterpriseName: z.string().nullable(),
  deaths: z.number().int().describe('Deaths as counted today (later deaths within the statutory window)'),
  accidentClass: z.enum(whistleAccidentClasses),
});
export type WhistleIncidentOption = z.infer<typeof whistleIncidentOptionSchema>;

/** What the reporter sees with the code and the secret. */
export const whistlePublicViewSchema = z.object({
  queryCode: z.string(),
  category: z.enum(whistleCategories),
  status: z.enum(whistleStatuses),
  receivedOn: z.string(),
  outcome: z.enum(whistleOutcomes).nullable(),
  messages: z.array(whistleMessageSchema),
  reward: whistleRewardSchema.pick({ status: true, amountYuan: true, paidOn: true }).nullable(),
  objection: whistleObjectionViewSchema.omit({ reopenedTo: true }),
});

export const whistleActions = [
  'accept',
  'not_accept',
  'transfer',
  'assign',
  'verify',
  'reply',
  'propose_reward',
  'approve_reward',
  'pay_reward',
  'review_objection',
] as const;
export type WhistleAction = (typeof whistleActions)[number];

export const whistleListItemSchema = z.object({
  id: z.uuid(),
  queryCode: z.string(),
  channel: z.enum(whistleChannels),
  category: z.enum(whistleCategories),
  status: z.enum(whistleStatuses),
  reporterLabel: z.string().describe('匿名举报人, or 实名举报人 with a pseudonym: never the identity'),
  anonymous: z.boolean(),
  pseudonym: z
    .string()
    .nullable()
    .describe('Four random characters naming a real-name reporter to staff; null when anonymous'),
  enterpriseId: z.uuid().nullable(),
  enterpriseName: z.string().nullable(),
  county: z.string().nullable(),
  assignedCounty: z.string().nullable(),
  receivedOn: z.string(),
  acceptanceDue: z.string(),
  verificationDue: z.string().nullable(),
  overdue: z.boolean(),
  outcome: z.enum(whistleOutcomes).nullable(),
  rewardStatus: z.enum(whistleRewardStatuses).nullable(),
  objectionStatus: z.enum(whistleObjectionStatuses).nullable(),
  securityLabel: recordLabelSchema.describe('Security label (密级) of the report; 敏感 unless relabelled'),
  demo: z.boolean(),
});
export type WhistleListItem = z.infer<typeof whistleListItemSchema>;

export const whistleDetailSchema = whistleListItemSchema.extend({
  description: z.string(),
  address: z.string().nullable(),
  lon: z.number().nullable(),
  lat: z.number().nullable(),
  enterpriseByPin: z
    .boolean()
    .describe('The enterprise is the registered one nearest the pin, not one the reporter chose'),
  verifiedOn: z.string().nullable().describe('The day the outcome was recorded'),
  occurredOn: z.string().nullable(),
  photoIds: z.array(z.string()).describe('Photos and videos, in the order sent'),
  videoIds: z.array(z.string()).describe('Which of photoIds are videos (MP4), to play'),
  decisionReason: z.string().nullable(),
  transferredTo: z.string().nullable(),
  assignedDeadline: z.string().nullable(),
  outcomeNote: z.string().nullable(),
  inspectionId: z.string().nullable(),
  hazardIds: z.array(z.string()),
  penaltyCaseId: z.string().nullable(),
  fineYuan: z.string().nullable(),
  deaths: z.number().int().nullable(),
  accidentClass: z.enum(whistleAccidentClasses).nullable(),
  incident: whistleIncidentOptionSchema
    .nullable()
    .describe('The incident the verification linked: deaths and class as the incident counts them today'),
  messages: z.array(whistleMessageSchema),
  escalations: z.array(
    z.object({
      subject: z.enum(['acceptance', 'verification']),
      step: z.enum(['reminder', 'warning', 'notice']),
      deadline: z.string(),
      firedAt: z.string(),
      notified: z.number().int(),
    }),
  ),
  duplicateOf: z.object({ id: z.uuid(), queryCode: z.string() }).nullable(),
  duplicates: z.array(z.object({ id: z.uuid(), queryCode: z.string() })),
  reward: whistleRewardSchema.nullable(),
  objection: whistleObjectionViewSchema,
  allowedActions: z.array(z.enum(whistleActions)),
});
export type WhistleDetail = z.infer<typeof whistleDetailSchema>;

export const whistleListQuerySchema = pageQuerySchema.extend({
  status: z.enum(whistleStatuses).optional(),
  category: z.enum(whistleCategories).optional(),
  channel: z.enum(whistleChannels).optional(),
  county: county.optional(),
  q: z.string().trim().max(100).optional(),
  overdue: z.enum(['true', 'false']).optional().describe('true: only reports past a deadline today'),
  objection: z.enum(whistleObjectionStatuses).optional().describe('pending: objections awaiting review'),
  securityLabel: recordLabelSchema.optional().describe('Only reports with this security label'),
});

export const whistleDecisionSchema = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('accept') }),
  z.strictObject({ decision: z.literal('not_accept'), reason: text(500) }),
  z.strictObject({ decision: z.literal('transfer'), reason: text(500), department: text(100) }),
]);
export type WhistleDecision = z.infer<typeof whistleDecisionSchema>;

export const whistleAssignSchema = z.strictObject({ county, deadline: isoDate() });

export const whistleVerifySchema = z.strictObject({
  outcome: z.enum(whistleOutcomes),
  note: text(2000),
  inspectionId: z.uuid().optional(),
  penaltyCaseId: z.uuid().optional(),
  incidentId: z
    .uuid()
    .optional()
    .describe('谎报瞒报事故: the incident (事故) the report uncovered; its class and deaths set the reward'),
  deaths: z
    .number()
    .int()
    .min(0)
    .max(1000)
    .optional()
    .describe('Typed by the handler only when no incident is linked'),
  accidentClass: z.enum(whistleAccidentClasses).optional(),
});
export type WhistleVerify = z.infer<typeof whistleVerifySchema>;

export const whistleDuplicateLinkSchema = z.strictObject({ originalId: z.uuid() });

export const whistleReplySchema = z.strictObject({ body: text(2000) });
export const whistlePaySchema = z.strictObject({ paidOn: isoDate(), paymentRef: text(100) });
export const whistleIdentityRequestSchema = z.strictObject({ reason: z.string().trim().min(4).max(500) });
export const whistleFineSchema = rmbYuanSchema;

/** The reward ledger (奖励台账) of a year, by county: proposed, approved and paid counts and amounts. */
export const whistleLedgerQuerySchema = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const whistleLedgerRowSchema = z.object({
  county: z.string().nullable(),
  proposedCount: z.number().int(),
  proposedYuan: z.string(),
  approvedCount: z.number().int(),
  approvedYuan: z.string(),
  paidCount: z.number().int(),
  paidYuan: z.string(),
});
export type WhistleLedgerRow = z.infer<typeof whistleLedgerRowSchema>;

/** 举报统计: reports received in a period (received_on, both days included) in the caller's counties. */
export const whistleStatisticsQuerySchema = z
  .object({ from: isoDate(), to: isoDate() })
  .refine((q) => q.from <= q.to, { ...codedIssue('whistle.period_invalid'), path: ['to'] });

const countRow = z.object({ key: z.string(), count: z.number().int() });
export const whistleStatisticsSchema = z.object({
  total: z.number().int(),
  byChannel: z.array(countRow),
  byCategory: z.array(countRow),
  byCounty: z.array(countRow).describe('The handling county, else the county reported'),
  byMonth: z.array(countRow).describe('YYYY-MM of the day received'),
  decided: z.number().int(),
  accepted: z.number().int().describe('Decided and accepted (verified and replied included)'),
  acceptedOnTime: z.number().int().describe('Decided on or before the acceptance deadline'),
  withOutcome: z.number().int(),
  verified: z.number().int().describe('Found 属实 or 部分属实'),
  acceptanceRate: z.number().nullable().describe('accepted / decided, null when none decided'),
  verifiedRate: z.number().nullable().describe('verified / withOutcome'),
  onTimeRate: z.number().nullable().describe('acceptedOnTime / decided'),
  rewardsPaidCount: z.number().int(),
  rewardsPaidYuan: z.string(),
});
export type WhistleStatistics = z.infer<typeof whistleStatisticsSchema>;

/** The public page's pin: GET /public/whistleblowing/place?lon=&lat= (WGS-84). */
export const whistlePlaceQuerySchema = z.object({
  lon: z.coerce.number().min(-180).max(180),
  lat: z.coerce.number().min(-90).max(90),
});

/** The county the pin falls in and the operating enterprises registered near it, nearest first. */
export const whistlePlaceSchema = z.object({
  county: z.string().describe('GB/T 2260 code of the county the pin lies in'),
  enterprises: z
    .array(z.object({ id: z.uuid(), name: z.string(), county: z.string(), distanceM: z.number().int() }))
    .describe('Within WHISTLE_PIN_ENTERPRISE_RADIUS_METRES of the pin, at most 3'),
});
export type WhistlePlace = z.infer<typeof whistlePlaceSchema>;

/** What the public page's map may load without signing in. */
export const whistlePublicMapSchema = z.object({
  basemap: z
    .object({ tileUrl: z.string(), gcj02: z.boolean(), attribution: z.string() })
    .nullable()
    .describe(
      'The online basemap when configured and WHISTLE_PUBLIC_BASEMAP allows it; else boundaries only',
    ),
  extent: z.object({ minLon: z.number(), minLat: z.number(), maxLon: z.number(), maxLat: z.number() }),
  boundaries: z.object({
    type: z.literal('FeatureCollection'),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        properties: z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string().nullable() }),
        geometry: z.unknown(),
      }),
    ),
  }),
});
export type WhistlePublicMap = z.infer<typeof whistlePublicMapSchema>;

/**
 * 一企一档 举报核查: reports about the enterprise verified 属实 or 部分属实, newest first. Never the
 * reporter, the query code, the day received or the report's text: only when it was verified, what
 * kind of report and what was found.
 */
export const whistleVerifiedQuerySchema = z.object({ enterpriseId: z.uuid() });
export const whistleVerifiedItemSchema = z.object({
  verifiedOn: z.string().describe('The day the outcome was recorded'),
  category: z.enum(whistleCategories),
  outcome: z.enum(['true', 'partly_true']),
  demo: z.boolean(),
});
export type WhistleVerifiedItem = z.infer<typeof whistleVerifiedItemSchema>;
