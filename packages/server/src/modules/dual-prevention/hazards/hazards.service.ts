import {
  breakDownHiddenHazards,
  checkEscalationSettings,
  closeSupervision,
  defaultLabelOf,
  DomainError,
  evaluateHazardEscalation,
  reportHazard,
  reviewSupervision,
  summariseHiddenHazards,
  transitionHazard,
  type HazardEscalationSettings,
  type HazardSupervisionCloseInput,
  type HazardSupervisionReviewInput,
  type HiddenHazardAction,
  type HiddenHazardActor,
  type HiddenHazardEscalationRules,
  type HiddenHazardLevel,
  type HiddenHazardReportInput,
  type HiddenHazardSource,
  type HiddenHazardStatus,
  type HiddenHazardSupervisionLevel,
  type HiddenHazardTransition,
  type Page,
  type RecordLabel,
} from '@anjian/domain';
import type { AuthContext } from '../../../platform/access.ts';
import type { Clock } from '../../../platform/clock.ts';
import { inTransaction, type Db } from '../../../platform/db.ts';
import { checkLabelWithin } from '../../../platform/scope-sql.ts';
import type { EnterpriseLookup } from '../../registry/index.ts';
import type { UploadLookup } from '../../uploads/index.ts';
import { allowAcceptance, type HazardAcceptanceGuard } from './hazard-acceptance-guard.ts';
import type { HazardEscalationRepository } from './hazard-escalation.repository.ts';
import { presentHazard, type HazardActingParty } from './hazard-presenter.ts';
import type { HazardFilter, HazardRecord, HazardsRepository } from './hazards.repository.ts';

/**
 * The party a user acts as in the closed loop: an enterprise account, an inspector, or the county
 * or city bureau, from the account's scope and roles.
 */
export function hazardActorOf(auth: AuthContext): HiddenHazardActor {
  if (auth.scope.kind === 'enterprise') return { kind: 'enterprise', id: auth.userId };
  if (auth.roles.includes('inspector') && !auth.permissions.has('hazard:supervise'))
    return { kind: 'inspector', id: auth.userId };
  return { kind: auth.scope.kind === 'city' ? 'city' : 'county', id: auth.userId };
}

/** Permissions of the routes that act on a hazard (POST /hazards/:id/actions). */
export const hazardActionPermissions = ['hazard:report', 'hazard:supervise', 'enforcement:write'] as const;

/** Who the caller is in the closed loop and what the caller's permissions let them start. */
export function hazardActingParty(auth: AuthContext): HazardActingParty {
  return {
    kind: hazardActorOf(auth).kind,
    mayAct: hazardActionPermissions.some((permission) => auth.permissions.has(permission)),
    maySupervise: auth.permissions.has('hazard:supervise'),
  };
}

/** A report as the routes and the check tasks give it; links to monitoring points are optional. */
export type HazardReport = Omit<HiddenHazardReportInput, 'linkedPointIds'> & { linkedPointIds?: string[] };

export function createHazardsService(deps: {
  db: Db;
  clock: Clock;
  hazards: HazardsRepository;
  escalation: HazardEscalationRepository;
  enterprises: EnterpriseLookup;
  uploads: UploadLookup;
  acceptanceGuard?: HazardAcceptanceGuard;
}) {
  const { clock, hazards, escalation, enterprises, uploads } = deps;
  const acceptanceGuard = deps.acceptanceGuard ?? allowAcceptance;

  const rules = async (): Promise<HiddenHazardEscalationRules> =>
    checkEscalationSettings(await escalation.settings());

  async function present(record: HazardRecord, auth: AuthContext) {
    return presentHazard(record, clock.now(), await rules(), hazardActingParty(auth));
  }

  async function visible(auth: AuthContext, id: string): Promise<HazardRecord> {
    const record = await hazards.findById(id, auth.scope);
    if (!record) throw new DomainError('hazard.not_found');
    return record;
  }

  /** Photos must be uploads the caller can see, of the hazard's own county. */
  async function checkPhotos(auth: AuthContext, ids: readonly string[], county: string): Promise<void> {
    for (const [index, id] of ids.entries()) {
      const upload = await uploads.find(id, auth.scope);
      if (!upload || upload.county !== county) {
        throw new DomainError('request.invalid', {
          fields: [{ path: `photos.${index}`, code: 'unknown_upload', message: id }],
        });
      }
    }
  }

  /** Stores a transition computed from `record`, unless someone changed the hazard meanwhile. */
  async function save(auth: AuthContext, record: HazardRecord, result: HiddenHazardTransition) {
    if (!result.ok) throw result.error;
    const saved = await hazards.saveState(record.id, record.state.timeline.length, result.state, clock.now());
    if (!saved) throw new DomainError('hazard.changed_meanwhile');
    return present((await hazards.findById(record.id, auth.scope))!, auth);
  }

  /** The hazard's own enterprise's points only; any other id is answered as unknown (defect 5). */
  async function linkablePoints(enterpriseId: string, pointIds: readonly string[]): Promise<string[]> {
    const wanted = [...new Set(pointIds)];
    if (wanted.length === 0) return wanted;
    const found = await acceptanceGuard.linkablePoints(enterpriseId, wanted);
    if (found.length !== wanted.length) throw new DomainError('hazard.point_not_linkable');
    return wanted;
  }

  async function checkAcceptance(record: HazardRecord): Promise<void> {
    const answer = await acceptanceGuard.canAccept({
      id: record.id,
      enterpriseId: record.enterpriseId,
      county: record.county,
      level: record.state.level,
      linkedPointIds: record.linkedPointIds,
    });
    if (!answer.ok) throw new DomainError(answer.code, { details: answer.details ?? {} });
  }

  return {
    present,

    async report(auth: AuthContext, input: HazardReport) {
      const enterprise = await enterprises.findById(input.enterpriseId, auth.scope);
      if (!enterprise) throw new DomainError('enterprise.not_found');
      checkLabelWithin(auth.clearance, input.securityLabel);
      await checkPhotos(auth, input.photos, enterprise.county);
      const linkedPointIds = await linkablePoints(enterprise.id, input.linkedPointIds ?? []);
      const now = clock.now();
      const result = reportHazard(input, { now, actor: hazardActorOf(auth) });
      if (!result.ok) throw result.error;
      const id = await inTransaction(deps.db, (tx) =>
        hazards.insert(tx, {
          enterpriseId: enterprise.id,
          county: enterprise.county,
          source: input.source,
          sourceRef: input.sourceRef ?? null,
          locationText: input.location.text,
          lonLat:
            input.location.lonLat ??
            (enterprise.location ? [enterprise.location.lon, enterprise.location.lat] : null),
          description: input.description,
          category: input.category,
          photos: input.photos,
          state: result.state,
          reportedBy: auth.userId,
          linkedPointIds,
          securityLabel: input.securityLabel ?? defaultLabelOf.hazard,
        }),
      );
      return present((await hazards.findById(id, auth.scope))!, auth);
    },

    async act(auth: AuthContext, id: string, action: HiddenHazardAction) {
      const record = await visible(auth, id);
      if (action.action === 'submit_rectification' || action.action === 'report_progress')
        await checkPhotos(auth, action.photos, record.county);
      const context = { now: clock.now(), actor: hazardActorOf(auth) };
      const result = transitionHazard(record.state, action, context);
      // The guard is asked only once the workflow itself would allow the acceptance.
      if (action.action === 'accept' && result.ok) await checkAcceptance(record);
      return save(auth, record, result);
    },

    async reviewSupervision(auth: AuthContext, id: string, input: HazardSupervisionReviewInput) {
      const record = await visible(auth, id);
      const context = { now: clock.now(), actor: hazardActorOf(auth) };
      return save(auth, record, reviewSupervision(record.state, input, context));
    },

    async closeSupervision(auth: AuthContext, id: string, input: HazardSupervisionCloseInput) {
      const record = await visible(auth, id);
      const context = { now: clock.now(), actor: hazardActorOf(auth) };
      return save(auth, record, closeSupervision(record.state, input, context));
    },

    async setLinkedPoints(auth: AuthContext, id: string, pointIds: readonly string[]) {
      const record = await visible(auth, id);
      if (record.state.status === 'closed' || record.state.status === 'dismissed') {
        throw new DomainError('hazard.illegal_transition', { details: { status: record.state.status } });
      }
      await hazards.setLinkedPoints(id, await linkablePoints(record.enterpriseId, pointIds), clock.now());
      return present((await hazards.findById(id, auth.scope))!, auth);
    },

    /** Changes the hazard's security label, never above the caller's own clearance. */
    async setLabel(auth: AuthContext, id: string, label: RecordLabel) {
      const record = await visible(auth, id);
      checkLabelWithin(auth.clearance, label);
      await hazards.setLabel(id, label, clock.now());
      const hazard = await present((await hazards.findById(id, auth.scope))!, auth);
      return { previous: record.securityLabel, hazard };
    },

    async get(auth: AuthContext, id: string) {
      return present(await visible(auth, id), auth);
    },

    async list(auth: AuthContext, filter: HazardFilter, page: { page: number; pageSize: number }) {
      const result: Page<HazardRecord> = await hazards.list(filter, auth.scope, page);
      const now = clock.now();
      const current = await rules();
      const party = hazardActingParty(auth);
      return { ...result, items: result.items.map((record) => presentHazard(record, now, current, party)) };
    },

    async statistics(auth: AuthContext, filter: HazardFilter) {
      const now = clock.now();
      const current = await rules();
      const rows = await hazards.summaries(filter, auth.scope);
      const facts = rows.map((row) => ({
        level: row.level as HiddenHazardLevel,
        status: row.status as HiddenHazardStatus,
        county: row.county,
        sectors: row.sectors,
        deadline: row.deadline ?? undefined,
        submittedAt: row.submitted_at ? new Date(row.submitted_at) : undefined,
        escalation: evaluateHazardEscalation(
          {
            level: row.level as HiddenHazardLevel,
            status: row.status as HiddenHazardStatus,
            source: row.source as HiddenHazardSource,
            deadline: row.deadline ?? undefined,
            supervisionLevel: (row.supervision_level as HiddenHazardSupervisionLevel | null) ?? undefined,
            submittedAt: row.submitted_at ? new Date(row.submitted_at) : undefined,
          },
          now,
          current,
        ).state,
      }));
      return { ...summariseHiddenHazards(facts), ...breakDownHiddenHazards(facts) };
    },

    escalationSettings: () => escalation.settings(),

    async saveEscalationSettings(auth: AuthContext, settings: HazardEscalationSettings) {
      checkEscalationSettings(settings);
      await escalation.saveSettings(settings, auth.username, clock.now());
      return escalation.settings();
    },
  };
}

export type HazardsService = ReturnType<typeof createHazardsService>;
