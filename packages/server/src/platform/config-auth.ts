import { z } from 'zod';
import { defaultPasswordPolicy, type PasswordPolicy } from '@anjian/domain';
import { bool, int } from './config-values.ts';

/** Sessions, sign-in defences, inactive accounts and the password policy (docs/security.md). */
export interface AuthConfig {
  readonly session: {
    readonly idleMinutes: number;
    readonly adminIdleMinutes: number;
    readonly absoluteHours: number;
    readonly cookieSecure: boolean;
    /** Sessions one user may hold at once; a new sign-in beyond it ends the oldest. */
    readonly maxPerUser: number;
  };
  /** Sign-in defences (docs/security.md): lock-out, throttles, captcha, bounded password hashing. */
  readonly login: {
    readonly maxFailures: number;
    readonly lockMinutes: number;
    /** The sliding window the failure counts below are taken over. */
    readonly windowMinutes: number;
    /** Failures from one IP in the window after which that IP is refused (429) until they age out. */
    readonly ipMaxFailures: number;
    /** Failures from anywhere in the window after which every sign-in needs a captcha. */
    readonly globalMaxFailures: number;
    /** Failures from one IP, or for one username, after which a captcha is needed. */
    readonly captchaAfterFailures: number;
    readonly captchaTtlSeconds: number;
    /** Password hashes computed at once; more wait in a queue of at most `hashQueue`, then 503. */
    readonly hashConcurrency: number;
    readonly hashQueue: number;
  };
  /** 等保: accounts with no sign-in for this many days are disabled (0 = never). */
  readonly accounts: { readonly inactiveDays: number };
  readonly passwordPolicy: PasswordPolicy;
}

const sessionSchema = z.object({
  SESSION_IDLE_MINUTES: int(1, 24 * 60).default(30),
  SESSION_ADMIN_IDLE_MINUTES: int(1, 24 * 60).default(15),
  SESSION_ABSOLUTE_HOURS: int(1, 24 * 7).default(12),
  SESSION_COOKIE_SECURE: bool.default(false),
  LOGIN_MAX_FAILURES: int(1, 100).default(5),
  LOGIN_LOCK_MINUTES: int(1, 24 * 60).default(30),
  LOGIN_WINDOW_MINUTES: int(1, 24 * 60).default(15),
  LOGIN_IP_MAX_FAILURES: int(1, 100_000).default(30),
  LOGIN_GLOBAL_MAX_FAILURES: int(1, 10_000_000).default(500),
  LOGIN_CAPTCHA_AFTER_FAILURES: int(1, 100).default(3),
  LOGIN_CAPTCHA_TTL_SECONDS: int(30, 3600).default(300),
  LOGIN_HASH_CONCURRENCY: int(1, 64).default(2),
  LOGIN_HASH_QUEUE: int(0, 100_000).default(32),
  SESSION_MAX_PER_USER: int(1, 100).default(3),
  ACCOUNT_INACTIVE_DAYS: int(0, 3650).default(90),
});

const passwordSchema = z.object({
  PASSWORD_MIN_LENGTH: int(8, 64).default(defaultPasswordPolicy.minLength),
  PASSWORD_MIN_CLASSES: int(1, 4).default(defaultPasswordPolicy.minClasses),
  PASSWORD_MAX_AGE_DAYS: int(0, 3650).default(defaultPasswordPolicy.maxAgeDays),
  PASSWORD_HISTORY: int(0, 24).default(defaultPasswordPolicy.historySize),
});

/** SESSION_*, LOGIN_* and ACCOUNT_INACTIVE_DAYS, spread into config.ts's environment schema. */
export const sessionVariables = sessionSchema.shape;
/** PASSWORD_*, spread into config.ts's environment schema. */
export const passwordVariables = passwordSchema.shape;

export function authOf(e: z.output<typeof sessionSchema> & z.output<typeof passwordSchema>): AuthConfig {
  return {
    session: Object.freeze({
      idleMinutes: e.SESSION_IDLE_MINUTES,
      adminIdleMinutes: e.SESSION_ADMIN_IDLE_MINUTES,
      absoluteHours: e.SESSION_ABSOLUTE_HOURS,
      cookieSecure: e.SESSION_COOKIE_SECURE,
      maxPerUser: e.SESSION_MAX_PER_USER,
    }),
    login: Object.freeze({
      maxFailures: e.LOGIN_MAX_FAILURES,
      lockMinutes: e.LOGIN_LOCK_MINUTES,
      windowMinutes: e.LOGIN_WINDOW_MINUTES,
      ipMaxFailures: e.LOGIN_IP_MAX_FAILURES,
      globalMaxFailures: e.LOGIN_GLOBAL_MAX_FAILURES,
      captchaAfterFailures: e.LOGIN_CAPTCHA_AFTER_FAILURES,
      captchaTtlSeconds: e.LOGIN_CAPTCHA_TTL_SECONDS,
      hashConcurrency: e.LOGIN_HASH_CONCURRENCY,
      hashQueue: e.LOGIN_HASH_QUEUE,
    }),
    accounts: Object.freeze({ inactiveDays: e.ACCOUNT_INACTIVE_DAYS }),
    passwordPolicy: Object.freeze({
      ...defaultPasswordPolicy,
      minLength: e.PASSWORD_MIN_LENGTH,
      minClasses: e.PASSWORD_MIN_CLASSES,
      maxAgeDays: e.PASSWORD_MAX_AGE_DAYS,
      historySize: e.PASSWORD_HISTORY,
    }),
  };
}
