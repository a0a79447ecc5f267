/**
 * The registry (底数): divisions and boundaries, dictionaries, enterprises, regulated objects.
 * Owns the tables divisions, division_boundaries, dictionary_entries, enterprises,
 * enterprise_licences, enterprise_history and regulated_objects. Other modules read enterprises
 * through `EnterpriseLookup`, never through the repository or the tables.
 */
import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../platform/clock.ts';
import type { FieldCipher } from '../../platform/crypto.ts';
import type { Db } from '../../platform/db.ts';
import { createDictionariesRepository } from './dictionaries/dictionaries.repository.ts';
import { registerDictionariesRoutes } from './dictionaries/dictionaries.routes.ts';
import { createDivisionsRepository } from './divisions/divisions.repository.ts';
import { registerDivisionsRoutes } from './divisions/divisions.routes.ts';
import { createDivisionsService, type DivisionsService } from './divisions/divisions.service.ts';
import {
  createEnterprisesRepository,
  type EnterprisesRepository,
} from './enterprises/enterprises.repository.ts';
import { registerEnterprisesRoutes } from './enterprises/enterprises.routes.ts';
import { createEnterprisesService, type EnterprisesService } from './enterprises/enterprises.service.ts';
import { createObjectsRepository, type ObjectsRepository } from './objects/objects.repository.ts';
import { registerObjectsRoutes } from './objects/objects.routes.ts';
import { createObjectsService, type ObjectsService } from './objects/objects.service.ts';

export type { EnterpriseRecord, EnterprisesRepository } from './enterprises/enterprises.repository.ts';
export type { ObjectRecord, ObjectWrite, ObjectsRepository } from './objects/objects.repository.ts';
export { actorOf as registryActorOf } from './enterprises/enterprises.service.ts';
export type { DivisionsService, EnterprisesService, ObjectsService };

/** The narrow port other modules use to check and name an enterprise (scope applied when given). */
export type EnterpriseLookup = Pick<EnterprisesRepository, 'findById'>;

/**
 * Name and credit-code suggestions for the public report page, and the ones registered near its
 * map pin (operating enterprises only).
 */
export type EnterpriseSuggestions = Pick<EnterprisesRepository, 'suggest' | 'nearby'>;

/** The counties' current boundaries, to tell which county a point lies in. */
export type CountyAreas = Pick<DivisionsService, 'countyAreas'>;
export type { CountyArea } from './divisions/divisions.service.ts';

/** What GB 18218 declarations need to keep the registry's major hazard sources in step. */
export type RegulatedObjectsPort = ObjectsRepository;

export interface RegistryModule {
  enterpriseLookup: EnterpriseLookup;
  enterpriseSuggestions: EnterpriseSuggestions;
  divisions: DivisionsService;
  enterprises: EnterprisesService;
  objects: ObjectsService;
  regulatedObjects: RegulatedObjectsPort;
  register(app: FastifyInstance): void;
}

export function createRegistryModule(deps: { db: Db; clock: Clock; cipher: FieldCipher }): RegistryModule {
  const { db, clock, cipher } = deps;
  const divisions = createDivisionsService({ db, clock, divisions: createDivisionsRepository(db) });
  const dictionaries = createDictionariesRepository(db);
  const enterprisesRepository = createEnterprisesRepository(db);
  const enterprises = createEnterprisesService({
    db,
    clock,
    cipher,
    enterprises: enterprisesRepository,
    dictionaries,
  });
  const objectsRepository = createObjectsRepository(db);
  const objects = createObjectsService({
    db,
    clock,
    objects: objectsRepository,
    enterprises: enterprisesRepository,
  });
  return {
    enterpriseLookup: { findById: (...args) => enterprisesRepository.findById(...args) },
    enterpriseSuggestions: {
      suggest: (...args) => enterprisesRepository.suggest(...args),
      nearby: (...args) => enterprisesRepository.nearby(...args),
    },
    divisions,
    enterprises,
    objects,
    regulatedObjects: objectsRepository,
    register(app) {
      registerDivisionsRoutes(app, { divisions });
      registerDictionariesRoutes(app, { dictionaries });
      registerEnterprisesRoutes(app, {
        db,
        service: enterprises,
        enterprises: enterprisesRepository,
        dictionaries,
        clock,
      });
      registerObjectsRoutes(app, { objects, clock });
    },
  };
}
