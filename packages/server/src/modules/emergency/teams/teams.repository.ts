import type { DataScope, TeamOperation, TeamTaskStatus } from '@anjian/domain';
import type { Db, Queryable } from '../../../platform/db.ts';
import { labelCondition, scopeCondition, type ReaderScope } from '../../../platform/scope-sql.ts';

/** The incidents module's visibility of an incident: counties, then its security label (decision 0005). */
const visibleIncident = (scope: ReaderScope, params: unknown[]) =>
  scope.kind === 'enterprise'
    ? 'FALSE'
    : `${scopeCondition(scope, { county: 'i.county', enterprise: 'NULL' }, params)} AND ${labelCondition(scope, 'i.security_label', params)}`;

export interface TeamTaskRow {
  id: string;
  incident_id: string;
  team_id: string;
  team_name: string;
  team_county: string;
  status: TeamTaskStatus;
  note: string | null;
  created_at: Date;
  updated_at: Date;
  incident_location: string;
  incident_county: string;
  incident_type: string;
  incident_occurred_at: Date;
  incident_lon: number | null;
  incident_lat: number | null;
  incident_status: 'open' | 'closed';
  incident_description: string;
  last_lon: number | null;
  last_lat: number | null;
  last_at: Date | null;
}

export interface PositionRow {
  task_id: string;
  lon: number;
  lat: number;
  at: Date;
}

const TASK_SELECT = `
  SELECT t.id, t.incident_id, t.resource_id AS team_id, r.name AS team_name, r.county AS team_county, t.status, t.note,
         t.created_at, t.updated_at,
         i.location AS incident_location, i.county AS incident_county, i.accident_type AS incident_type,
         i.occurred_at AS incident_occurred_at, i.lon AS incident_lon, i.lat AS incident_lat,
         i.status AS incident_status, i.description AS incident_description,
         p.lon AS last_lon, p.lat AS last_lat, p.at AS last_at
    FROM dispatch_tasks t
    JOIN emergency_resources r ON r.id = t.resource_id
    JOIN incidents i ON i.id = t.incident_id
    LEFT JOIN LATERAL (SELECT o.lon, o.lat, o.at FROM dispatch_task_operations o
                        WHERE o.task_id = t.id AND o.lon IS NOT NULL ORDER BY o.at DESC LIMIT 1) p ON TRUE`;

/** The caller is a member of the task's team. */
const MEMBER = (param: string) =>
  `EXISTS (SELECT 1 FROM rescue_team_members m WHERE m.team_id = t.resource_id AND m.user_id = ${param})`;

export function createTeamsRepository(db: Db) {
  return {
    /** The dispatches of the caller's teams: open ones first, then the latest finished. */
    async myTasks(userId: string): Promise<TeamTaskRow[]> {
      const rows = await db.query<TeamTaskRow>(
        `${TASK_SELECT} WHERE ${MEMBER('$1')}
          ORDER BY (t.status = 'done' OR i.status = 'closed'), t.created_at DESC LIMIT 100`,
        [userId],
      );
      return rows.rows;
    },

    async myTask(
      source: Queryable,
      userId: string,
      taskId: string,
      lock = false,
    ): Promise<TeamTaskRow | null> {
      const rows = await source.query<TeamTaskRow>(
        `${TASK_SELECT} WHERE t.id = $2 AND ${MEMBER('$1')}${lock ? ' FOR UPDATE OF t' : ''}`,
        [userId, taskId],
      );
      return rows.rows[0] ?? null;
    },

    async operations(taskId: string) {
      const rows = await db.query<{
        id: string;
        kind: 'status' | 'position' | 'report';
        at: Date;
        status: TeamTaskStatus | null;
        lon: number | null;
        lat: number | null;
        note: string | null;
        photo_ids: string[];
        actor: string;
      }>(
        `SELECT o.id, o.kind, o.at, o.status, o.lon, o.lat, o.note, o.photo_ids,
                coalesce(u.display_name, u.username) AS actor
           FROM dispatch_task_operations o JOIN users u ON u.id = o.user_id
          WHERE o.task_id = $1 ORDER BY o.at, o.received_at`,
        [taskId],
      );
      return rows.rows;
    },

    /** The command's notes on the incident (instructions, recorded zones), newest first. */
    async instructions(incidentId: string) {
      const rows = await db.query<{ at: Date; actor: string; text: string }>(
        `SELECT e.at, coalesce(u.display_name, e.actor) AS actor, e.text
           FROM incident_events e LEFT JOIN users u ON lower(u.username) = lower(e.actor)
          WHERE e.incident_id = $1 AND e.kind = 'note' ORDER BY e.at DESC, e.id DESC LIMIT 100`,
        [incidentId],
      );
      return rows.rows;
    },

    /** The stored body of an operation id, if any (a resend), with its task. */
    async findOperation(source: Queryable, id: string): Promise<{ task_id: string; body: unknown } | null> {
      const rows = await source.query<{ task_id: string; body: unknown }>(
        'SELECT task_id, body FROM dispatch_task_operations WHERE id = $1',
        [id],
      );
      return rows.rows[0] ?? null;
    },

    /** Stores an operation once: false when its id was already stored (a concurrent resend). */
    async insertOperation(
      source: Queryable,
      taskId: string,
      userId: string,
      op: TeamOperation,
      receivedAt: Date,
    ): Promise<boolean> {
      const position = op.position ?? null;
      const result = await source.query(
        `INSERT INTO dispatch_task_operations
           (id, task_id, user_id, kind, at, received_at, status, lon, lat, accuracy_m, note, photo_ids, body)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::uuid[], $13) ON CONFLICT (id) DO NOTHING`,
        [
          op.id,
          taskId,
          userId,
          op.kind,
          op.at,
          receivedAt,
          op.kind === 'status' ? op.status : null,
          position?.lon ?? null,
          position?.lat ?? null,
          position?.accuracyM ?? null,
          op.kind === 'report' ? op.note : null,
          op.kind === 'report' ? op.photoIds : [],
          JSON.stringify(op),
        ],
      );
      return result.rowCount === 1;
    },

    async setStatus(source: Queryable, taskId: string, status: TeamTaskStatus, at: Date): Promise<void> {
      await source.query('UPDATE dispatch_tasks SET status = $2, updated_at = $3 WHERE id = $1', [
        taskId,
        status,
        at,
      ]);
    },

    async incidentEvent(
      source: Queryable,
      incidentId: string,
      at: Date,
      actor: string,
      kind: string,
      text: string,
    ) {
      await source.query(
        'INSERT INTO incident_events (incident_id, at, actor, kind, text) VALUES ($1, $2, $3, $4, $5)',
        [incidentId, at, actor, kind, text],
      );
    },

    /** The teams on an incident the caller may see, with each task's track (oldest first). */
    async incidentTeams(scope: DataScope, incidentId: string) {
      const params: unknown[] = [incidentId];
      const where = visibleIncident(scope, params);
      const incident = await db.query<{ id: string }>(
        `SELECT i.id FROM incidents i WHERE i.id = $1 AND ${where}`,
        params,
      );
      if (!incident.rows[0]) return null;
      const tasks = await db.query<{
        id: string;
        team_id: string;
        team_name: string;
        status: TeamTaskStatus;
        updated_at: Date;
        reports: number;
      }>(
        `SELECT t.id, t.resource_id AS team_id, r.name AS team_name, t.status, t.updated_at,
                (SELECT count(*)::int FROM dispatch_task_operations o WHERE o.task_id = t.id AND o.kind = 'report') AS reports
           FROM dispatch_tasks t JOIN emergency_resources r ON r.id = t.resource_id
          WHERE t.incident_id = $1 AND r.kind = 'team' ORDER BY t.created_at`,
        [incidentId],
      );
      const track = await db.query<PositionRow>(
        `SELECT o.task_id, o.lon, o.lat, o.at FROM dispatch_task_operations o
          WHERE o.task_id = ANY ($1::uuid[]) AND o.lon IS NOT NULL ORDER BY o.at, o.received_at`,
        [tasks.rows.map((t) => t.id)],
      );
      return { tasks: tasks.rows, track: track.rows };
    },

    /** The incident a dispatch task belongs to (a push's reference), or null. */
    async taskIncidentId(taskId: string): Promise<string | null> {
      const rows = await db.query<{ incident_id: string }>(
        'SELECT incident_id FROM dispatch_tasks WHERE id::text = $1',
        [taskId],
      );
      return rows.rows[0]?.incident_id ?? null;
    },

    /** A visible incident's county (for the stream's scope check), or null. */
    async incidentCounty(scope: DataScope, incidentId: string): Promise<string | null> {
      const params: unknown[] = [incidentId];
      const where = visibleIncident(scope, params);
      const rows = await db.query<{ county: string }>(
        `SELECT i.county FROM incidents i WHERE i.id = $1 AND ${where}`,
        params,
      );
      return rows.rows[0]?.county ?? null;
    },

    async teamMemberIds(source: Queryable, teamId: string): Promise<string[]> {
      const rows = await source.query<{ user_id: string }>(
        `SELECT m.user_id FROM rescue_team_members m JOIN users u ON u.id = m.user_id
          WHERE m.team_id = $1 AND u.status = 'active'`,
        [teamId],
      );
      return rows.rows.map((r) => r.user_id);
    },

    /** The active members' contacts for the dispatch push: name, sealed phone, e-mail; leaders first. */
    async pushContacts(source: Queryable, teamId: string) {
      const rows = await source.query<{
        user_id: string;
        name: string;
        phone_enc: string | null;
        email: string | null;
      }>(
        `SELECT m.user_id, coalesce(u.display_name, u.username) AS name, u.phone_enc, m.email
           FROM rescue_team_members m JOIN users u ON u.id = m.user_id
          WHERE m.team_id = $1 AND u.status = 'active' ORDER BY m.leader DESC, u.username`,
        [teamId],
      );
      return rows.rows;
    },

    async members(teamId: string) {
      const rows = await db.query<{
        user_id: string;
        name: string;
        leader: boolean;
        phone_enc: string | null;
        email: string | null;
      }>(
        `SELECT m.user_id, coalesce(u.display_name, u.username) AS name, m.leader, u.phone_enc, m.email
           FROM rescue_team_members m JOIN users u ON u.id = m.user_id
          WHERE m.team_id = $1 ORDER BY m.leader DESC, u.username`,
        [teamId],
      );
      return rows.rows;
    },

    /** Accounts holding the rescue team role: who may be linked to a team. */
    async candidates() {
      const rows = await db.query<{ id: string; name: string }>(
        `SELECT u.id, coalesce(u.display_name, u.username) AS name FROM users u
          WHERE EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role_code = 'rescue_team')
          ORDER BY u.username LIMIT 500`,
      );
      return rows.rows;
    },

    async countCandidates(source: Queryable, userIds: readonly string[]): Promise<number> {
      const rows = await source.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM users u WHERE u.id = ANY ($1::uuid[])
            AND EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role_code = 'rescue_team')`,
        [userIds],
      );
      return rows.rows[0]!.n;
    },

    async replaceMembers(
      source: Queryable,
      teamId: string,
      members: readonly { userId: string; leader: boolean; email?: string | null | undefined }[],
      at: Date,
    ): Promise<void> {
      // An e-mail left out keeps the stored one; null clears it.
      const before = await source.query<{ user_id: string; email: string | null }>(
        'DELETE FROM rescue_team_members WHERE team_id = $1 RETURNING user_id, email',
        [teamId],
      );
      const stored = new Map(before.rows.map((r) => [r.user_id, r.email]));
      if (members.length === 0) return;
      await source.query(
        `INSERT INTO rescue_team_members (team_id, user_id, leader, email, created_at)
         SELECT $1, u, l, e, $5 FROM unnest($2::uuid[], $3::boolean[], $4::text[]) AS x(u, l, e)`,
        [
          teamId,
          members.map((m) => m.userId),
          members.map((m) => m.leader),
          members.map((m) => (m.email === undefined ? (stored.get(m.userId) ?? null) : m.email)),
          at,
        ],
      );
    },
  };
}

export type TeamsRepository = ReturnType<typeof createTeamsRepository>;
