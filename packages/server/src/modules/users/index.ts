/**
 * User accounts (table users, password history): the administrators' routes and the bootstrap
 * administrator. The auth module signs people in through `UserAccounts`.
 */
import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../platform/clock.ts';
import type { FieldCipher, PasswordHasher } from '../../platform/crypto.ts';
import type { Db } from '../../platform/db.ts';
import type { RolesRepository } from '../roles/index.ts';
import type { SecurityEventRecorder, SessionRevoker } from '../auth/index.ts';
import { startInactiveAccountsJob } from './inactive-accounts.job.ts';
import { createUsersRepository, type UsersRepository } from './users.repository.ts';
import { registerUsersRoutes } from './users.routes.ts';
import { createUsersService } from './users.service.ts';

export { ensureBootstrapAdmin, BOOTSTRAP_USERNAME } from './bootstrap.ts';
export { SYSTEM_USERNAME, systemUserId } from './system-author.ts';
export {
  createUsersRepository,
  USER_WITH_GRANTS_COLUMNS,
  userWithGrantsOf,
  type RoleGrant,
  type UsersRepository,
  type UserRecord,
  type UserWithGrantsRow,
} from './users.repository.ts';

/** What signing in needs of an account. */
export type UserAccounts = Pick<
  UsersRepository,
  | 'findById'
  | 'findByUsername'
  | 'recentPasswordHashes'
  | 'recordLoginFailure'
  | 'recordLoginSuccess'
  | 'setPassword'
  | 'setTotpPending'
  | 'activateTotp'
>;

export function createUsersModule(deps: {
  db: Db;
  clock: Clock;
  cipher: FieldCipher;
  roles: RolesRepository;
  hashPassword: PasswordHasher;
  /** ACCOUNT_INACTIVE_DAYS (0 = off) and whether background work runs in this process. */
  inactiveDays: number;
  workers: boolean;
  log: (message: string, error?: unknown) => void;
}) {
  const users = createUsersRepository(deps.db);
  return {
    accounts: users as UserAccounts,
    register(
      app: FastifyInstance,
      ports: { sessions: SessionRevoker; securityEvents: SecurityEventRecorder },
    ) {
      registerUsersRoutes(app, {
        users: createUsersService({ ...deps, users, sessions: ports.sessions }),
        clock: deps.clock,
      });
      if (deps.workers) {
        const stop = startInactiveAccountsJob({ ...deps, users, events: ports.securityEvents });
        app.addHook('onClose', async () => stop());
      }
    },
  };
}
