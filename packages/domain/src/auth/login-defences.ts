/**
 * What a sign-in attempt must get past before any password is checked (issue 19, defect 6;
 * GB/T 22239-2019 8.1.4.1 b: 登录失败处理功能 — limit failed attempts, and 8.1.4.1 a: identify and
 * authenticate). The failure counts come from a sliding window shared by every server process.
 *
 * - An IP with `ipMaxFailures` failures in the window is refused (429) until old ones age out.
 * - A captcha is needed once the IP or the username (known or not, so the rule reveals no account)
 *   has `captchaAfterFailures` failures, and for everyone while the whole platform has seen
 *   `globalMaxFailures` — a spread-out attack slows down without locking anyone out.
 */
export interface LoginFailureCounts {
  /** Failures from this IP in the window. */
  readonly ip: number;
  /** Failures for this username (lower case) in the window. */
  readonly username: number;
  /** Failures from anywhere in the window. */
  readonly global: number;
}

export interface LoginDefencePolicy {
  readonly ipMaxFailures: number;
  readonly globalMaxFailures: number;
  readonly captchaAfterFailures: number;
}

export type LoginDefence =
  | { readonly kind: 'throttled' }
  | { readonly kind: 'open'; readonly captcha: null | 'ip' | 'username' | 'global' };

export function loginDefence(counts: LoginFailureCounts, policy: LoginDefencePolicy): LoginDefence {
  if (counts.ip >= policy.ipMaxFailures) return { kind: 'throttled' };
  if (counts.ip >= policy.captchaAfterFailures) return { kind: 'open', captcha: 'ip' };
  if (counts.username >= policy.captchaAfterFailures) return { kind: 'open', captcha: 'username' };
  if (counts.global >= policy.globalMaxFailures) return { kind: 'open', captcha: 'global' };
  return { kind: 'open', captcha: null };
}
