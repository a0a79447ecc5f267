import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../platform/clock.ts';
import type { FieldCipher } from '../../platform/crypto.ts';
import type { Db } from '../../platform/db.ts';
import type { UploadLookup } from '../uploads/index.ts';
import { createCasesRepository } from './cases.repository.ts';
import { registerCasesRoutes } from './cases.routes.ts';
import { createCasesService } from './cases.service.ts';
import { createDrillsRepository } from './drills.repository.ts';
import { registerDrillsRoutes } from './drills.routes.ts';
import { createDrillsService } from './drills.service.ts';
import { createDutyRepository } from './duty.repository.ts';
import { registerDutyRoutes } from './duty.routes.ts';
import { createDutyService } from './duty.service.ts';
import { createIncidentsRepository } from './incidents.repository.ts';
import { createPlansRepository } from './plans.repository.ts';
import { registerPlansRoutes } from './plans.routes.ts';
import { createPlansService } from './plans.service.ts';

/** The emergency libraries of 专栏 16 besides resources: plans, cases, drill scenarios and drills, duty. */
export function registerEmergencyLibraries(
  app: FastifyInstance,
  deps: { db: Db; clock: Clock; cipher: FieldCipher; uploads: UploadLookup },
) {
  const { db, clock, cipher, uploads } = deps;
  const plans = createPlansRepository(db);
  const incidents = createIncidentsRepository(db);
  registerPlansRoutes(app, { plans: createPlansService({ db, clock, plans, uploads }) });
  registerCasesRoutes(app, {
    cases: createCasesService({ db, clock, cases: createCasesRepository(db), incidents }),
  });
  registerDrillsRoutes(app, {
    drills: createDrillsService({ db, clock, drills: createDrillsRepository(db), plans }),
    clock,
  });
  registerDutyRoutes(app, {
    duty: createDutyService({ db, clock, cipher, duty: createDutyRepository(db), incidents }),
  });
}
