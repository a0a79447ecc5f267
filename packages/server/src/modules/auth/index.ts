/** Sign-in, sessions (table sessions), TOTP and the session cookie. */
import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../platform/clock.ts';
import type { Config } from '../../platform/config.ts';
import type { FieldCipher } from '../../platform/crypto.ts';
import type { Db } from '../../platform/db.ts';
import type { RolesRepository } from '../roles/index.ts';
import type { UserAccounts } from '../users/index.ts';
import { registerAuthRoutes, sessionCookieName } from './auth.routes.ts';
import { createAuthService, type AuthService } from './auth.service.ts';
import { createSessionsRepository, type SessionsRepository } from './sessions.repository.ts';

export { sessionCookieName } from './auth.routes.ts';
export { currentTotp, newTotpSecret } from './totp.ts';

/** Ends every session of a user (when an administrator disables or resets the account). */
export type SessionRevoker = Pick<SessionsRepository, 'revokeAllForUser'>;

export function createAuthModule(deps: {
  db: Db;
  config: Config;
  clock: Clock;
  cipher: FieldCipher;
  users: UserAccounts;
  roles: RolesRepository;
}) {
  const sessions = createSessionsRepository(deps.db);
  const auth: AuthService = createAuthService({ ...deps, sessions });
  return {
    auth,
    sessions: sessions as SessionRevoker,
    cookieName: sessionCookieName(deps.config),
    register(app: FastifyInstance) {
      registerAuthRoutes(app, { auth, config: deps.config });
    },
  };
}
