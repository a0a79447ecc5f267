import type { FastifyInstance } from 'fastify';
import type { CreditReportFact } from '@anjian/domain';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import type { HazardReporter } from '../dual-prevention/index.ts';
import type { EnterpriseLookup } from '../registry/index.ts';
import type { UploadLookup } from '../uploads/index.ts';
import { createChecklistsRepository } from './checklists.repository.ts';
import { registerChecklistsRoutes } from './checklists.routes.ts';
import { createChecklistsService } from './checklists.service.ts';
import { createDisclosureRepository } from './disclosure.repository.ts';
import { registerDisclosureRoutes } from './disclosure.routes.ts';
import { createDocumentsRepository } from './documents.repository.ts';
import { registerDocumentsRoutes } from './documents.routes.ts';
import { createDocumentsService } from './documents.service.ts';
import { createDrawsRepository } from './draws.repository.ts';
import { registerDrawsRoutes } from './draws.routes.ts';
import { createDrawsService } from './draws.service.ts';
import { createCasesRepository } from './cases.repository.ts';
import { registerCasesRoutes } from './cases.routes.ts';
import { createCasesService } from './cases.service.ts';
import { createCreditRepository } from './credit.repository.ts';
import { registerCreditRoutes } from './credit.routes.ts';
import { createCreditService } from './credit.service.ts';
import { loadCreditReportRules } from './credit-reports.config.ts';
import { createCreditReportsService } from './credit-reports.service.ts';
import { registerDiscretionRoutes } from './discretion.routes.ts';
import { createDiscretionService } from './discretion.service.ts';
import { createEnforcementSettingsRepository } from './enforcement-settings.repository.ts';
import { createInspectionsRepository } from './inspections.repository.ts';
import { registerInspectionsRoutes } from './inspections.routes.ts';
import { createInspectionsService } from './inspections.service.ts';
import { createInspectorsRepository } from './inspectors.repository.ts';
import { registerInspectorsRoutes } from './inspectors.routes.ts';
import { createInspectorsService } from './inspectors.service.ts';
import { createPlansRepository } from './plans.repository.ts';
import { registerPlansRoutes } from './plans.routes.ts';
import { createPlansService } from './plans.service.ts';

export interface EnforcementDeps {
  db: Db;
  clock: Clock;
  enterprises: EnterpriseLookup;
  uploads: UploadLookup;
  hazards: HazardReporter;
  /** Per enterprise, public reports verified on a day in [from, to]: the whistleblowing module's port. */
  verifiedReports: (from: string, to: string) => Promise<Map<string, number>>;
  /** One enterprise's reports verified 属实 or 部分属实 (duplicates left out): the same port. */
  reportFacts: (enterpriseId: string) => Promise<CreditReportFact[]>;
}

/** Builds the enforcement services from their repositories. */
export function createEnforcementServices(deps: EnforcementDeps) {
  const { db, clock } = deps;
  const inspectorsRepository = createInspectorsRepository(db);
  const drawsRepository = createDrawsRepository(db);
  const inspectionsRepository = createInspectionsRepository(db);
  const casesRepository = createCasesRepository(db);
  const documentsRepository = createDocumentsRepository(db);
  const settings = createEnforcementSettingsRepository(db);
  const discretion = createDiscretionService({ settings });
  const credit = createCreditService({
    db,
    clock,
    listings: createCreditRepository(db),
    cases: casesRepository,
    settings,
  });
  return {
    inspectorsRepository,
    drawsRepository,
    inspectionsRepository,
    discretion,
    credit,
    plans: createPlansService({
      db,
      clock,
      plans: createPlansRepository(db),
      inspectors: inspectorsRepository,
    }),
    cases: createCasesService({
      db,
      clock,
      cases: casesRepository,
      inspections: inspectionsRepository,
      enterprises: deps.enterprises,
      documents: documentsRepository,
      credit,
    }),
    creditReports: createCreditReportsService({
      clock,
      enterprises: deps.enterprises,
      reportFacts: deps.reportFacts,
      rules: loadCreditReportRules(),
    }),
    disclosure: createDisclosureRepository(db),
    inspectors: createInspectorsService({
      clock,
      inspectors: inspectorsRepository,
      enterprises: deps.enterprises,
    }),
    checklists: createChecklistsService({ clock, checklists: createChecklistsRepository(db) }),
    draws: createDrawsService({
      db,
      clock,
      draws: drawsRepository,
      inspectors: inspectorsRepository,
      inspections: inspectionsRepository,
      creditListed: (now) => credit.listedEnterpriseIds(now),
      verifiedReports: deps.verifiedReports,
    }),
    documents: createDocumentsService({
      db,
      clock,
      documents: documentsRepository,
      inspections: inspectionsRepository,
      enterprises: deps.enterprises,
      cases: casesRepository,
      discretion,
    }),
    inspections: createInspectionsService({
      db,
      clock,
      inspections: inspectionsRepository,
      inspectors: inspectorsRepository,
      draws: drawsRepository,
      enterprises: deps.enterprises,
      uploads: deps.uploads,
      hazards: deps.hazards,
    }),
  };
}

/** Every enforcement route: /api/v1/enforcement/** and the public disclosure. */
export function registerEnforcementRoutes(app: FastifyInstance, deps: EnforcementDeps) {
  const s = createEnforcementServices(deps);
  registerInspectorsRoutes(app, { service: s.inspectors });
  registerChecklistsRoutes(app, { checklists: s.checklists });
  registerDrawsRoutes(app, { draws: s.draws });
  registerInspectionsRoutes(app, { inspections: s.inspections, clock: deps.clock });
  registerDocumentsRoutes(app, { documents: s.documents });
  registerPlansRoutes(app, { plans: s.plans });
  registerCasesRoutes(app, { cases: s.cases, clock: deps.clock });
  registerDiscretionRoutes(app, { discretion: s.discretion });
  registerCreditRoutes(app, { credit: s.credit, creditReports: s.creditReports });
  registerDisclosureRoutes(app, {
    credit: s.credit,
    draws: s.draws,
    drawsRepository: s.drawsRepository,
    inspections: s.inspectionsRepository,
    disclosure: s.disclosure,
  });
}
