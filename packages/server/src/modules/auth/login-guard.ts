import { DomainError, loginDefence, type CaptchaResponse, type LoginRequest } from '@anjian/domain';
import type { Clock } from '../../platform/clock.ts';
import type { Config } from '../../platform/config.ts';
import { captchaAnswerHash, drawCaptcha } from './captcha.ts';
import type { CaptchasRepository } from './captchas.repository.ts';
import type { HashPriority } from './hash-gate.ts';
import type { LoginFailuresRepository } from './login-failures.repository.ts';
import type { SecurityEventsRepository } from './security-events.repository.ts';

export interface ClientInfo {
  ip: string;
  userAgent: string;
}

const DAY_MS = 86_400_000;

/**
 * The sign-in defences in front of the password check (rules: the domain's `loginDefence`): per-IP
 * throttle, captcha after a few failures, global captcha under a spread-out attack. All state is in
 * PostgreSQL, so several server processes enforce one window.
 */
export function createLoginGuard(deps: {
  config: Config;
  clock: Clock;
  failures: LoginFailuresRepository;
  captchas: CaptchasRepository;
  events: SecurityEventsRepository;
}) {
  const { config, clock, failures, captchas, events } = deps;
  const policy = config.login;
  const windowMs = policy.windowMinutes * 60_000;

  async function recordFailure(username: string, ip: string): Promise<void> {
    const now = clock.now();
    await failures.record(ip, username.toLowerCase(), now, new Date(now.getTime() - DAY_MS));
  }

  async function throttled(input: LoginRequest, ip: string, since: Date): Promise<never> {
    const now = clock.now();
    await events.recordOnce(
      { at: now, kind: 'ip_throttled', ip, username: input.username, userId: null, detail: null },
      since,
    );
    const endsAt = await failures.ipLimitEndsAt(ip, since, policy.ipMaxFailures, windowMs);
    const seconds = Math.max(1, Math.ceil(((endsAt ?? now).getTime() - now.getTime()) / 1000));
    throw new DomainError('auth.login_throttled', { details: { retryAfterSeconds: seconds } });
  }

  /** A captcha answer is taken (single use) and checked; a wrong one counts as a failed sign-in. */
  async function checkCaptcha(input: LoginRequest, client: ClientInfo): Promise<void> {
    if (!input.captchaId || !input.captchaAnswer) throw new DomainError('auth.captcha_required');
    const stored = await captchas.consume(input.captchaId, clock.now());
    if (stored !== null && stored === captchaAnswerHash(input.captchaId, input.captchaAnswer)) return;
    await recordFailure(input.username, client.ip);
    await events.record({
      at: clock.now(),
      kind: 'captcha_failed',
      ip: client.ip,
      username: input.username,
      userId: null,
      detail: stored === null ? 'expired' : 'wrong',
    });
    throw new DomainError('auth.captcha_invalid');
  }

  return {
    recordFailure,

    /**
     * Lets the attempt on to the password check, or refuses it: `auth.login_throttled` (429, with
     * retryAfterSeconds), `auth.captcha_required`, `auth.captcha_invalid`. Answers the hashing
     * priority: a username without recent failures goes first.
     */
    async admit(input: LoginRequest, client: ClientInfo): Promise<HashPriority> {
      const now = clock.now();
      const since = new Date(now.getTime() - windowMs);
      const counts = await failures.counts(client.ip, input.username.toLowerCase(), since);
      const defence = loginDefence(counts, policy);
      if (defence.kind === 'throttled') return throttled(input, client.ip, since);
      if (defence.captcha === 'global')
        await events.recordOnce(
          {
            at: now,
            kind: 'global_throttled',
            ip: null,
            username: null,
            userId: null,
            detail: String(counts.global),
          },
          since,
        );
      if (defence.captcha) await checkCaptcha(input, client);
      return counts.username === 0 ? 'clean' : 'suspect';
    },

    async newCaptcha(): Promise<CaptchaResponse> {
      const captcha = drawCaptcha();
      const now = clock.now();
      const expiresAt = new Date(now.getTime() + policy.captchaTtlSeconds * 1000);
      await captchas.insert({ id: captcha.id, answerHash: captcha.answerHash, at: now, expiresAt });
      return { id: captcha.id, image: captcha.image, expiresAt: expiresAt.toISOString() };
    },
  };
}

export type LoginGuard = ReturnType<typeof createLoginGuard>;
