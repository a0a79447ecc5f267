import {
  DomainError,
  evaluateHazardEscalation,
  reportHazard,
  summariseHiddenHazards,
  transitionHazard,
  type HiddenHazardAction,
  type HiddenHazardActor,
  type HiddenHazardLevel,
  type HiddenHazardReportInput,
  type HiddenHazardResponse,
  type HiddenHazardSource,
  type HiddenHazardStatus,
  type HiddenHazardSupervisionLevel,
  type Page,
} from '@anjian/domain';
import type { AuthContext } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import { inTransaction, type Db } from '../../platform/db.ts';
import type { EnterprisesRepository } from '../enterprises/enterprises.repository.ts';
import type { UploadsRepository } from '../uploads/uploads.repository.ts';
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

export function createHazardsService(deps: {
  db: Db;
  clock: Clock;
  hazards: HazardsRepository;
  enterprises: EnterprisesRepository;
  uploads: UploadsRepository;
}) {
  const { clock, hazards, enterprises, uploads } = deps;

  function escalationOf(record: HazardRecord, now: Date) {
    const s = record.state;
    return evaluateHazardEscalation(
      {
        level: s.level,
        status: s.status,
        source: s.source,
        deadline: s.deadline,
        supervisionLevel: s.supervision?.level,
        submittedAt: s.rectification?.submittedAt,
      },
      now,
    ).state;
  }

  function present(record: HazardRecord): HiddenHazardResponse & { enterpriseName: string; county: string } {
    const s = record.state;
    const iso = (d: Date) => d.toISOString();
    return {
      id: record.id,
      enterpriseId: record.enterpriseId,
      enterpriseName: record.enterpriseName,
      county: record.county,
      source: s.source,
      ...(record.sourceRef ? { sourceRef: record.sourceRef } : {}),
      location: { text: record.locationText, ...(record.lonLat ? { lonLat: record.lonLat } : {}) },
      description: record.description,
      category: record.category as HiddenHazardResponse['category'],
      photos: record.photos,
      level: s.level,
      criteria: [...s.criteria],
      ...(s.majorJudgement ? { majorJudgement: s.majorJudgement } : {}),
      status: s.status,
      ...(s.deadline ? { deadline: s.deadline } : {}),
      ...(s.plan ? { plan: { ...s.plan, submittedAt: iso(s.plan.submittedAt) } } : {}),
      ...(s.supervision ? { supervision: { ...s.supervision, listedAt: iso(s.supervision.listedAt) } } : {}),
      ...(s.extensionRequest
        ? { extensionRequest: { ...s.extensionRequest, requestedAt: iso(s.extensionRequest.requestedAt) } }
        : {}),
      extensions: s.extensions.map((e) => ({ ...e, approvedAt: iso(e.approvedAt) })),
      ...(s.rectification
        ? {
            rectification: {
              ...s.rectification,
              photos: [...s.rectification.photos],
              documents: [...s.rectification.documents],
              submittedAt: iso(s.rectification.submittedAt),
            },
          }
        : {}),
      rejectionCount: s.rejectionCount,
      reportedAt: iso(s.reportedAt),
      ...(s.closedAt ? { closedAt: iso(s.closedAt) } : {}),
      escalation: escalationOf(record, clock.now()),
      timeline: s.timeline.map((t) => ({ ...t, at: iso(t.at) })),
    } as HiddenHazardResponse & { enterpriseName: string; county: string };
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

  return {
    present,

    async report(auth: AuthContext, input: HiddenHazardReportInput) {
      const enterprise = await enterprises.findById(input.enterpriseId, auth.scope);
      if (!enterprise) throw new DomainError('enterprise.not_found');
      await checkPhotos(auth, input.photos, enterprise.county);
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
        }),
      );
      return present((await hazards.findById(id, auth.scope))!);
    },

    async act(auth: AuthContext, id: string, action: HiddenHazardAction) {
      const record = await visible(auth, id);
      if (action.action === 'submit_rectification') await checkPhotos(auth, action.photos, record.county);
      const result = transitionHazard(record.state, action, { now: clock.now(), actor: hazardActorOf(auth) });
      if (!result.ok) throw result.error;
      const saved = await hazards.saveState(id, record.state.timeline.length, result.state, clock.now());
      if (!saved) throw new DomainError('hazard.changed_meanwhile');
      return present((await hazards.findById(id, auth.scope))!);
    },

    async get(auth: AuthContext, id: string) {
      return present(await visible(auth, id));
    },

    async list(auth: AuthContext, filter: HazardFilter, page: { page: number; pageSize: number }) {
      const result: Page<HazardRecord> = await hazards.list(filter, auth.scope, page);
      return { ...result, items: result.items.map(present) };
    },

    async statistics(auth: AuthContext, filter: HazardFilter) {
      const now = clock.now();
      const rows = await hazards.summaries(filter, auth.scope);
      return summariseHiddenHazards(
        rows.map((row) => ({
          level: row.level as HiddenHazardLevel,
          status: row.status as HiddenHazardStatus,
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
          ).state,
        })),
      );
    },
  };
}

export type HazardsService = ReturnType<typeof createHazardsService>;
