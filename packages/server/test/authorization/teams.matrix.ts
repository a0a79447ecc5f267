import { randomUUID } from 'node:crypto';
import {
  type RouteCase,
  statuses,
  newResource,
  newIncident,
  newTask,
  dispatchers,
  dispatchersOut,
} from './matrix-support.ts';

/**
 * Authorisation-matrix rows of 应急联动 (the rescue teams' phone, team members, the command's team
 * view and stream); run by ../authorization-matrix-emergency.routes.test.ts. The phone routes need
 * team:field, which none of the matrix's callers hold (403); a team account sees only its own teams'
 * dispatches, another team's is 404 (modules/emergency/teams/teams.routes.test.ts).
 */
const fieldOnly = statuses(403);

export const teamsMatrix: Record<string, RouteCase> = {
  'GET /api/v1/teams/tasks': { build: async () => ({ url: '/api/v1/teams/tasks' }), in: fieldOnly },
  'GET /api/v1/teams/tasks/:taskId': {
    build: async ({ t, target }) => ({ url: `/api/v1/teams/tasks/${(await newTask(t, target)).task}` }),
    in: fieldOnly,
    out: fieldOnly,
  },
  'POST /api/v1/teams/tasks/:taskId/sync': {
    build: async ({ t, target }) => ({
      url: `/api/v1/teams/tasks/${(await newTask(t, target)).task}/sync`,
      payload: {
        operations: [
          {
            kind: 'position',
            id: randomUUID(),
            at: '2026-11-29T01:30:00.000Z',
            position: { lon: 102.7, lat: 24.3 },
          },
        ],
      },
    }),
    in: fieldOnly,
    out: fieldOnly,
  },
  'POST /api/v1/teams/tasks/:taskId/positions': {
    build: async ({ t, target }) => ({
      url: `/api/v1/teams/tasks/${(await newTask(t, target)).task}/positions`,
      payload: {
        operations: [
          {
            kind: 'position',
            id: randomUUID(),
            at: '2026-11-29T01:30:00.000Z',
            position: { lon: 102.7, lat: 24.3 },
          },
        ],
      },
    }),
    in: fieldOnly,
    out: fieldOnly,
  },
  'GET /api/v1/emergency/resources/:id/members': {
    build: async ({ t, target }) => ({
      url: `/api/v1/emergency/resources/${await newResource(t, target, 'team')}/members`,
    }),
    in: dispatchers(200),
    out: dispatchersOut(200),
  },
  'PUT /api/v1/emergency/resources/:id/members': {
    build: async ({ t, target }) => ({
      url: `/api/v1/emergency/resources/${await newResource(t, target, 'team')}/members`,
      payload: { members: [] },
    }),
    in: dispatchers(200),
    out: dispatchersOut(200),
  },
  'GET /api/v1/incidents/:id/teams': {
    build: async ({ t, target }) => ({ url: `/api/v1/incidents/${await newIncident(t, target)}/teams` }),
    in: dispatchers(200),
    out: dispatchersOut(200),
  },
  'GET /api/v1/incidents/:id/teams/stream': {
    // seconds=0: the stream opens and closes at once, so the matrix can read its status.
    build: async ({ t, target }) => ({
      url: `/api/v1/incidents/${await newIncident(t, target)}/teams/stream?seconds=0`,
    }),
    in: dispatchers(200),
    out: dispatchersOut(200),
  },
};
