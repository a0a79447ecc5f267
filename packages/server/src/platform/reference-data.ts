import type { Clock } from './clock.ts';
import type { Db } from './db.ts';
import { createRolesRepository } from '../modules/roles/roles.repository.ts';
import { createDictionariesRepository } from '../modules/registry/dictionaries/dictionaries.repository.ts';
import { createDivisionsRepository } from '../modules/registry/divisions/divisions.repository.ts';
import { createDivisionsService } from '../modules/registry/divisions/divisions.service.ts';
import { seedPlanReferenceData } from '../modules/plan/index.ts';

/** What every database needs before the first request: built-in roles, dictionaries, divisions, the plan's units and the built-in plan. */
export async function seedReferenceData(db: Db, clock: Clock): Promise<void> {
  await createRolesRepository(db).seedBuiltins();
  await createDictionariesRepository(db).seedDefaults();
  await createDivisionsService({ db, clock, divisions: createDivisionsRepository(db) }).seed();
  await seedPlanReferenceData(db, clock);
}
