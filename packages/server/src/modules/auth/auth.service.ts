import {
  DomainError,
  checkPassword,
  clearanceOf,
  type SecurityLabel,
  isPasswordExpired,
  type LoginRequest,
  type PasswordChangeRequest,
  type SessionState,
  type SessionSummary,
  type SessionUser,
} from '@anjian/domain';
import type { Config } from '../../platform/config.ts';
import type { Clock } from '../../platform/clock.ts';
import type { AuthContext } from '../../platform/access.ts';
import {
  randomToken,
  sm3Hex,
  verifyPassword,
  type FieldCipher,
  type PasswordHasher,
} from '../../platform/crypto.ts';
import { inTransaction, type Db } from '../../platform/db.ts';
import type { RolesRepository } from '../roles/index.ts';
import type { RoleGrant, UserAccounts, UserRecord } from '../users/index.ts';
import type { HashGate } from './hash-gate.ts';
import type { ClientInfo, LoginGuard } from './login-guard.ts';
import type { SecurityEventsRepository } from './security-events.repository.ts';
import type { SessionRecord, SessionsRepository } from './sessions.repository.ts';
import { describeTotp, matchTotp, newTotpSecret } from './totp.ts';

interface Deps {
  db: Db;
  config: Config;
  clock: Clock;
  users: UserAccounts;
  roles: RolesRepository;
  sessions: SessionsRepository;
  cipher: FieldCipher;
  guard: LoginGuard;
  gate: HashGate;
  events: SecurityEventsRepository;
  hashPassword: PasswordHasher;
}

export type { ClientInfo } from './login-guard.ts';

interface Access {
  permissions: Set<string>;
  clearance: SecurityLabel;
  isAdmin: boolean;
  totpRequired: boolean;
}

function previousLoginOf(session: SessionRecord): SessionState['previousLogin'] {
  return session.previousLogin
    ? { at: session.previousLogin.at.toISOString(), ip: session.previousLogin.ip }
    : null;
}

// Touch last_seen_at at most this often; idle limits are in minutes, so this costs no accuracy.
const TOUCH_EVERY_MS = 15_000;

export function createAuthService(deps: Deps) {
  const { config, clock, users, roles, sessions, cipher, guard, gate, events } = deps;

  async function accessOf(user: UserRecord): Promise<Access> {
    return accessGranted(await roles.findMany(user.roles));
  }

  function accessGranted(held: readonly RoleGrant[]): Access {
    return {
      permissions: new Set(held.flatMap((role) => role.permissions)),
      clearance: clearanceOf(held.map((role) => role.clearance)),
      isAdmin: held.some((role) => role.adminKind !== null),
      totpRequired: config.totpRequired && held.some((role) => role.totpRequired),
    };
  }

  function restrictions(user: UserRecord, access: Access, now: Date) {
    const mustChangePassword =
      user.mustChangePassword ||
      user.passwordChangedAt === null ||
      isPasswordExpired(user.passwordChangedAt, now, config.passwordPolicy);
    return { mustChangePassword, mustEnrolTotp: access.totpRequired && user.totpSecretSealed === null };
  }

  function sessionUser(user: UserRecord, access: Access): SessionUser {
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      roles: user.roles,
      permissions: [...access.permissions].sort(),
      scope: user.scope,
      clearance: access.clearance,
      totpEnrolled: user.totpSecretSealed !== null,
    };
  }

  /** Counts a failure toward the account's lock-out; answers whether the account is now locked. */
  async function countFailure(user: UserRecord, client: ClientInfo, where: string): Promise<boolean> {
    const now = clock.now();
    const lockUntil = new Date(now.getTime() + config.login.lockMinutes * 60_000);
    const { locked } = await users.recordLoginFailure(user.id, config.login.maxFailures, lockUntil);
    if (locked)
      await events.record({
        at: now,
        kind: 'account_locked',
        ip: client.ip,
        username: user.username,
        userId: user.id,
        detail: where,
      });
    return locked;
  }

  async function failLogin(
    user: UserRecord,
    code: 'auth.invalid_credentials' | 'auth.totp_invalid',
    client: ClientInfo,
  ): Promise<never> {
    await guard.recordFailure(user.username, client.ip);
    await countFailure(user, client, 'sign_in');
    throw new DomainError(code);
  }

  /** Checks the second factor; returns the time step used, so the same code cannot be replayed. */
  async function checkTotp(
    user: UserRecord,
    code: string | undefined,
    client: ClientInfo,
  ): Promise<number | null> {
    if (user.totpSecretSealed === null) return null;
    if (!code) throw new DomainError('auth.totp_required');
    const step = matchTotp(cipher.decrypt(user.totpSecretSealed), code, clock.now());
    if (step === null) return failLogin(user, 'auth.totp_invalid', client);
    if (user.totpLastStep !== null && step <= user.totpLastStep) throw new DomainError('auth.totp_reused');
    return step;
  }

  /** A locked account keeps no session: the lock-out then holds for whoever had one. */
  async function lockedOut(user: UserRecord): Promise<never> {
    await sessions.revokeAllForUser(user.id, clock.now(), 'account locked');
    throw new DomainError('auth.account_locked');
  }

  /** SESSION_MAX_PER_USER: a new sign-in beyond it ends the user's oldest sessions. */
  async function endSessionsBeyondLimit(user: UserRecord, client: ClientInfo, now: Date): Promise<void> {
    const ended = await sessions.revokeBeyond(user.id, config.session.maxPerUser, now, 'session limit');
    if (ended > 0)
      await events.record({
        at: now,
        kind: 'session_limit',
        ip: client.ip,
        username: user.username,
        userId: user.id,
        detail: String(ended),
      });
  }

  return {
    async login(input: LoginRequest, client: ClientInfo): Promise<{ token: string; state: SessionState }> {
      const priority = await guard.admit(input, client);
      const now = clock.now();
      const user = await users.findByUsername(input.username);
      if (!user || (user.lockedUntil && user.lockedUntil > now)) {
        // Unknown and locked accounts answer exactly alike, after about the time a hash takes
        // (issue 19, defect 6: a 423 for locked names confirmed that they exist).
        await gate.imitate();
        await guard.recordFailure(input.username, client.ip);
        throw new DomainError('auth.invalid_credentials');
      }
      if (!(await gate.run(priority, () => verifyPassword(input.password, user.passwordHash))))
        return failLogin(user, 'auth.invalid_credentials', client);
      if (user.status !== 'active')
        throw new DomainError(
          user.disabledReason === 'inactive' ? 'auth.account_inactive' : 'auth.account_disabled',
        );
      const totpStep = await checkTotp(user, input.totp, client);
      await users.recordLoginSuccess(user.id, now, client.ip, totpStep);

      const access = await accessOf(user);
      const token = randomToken();
      const idleMinutes = access.isAdmin ? config.session.adminIdleMinutes : config.session.idleMinutes;
      const session = await sessions.insert({
        tokenHash: sm3Hex(token),
        userId: user.id,
        csrfToken: randomToken(24),
        at: now,
        expiresAt: new Date(now.getTime() + config.session.absoluteHours * 3_600_000),
        idleSeconds: idleMinutes * 60,
        ip: client.ip,
        userAgent: client.userAgent.slice(0, 512),
        previousLogin: user.lastLoginAt ? { at: user.lastLoginAt, ip: user.lastLoginIp ?? '' } : null,
      });
      await endSessionsBeyondLimit(user, client, now);
      return {
        token,
        state: {
          user: sessionUser(user, access),
          csrfToken: session.csrfToken,
          ...restrictions(user, access, now),
          idleTimeoutSeconds: session.idleSeconds,
          expiresAt: session.expiresAt.toISOString(),
          previousLogin: previousLoginOf(session),
        },
      };
    },

    /** The caller behind a session token, or null when the session is unknown, revoked, idle or expired. */
    async resolve(token: string): Promise<AuthContext | null> {
      const caller = await sessions.findCaller(sm3Hex(token));
      if (!caller || caller.session.revokedAt) return null;
      const { session } = caller;
      const now = clock.now();
      if (session.expiresAt <= now) {
        await sessions.revoke(session.id, now, 'expired');
        return null;
      }
      if (session.lastSeenAt.getTime() + session.idleSeconds * 1000 <= now.getTime()) {
        await sessions.revoke(session.id, now, 'idle');
        return null;
      }
      const { account } = caller;
      if (!account || account.user.status !== 'active') {
        await sessions.revoke(session.id, now, 'user disabled');
        return null;
      }
      const { user } = account;
      if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_EVERY_MS)
        await sessions.touch(session.id, now);
      const access = accessGranted(account.grants);
      return {
        sessionId: session.id,
        userId: user.id,
        username: user.username,
        roles: user.roles,
        permissions: access.permissions,
        scope: { ...user.scope, clearance: access.clearance },
        clearance: access.clearance,
        csrfToken: session.csrfToken,
        ...restrictions(user, access, now),
      };
    },

    async state(auth: AuthContext): Promise<SessionState> {
      const user = await users.findById(auth.userId, null);
      if (!user) throw new DomainError('auth.unauthenticated');
      const access = await accessOf(user);
      const session = (await sessions.listActiveForUser(user.id, clock.now())).find(
        (s) => s.id === auth.sessionId,
      );
      if (!session) throw new DomainError('auth.unauthenticated');
      return {
        user: sessionUser(user, access),
        csrfToken: session.csrfToken,
        ...restrictions(user, access, clock.now()),
        idleTimeoutSeconds: session.idleSeconds,
        expiresAt: session.expiresAt.toISOString(),
        previousLogin: previousLoginOf(session),
      };
    },

    async logout(auth: AuthContext): Promise<void> {
      await sessions.revoke(auth.sessionId, clock.now(), 'logout');
    },

    async changePassword(auth: AuthContext, input: PasswordChangeRequest, client: ClientInfo): Promise<void> {
      const user = await users.findById(auth.userId, null);
      if (!user) throw new DomainError('auth.unauthenticated');
      if (user.lockedUntil && user.lockedUntil > clock.now()) return lockedOut(user);
      if (!(await gate.run('clean', () => verifyPassword(input.current, user.passwordHash)))) {
        // Guessing the current password from a taken-over session counts toward the lock-out.
        if (await countFailure(user, client, 'password_change')) return lockedOut(user);
        throw new DomainError('auth.wrong_current_password');
      }
      const problem = checkPassword(input.next, user.username, config.passwordPolicy);
      if (problem)
        throw new DomainError(problem, { fields: [{ path: 'next', code: problem, message: problem }] });
      const previous = [
        user.passwordHash,
        ...(await users.recentPasswordHashes(user.id, config.passwordPolicy.historySize - 1)),
      ];
      for (const old of previous.slice(0, Math.max(config.passwordPolicy.historySize, 1))) {
        if (await verifyPassword(input.next, old)) throw new DomainError('password.reused');
      }
      const now = clock.now();
      const hash = await deps.hashPassword(input.next);
      await inTransaction(deps.db, (tx) =>
        users.setPassword(tx, user.id, hash, now, false, user.passwordHash),
      );
      await sessions.revokeAllForUser(user.id, now, 'password changed', auth.sessionId);
    },

    async startTotp(auth: AuthContext) {
      const secret = newTotpSecret();
      await users.setTotpPending(auth.userId, cipher.encrypt(secret));
      return describeTotp(secret, auth.username);
    },

    async confirmTotp(auth: AuthContext, code: string): Promise<void> {
      const user = await users.findById(auth.userId, null);
      if (!user?.totpPendingSealed) throw new DomainError('auth.totp_not_started');
      const secret = cipher.decrypt(user.totpPendingSealed);
      const step = matchTotp(secret, code, clock.now());
      if (step === null) throw new DomainError('auth.totp_invalid');
      await users.activateTotp(user.id, cipher.encrypt(secret), step);
    },

    async listSessions(auth: AuthContext): Promise<SessionSummary[]> {
      return (await sessions.listActiveForUser(auth.userId, clock.now())).map((session) => ({
        id: session.id,
        createdAt: session.createdAt.toISOString(),
        lastSeenAt: session.lastSeenAt.toISOString(),
        expiresAt: session.expiresAt.toISOString(),
        ip: session.ip,
        userAgent: session.userAgent,
        current: session.id === auth.sessionId,
      }));
    },

    async endOwnSession(auth: AuthContext, sessionId: string): Promise<void> {
      const own = await sessions.listActiveForUser(auth.userId, clock.now());
      if (!own.some((session) => session.id === sessionId)) throw new DomainError('session.not_found');
      await sessions.revoke(sessionId, clock.now(), 'ended by user');
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
