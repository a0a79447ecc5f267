/**
 * Running the plan (规划实施, issue 14): the units that carry it out (organisations, their
 * accounts), the plan as data, task assignments with milestones and progress, the overdue ladder,
 * responsibility lists (责任清单, versioned), yearly assessments with the units' self-assessment,
 * special campaigns and the evaluation reports with their saved versions. Owns the tables organisations,
 * organisation_members and plan_*; reads the indicators through the statistics module's
 * `IndicatorSource`, figures through the cockpit's, dual prevention's, enforcement's and video's ports and the accident records (automatic vetoes) through `AccidentRecords`, checks evidence through `UploadLookup` and enterprises through `EnterpriseLookup`.
 */
import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import type { Notifier } from '../notifications/index.ts';
import type { EnterpriseLookup, EnterpriseSuggestions } from '../registry/index.ts';
import type { AccidentRecords, IndicatorSource } from '../statistics/index.ts';
import type { UploadLookup } from '../uploads/index.ts';
import { createAssessmentRepository } from './assessment.repository.ts';
import { registerAssessmentRoutes } from './assessment.routes.ts';
import { createAssessmentService } from './assessment.service.ts';
import { createCampaignsRepository } from './campaigns.repository.ts';
import { createCampaignsService } from './campaigns.service.ts';
import { registerCampaignRollupRoutes } from './campaign-rollup.routes.ts';
import { loadPlanEscalationConfig } from './plan-escalation.config.ts';
import { createPlanEscalationRepository } from './plan-escalation.repository.ts';
import { createPlanEscalationWorker } from './plan-escalation.worker.ts';
import { createEvaluationVersions } from './plan-evaluation-versions.ts';
import { registerPlanEvaluationRoutes } from './plan-evaluation.routes.ts';
import { createPlanFigureReader, type PlanFigureSources } from './plan-figure-reader.ts';
import { registerPlanFigureRoutes } from './plan-figures.routes.ts';
import { registerPlanImportRoutes } from './plan-import.routes.ts';
import { createPlanDeliverables } from './plan-deliverables.ts';
import { registerPlanDeliverableRoutes } from './plan-deliverables.routes.ts';
import { createPlanLetters } from './plan-letters.ts';
import { registerPlanLetterRoutes } from './plan-letters.routes.ts';
import { registerPlanWorkRoutes } from './plan-work.routes.ts';
import { createPlanRepository } from './plan.repository.ts';
import { registerPlanRoutes } from './plan.routes.ts';
import { createPlanService } from './plan.service.ts';
import { createResponsibilityListsRepository } from './responsibility-lists.repository.ts';
import { registerResponsibilityListRoutes } from './responsibility-lists.routes.ts';
import { createResponsibilityListsService } from './responsibility-lists.service.ts';

export { seedPlanReferenceData } from './plan-reference.repository.ts';

export function createPlanModule(deps: {
  db: Db;
  clock: Clock;
  uploads: UploadLookup;
  notifications: Notifier;
  enterprises: EnterpriseLookup;
  /** Enterprise names for a campaign's objects (the 安委办 has no registry permission). */
  suggestions: EnterpriseSuggestions;
  indicators: IndicatorSource;
  /** The statistics' accident records: the automatic vetoes (一票否决) of an assessment. */
  accidents: AccidentRecords;
  /** Figures by area, each through its owning module's port: progress suggested to a unit. */
  figures: Omit<PlanFigureSources, 'indicators'>;
  /** ANJIAN_WORKERS: whether this process runs the overdue ladder on a timer. */
  workers: boolean;
}) {
  const { db, clock } = deps;
  const service = createPlanService({
    db,
    clock,
    plan: createPlanRepository(db),
    uploads: deps.uploads,
    notifications: deps.notifications,
  });
  const assessments = createAssessmentService({
    db,
    clock,
    assessments: createAssessmentRepository(db),
    accidents: deps.accidents,
    uploads: deps.uploads,
    notifications: deps.notifications,
  });
  const responsibilityLists = createResponsibilityListsService({
    db,
    clock,
    lists: createResponsibilityListsRepository(db),
  });
  const campaigns = createCampaignsService({
    db,
    clock,
    campaigns: createCampaignsRepository(db),
    enterprises: deps.enterprises,
    uploads: deps.uploads,
  });
  const letters = createPlanLetters({
    db,
    clock,
    uploads: deps.uploads,
    notifications: deps.notifications,
  });
  const deliverables = createPlanDeliverables({ db, clock, uploads: deps.uploads });
  const figures = createPlanFigureReader({ clock, indicators: deps.indicators, ...deps.figures });
  const escalation = createPlanEscalationRepository(db);
  const evaluations = createEvaluationVersions({
    db,
    clock,
    service,
    assessments,
    indicators: deps.indicators,
  });
  const worker = createPlanEscalationWorker({ db, clock, escalation, notifications: deps.notifications });
  return {
    escalationWorker: worker,
    register(app: FastifyInstance) {
      registerPlanRoutes(app, { clock, service, escalation, figures });
      registerPlanEvaluationRoutes(app, { clock, evaluations });
      registerPlanImportRoutes(app, { db, clock, service, indicators: deps.indicators });
      registerPlanLetterRoutes(app, { clock, letters });
      registerPlanWorkRoutes(app, { clock, assessments, campaigns, suggestions: deps.suggestions });
      registerAssessmentRoutes(app, { clock, assessments });
      registerCampaignRollupRoutes(app, { clock, campaigns });
      registerPlanDeliverableRoutes(app, { deliverables });
      registerPlanFigureRoutes(app, { db, service, figures });
      registerResponsibilityListRoutes(app, { clock, lists: responsibilityLists });
      if (deps.workers) {
        worker.start(loadPlanEscalationConfig().intervalMs);
        app.addHook('onClose', () => worker.stop());
      }
    },
  };
}
