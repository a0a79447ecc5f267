/**
 * Dual prevention (双重预防): the risk register and grading (risk/), scheduled checks (checks/) and the
 * hidden-hazard loop with its escalation ladder (hazards/). Owns the tables risk_*, check_*,
 * hidden_hazard*, enterprise_gradings and hazard escalation state. Other modules report a hazard
 * through `HazardReporter`; monitoring answers the acceptance question through the guard port
 * it is given at construction.
 */
import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import type { EventBus } from '../../platform/events/index.ts';
import type { Notifier } from '../notifications/index.ts';
import type { EnterpriseLookup } from '../registry/index.ts';
import type { UploadLookup } from '../uploads/index.ts';
import { createChecksRepository } from './checks/checks.repository.ts';
import { registerChecksRoutes } from './checks/checks.routes.ts';
import { createChecksService } from './checks/checks.service.ts';
import type { HazardAcceptanceGuard } from './hazards/hazard-acceptance-guard.ts';
import { createHazardEscalationRepository } from './hazards/hazard-escalation.repository.ts';
import { startHazardEscalation } from './hazards/hazard-escalation.start.ts';
import { createHazardsRepository } from './hazards/hazards.repository.ts';
import { registerHazardsRoutes } from './hazards/hazards.routes.ts';
import { createHazardsService, type HazardsService } from './hazards/hazards.service.ts';
import { registerRiskGradingRoutes } from './risk/risk-grading.routes.ts';
import { createRiskGradingService } from './risk/risk-grading.service.ts';
import { registerRiskSitePlanRoutes } from './risk/risk-site-plan.routes.ts';
import { createRiskRepository } from './risk/risk.repository.ts';
import { registerRiskRoutes } from './risk/risk.routes.ts';
import { createRiskService } from './risk/risk.service.ts';

export type {
  HazardAcceptanceAnswer,
  HazardAcceptanceGuard,
  HazardAcceptanceSubject,
} from './hazards/hazard-acceptance-guard.ts';
export type { HazardReport } from './hazards/hazards.service.ts';
export { createHazardFigures, type HazardFigures } from './hazards/hazard-figures.ts';

/** Opens a hidden hazard as the given actor (enforcement findings, repeated alarms, check tasks). */
export type HazardReporter = Pick<HazardsService, 'report'>;
/** Opens a hidden hazard or reads one in the caller's scope (obligations: the insurers' service findings). */
export type HazardLinks = Pick<HazardsService, 'report' | 'get'>;

export function createDualPreventionModule(deps: {
  db: Db;
  clock: Clock;
  enterprises: EnterpriseLookup;
  uploads: UploadLookup;
  notifications: Notifier;
  events: EventBus;
  /** Asked before an acceptance (验收): the monitoring module's "points stayed normal" check. */
  acceptanceGuard: HazardAcceptanceGuard;
}) {
  const { db, clock, enterprises, uploads } = deps;
  const escalation = createHazardEscalationRepository(db);
  const hazards = createHazardsService({
    db,
    clock,
    hazards: createHazardsRepository(db),
    escalation,
    enterprises,
    uploads,
    acceptanceGuard: deps.acceptanceGuard,
  });
  return {
    hazards: hazards as HazardReporter,
    hazardLinks: hazards as HazardLinks,
    register(app: FastifyInstance) {
      registerRiskRoutes(app, {
        risk: createRiskService({ clock, risk: createRiskRepository(db), enterprises }),
        clock,
      });
      registerHazardsRoutes(app, { hazards, clock });
      startHazardEscalation(app, {
        db,
        clock,
        escalation,
        notifications: deps.notifications,
        events: deps.events,
      });
      registerRiskSitePlanRoutes(app, { db, clock, enterprises, uploads });
      registerRiskGradingRoutes(app, { grading: createRiskGradingService({ db, clock, enterprises }) });
      registerChecksRoutes(app, {
        checks: createChecksService({ db, clock, checks: createChecksRepository(db), enterprises, hazards }),
      });
    },
  };
}
