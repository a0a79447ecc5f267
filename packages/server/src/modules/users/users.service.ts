import { randomInt } from 'node:crypto';
import {
  DomainError,
  maskPhone,
  scopeContains,
  scopeFitsRoles,
  type Role,
  type DataScope,
  type Page,
  type User,
  type UserCreate,
  type UserListQuery,
  type UserStatus,
  type UserUpdate,
  type UserEnterpriseOption,
} from '@anjian/domain';
import type { AuthContext } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import type { FieldCipher, PasswordHasher } from '../../platform/crypto.ts';
import { inTransaction, type Db } from '../../platform/db.ts';
import type { RolesRepository } from '../roles/index.ts';
import type { SessionRevoker } from '../auth/index.ts';
import type { UserRecord, UsersRepository } from './users.repository.ts';

interface Deps {
  db: Db;
  clock: Clock;
  users: UsersRepository;
  roles: RolesRepository;
  sessions: SessionRevoker;
  cipher: FieldCipher;
  hashPassword: PasswordHasher;
}

// No 0/O, 1/l/I: one-time passwords are read aloud and typed by hand.
const ALPHABETS = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '#%+=@'];

/** A one-time password that passes the policy: 14 characters drawn from all four classes. */
export function generateOneTimePassword(): string {
  const all = ALPHABETS.join('');
  const chars = ALPHABETS.map((alphabet) => alphabet[randomInt(alphabet.length)]!);
  while (chars.length < 14) chars.push(all[randomInt(all.length)]!);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}

export function createUsersService(deps: Deps) {
  const { clock, users, roles, sessions, cipher } = deps;

  function toUser(record: UserRecord, revealPhone: boolean): User {
    const phone = record.phoneSealed ? cipher.decrypt(record.phoneSealed) : null;
    return {
      id: record.id,
      username: record.username,
      displayName: record.displayName,
      phone: phone && !revealPhone ? maskPhone(phone) : phone,
      organisation: record.organisation,
      roles: record.roles,
      scope: record.scope,
      enterpriseName: record.enterpriseName,
      status: record.status,
      totpEnrolled: record.totpSecretSealed !== null,
      lockedUntil:
        record.lockedUntil && record.lockedUntil > clock.now() ? record.lockedUntil.toISOString() : null,
      lastLoginAt: record.lastLoginAt?.toISOString() ?? null,
      passwordChangedAt: record.passwordChangedAt?.toISOString() ?? null,
      createdAt: record.createdAt.toISOString(),
    };
  }

  const reveals = (caller: AuthContext) => caller.permissions.has('pi:view');

  /** 三员分立: an administrator role stands alone on an account. */
  async function checkRoles(codes: readonly string[]): Promise<Role[]> {
    const found = await roles.findMany(codes);
    if (found.length !== new Set(codes).size) throw new DomainError('user.unknown_role');
    if (found.some((role) => role.adminKind !== null) && found.length > 1)
      throw new DomainError('user.admin_role_exclusive');
    return found;
  }

  /** Issue 19, defect 8: a city officer with an enterprise scope (and the like) is refused. */
  function checkFit(scope: DataScope, held: readonly Role[]): void {
    if (!scopeFitsRoles(scope, held)) throw new DomainError('user.scope_role_mismatch');
  }

  async function checkScope(caller: AuthContext, scope: DataScope): Promise<void> {
    if (!scopeContains(caller.scope, scope)) throw new DomainError('user.scope_outside_caller');
    if (scope.kind === 'enterprise') {
      const county = await users.enterpriseCounty(scope.enterpriseId);
      if (county !== scope.county) throw new DomainError('user.enterprise_not_found');
    }
  }

  async function visible(caller: AuthContext, id: string): Promise<UserRecord> {
    const record = await users.findById(id, caller.scope);
    if (!record) throw new DomainError('user.not_found');
    return record;
  }

  function notSelf(caller: AuthContext, id: string): void {
    if (caller.userId === id) throw new DomainError('user.cannot_change_self');
  }

  return {
    /** Role names in Chinese by code, for exports (custom roles included). */
    async roleNamesZh(): Promise<Map<string, string>> {
      return new Map((await roles.list()).map((role) => [role.code, role.nameZh]));
    },

    async list(caller: AuthContext, query: UserListQuery): Promise<Page<User>> {
      const page = await users.list(query, caller.scope);
      return { ...page, items: page.items.map((record) => toUser(record, reveals(caller))) };
    },

    /** The enterprise picker of the user form: enterprises in the administrator's own scope. */
    async enterpriseOptions(caller: AuthContext, q: string): Promise<UserEnterpriseOption[]> {
      return users.enterpriseOptions(q, caller.scope);
    },

    async get(caller: AuthContext, id: string): Promise<User> {
      return toUser(await visible(caller, id), reveals(caller));
    },

    async create(caller: AuthContext, input: UserCreate): Promise<{ user: User; initialPassword: string }> {
      await checkScope(caller, input.scope);
      checkFit(input.scope, await checkRoles(input.roles));
      if (await users.findByUsername(input.username)) throw new DomainError('user.username_taken');
      const initialPassword = generateOneTimePassword();
      const now = clock.now();
      const id = await inTransaction(deps.db, async (tx) =>
        users.insert(tx, {
          username: input.username,
          displayName: input.displayName,
          phoneSealed: input.phone ? cipher.encrypt(input.phone) : null,
          organisation: input.organisation ?? null,
          scope: input.scope,
          roles: input.roles,
          passwordHash: await deps.hashPassword(initialPassword),
          mustChangePassword: true,
          passwordChangedAt: now,
          createdAt: now,
        }),
      ).catch((error: unknown) => {
        if ((error as { code?: string }).code === '23505') throw new DomainError('user.username_taken');
        throw error;
      });
      return { user: toUser((await users.findById(id, null))!, reveals(caller)), initialPassword };
    },

    async update(caller: AuthContext, id: string, input: UserUpdate): Promise<User> {
      const existing = await visible(caller, id);
      if (input.scope) await checkScope(caller, input.scope);
      if (input.roles && caller.userId === id) throw new DomainError('user.cannot_change_self');
      const held = input.roles ? await checkRoles(input.roles) : await roles.findMany(existing.roles);
      if (input.roles || input.scope) checkFit(input.scope ?? existing.scope, held);
      const now = clock.now();
      await inTransaction(deps.db, async (tx) => {
        await users.updateProfile(
          tx,
          existing.id,
          {
            displayName: input.displayName,
            phoneSealed:
              input.phone === undefined
                ? undefined
                : input.phone === null
                  ? null
                  : cipher.encrypt(input.phone),
            organisation: input.organisation,
            scope: input.scope,
          },
          now,
        );
        if (input.roles) await users.setRoles(tx, existing.id, input.roles);
      });
      return toUser((await users.findById(id, null))!, reveals(caller));
    },

    /** Disabling ends every session of the user at once (ASVS 7.4.2). */
    async setStatus(caller: AuthContext, id: string, status: UserStatus): Promise<User> {
      notSelf(caller, id);
      const existing = await visible(caller, id);
      const now = clock.now();
      await users.setStatus(existing.id, status, now);
      if (status === 'disabled') await sessions.revokeAllForUser(existing.id, now, 'user disabled');
      return toUser((await users.findById(id, null))!, reveals(caller));
    },

    async resetPassword(caller: AuthContext, id: string): Promise<{ initialPassword: string }> {
      notSelf(caller, id);
      const existing = await visible(caller, id);
      const initialPassword = generateOneTimePassword();
      const now = clock.now();
      const hash = await deps.hashPassword(initialPassword);
      await inTransaction(deps.db, (tx) =>
        users.setPassword(tx, existing.id, hash, now, true, existing.passwordHash),
      );
      await sessions.revokeAllForUser(existing.id, now, 'password reset');
      return { initialPassword };
    },

    async resetTotp(caller: AuthContext, id: string): Promise<void> {
      notSelf(caller, id);
      const existing = await visible(caller, id);
      await users.clearTotp(existing.id);
      await sessions.revokeAllForUser(existing.id, clock.now(), 'totp reset');
    },

    async unlock(caller: AuthContext, id: string): Promise<void> {
      const existing = await visible(caller, id);
      await users.unlock(existing.id);
    },

    async endSessions(caller: AuthContext, id: string): Promise<{ ended: number }> {
      notSelf(caller, id);
      const existing = await visible(caller, id);
      return { ended: await sessions.revokeAllForUser(existing.id, clock.now(), 'ended by administrator') };
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
