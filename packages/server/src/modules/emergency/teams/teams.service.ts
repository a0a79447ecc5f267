import {
  DomainError,
  maskPhone,
  isTeamTaskActive,
  settleTeamTaskStatus,
  teamTaskStatusNames,
  type IncidentTeams,
  type TeamMembersInput,
  type TeamOperation,
  type TeamSyncInput,
  type TeamTask,
  type TeamTaskDetail,
  type TeamTaskStatus,
  teamSyncSchema,
} from '@anjian/domain';
import type { AuthContext } from '../../../platform/access.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { FieldCipher } from '../../../platform/crypto.ts';
import type { Db, Queryable } from '../../../platform/db.ts';
import { inTransaction } from '../../../platform/db.ts';
import {
  inTransactionWithEvents,
  type EventBus,
  type EventPublisher,
} from '../../../platform/events/index.ts';
import type { Notifier } from '../../notifications/index.ts';
import type { DirectPushPort, PushState } from '../../warnings/index.ts';
import type { UploadLookup } from '../../uploads/index.ts';
import { latestZoneSet } from '../incident-zones.ts';
import type { ResourcesRepository } from '../resources.repository.ts';
import type { TeamTaskRow, TeamsRepository } from './teams.repository.ts';
import { DISPATCH_PUSH_HEADLINE, dispatchPushBody } from './dispatch-push.ts';

/** A phone's clock may run a little fast; beyond this an operation is refused as dated in the future. */
const CLOCK_SLACK_MS = 2 * 60_000;

const iso = (d: Date) => d.toISOString();

/** JSON with sorted keys: how a resent operation is compared with the stored one. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

function presentTask(row: TeamTaskRow): TeamTask {
  return {
    id: row.id,
    incidentId: row.incident_id,
    teamId: row.team_id,
    teamName: row.team_name,
    status: row.status,
    note: row.note,
    dispatchedAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    incident: {
      location: row.incident_location,
      county: row.incident_county,
      accidentType: row.incident_type,
      occurredAt: iso(row.incident_occurred_at),
      position:
        row.incident_lon === null || row.incident_lat === null
          ? null
          : { lon: row.incident_lon, lat: row.incident_lat },
      status: row.incident_status,
      description: row.incident_description,
    },
    lastPosition:
      row.last_at === null ? null : { lon: row.last_lon!, lat: row.last_lat!, at: iso(row.last_at) },
  };
}

/** What a dispatch made by the command tells the team (incidents.service calls it in its transaction). */
export interface TeamDispatchHooks {
  dispatched(
    tx: Queryable,
    published: EventPublisher,
    task: {
      id: string;
      incidentId: string;
      county: string;
      location: string;
      teamId: string;
      teamName: string;
      accidentType: string;
      occurredAt: Date;
      note: string | null;
    },
  ): Promise<void>;
  /** How each task's dispatch push went, per person and channel (the command page's record). */
  pushStates(taskIds: readonly string[]): Promise<Map<string, PushState[]>>;
  statusChanged(
    published: EventPublisher,
    task: { id: string; incidentId: string; county: string; teamId: string; status: string },
  ): void;
}

export function createTeamsService(deps: {
  db: Db;
  clock: Clock;
  events: EventBus;
  teams: TeamsRepository;
  resources: ResourcesRepository;
  uploads: UploadLookup;
  notifier: Notifier;
  cipher: FieldCipher;
  /** The warning channels' adapters (SMS gateway, SMTP): the dispatch push to each member. */
  pushes: DirectPushPort | null;
}) {
  const { db, clock, events, teams } = deps;

  async function ownTask(auth: AuthContext, taskId: string): Promise<TeamTaskRow> {
    const row = await teams.myTask(db, auth.userId, taskId);
    if (!row) throw new DomainError('team.task_not_found');
    return row;
  }

  async function team(auth: AuthContext, teamId: string) {
    const resource = await deps.resources.find(teamId, auth.scope);
    if (!resource) throw new DomainError('emergency.resource_not_found');
    if (resource.kind !== 'team') throw new DomainError('team.not_a_team');
    return resource;
  }

  const hooks: TeamDispatchHooks = {
    async dispatched(tx, published, task) {
      const members = await teams.teamMemberIds(tx, task.teamId);
      await deps.notifier.insertMany(
        tx,
        members,
        {
          kind: 'team.dispatched',
          severity: 'danger',
          title: { zh: `救援调派：${task.location}`, en: `Dispatch: ${task.location}` },
          body: {
            zh: `${task.teamName}已被调派，请在手机上接受任务并报告状态。`,
            en: `${task.teamName} has been dispatched; accept the task on the phone and report its status.`,
          },
          link: `/m/teams/${task.id}`,
          data: { taskId: task.id, incidentId: task.incidentId },
        },
        clock.now(),
      );
      // Queued in the dispatch's transaction: one row per member and channel, sent by the worker.
      if (deps.pushes) {
        const contacts = await teams.pushContacts(tx, task.teamId);
        await deps.pushes.enqueue(
          tx,
          {
            source: 'team_dispatch',
            ref: task.id,
            headline: DISPATCH_PUSH_HEADLINE,
            body: dispatchPushBody(task),
            linkPath: `/m/teams/${task.id}`,
            recipients: contacts.map((c) => ({
              key: c.user_id,
              label: c.name,
              phone: c.phone_enc ? deps.cipher.decrypt(c.phone_enc) : null,
              email: c.email,
            })),
          },
          clock.now(),
        );
      }
      hooks.statusChanged(published, { ...task, status: 'dispatched' });
    },
    async pushStates(taskIds) {
      const states = new Map<string, PushState[]>();
      for (const state of (await deps.pushes?.states('team_dispatch', taskIds)) ?? [])
        states.set(state.ref, [...(states.get(state.ref) ?? []), state]);
      return states;
    },
    statusChanged(published, task) {
      published.publish('team.moved', {
        incidentId: task.incidentId,
        county: task.county,
        taskId: task.id,
        teamId: task.teamId,
        status: task.status,
        position: null,
        receivedAt: clock.now().getTime(),
      });
    },
  };

  return {
    hooks,

    async myTasks(auth: AuthContext): Promise<TeamTask[]> {
      return (await teams.myTasks(auth.userId)).map(presentTask);
    },

    async myTask(auth: AuthContext, taskId: string): Promise<TeamTaskDetail> {
      const row = await ownTask(auth, taskId);
      const [operations, instructions, zones] = await Promise.all([
        teams.operations(taskId),
        teams.instructions(row.incident_id),
        latestZoneSet(db, row.incident_id),
      ]);
      const positionOf = (o: { lon: number | null; lat: number | null; at: Date }) =>
        o.lon === null || o.lat === null ? null : { lon: o.lon, lat: o.lat, at: iso(o.at) };
      return {
        ...presentTask(row),
        instructions: instructions.map((i) => ({ at: iso(i.at), actor: i.actor, text: i.text })),
        zones,
        steps: operations
          .filter((o) => o.kind === 'status')
          .map((o) => ({ status: o.status!, at: iso(o.at), actor: o.actor, position: positionOf(o) })),
        reports: operations
          .filter((o) => o.kind === 'report')
          .map((o) => ({
            id: o.id,
            at: iso(o.at),
            actor: o.actor,
            note: o.note ?? '',
            photoIds: o.photo_ids,
            position: positionOf(o),
          })),
        track: operations.flatMap((o) => positionOf(o) ?? []),
      };
    },

    /**
     * Stores a phone's queued operations, each once under its own id, in one transaction: a resend
     * of stored ids changes nothing; an id sent before with other content is refused, and so is the
     * whole batch (nothing half-written). Statuses only move forward, whatever order they arrive in.
     */
    async sync(auth: AuthContext, taskId: string, input: TeamSyncInput) {
      const { operations } = teamSyncSchema.parse(input);
      const now = clock.now();
      for (const op of operations) {
        if (new Date(op.at).getTime() > now.getTime() + CLOCK_SLACK_MS)
          throw new DomainError('team.operation_in_future');
        if (op.kind === 'report') {
          for (const photoId of op.photoIds)
            if (!(await deps.uploads.find(photoId, auth.scope)))
              throw new DomainError('team.photo_not_found');
        }
      }
      const ordered = [...operations].sort((a, b) => a.at.localeCompare(b.at));
      return inTransactionWithEvents(db, events, async (tx, published) => {
        const row = await teams.myTask(tx, auth.userId, taskId, true);
        if (!row) throw new DomainError('team.task_not_found');
        let status: TeamTaskStatus = row.status;
        const stored: string[] = [];
        const duplicates: string[] = [];
        const fresh: TeamOperation[] = [];
        for (const op of ordered) {
          const before = await teams.findOperation(tx, op.id);
          if (before) {
            if (before.task_id !== taskId || canonical(before.body) !== canonical(op))
              throw new DomainError('team.operation_conflict');
            duplicates.push(op.id);
          } else fresh.push(op);
        }
        if (fresh.length > 0 && (row.status === 'done' || row.incident_status === 'closed'))
          throw new DomainError('team.task_done');
        for (const op of fresh) {
          if (!(await teams.insertOperation(tx, taskId, auth.userId, op, now))) {
            throw new DomainError('team.operation_conflict');
          }
          stored.push(op.id);
          const at = new Date(op.at);
          let changed = false;
          if (op.kind === 'status') {
            const next = settleTeamTaskStatus(status, op.status);
            if (next !== status) {
              status = next;
              changed = true;
              await teams.setStatus(tx, taskId, status, now);
              await teams.incidentEvent(
                tx,
                row.incident_id,
                at,
                auth.username,
                'task_status',
                `${row.team_name}：${teamTaskStatusNames[status].zh}`,
              );
            }
          } else if (op.kind === 'report') {
            await teams.incidentEvent(
              tx,
              row.incident_id,
              at,
              auth.username,
              'team_report',
              `${row.team_name}现场报告：${op.note}${op.photoIds.length ? `（照片${op.photoIds.length}张）` : ''}`,
            );
          }
          const position = op.position ? { lon: op.position.lon, lat: op.position.lat, at: op.at } : null;
          if (position || changed)
            published.publish('team.moved', {
              incidentId: row.incident_id,
              county: row.incident_county,
              taskId,
              teamId: row.team_id,
              status,
              position,
              receivedAt: now.getTime(),
            });
        }
        return { stored, duplicates, status };
      });
    },

    async incidentTeams(auth: AuthContext, incidentId: string): Promise<IncidentTeams> {
      const found = await teams.incidentTeams(auth.scope, incidentId);
      if (!found) throw new DomainError('incident.not_found');
      return {
        teams: found.tasks.map((t) => ({
          taskId: t.id,
          teamId: t.team_id,
          teamName: t.team_name,
          status: t.status,
          updatedAt: iso(t.updated_at),
          reports: t.reports,
          // The track of a task on the move; a finished task keeps only where it ended.
          track: found.track
            .filter((p) => p.task_id === t.id)
            .map((p) => ({ lon: p.lon, lat: p.lat, at: iso(p.at) }))
            .slice(isTeamTaskActive(t.status) ? -500 : -1),
        })),
      };
    },

    /** The incident of a dispatch task (a push's reference): the stream's check before passing it on. */
    taskIncidentId: (taskId: string) => teams.taskIncidentId(taskId),

    async incidentCounty(auth: AuthContext, incidentId: string): Promise<string> {
      const county = await teams.incidentCounty(auth.scope, incidentId);
      if (county === null) throw new DomainError('incident.not_found');
      return county;
    },

    async members(auth: AuthContext, teamId: string) {
      await team(auth, teamId);
      const [members, candidates] = await Promise.all([teams.members(teamId), teams.candidates()]);
      return {
        members: members.map((m) => {
          const phone = m.phone_enc ? deps.cipher.decrypt(m.phone_enc) : null;
          return {
            userId: m.user_id,
            name: m.name,
            leader: m.leader,
            phone: phone && !auth.permissions.has('pi:view') ? maskPhone(phone) : phone,
            email: m.email,
          };
        }),
        candidates,
      };
    },

    async setMembers(auth: AuthContext, teamId: string, input: TeamMembersInput) {
      await team(auth, teamId);
      await inTransaction(db, async (tx) => {
        const ids = input.members.map((m) => m.userId);
        if ((await teams.countCandidates(tx, ids)) !== ids.length)
          throw new DomainError('team.member_not_found');
        await teams.replaceMembers(tx, teamId, input.members, clock.now());
      });
      return this.members(auth, teamId);
    },
  };
}

export type TeamsService = ReturnType<typeof createTeamsService>;
