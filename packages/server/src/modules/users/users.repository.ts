import type { DataScope, Page, Role, UserEnterpriseOption, UserListQuery, UserStatus } from '@anjian/domain';
import type { Db, Queryable } from '../../platform/db.ts';
import { SYSTEM_USERNAME } from './system-author.ts';
import { scopeCondition } from '../../platform/scope-sql.ts';
import { listPage } from '../../platform/sql-page.ts';

/** A user as stored, with decrypted-on-demand fields left sealed. Never sent to a client as is. */
export interface UserRecord {
  id: string;
  username: string;
  displayName: string;
  phoneSealed: string | null;
  organisation: string | null;
  scope: DataScope;
  status: UserStatus;
  /** Why a disabled account is disabled: by an administrator, or by the inactivity rule. */
  disabledReason: 'administrator' | 'inactive' | null;
  passwordHash: string;
  passwordChangedAt: Date | null;
  mustChangePassword: boolean;
  failedLogins: number;
  lockedUntil: Date | null;
  totpSecretSealed: string | null;
  totpPendingSealed: string | null;
  totpLastStep: number | null;
  lastLoginAt: Date | null;
  lastLoginIp: string | null;
  createdAt: Date;
  roles: string[];
  /** Name of the scope's enterprise, for enterprise accounts. */
  enterpriseName: string | null;
}

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  phone_enc: string | null;
  organisation: string | null;
  scope_kind: DataScope['kind'];
  scope_counties: string[];
  scope_enterprise_id: string | null;
  status: UserStatus;
  disabled_reason: 'administrator' | 'inactive' | null;
  password_hash: string;
  password_changed_at: Date | null;
  must_change_password: boolean;
  failed_logins: number;
  locked_until: Date | null;
  totp_secret_enc: string | null;
  totp_pending_enc: string | null;
  totp_last_step: number | null;
  last_login_at: Date | null;
  last_login_ip: string | null;
  created_at: Date;
  roles: string[] | null;
  enterprise_name: string | null;
}

function toScope(row: UserRow): DataScope {
  if (row.scope_kind === 'city') return { kind: 'city' };
  if (row.scope_kind === 'county') return { kind: 'county', counties: row.scope_counties };
  return {
    kind: 'enterprise',
    enterpriseId: row.scope_enterprise_id ?? '',
    county: row.scope_counties[0] ?? '',
  };
}

function toRecord(row: UserRow): UserRecord {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    phoneSealed: row.phone_enc,
    organisation: row.organisation,
    scope: toScope(row),
    status: row.status,
    disabledReason: row.status === 'disabled' ? (row.disabled_reason ?? 'administrator') : null,
    passwordHash: row.password_hash,
    passwordChangedAt: row.password_changed_at,
    mustChangePassword: row.must_change_password,
    failedLogins: row.failed_logins,
    lockedUntil: row.locked_until,
    totpSecretSealed: row.totp_secret_enc,
    totpPendingSealed: row.totp_pending_enc,
    totpLastStep: row.totp_last_step,
    lastLoginAt: row.last_login_at,
    lastLoginIp: row.last_login_ip,
    createdAt: row.created_at,
    enterpriseName: row.enterprise_name,
    roles: (row.roles ?? []).sort(),
  };
}

export function scopeColumns(scope: DataScope): {
  kind: string;
  counties: string[];
  enterpriseId: string | null;
} {
  if (scope.kind === 'city') return { kind: 'city', counties: [], enterpriseId: null };
  if (scope.kind === 'county')
    return { kind: 'county', counties: [...new Set(scope.counties)].sort(), enterpriseId: null };
  return { kind: 'enterprise', counties: [scope.county], enterpriseId: scope.enterpriseId };
}

/**
 * The rows a caller may see, as a SQL condition on users `u`: the city sees everyone; a county
 * caller sees accounts whose whole scope lies in its counties; an enterprise caller only its own.
 */
function visibleTo(caller: DataScope, params: unknown[]): string {
  if (caller.kind === 'city') return 'TRUE';
  if (caller.kind === 'enterprise') {
    params.push(caller.enterpriseId);
    return `u.scope_enterprise_id = $${params.length}`;
  }
  params.push(caller.counties);
  return `(u.scope_kind <> 'city' AND u.scope_counties <@ $${params.length}::text[])`;
}

const USER_COLUMNS = `u.*, (SELECT array_agg(role_code) FROM user_roles r WHERE r.user_id = u.id) AS roles,
  (SELECT e.name FROM enterprise_directory e WHERE e.id = u.scope_enterprise_id) AS enterprise_name`;
const SELECT_USER = `SELECT ${USER_COLUMNS} FROM users u`;

/** What one of a user's roles grants: all a request needs to know of it. */
export type RoleGrant = Pick<Role, 'code' | 'permissions' | 'clearance' | 'adminKind' | 'totpRequired'>;

/**
 * A user's columns with its roles and what they grant, for a query that finds the user by something
 * else too (the auth module finds the caller by session token): every signed-in request is one query.
 */
export const USER_WITH_GRANTS_COLUMNS = `${USER_COLUMNS},
  (SELECT json_agg(json_build_object(
            'code', r.code, 'clearance', r.clearance, 'adminKind', r.admin_kind, 'totpRequired', r.totp_required,
            'permissions', (SELECT coalesce(array_agg(p.permission), '{}') FROM role_permissions p WHERE p.role_code = r.code)))
     FROM roles r WHERE r.code IN (SELECT role_code FROM user_roles g WHERE g.user_id = u.id)) AS grants`;

export type UserWithGrantsRow = UserRow & { grants: RoleGrant[] | null };

/** The user and its grants from a row selected with USER_WITH_GRANTS_COLUMNS (null when no user joined). */
export function userWithGrantsOf(row: UserWithGrantsRow): { user: UserRecord; grants: RoleGrant[] } | null {
  return row.id === null ? null : { user: toRecord(row), grants: row.grants ?? [] };
}

export interface NewUser {
  username: string;
  displayName: string;
  phoneSealed: string | null;
  organisation: string | null;
  scope: DataScope;
  roles: readonly string[];
  passwordHash: string;
  mustChangePassword: boolean;
  passwordChangedAt: Date;
  createdAt: Date;
}

export function createUsersRepository(db: Db) {
  return {
    async findByUsername(username: string, source: Queryable = db): Promise<UserRecord | null> {
      const rows = await source.query<UserRow>(`${SELECT_USER} WHERE lower(u.username) = lower($1)`, [
        username,
      ]);
      return rows.rows[0] ? toRecord(rows.rows[0]) : null;
    },

    async findById(id: string, caller: DataScope | null, source: Queryable = db): Promise<UserRecord | null> {
      const params: unknown[] = [id];
      const scopeSql = caller ? visibleTo(caller, params) : 'TRUE';
      const rows = await source.query<UserRow>(`${SELECT_USER} WHERE u.id = $1 AND ${scopeSql}`, params);
      return rows.rows[0] ? toRecord(rows.rows[0]) : null;
    },

    async count(): Promise<number> {
      const rows = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM users');
      return rows.rows[0]?.count ?? 0;
    },

    async list(query: UserListQuery, caller: DataScope): Promise<Page<UserRecord>> {
      const params: unknown[] = [];
      // The system author writes automatic records; nobody manages it, so the list leaves it out.
      params.push(SYSTEM_USERNAME);
      const conditions = [`lower(u.username) <> $${params.length}`, visibleTo(caller, params)];
      if (query.q) {
        params.push(`%${query.q.toLowerCase()}%`);
        conditions.push(
          `(lower(u.username) LIKE $${params.length} OR lower(u.display_name) LIKE $${params.length})`,
        );
      }
      if (query.status) {
        params.push(query.status);
        conditions.push(`u.status = $${params.length}`);
      }
      if (query.role) {
        params.push(query.role);
        conditions.push(
          `EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role_code = $${params.length})`,
        );
      }
      if (query.county) {
        params.push(query.county);
        conditions.push(`(u.scope_kind = 'city' OR $${params.length} = ANY (u.scope_counties))`);
      }
      const where = conditions.join(' AND ');
      return listPage(
        db,
        {
          select: SELECT_USER,
          countFrom: 'FROM users u',
          where,
          orderBy: 'u.created_at, u.username',
          params,
        },
        query,
        toRecord,
      );
    },

    async insert(source: Queryable, user: NewUser): Promise<string> {
      const scope = scopeColumns(user.scope);
      const inserted = await source.query<{ id: string }>(
        `INSERT INTO users (username, display_name, phone_enc, organisation, scope_kind, scope_counties,
                            scope_enterprise_id, password_hash, password_changed_at, must_change_password,
                            created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id`,
        [
          user.username,
          user.displayName,
          user.phoneSealed,
          user.organisation,
          scope.kind,
          scope.counties,
          scope.enterpriseId,
          user.passwordHash,
          user.passwordChangedAt,
          user.mustChangePassword,
          user.createdAt,
        ],
      );
      const id = inserted.rows[0]!.id;
      await this.setRoles(source, id, user.roles);
      return id;
    },

    async setRoles(source: Queryable, userId: string, roles: readonly string[]): Promise<void> {
      await source.query('DELETE FROM user_roles WHERE user_id = $1', [userId]);
      await source.query('INSERT INTO user_roles (user_id, role_code) SELECT $1, unnest($2::text[])', [
        userId,
        [...new Set(roles)],
      ]);
    },

    async updateProfile(
      source: Queryable,
      id: string,
      changes: {
        displayName?: string;
        phoneSealed?: string | null;
        organisation?: string | null;
        scope?: DataScope;
      },
      at: Date,
    ): Promise<void> {
      const sets: string[] = [];
      const params: unknown[] = [id];
      const set = (column: string, value: unknown) => {
        params.push(value);
        sets.push(`${column} = $${params.length}`);
      };
      if (changes.displayName !== undefined) set('display_name', changes.displayName);
      if (changes.phoneSealed !== undefined) set('phone_enc', changes.phoneSealed);
      if (changes.organisation !== undefined) set('organisation', changes.organisation);
      if (changes.scope !== undefined) {
        const scope = scopeColumns(changes.scope);
        set('scope_kind', scope.kind);
        set('scope_counties', scope.counties);
        set('scope_enterprise_id', scope.enterpriseId);
      }
      set('updated_at', at);
      await source.query(`UPDATE users SET ${sets.join(', ')} WHERE id = $1`, params);
    },

    /** Enabling restarts the inactivity clock (enabled_at), so the account is not disabled again at once. */
    async setStatus(id: string, status: UserStatus, at: Date): Promise<void> {
      await db.query(
        `UPDATE users SET status = $2, updated_at = $3,
                          disabled_reason = CASE WHEN $2 = 'disabled' THEN 'administrator' END,
                          enabled_at = CASE WHEN $2 = 'active' THEN $3 ELSE enabled_at END
         WHERE id = $1`,
        [id, status, at],
      );
    },

    /**
     * 等保: disables active accounts without a sign-in (or creation, or re-enabling) since `before`,
     * except the system author and the last active system administrator (someone must be able to
     * enable the others again). Answers the accounts disabled.
     */
    async disableInactive(
      source: Queryable,
      before: Date,
      at: Date,
    ): Promise<{ id: string; username: string }[]> {
      const rows = await source.query<{ id: string; username: string }>(
        `WITH candidates AS (
           SELECT u.id FROM users u
           WHERE u.status = 'active' AND u.username <> $3
             AND greatest(u.created_at, u.last_login_at, u.enabled_at) < $1),
         keep AS (
           SELECT u.id FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role_code = 'sysadmin'
           WHERE u.status = 'active'
           ORDER BY (u.id IN (SELECT id FROM candidates)), u.last_login_at DESC NULLS LAST, u.id
           LIMIT 1)
         UPDATE users SET status = 'disabled', disabled_reason = 'inactive', updated_at = $2
         WHERE id IN (SELECT id FROM candidates) AND id NOT IN (SELECT id FROM keep)
         RETURNING id, username`,
        [before, at, SYSTEM_USERNAME],
      );
      return rows.rows;
    },

    async recordLoginFailure(id: string, maxFailures: number, lockUntil: Date): Promise<{ locked: boolean }> {
      const rows = await db.query<{ locked_until: Date | null }>(
        `UPDATE users SET failed_logins = CASE WHEN failed_logins + 1 >= $2 THEN 0 ELSE failed_logins + 1 END,
                          locked_until = CASE WHEN failed_logins + 1 >= $2 THEN $3 ELSE locked_until END
         WHERE id = $1 RETURNING locked_until`,
        [id, maxFailures, lockUntil],
      );
      const lockedUntil = rows.rows[0]?.locked_until;
      return { locked: lockedUntil?.getTime() === lockUntil.getTime() };
    },

    async recordLoginSuccess(id: string, at: Date, ip: string, totpStep: number | null): Promise<void> {
      await db.query(
        `UPDATE users SET failed_logins = 0, locked_until = NULL, last_login_at = $2, last_login_ip = $3,
                          totp_last_step = COALESCE($4, totp_last_step)
         WHERE id = $1`,
        [id, at, ip, totpStep],
      );
    },

    async unlock(id: string): Promise<void> {
      await db.query('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $1', [id]);
    },

    async setPassword(
      source: Queryable,
      id: string,
      hash: string,
      at: Date,
      mustChange: boolean,
      oldHash: string | null,
    ): Promise<void> {
      if (oldHash) {
        await source.query(
          'INSERT INTO password_history (user_id, password_hash, set_at) VALUES ($1, $2, $3)',
          [id, oldHash, at],
        );
      }
      await source.query(
        `UPDATE users SET password_hash = $2, password_changed_at = $3, must_change_password = $4,
                          failed_logins = 0, locked_until = NULL, updated_at = $3
         WHERE id = $1`,
        [id, hash, at, mustChange],
      );
    },

    async recentPasswordHashes(id: string, limit: number): Promise<string[]> {
      if (limit <= 0) return [];
      const rows = await db.query<{ password_hash: string }>(
        'SELECT password_hash FROM password_history WHERE user_id = $1 ORDER BY id DESC LIMIT $2',
        [id, limit],
      );
      return rows.rows.map((row) => row.password_hash);
    },

    async setTotpPending(id: string, sealed: string | null): Promise<void> {
      await db.query('UPDATE users SET totp_pending_enc = $2 WHERE id = $1', [id, sealed]);
    },

    async activateTotp(id: string, sealed: string, step: number): Promise<void> {
      await db.query(
        'UPDATE users SET totp_secret_enc = $2, totp_pending_enc = NULL, totp_last_step = $3 WHERE id = $1',
        [id, sealed, step],
      );
    },

    async clearTotp(id: string): Promise<void> {
      await db.query(
        'UPDATE users SET totp_secret_enc = NULL, totp_pending_enc = NULL, totp_last_step = NULL WHERE id = $1',
        [id],
      );
    },

    async enterpriseCounty(enterpriseId: string): Promise<string | null> {
      const rows = await db.query<{ county: string }>(
        'SELECT county FROM enterprise_directory WHERE id = $1',
        [enterpriseId],
      );
      return rows.rows[0]?.county ?? null;
    },

    /**
     * 三员分立: the user administrator holds no registry permission, so this is the one narrow
     * look-up it may make — enterprises in its scope by name or credit code, id, name, code, county.
     */
    async enterpriseOptions(q: string, caller: DataScope, limit = 20): Promise<UserEnterpriseOption[]> {
      const params: unknown[] = [];
      const conditions = [scopeCondition(caller, { county: 'county', enterprise: 'id' }, params)];
      if (q) {
        params.push(
          `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
          `${q.toUpperCase().replace(/[\\%_]/g, '')}%`,
        );
        conditions.push(`(name ILIKE $${params.length - 1} OR credit_code LIKE $${params.length})`);
      }
      params.push(limit);
      const rows = await db.query<UserEnterpriseOption>(
        `SELECT id, name, credit_code AS "creditCode", county FROM enterprise_directory WHERE ${conditions.join(' AND ')}
          ORDER BY name COLLATE "C", credit_code LIMIT $${params.length}`,
        params,
      );
      return rows.rows;
    },

    async usersWithRole(roleCode: string): Promise<number> {
      const rows = await db.query<{ count: number }>(
        'SELECT count(*)::int AS count FROM user_roles WHERE role_code = $1',
        [roleCode],
      );
      return rows.rows[0]?.count ?? 0;
    },
  };
}

export type UsersRepository = ReturnType<typeof createUsersRepository>;
