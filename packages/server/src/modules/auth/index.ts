/**
 * Sign-in, sessions (table sessions), TOTP, the session cookie, and the sign-in defences with the
 * security events they raise (tables login_failures, login_captchas, security_events).
 */
import type { FastifyInstance } from 'fastify';
import type { CaptchaResponse } from '@anjian/domain';
import type { Clock } from '../../platform/clock.ts';
import type { Config } from '../../platform/config.ts';
import type { FieldCipher, PasswordHasher } from '../../platform/crypto.ts';
import type { Db } from '../../platform/db.ts';
import type { RolesRepository } from '../roles/index.ts';
import type { UserAccounts } from '../users/index.ts';
import { registerAuthRoutes, sessionCookieName } from './auth.routes.ts';
import { createAuthService, type AuthService } from './auth.service.ts';
import { captchaAnswerHash } from './captcha.ts';
import { createCaptchasRepository } from './captchas.repository.ts';
import { createHashGate } from './hash-gate.ts';
import { createLoginFailuresRepository } from './login-failures.repository.ts';
import { createLoginGuard } from './login-guard.ts';
import { recordScopeDenials } from './scope-denials.ts';
import { createSecurityEventsRepository, type SecurityEventRecorder } from './security-events.repository.ts';
import { registerSecurityEventRoutes } from './security-events.routes.ts';
import { createSessionsRepository, type SessionsRepository } from './sessions.repository.ts';

export { sessionCookieName } from './auth.routes.ts';
export { currentTotp, newTotpSecret } from './totp.ts';
export type { SecurityEventRecorder } from './security-events.repository.ts';

/**
 * Single-use picture captchas for other public forms (the whistleblowing page): the same pictures,
 * table and lifetime as the sign-in's. `check` takes the captcha whatever the answer.
 */
export interface CaptchaPort {
  issue(): Promise<CaptchaResponse>;
  check(id: string, answer: string): Promise<boolean>;
}

/** Ends every session of a user (when an administrator disables or resets the account). */
export type SessionRevoker = Pick<SessionsRepository, 'revokeAllForUser'>;

export function createAuthModule(deps: {
  db: Db;
  config: Config;
  clock: Clock;
  cipher: FieldCipher;
  users: UserAccounts;
  roles: RolesRepository;
  hashPassword: PasswordHasher;
}) {
  const sessions = createSessionsRepository(deps.db);
  const events = createSecurityEventsRepository(deps.db);
  const captchas = createCaptchasRepository(deps.db);
  const guard = createLoginGuard({
    config: deps.config,
    clock: deps.clock,
    failures: createLoginFailuresRepository(deps.db),
    captchas,
    events,
  });
  const captchaPort: CaptchaPort = {
    issue: () => guard.newCaptcha(),
    async check(id, answer) {
      const stored = await captchas.consume(id, deps.clock.now());
      return stored !== null && stored === captchaAnswerHash(id, answer);
    },
  };
  const gate = createHashGate({
    concurrency: deps.config.login.hashConcurrency,
    queueLimit: deps.config.login.hashQueue,
  });
  const auth: AuthService = createAuthService({ ...deps, sessions, guard, gate, events });
  return {
    auth,
    sessions: sessions as SessionRevoker,
    captchas: captchaPort,
    securityEvents: events as SecurityEventRecorder,
    cookieName: sessionCookieName(deps.config),
    register(app: FastifyInstance) {
      registerAuthRoutes(app, { auth, guard, config: deps.config });
      registerSecurityEventRoutes(app, { events, clock: deps.clock });
      recordScopeDenials(app, { events, clock: deps.clock });
    },
  };
}
