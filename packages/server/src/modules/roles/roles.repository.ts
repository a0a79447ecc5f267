import { builtinRoles, type AdminKind, type Role, type SecurityLabel } from '@anjian/domain';
import type { Db, Queryable } from '../../platform/db.ts';
import { inTransaction } from '../../platform/db.ts';

interface RoleRow {
  code: string;
  name_zh: string;
  name_en: string;
  admin_kind: AdminKind | null;
  builtin: boolean;
  totp_required: boolean;
  clearance: SecurityLabel;
  permissions: string[] | null;
  user_count: number;
}

export type RoleRecord = Role;

function toRole(row: RoleRow): RoleRecord {
  return {
    code: row.code,
    nameZh: row.name_zh,
    nameEn: row.name_en,
    adminKind: row.admin_kind,
    builtin: row.builtin,
    totpRequired: row.totp_required,
    permissions: (row.permissions ?? []).sort(),
    clearance: row.clearance,
    userCount: row.user_count,
  };
}

const SELECT_ROLE = `
  SELECT r.*,
         (SELECT array_agg(permission) FROM role_permissions p WHERE p.role_code = r.code) AS permissions,
         (SELECT count(*)::int FROM user_roles u WHERE u.role_code = r.code) AS user_count
  FROM roles r`;

export function createRolesRepository(db: Db) {
  return {
    async list(): Promise<RoleRecord[]> {
      const rows = await db.query<RoleRow>(`${SELECT_ROLE} ORDER BY r.builtin DESC, r.created_at, r.code`);
      return rows.rows.map(toRole);
    },

    async find(code: string): Promise<RoleRecord | null> {
      const rows = await db.query<RoleRow>(`${SELECT_ROLE} WHERE r.code = $1`, [code]);
      return rows.rows[0] ? toRole(rows.rows[0]) : null;
    },

    async findMany(codes: readonly string[], source: Queryable = db): Promise<RoleRecord[]> {
      const rows = await source.query<RoleRow>(`${SELECT_ROLE} WHERE r.code = ANY ($1::text[])`, [codes]);
      return rows.rows.map(toRole);
    },

    async insert(
      role: {
        code: string;
        nameZh: string;
        nameEn: string;
        permissions: readonly string[];
        totpRequired: boolean;
        clearance: SecurityLabel;
      },
      at: Date,
    ): Promise<void> {
      await inTransaction(db, async (client) => {
        await client.query(
          `INSERT INTO roles (code, name_zh, name_en, totp_required, clearance, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $6)`,
          [role.code, role.nameZh, role.nameEn, role.totpRequired, role.clearance, at],
        );
        await client.query(
          'INSERT INTO role_permissions (role_code, permission) SELECT $1, unnest($2::text[])',
          [role.code, [...new Set(role.permissions)]],
        );
      });
    },

    async update(
      code: string,
      changes: {
        nameZh?: string;
        nameEn?: string;
        permissions?: readonly string[];
        totpRequired?: boolean;
        clearance?: SecurityLabel;
      },
      at: Date,
    ): Promise<void> {
      await inTransaction(db, async (client) => {
        await client.query(
          `UPDATE roles SET name_zh = COALESCE($2, name_zh), name_en = COALESCE($3, name_en),
             totp_required = COALESCE($4, totp_required), clearance = COALESCE($6, clearance), updated_at = $5
           WHERE code = $1`,
          [
            code,
            changes.nameZh ?? null,
            changes.nameEn ?? null,
            changes.totpRequired ?? null,
            at,
            changes.clearance ?? null,
          ],
        );
        if (changes.permissions) {
          await client.query('DELETE FROM role_permissions WHERE role_code = $1', [code]);
          await client.query(
            'INSERT INTO role_permissions (role_code, permission) SELECT $1, unnest($2::text[])',
            [code, [...new Set(changes.permissions)]],
          );
        }
      });
    },

    async remove(code: string): Promise<void> {
      await db.query('DELETE FROM roles WHERE code = $1', [code]);
    },

    /**
     * Built-in roles are created once; later starts leave business roles as the security
     * administrator edited them, but reset the three administrator roles to their fixed grants.
     */
    async seedBuiltins(): Promise<void> {
      await inTransaction(db, async (client) => {
        for (const role of builtinRoles) {
          const inserted = await client.query(
            `INSERT INTO roles (code, name_zh, name_en, admin_kind, builtin, totp_required, clearance)
             VALUES ($1, $2, $3, $4, true, $5, $6) ON CONFLICT (code) DO NOTHING`,
            [role.code, role.nameZh, role.nameEn, role.adminKind, role.requiresTotp, role.clearance],
          );
          // The administrators read no business data: their clearance is fixed like their grants.
          if (role.adminKind)
            await client.query('UPDATE roles SET clearance = $2 WHERE code = $1', [
              role.code,
              role.clearance,
            ]);
          if (inserted.rowCount === 1 || role.adminKind) {
            await client.query('DELETE FROM role_permissions WHERE role_code = $1', [role.code]);
            await client.query(
              'INSERT INTO role_permissions (role_code, permission) SELECT $1, unnest($2::text[])',
              [role.code, role.permissions],
            );
          }
        }
      });
    },
  };
}

export type RolesRepository = ReturnType<typeof createRolesRepository>;
