import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import { createWorkbenchRepository } from './workbench.repository.ts';
import { registerWorkbenchRoutes } from './workbench.routes.ts';
import { createWorkbenchService } from './workbench.service.ts';

/** The workbench (工作台): GET /api/v1/workbench. */
export function registerWorkbenchModule(app: FastifyInstance, { db, clock }: { db: Db; clock: Clock }): void {
  registerWorkbenchRoutes(app, {
    workbench: createWorkbenchService({ clock, workbench: createWorkbenchRepository(db) }),
  });
}
