/**
 * GB 18218 major hazard sources (重大危险源): declaration units, their inventories and the
 * identification; keeps the registry's major-hazard objects in step through the registry's port.
 * Owns the tables major_hazard_*.
 */
import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import type { EnterpriseLookup, RegulatedObjectsPort } from '../registry/index.ts';
import { createMajorHazardsModule as createService } from './major-hazards.module.ts';
import { registerMajorHazardsRoutes } from './major-hazards.routes.ts';

export function createMajorHazardsModule(deps: {
  db: Db;
  clock: Clock;
  enterprises: EnterpriseLookup;
  regulatedObjects: RegulatedObjectsPort;
}) {
  const majorHazards = createService(deps);
  return {
    majorHazards,
    register(app: FastifyInstance) {
      registerMajorHazardsRoutes(app, { majorHazards });
    },
  };
}
