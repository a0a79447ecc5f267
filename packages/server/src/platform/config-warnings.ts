import { z } from 'zod';
import { listOf } from './config-values.ts';

/** Public warning release (预警发布): sender identity and the channels' peers. */
export interface WarningsConfig {
  /** GB/T 35965.1 sender code: GB/T 2260 area + GB/T 4657 body + internal + extension (14 digits). */
  readonly senderCode: string;
  readonly senderName: { readonly zh: string; readonly en: string };
  /** Absolute origin the CAP and feed links are written with (e.g. https://anjian.yuxi.gov.cn). */
  readonly publicBaseUrl: string;
  readonly webhookUrls: readonly string[];
  readonly webhookSecret: string | null;
  readonly smtpUrl: string | null;
  readonly emailFrom: string;
  readonly emailTo: readonly string[];
  readonly mqttTopic: string;
  /** SMS through an HTTP gateway: POST JSON {to, text, id}; null sends none. */
  readonly smsUrl: string | null;
  readonly smsToken: string | null;
  /** Extra phones that get every warning (duty officers); the registry adds the areas' contacts. */
  readonly smsTo: readonly string[];
  /** At most this many warning SMS per phone per China calendar day. */
  readonly smsDailyQuota: number;
  /** The municipal warning-release centre's CAP endpoint (HTTP POST of the CAP XML); null: no hand-off. */
  readonly centreUrl: string | null;
  readonly centreToken: string | null;
  /** Incoming warning feeds (Atom of CAP links, or one CAP message) polled every 5 minutes. */
  readonly feedUrls: readonly string[];
  /** SM2 private key (PKCS#8 PEM) that signs every released version; null: one made at start. */
  readonly sm2PrivateKeyPem: string | null;
}

const warningsSchema = z.object({
  WARNING_SENDER_CODE: z
    .string()
    .regex(/^\d{14}$/, 'must be the 14-digit GB/T 35965.1 sender code')
    .default('53040000000000'),
  WARNING_SENDER_NAME: z.string().min(1).max(60).default('玉溪市应急管理局'),
  WARNING_SENDER_NAME_EN: z.string().min(1).max(80).default('Yuxi Emergency Management Bureau'),
  PUBLIC_BASE_URL: z
    .string()
    .regex(/^https?:\/\/[^\s/]+$/, 'must be an origin such as https://anjian.example.gov.cn (no path)')
    .default('http://localhost:8080'),
  WARNING_WEBHOOK_URLS: z.string().optional(),
  WARNING_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  WARNING_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  WARNING_EMAIL_FROM: z.email().default('yjglj@yuxi.example.gov.cn'),
  WARNING_EMAIL_TO: z.string().optional(),
  WARNING_MQTT_TOPIC: z
    .string()
    .regex(/^[A-Za-z0-9_/-]{1,100}$/)
    .default('anjian/warnings'),
  WARNING_SMS_URL: z
    .string()
    .regex(/^https?:\/\//, 'must start with http:// or https://')
    .optional(),
  WARNING_SMS_TOKEN: z.string().min(8).optional(),
  WARNING_SMS_TO: z
    .string()
    .regex(/^(1\d{10})(,1\d{10})*$/, 'comma-separated mobile numbers')
    .optional(),
  WARNING_SMS_DAILY_QUOTA: z.coerce.number().int().min(1).max(100).default(5),
  WARNING_CENTRE_URL: z
    .string()
    .regex(/^https?:\/\//, 'must start with http:// or https://')
    .optional(),
  WARNING_CENTRE_TOKEN: z.string().min(8).optional(),
  WARNING_FEED_URLS: z
    .string()
    .regex(/^https?:\/\/\S+(,https?:\/\/\S+)*$/, 'comma-separated http(s) URLs')
    .optional(),
  WARNING_SM2_KEY: z
    .string()
    .includes('PRIVATE KEY', { message: 'must be a PKCS#8 PEM private key' })
    .optional(),
});

/** The WARNING_* variables and PUBLIC_BASE_URL, spread into config.ts's environment schema. */
export const warningsVariables = warningsSchema.shape;

export function warningsOf(e: z.output<typeof warningsSchema>): WarningsConfig {
  return Object.freeze({
    senderCode: e.WARNING_SENDER_CODE,
    senderName: Object.freeze({ zh: e.WARNING_SENDER_NAME, en: e.WARNING_SENDER_NAME_EN }),
    publicBaseUrl: e.PUBLIC_BASE_URL,
    webhookUrls: Object.freeze(listOf(e.WARNING_WEBHOOK_URLS)),
    webhookSecret: e.WARNING_WEBHOOK_SECRET ?? null,
    smtpUrl: e.WARNING_SMTP_URL ?? null,
    emailFrom: e.WARNING_EMAIL_FROM,
    emailTo: Object.freeze(listOf(e.WARNING_EMAIL_TO)),
    mqttTopic: e.WARNING_MQTT_TOPIC,
    smsUrl: e.WARNING_SMS_URL ?? null,
    smsToken: e.WARNING_SMS_TOKEN ?? null,
    smsTo: Object.freeze(listOf(e.WARNING_SMS_TO)),
    smsDailyQuota: e.WARNING_SMS_DAILY_QUOTA,
    centreUrl: e.WARNING_CENTRE_URL ?? null,
    centreToken: e.WARNING_CENTRE_TOKEN ?? null,
    feedUrls: Object.freeze(listOf(e.WARNING_FEED_URLS)),
    sm2PrivateKeyPem: e.WARNING_SM2_KEY?.replace(/\\n/g, '\n') ?? null,
  });
}
