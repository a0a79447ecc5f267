import { z } from 'zod';
import { isoDate, isoInstant } from '../common/dates.schema.ts';
import { pageQuerySchema } from '../common/pagination.schema.ts';

/**
 * Security events for the security administrator (GB/T 22239-2019 8.1.4.3 c/d: 安全审计 of
 * security-relevant events; issue 19): what the sign-in defences and the scope checks refused.
 */
export const securityEventKinds = [
  'account_locked',
  'captcha_failed',
  'ip_throttled',
  'global_throttled',
  'scope_denied',
  'account_inactive_disabled',
  'session_limit',
] as const;

export type SecurityEventKind = (typeof securityEventKinds)[number];

export const securityEventKindLabels: Readonly<Record<SecurityEventKind, { zh: string; en: string }>> = {
  account_locked: { zh: '账户锁定', en: 'Account locked' },
  captcha_failed: { zh: '验证码错误', en: 'Wrong captcha' },
  ip_throttled: { zh: '地址限流', en: 'Address throttled' },
  global_throttled: { zh: '全局限流（全员验证码）', en: 'Global throttle (captcha for all)' },
  scope_denied: { zh: '越权访问被拒', en: 'Out-of-scope access refused' },
  account_inactive_disabled: { zh: '长期未登录停用', en: 'Disabled for inactivity' },
  session_limit: { zh: '超出会话数，最早会话结束', en: 'Session limit: oldest session ended' },
};

export const securityEventSchema = z.object({
  id: z.string().describe('Sequence number of the event'),
  at: isoInstant(),
  kind: z.enum(securityEventKinds),
  ip: z.string().nullable(),
  username: z.string().nullable().describe('The account concerned, or the name typed at sign-in'),
  detail: z.string().nullable().describe('E.g. the refused route, or how many sessions ended'),
});

export const securityEventListQuerySchema = pageQuerySchema.extend({
  kind: z.enum(securityEventKinds).optional(),
  from: isoDate().optional().describe('From this day (China time), inclusive'),
  to: isoDate().optional().describe('To this day (China time), inclusive'),
  q: z.string().trim().max(64).optional().describe('Part of the username or the IP'),
});

export type SecurityEvent = z.infer<typeof securityEventSchema>;
export type SecurityEventListQuery = z.infer<typeof securityEventListQuerySchema>;
