/**
 * Obligations (issue 17): people of the three key posts with their certificates and training,
 * 安全生产责任保险 policies and coverage, claims on incidents (emergency's `AccidentFactsPort`) and the
 * insurers' prevention services whose findings open hidden hazards (dual prevention's `HazardLinks`), licence
 * applications with working-day deadlines and the 三同时 of construction projects, the 安全评价检测检验机构 with
 * the reports they file, and the bureau's spot checks of those reports (with the agencies' credit records) and
 * of 三同时 self-acceptances. Owns the tables obligation_*. Certificate gaps become inspection
 * findings through the enforcement module's `InspectionFindings` port; the one-map reads the
 * enterprises with gaps through `gapsMap` (`ObligationGapsMap`).
 */
import type { FastifyInstance } from 'fastify';
import {
  defaultObligationParameters,
  defaultSpotCheckProblems,
  type ObligationParameters,
  type SpotCheckProblemRule,
} from '@anjian/domain';
import type { Clock } from '../../platform/clock.ts';
import type { FieldCipher } from '../../platform/crypto.ts';
import type { Db } from '../../platform/db.ts';
import type { SmsOutbox } from '../../platform/sms.ts';
import type { HazardLinks } from '../dual-prevention/index.ts';
import type { AccidentFactsPort } from '../emergency/index.ts';
import type { InspectionFindings } from '../enforcement/index.ts';
import type { Notifier } from '../notifications/index.ts';
import type { EnterpriseLookup } from '../registry/index.ts';
import { createAgenciesRepository } from './agencies.repository.ts';
import { registerAgenciesRoutes } from './agencies.routes.ts';
import { createAgenciesService } from './agencies.service.ts';
import { createObligationGapsMap } from './obligation-map.ts';
import { sendObligationReminders, startObligationRemindersJob } from './obligation-reminders.job.ts';
import { createObligationRemindersRepository } from './obligation-reminders.repository.ts';
import { createClaimsRepository } from './insurance-claims.repository.ts';
import { registerInsuranceClaimsRoutes } from './insurance-claims.routes.ts';
import { createClaimsService } from './insurance-claims.service.ts';
import { createInsuranceRepository } from './insurance.repository.ts';
import { registerInsuranceRoutes } from './insurance.routes.ts';
import { createInsuranceService } from './insurance.service.ts';
import { createPapersRepository } from './papers.repository.ts';
import { registerPapersRoutes } from './papers.routes.ts';
import { createPapersService } from './papers.service.ts';
import { createObligationsImportRepository } from './obligations-import.repository.ts';
import { registerObligationsImportRoutes } from './obligations-import.routes.ts';
import { createObligationsImportService } from './obligations-import.service.ts';
import { createPeopleRepository } from './people.repository.ts';
import { createPreventionServicesRepository } from './prevention-services.repository.ts';
import { createPreventionServicesService } from './prevention-services.service.ts';
import { createRegisterImportRepository } from './register-import.repository.ts';
import { registerPeopleRoutes } from './people.routes.ts';
import { createPeopleService } from './people.service.ts';
import { createSpotChecksRepository } from './spot-checks.repository.ts';
import { registerSpotChecksRoutes } from './spot-checks.routes.ts';
import { createSpotChecksService } from './spot-checks.service.ts';

export { createPeopleRepository, type PeopleRepository } from './people.repository.ts';
export { createInsuranceRepository, type InsuranceRepository } from './insurance.repository.ts';
export { createPapersRepository, type PapersRepository } from './papers.repository.ts';
export { createAgenciesRepository, type AgenciesRepository } from './agencies.repository.ts';
export { createClaimsRepository, type ClaimsRepository } from './insurance-claims.repository.ts';
export {
  createPreventionServicesRepository,
  type PreventionServicesRepository,
} from './prevention-services.repository.ts';
export { createSpotChecksRepository, type SpotChecksRepository } from './spot-checks.repository.ts';
export { createSpotChecksService, type SpotCheckCaller } from './spot-checks.service.ts';
export type { ObligationGapsMap, ObligationMapPoint } from './obligation-map.ts';

export function createObligationsModule(deps: {
  db: Db;
  clock: Clock;
  cipher: FieldCipher;
  enterprises: EnterpriseLookup;
  findings: InspectionFindings;
  /** The incident a 安责险 claim concerns (emergency module). */
  incidents: AccidentFactsPort;
  /** Hidden hazards opened or linked by the insurers' service findings (dual-prevention module). */
  hazards: HazardLinks;
  parameters?: ObligationParameters;
  /** The bureau's spot-check problem types and their credit consequences. */
  spotCheckProblems?: readonly SpotCheckProblemRule[];
  /** The expiry and review reminders: how many days ahead, and how often (0 = off; only with workers). */
  reminders: { notifications: Notifier; days: number; intervalSeconds: number; workers: boolean };
  /** The platform's SMS outbox: reminders are also texted to the safety manager (`enabled`: OBLIGATION_REMINDER_SMS). */
  reminderSms?: { outbox: Pick<SmsOutbox, 'configured' | 'enqueue'>; signName: string; enabled: boolean };
  log: (message: string, error?: unknown) => void;
}) {
  const { db, clock, cipher, enterprises } = deps;
  const parameters = deps.parameters ?? defaultObligationParameters;
  const peopleRepository = createPeopleRepository(db);
  const policiesRepository = createInsuranceRepository(db);
  const papersRepository = createPapersRepository(db);
  const agenciesRepository = createAgenciesRepository(db);
  const people = createPeopleService({
    db,
    clock,
    cipher,
    people: peopleRepository,
    enterprises,
    findings: deps.findings,
    parameters,
  });
  const insurance = createInsuranceService({
    db,
    clock,
    policies: policiesRepository,
    enterprises,
    parameters,
  });
  const claimsRepository = createClaimsRepository(db);
  const claims = createClaimsService({
    db,
    clock,
    claims: claimsRepository,
    policies: policiesRepository,
    incidents: deps.incidents,
  });
  const servicesRepository = createPreventionServicesRepository(db);
  const services = createPreventionServicesService({
    db,
    clock,
    services: servicesRepository,
    policies: policiesRepository,
    hazards: deps.hazards,
    parameters,
  });
  const imports = createObligationsImportService({
    db,
    clock,
    cipher,
    people: peopleRepository,
    policies: policiesRepository,
    imports: createObligationsImportRepository(),
    papers: papersRepository,
    agencies: agenciesRepository,
    registerImports: createRegisterImportRepository(),
    parameters,
    claims: claimsRepository,
    services: servicesRepository,
    incidents: deps.incidents,
  });
  const papers = createPapersService({ db, clock, papers: papersRepository, enterprises });
  const agencies = createAgenciesService({
    db,
    clock,
    agencies: agenciesRepository,
    enterprises,
    parameters,
  });
  const spotChecks = createSpotChecksService({
    db,
    clock,
    checks: createSpotChecksRepository(db),
    problems: deps.spotCheckProblems ?? defaultSpotCheckProblems,
  });
  const reminderDeps = {
    db,
    clock,
    reminders: createObligationRemindersRepository(),
    notifications: deps.reminders.notifications,
    days: deps.reminders.days,
    sms: deps.reminderSms && { ...deps.reminderSms, enterprises, cipher },
  };
  return {
    /** The one-map's 企业主体责任缺项 layer (read by the onemap module). */
    gapsMap: createObligationGapsMap({ db, clock, parameters }),
    /** One reminder run now (tests, or an operator's script). */
    sendReminders: (now?: Date) => sendObligationReminders(reminderDeps, now),
    register(app: FastifyInstance) {
      registerAgenciesRoutes(app, { agencies, clock });
      registerSpotChecksRoutes(app, { spotChecks, clock });
      registerPeopleRoutes(app, { people, clock });
      registerInsuranceRoutes(app, { insurance, clock });
      registerInsuranceClaimsRoutes(app, { claims, services, clock });
      registerPapersRoutes(app, { papers, clock });
      registerObligationsImportRoutes(app, { imports, clock });
      const { workers, intervalSeconds } = deps.reminders;
      if (!workers || intervalSeconds <= 0) return;
      const stop = startObligationRemindersJob({ ...reminderDeps, log: deps.log }, intervalSeconds * 1000);
      app.addHook('onClose', async () => stop());
    },
  };
}
