import type { Queryable } from '../../platform/db.ts';

/** Active accounts working for a unit (organisation_members), the audience of its notifications. */
export async function membersOf(source: Queryable, organisationId: string): Promise<string[]> {
  const rows = await source.query<{ id: string }>(
    `SELECT u.id FROM organisation_members m JOIN users u ON u.id = m.user_id
      WHERE m.organisation_id = $1 AND u.status = 'active' ORDER BY u.id`,
    [organisationId],
  );
  return rows.rows.map((row) => row.id);
}

/** Active accounts of the 安委办 (plan:manage). */
export async function coordinators(source: Queryable): Promise<string[]> {
  const rows = await source.query<{ id: string }>(
    `SELECT DISTINCT u.id FROM users u JOIN user_roles ur ON ur.user_id = u.id
       JOIN role_permissions rp ON rp.role_code = ur.role_code
      WHERE u.status = 'active' AND rp.permission = 'plan:manage' ORDER BY u.id`,
  );
  return rows.rows.map((row) => row.id);
}
