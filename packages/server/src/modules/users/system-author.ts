import type { Queryable } from '../../platform/db.ts';

/** Login of the one account automatic and demo records are written in the name of. */
export const SYSTEM_USERNAME = 'system';

/**
 * The system author (系统（自动记录）): disabled, no usable password ('!' never verifies), no roles —
 * nobody can sign in as it, and the user list leaves it out. Made by migration 0019; made here too
 * so that a caller never depends on the order of start-up steps.
 */
export async function systemUserId(db: Queryable): Promise<string> {
  await db.query(
    `INSERT INTO users (username, display_name, organisation, scope_kind, status, password_hash, must_change_password)
     VALUES ($1, '系统（自动记录）', '系统', 'city', 'disabled', '!', false)
     ON CONFLICT ((lower(username))) DO NOTHING`,
    [SYSTEM_USERNAME],
  );
  const row = await db.query<{ id: string }>('SELECT id FROM users WHERE lower(username) = $1', [
    SYSTEM_USERNAME,
  ]);
  return row.rows[0]!.id;
}
