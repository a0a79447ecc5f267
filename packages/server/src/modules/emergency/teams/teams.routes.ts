import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  incidentTeamsSchema,
  teamMembersOutSchema,
  teamMembersSchema,
  teamPositionsSchema,
  teamSyncResultSchema,
  teamSyncSchema,
  teamTaskDetailSchema,
  teamTaskSchema,
  type TeamPushMessage,
  type TeamStreamMessage,
} from '@anjian/domain';
import { requireAuth } from '../../../platform/access.ts';
import type { EventBus } from '../../../platform/events/index.ts';
import { createEventStreams, streamQuery } from '../../../platform/events/event-streams.ts';
import { scopeAllows } from '../../../platform/scope-sql.ts';
import type { TeamsService } from './teams.service.ts';

const tags = ['emergency'];
const taskParams = z.object({ taskId: z.uuid() });
const idParams = z.object({ id: z.uuid() });
const field = { access: 'team:field' as const };

/**
 * 应急联动: the rescue team's phone (its dispatches, one sync route for its queued statuses,
 * positions and reports), the team's member accounts, and the command page's view and live stream
 * of the teams on an incident.
 */
export function registerTeamsRoutes(
  app: FastifyInstance,
  { teams, events }: { teams: TeamsService; events: EventBus },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/teams/tasks',
    {
      config: field,
      schema: {
        tags,
        summary: 'The dispatches of the caller’s rescue teams, open ones first',
        response: { 200: z.object({ items: z.array(teamTaskSchema) }) },
      },
    },
    async (request) => ({ items: await teams.myTasks(requireAuth(request)) }),
  );

  api.get(
    '/api/v1/teams/tasks/:taskId',
    {
      config: field,
      schema: {
        tags,
        summary: 'One dispatch with the command’s instructions, its steps, reports and track',
        params: taskParams,
        response: { 200: teamTaskDetailSchema },
      },
    },
    async (request) => teams.myTask(requireAuth(request), request.params.taskId),
  );

  api.post(
    '/api/v1/teams/tasks/:taskId/sync',
    {
      config: { ...field, audit: 'team.sync' },
      schema: {
        tags,
        summary:
          'The phone’s queued operations (status steps, positions, on-scene reports), each stored once under its client-generated id',
        params: taskParams,
        body: teamSyncSchema,
        response: { 200: teamSyncResultSchema },
      },
    },
    async (request) => {
      request.auditTarget = request.params.taskId;
      return teams.sync(requireAuth(request), request.params.taskId, request.body);
    },
  );

  api.post(
    '/api/v1/teams/tasks/:taskId/positions',
    {
      // The track: a fix every few seconds from every phone on a task is machine data at high volume,
      // like telemetry, so not one audit entry each; the statuses and reports (/sync) are audited.
      config: { ...field, auditSkip: true },
      schema: {
        tags,
        summary: 'The phone’s queued positions (the track), each stored once under its client-generated id',
        params: taskParams,
        body: teamPositionsSchema,
        response: { 200: teamSyncResultSchema },
      },
    },
    async (request) => teams.sync(requireAuth(request), request.params.taskId, request.body),
  );

  api.get(
    '/api/v1/emergency/resources/:id/members',
    {
      config: { access: 'emergency:write' },
      schema: {
        tags,
        summary: 'A rescue team’s member accounts, and the accounts that may be linked',
        params: idParams,
        response: {
          200: teamMembersOutSchema.extend({
            candidates: z.array(z.object({ id: z.uuid(), name: z.string() })),
          }),
        },
      },
    },
    async (request) => teams.members(requireAuth(request), request.params.id),
  );

  api.put(
    '/api/v1/emergency/resources/:id/members',
    {
      config: { access: 'emergency:write', audit: 'team.members' },
      schema: {
        tags,
        summary:
          'Links accounts (rescue team role) to a team; its leader’s phone then sees the team’s dispatches',
        params: idParams,
        body: teamMembersSchema,
        response: {
          200: teamMembersOutSchema.extend({
            candidates: z.array(z.object({ id: z.uuid(), name: z.string() })),
          }),
        },
      },
    },
    async (request) => {
      request.auditTarget = request.params.id;
      return teams.setMembers(requireAuth(request), request.params.id, request.body);
    },
  );

  api.get(
    '/api/v1/incidents/:id/teams',
    {
      config: { access: 'emergency:read' },
      schema: {
        tags,
        summary: 'The rescue teams on an incident: status and track of each dispatch',
        params: idParams,
        response: { 200: incidentTeamsSchema },
      },
    },
    async (request) => teams.incidentTeams(requireAuth(request), request.params.id),
  );

  const streams = createEventStreams(app, events);
  api.get(
    '/api/v1/incidents/:id/teams/stream',
    {
      config: { access: 'emergency:read' },
      schema: {
        tags,
        summary:
          'Server-Sent Events: each team position and status of the incident as it arrives (event: team)',
        params: idParams,
        querystring: streamQuery,
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      const incidentId = request.params.id;
      const county = await teams.incidentCounty(auth, incidentId);
      streams.open(request, reply, request.query.seconds, (send) => {
        // A dispatch's push was tried: the page re-reads the incident's push tags (event: push).
        const pushes = events.subscribe('push.changed', (event) => {
          if (event.source !== 'team_dispatch') return;
          void teams
            .taskIncidentId(event.ref)
            .then((owner) => {
              if (owner !== incidentId) return;
              const message: TeamPushMessage = { taskId: event.ref, status: event.status };
              send('push', message);
            })
            .catch(() => undefined);
        });
        const moves = events.subscribe('team.moved', (event) => {
          if (event.incidentId !== incidentId || !scopeAllows(auth.scope, county, null)) return;
          const message: TeamStreamMessage = {
            taskId: event.taskId,
            teamId: event.teamId,
            status: event.status as TeamStreamMessage['status'],
            position: event.position,
            receivedAt: event.receivedAt,
          };
          send('team', message);
        });
        return () => {
          pushes();
          moves();
        };
      });
    },
  );
}
