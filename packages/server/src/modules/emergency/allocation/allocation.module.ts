import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import type { EnterpriseLookup } from '../../registry/index.ts';
import { createAllocationRepository } from './allocation.repository.ts';
import { registerAllocationRoutes } from './allocation.routes.ts';
import { createAllocationService } from './allocation.service.ts';

/** Allocation orders (调拨单): materials that really move between warehouses and the scene. */
export function registerAllocation(
  app: FastifyInstance,
  deps: { db: Db; clock: Clock; enterprises: EnterpriseLookup },
) {
  const allocation = createAllocationService({
    db: deps.db,
    clock: deps.clock,
    allocation: createAllocationRepository(deps.db),
    enterprises: deps.enterprises,
  });
  registerAllocationRoutes(app, { allocation, clock: deps.clock });
}
