/**
 * 应急联动: the rescue teams' phone and the teams on the command map. Owns rescue_team_members and
 * dispatch_task_operations; writes dispatch_tasks' status (the emergency module's own table).
 */
import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../../platform/clock.ts';
import type { FieldCipher } from '../../../platform/crypto.ts';
import type { Db } from '../../../platform/db.ts';
import type { EventBus } from '../../../platform/events/index.ts';
import type { Notifier } from '../../notifications/index.ts';
import type { UploadLookup } from '../../uploads/index.ts';
import type { DirectPushPort } from '../../warnings/index.ts';
import type { ResourcesRepository } from '../resources.repository.ts';
import { createTeamsRepository } from './teams.repository.ts';
import { registerTeamsRoutes } from './teams.routes.ts';
import { createTeamsService } from './teams.service.ts';

export type { TeamDispatchHooks } from './teams.service.ts';

export function createTeamsPart(deps: {
  db: Db;
  clock: Clock;
  events: EventBus;
  resources: ResourcesRepository;
  uploads: UploadLookup;
  notifier: Notifier;
  cipher: FieldCipher;
  pushes: DirectPushPort | null;
}) {
  const teams = createTeamsService({ ...deps, teams: createTeamsRepository(deps.db) });
  return {
    hooks: teams.hooks,
    register(app: FastifyInstance) {
      registerTeamsRoutes(app, { teams, events: deps.events });
    },
  };
}
