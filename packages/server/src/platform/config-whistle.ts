import { z } from 'zod';
import { int } from './config-values.ts';

/** Public reports (举报): the acceptance period, and how many reports and look-ups a client may make. */
export interface WhistleblowingConfig {
  readonly acceptanceDays: number;
  readonly submitsPerHour: number;
  readonly captchaAfterSubmits: number;
  readonly lookupFailuresPerHour: number;
  readonly abuseRetentionDays: number;
  /** SMS codes of real-name reports: one per phone per this many seconds, so many per phone per China day and per IP per hour. */
  readonly smsIntervalSeconds: number;
  readonly smsPerPhonePerDay: number;
  readonly smsPerIpPerHour: number;
}

const whistleblowingSchema = z.object({
  WHISTLE_ACCEPTANCE_DAYS: int(1, 60).default(5),
  WHISTLE_SUBMITS_PER_HOUR: int(1, 1000).default(5),
  WHISTLE_CAPTCHA_AFTER_SUBMITS: int(0, 1000).default(2),
  WHISTLE_LOOKUP_FAILURES_PER_HOUR: int(1, 1000).default(10),
  WHISTLE_ABUSE_RETENTION_DAYS: int(1, 90).default(7),
  WHISTLE_SMS_INTERVAL_SECONDS: int(10, 3600).default(60),
  WHISTLE_SMS_PER_PHONE_PER_DAY: int(1, 100).default(5),
  WHISTLE_SMS_PER_IP_PER_HOUR: int(1, 10_000).default(20),
});

/** The WHISTLE_* variables, spread into config.ts's environment schema. */
export const whistleblowingVariables = whistleblowingSchema.shape;

export function whistleblowingOf(e: z.output<typeof whistleblowingSchema>): WhistleblowingConfig {
  return Object.freeze({
    acceptanceDays: e.WHISTLE_ACCEPTANCE_DAYS,
    submitsPerHour: e.WHISTLE_SUBMITS_PER_HOUR,
    captchaAfterSubmits: e.WHISTLE_CAPTCHA_AFTER_SUBMITS,
    lookupFailuresPerHour: e.WHISTLE_LOOKUP_FAILURES_PER_HOUR,
    abuseRetentionDays: e.WHISTLE_ABUSE_RETENTION_DAYS,
    smsIntervalSeconds: e.WHISTLE_SMS_INTERVAL_SECONDS,
    smsPerPhonePerDay: e.WHISTLE_SMS_PER_PHONE_PER_DAY,
    smsPerIpPerHour: e.WHISTLE_SMS_PER_IP_PER_HOUR,
  });
}
