import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import type { EnterprisesRepository } from '../registry/enterprises/enterprises.repository.ts';
import { createObjectsRepository } from '../registry/objects/objects.repository.ts';
import { createRegistrySync } from './major-hazard-registry-sync.ts';
import { createMajorHazardsRepository } from './major-hazards.repository.ts';
import { registerMajorHazardsRoutes } from './major-hazards.routes.ts';
import { createMajorHazardsService, type MajorHazardsService } from './major-hazards.service.ts';

/** The GB 18218 declarations service with its repositories (used by the routes and the demo loader). */
export function createMajorHazardsModule(deps: {
  db: Db;
  clock: Clock;
  enterprises: EnterprisesRepository;
}): MajorHazardsService {
  const units = createMajorHazardsRepository(deps.db);
  const registry = createRegistrySync({ db: deps.db, objects: createObjectsRepository(deps.db), units });
  return createMajorHazardsService({ ...deps, units, registry });
}

export function registerMajorHazardsModule(
  app: FastifyInstance,
  deps: { db: Db; clock: Clock; enterprises: EnterprisesRepository },
): void {
  registerMajorHazardsRoutes(app, { majorHazards: createMajorHazardsModule(deps) });
}
