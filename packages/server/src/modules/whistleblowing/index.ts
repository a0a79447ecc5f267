/**
 * 举报奖励 (issue 16): reports from the public (the phone page, 12350, letters), the query code,
 * the bureau's handling and the rewards. Owns the tables whistle_reports, whistle_identities,
 * whistle_messages, whistle_rewards, whistle_photos, whistle_abuse, whistle_escalations (the overdue
 * ladder, whistle-escalation.worker.ts), whistle_objections (异议与复核), whistle_sms_codes (the SMS codes
 * of real-name reports, texted through the platform's outbox platform/sms.ts) and whistle_report_incidents
 * (the incident a concealed-accident report uncovered, read through the emergency module's port). Identities are sealed under
 * a key of their own (WHISTLEBLOWER_ENCRYPTION_KEY), given here as `cipher`. Gives the enforcement
 * module the verified-report counts of risk-weighted draws and the facts of its credit record
 * (`verifiedReports`).
 */
import type { FastifyInstance } from 'fastify';
import type { CreditReportFact } from '@anjian/domain';
import type { Clock } from '../../platform/clock.ts';
import type { Config } from '../../platform/config.ts';
import type { FieldCipher } from '../../platform/crypto.ts';
import type { Db } from '../../platform/db.ts';
import type { SmsOutbox } from '../../platform/sms.ts';
import type { CaptchaPort } from '../auth/index.ts';
import type { AccidentFactsPort } from '../emergency/index.ts';
import type { EnforcementFacts } from '../enforcement/index.ts';
import type { Notifier } from '../notifications/index.ts';
import type { CountyAreas, EnterpriseLookup, EnterpriseSuggestions } from '../registry/index.ts';
import type { PublicPhotoStore, UploadLookup } from '../uploads/index.ts';
import { createWhistleEscalationRepository } from './whistle-escalation.repository.ts';
import { createWhistleEscalationWorker } from './whistle-escalation.worker.ts';
import { registerWhistleEvidenceRoutes } from './whistle-evidence.routes.ts';
import { createWhistleHandlingService } from './whistle-handling.service.ts';
import { createWhistleIncidentEvidence } from './whistle-incident-evidence.ts';
import { createWhistleIncidentLinksRepository } from './whistle-incident-links.repository.ts';
import { createWhistleIntakeService, type WhistleIntakeService } from './whistle-intake.service.ts';
import { createWhistleObjectionsRepository } from './whistle-objections.repository.ts';
import { createWhistleObjectionService } from './whistle-objections.service.ts';
import { createWhistleStatisticsRepository } from './whistle-statistics.repository.ts';
import { registerWhistleStatisticsRoutes } from './whistle-statistics.routes.ts';
import { registerWhistlePublicRoutes } from './whistle-public.routes.ts';
import {
  createWhistleAbuseRepository,
  createWhistleRecordsRepository,
} from './whistle-records.repository.ts';
import { createWhistleReportsRepository } from './whistle-reports.repository.ts';
import { createWhistleSmsCodes } from './whistle-sms-codes.ts';
import { createWhistleSmsCodesRepository } from './whistle-sms-codes.repository.ts';
import { createWhistleVerifiedRepository } from './whistle-verified.repository.ts';
import { loadWhistleConfig } from './whistle.config.ts';
import { registerWhistleRoutes } from './whistle.routes.ts';

export type { WhistleIntakeService };

/**
 * What risk-weighted draws read (enforcement, issue 16): per enterprise, its reports verified 属实
 * or 部分属实 on a day in [from, to], a duplicate not counted again.
 */
export interface VerifiedReportCounts {
  verifiedCounts(from: string, to: string): Promise<Map<string, number>>;
  /**
   * The credit record (enforcement, issue 16): one enterprise's reports verified 属实 or 部分属实,
   * every county, a duplicate left out; the report's id, day, kind and outcome only.
   */
  verifiedFacts(enterpriseId: string): Promise<CreditReportFact[]>;
}

const PURGE_EVERY_MS = 15 * 60_000;

export function createWhistleblowingModule(deps: {
  db: Db;
  clock: Clock;
  config: Config;
  cipher: FieldCipher;
  captchas: CaptchaPort;
  enterprises: EnterpriseLookup;
  suggestions: EnterpriseSuggestions;
  counties: CountyAreas;
  photos: PublicPhotoStore;
  uploads: UploadLookup;
  enforcement: EnforcementFacts;
  /** The emergency module's incidents: the accident a concealed-accident report uncovered. */
  incidents: AccidentFactsPort;
  notifications: Notifier;
  /** The platform's SMS outbox: the codes that prove a real-name reporter's phone. */
  sms: SmsOutbox;
  log: (message: string, error?: unknown) => void;
}) {
  const { db, clock, cipher } = deps;
  const reports = createWhistleReportsRepository(db);
  const records = createWhistleRecordsRepository(db);
  const abuse = createWhistleAbuseRepository(db);
  const settings = loadWhistleConfig();
  const objection = createWhistleObjectionService({
    db,
    clock,
    reports,
    records,
    objections: createWhistleObjectionsRepository(),
    rules: settings.objectionRules,
    acceptanceDays: deps.config.whistleblowing.acceptanceDays,
  });
  const smsCodes = createWhistleSmsCodes({
    db,
    clock,
    policy: deps.config.whistleblowing,
    outbox: deps.sms,
    codes: createWhistleSmsCodesRepository(db),
    signName: deps.config.sms.signName,
    // A code should arrive within seconds: this process sends it now, the periodic pass otherwise.
    nudge: () => {
      if (deps.config.workers)
        void deps.sms.sendDue().catch((error: unknown) => deps.log('sms send failed', error));
    },
  });
  const intake = createWhistleIntakeService({
    ...deps,
    smsCodes,
    // The handling service is made below; the look-up calls it only once both exist.
    refreshReward: (reportId) => handling.refreshReward(reportId),
    pin: settings.pin,
    video: settings.video,
    reports,
    records,
    abuse,
    objection,
  });
  const escalation = createWhistleEscalationRepository(db);
  const incidents = createWhistleIncidentEvidence({
    incidents: deps.incidents,
    links: createWhistleIncidentLinksRepository(db),
  });
  const handling = createWhistleHandlingService({
    db,
    clock,
    cipher,
    reports,
    records,
    escalation,
    duplicates: settings.duplicates,
    objection,
    enforcement: deps.enforcement,
    photos: deps.photos,
    incidents,
  });
  const escalationWorker = createWhistleEscalationWorker({
    db,
    clock,
    escalation,
    notifications: deps.notifications,
    log: deps.log,
  });
  const verifiedReports: VerifiedReportCounts = createWhistleVerifiedRepository(db);
  return {
    intake,
    escalationWorker,
    verifiedReports,
    register(app: FastifyInstance) {
      registerWhistlePublicRoutes(app, {
        intake,
        smsSettings: smsCodes.settings,
        suggestions: deps.suggestions,
        videoMaxBytes: settings.video.maxBytes,
      });
      registerWhistleRoutes(app, { handling, intake, clock });
      registerWhistleEvidenceRoutes(app, { intake, incidents });
      registerWhistleStatisticsRoutes(app, { statistics: createWhistleStatisticsRepository(db), clock });
      if (!deps.config.workers) return;
      // The abuse-control marks expire; a DELETE by expiry is safe when several processes run it.
      const timer = setInterval(() => {
        intake.purgeExpired().catch((error: unknown) => deps.log('whistleblowing purge failed', error));
      }, PURGE_EVERY_MS);
      timer.unref();
      escalationWorker.start(settings.escalationIntervalMs);
      app.addHook('onClose', async () => {
        clearInterval(timer);
        await escalationWorker.stop();
      });
    },
  };
}
