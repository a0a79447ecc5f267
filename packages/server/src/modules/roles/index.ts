/** Roles and their permissions (table roles). */
import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import { createRolesRepository, type RolesRepository } from './roles.repository.ts';
import { registerRolesRoutes } from './roles.routes.ts';
import { createRolesService } from './roles.service.ts';

export type { RolesRepository, RoleRecord } from './roles.repository.ts';

export function createRolesModule(deps: { db: Db; clock: Clock }) {
  const roles: RolesRepository = createRolesRepository(deps.db);
  return {
    roles,
    register(app: FastifyInstance) {
      registerRolesRoutes(app, { roles: createRolesService({ roles, clock: deps.clock }) });
    },
  };
}
