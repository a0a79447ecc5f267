import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import type { EnterpriseLookup, RegulatedObjectsPort } from '../registry/index.ts';
import { createRegistrySync } from './major-hazard-registry-sync.ts';
import { createMajorHazardsRepository } from './major-hazards.repository.ts';
import { createMajorHazardsService, type MajorHazardsService } from './major-hazards.service.ts';

/** The GB 18218 declarations service with its repositories (used by the routes and the demo loader). */
export function createMajorHazardsModule(deps: {
  db: Db;
  clock: Clock;
  enterprises: EnterpriseLookup;
  regulatedObjects: RegulatedObjectsPort;
}): MajorHazardsService {
  const units = createMajorHazardsRepository(deps.db);
  const registry = createRegistrySync({ db: deps.db, objects: deps.regulatedObjects, units });
  return createMajorHazardsService({
    db: deps.db,
    clock: deps.clock,
    enterprises: deps.enterprises,
    units,
    registry,
  });
}
