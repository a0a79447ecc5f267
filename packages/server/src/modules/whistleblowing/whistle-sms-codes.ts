import { randomInt, timingSafeEqual } from 'node:crypto';
import {
  DomainError,
  chinaDate,
  whistleSmsCodeMaxTries,
  whistleSmsCodeMinutes,
  type WhistleSmsCodeRequest,
} from '@anjian/domain';
import type { PoolClient } from 'pg';
import type { Clock } from '../../platform/clock.ts';
import type { WhistleblowingConfig } from '../../platform/config-whistle.ts';
import { sm3Hex } from '../../platform/crypto.ts';
import { inTransaction, type Db } from '../../platform/db.ts';
import type { SmsOutbox } from '../../platform/sms.ts';
import { newSalt } from './whistle-codes.ts';
import type { WhistleSmsCodesRepository } from './whistle-sms-codes.repository.ts';

const HOUR_MS = 3_600_000;
const CODE_MS = whistleSmsCodeMinutes * 60_000;

/** A phone as the code table keeps it: hashed like an IP in abuse control, never the number. */
export const phoneKey = (phone: string) => sm3Hex(`anjian whistle phone:${phone}`);
const codeHash = (salt: string, code: string) => sm3Hex(`${salt}:${code}`);

/** Seconds from `now` to the next China midnight (the daily quota's reset). */
function untilChinaMidnight(now: Date): number {
  const next = new Date(`${chinaDate(now)}T00:00:00+08:00`).getTime() + 86_400_000;
  return Math.max(1, Math.ceil((next - now.getTime()) / 1000));
}

export interface SmsAdmission {
  /** Counts a request from the client (IP and device) and answers the largest count this hour. */
  count(now: Date): Promise<number>;
  requireCaptcha(): Promise<void>;
}

/**
 * 短信验证码 of a real-name report: one code per phone per WHISTLE_SMS_INTERVAL_SECONDS, so many per
 * phone per China day and per IP per hour, a captcha past the public endpoints' threshold. A code is
 * kept as a salted hash only, lives five minutes, takes five wrong tries and is used once; only the
 * latest code of a phone counts. Without an SMS gateway no code is asked for, and the phone is kept
 * as 未验证.
 */
export function createWhistleSmsCodes(deps: {
  db: Db;
  clock: Clock;
  policy: WhistleblowingConfig;
  outbox: SmsOutbox;
  codes: WhistleSmsCodesRepository;
  signName: string;
  /** Sends at once in this process (the periodic sender would take it within seconds). */
  nudge: () => void;
}) {
  const { db, clock, policy, outbox, codes } = deps;

  return {
    settings: () => ({ codeRequired: outbox.configured, resendAfterSeconds: policy.smsIntervalSeconds }),

    async request(input: WhistleSmsCodeRequest, admission: SmsAdmission) {
      if (!outbox.configured) throw new DomainError('whistle.sms_unavailable');
      const now = clock.now();
      const count = await admission.count(now);
      if (count > policy.smsPerIpPerHour)
        throw new DomainError('whistle.sms_ip_quota', { details: { retryAfterSeconds: HOUR_MS / 1000 } });
      if (count > policy.captchaAfterSubmits) await admission.requireCaptcha();
      const key = phoneKey(input.phone);
      await inTransaction(db, async (tx) => {
        // One request per phone at a time: two at once must not both pass the interval.
        const seen = await codes.lockAndCount(tx, key, new Date(`${chinaDate(now)}T00:00:00+08:00`));
        if (seen.latest) {
          const wait = Math.ceil(
            (seen.latest.getTime() + policy.smsIntervalSeconds * 1000 - now.getTime()) / 1000,
          );
          if (wait > 0)
            throw new DomainError('whistle.sms_too_soon', { details: { retryAfterSeconds: wait } });
        }
        if (seen.today >= policy.smsPerPhonePerDay)
          throw new DomainError('whistle.sms_daily_quota', {
            details: { retryAfterSeconds: untilChinaMidnight(now) },
          });
        const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
        const salt = newSalt();
        const expiresAt = new Date(now.getTime() + CODE_MS);
        await codes.insert(tx, {
          phoneKey: key,
          salt,
          hash: codeHash(salt, code),
          at: now,
          expiresAt,
          purgeAfter: new Date(now.getTime() + policy.abuseRetentionDays * 86_400_000),
        });
        await outbox.enqueue(tx, {
          purpose: 'whistle.code',
          template: 'whistle_code',
          phone: input.phone,
          params: { code, minutes: String(whistleSmsCodeMinutes) },
          text: `【${deps.signName}】您的举报验证码为${code}，${whistleSmsCodeMinutes}分钟内有效。如非本人操作，请忽略本短信。`,
          sendBefore: expiresAt,
        });
      });
      deps.nudge();
      return { resendAfterSeconds: policy.smsIntervalSeconds, expiresInSeconds: CODE_MS / 1000 };
    },

    /**
     * Checks a real-name report's code before anything is written; a wrong one counts against the
     * code at once. Answers whether the phone is verified, and `consume`, which uses the code inside
     * the report's transaction (so a report that fails later leaves it usable, and two reports never
     * share it).
     */
    async check(
      phone: string | undefined,
      code: string | undefined,
    ): Promise<{ verified: boolean; consume: (tx: PoolClient) => Promise<void> }> {
      if (phone === undefined || !outbox.configured) return { verified: false, consume: async () => {} };
      if (!code) throw new DomainError('whistle.sms_code_required');
      const latest = await codes.latest(phoneKey(phone));
      if (!latest || latest.usedAt) throw new DomainError('whistle.sms_code_invalid');
      if (latest.expiresAt <= clock.now() || latest.wrongTries >= whistleSmsCodeMaxTries)
        throw new DomainError('whistle.sms_code_expired');
      const expected = Buffer.from(latest.hash, 'hex');
      if (!timingSafeEqual(expected, Buffer.from(codeHash(latest.salt, code), 'hex'))) {
        await codes.wrongTry(latest.id);
        throw new DomainError('whistle.sms_code_invalid');
      }
      return {
        verified: true,
        consume: async (tx) => {
          if (!(await codes.use(tx, latest.id, clock.now(), whistleSmsCodeMaxTries)))
            throw new DomainError('whistle.sms_code_invalid');
        },
      };
    },
  };
}

export type WhistleSmsCodes = ReturnType<typeof createWhistleSmsCodes>;
