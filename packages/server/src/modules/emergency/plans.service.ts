import {
  defaultReviewDueOn,
  DomainError,
  planReviewStatus,
  type EmergencyPlan,
  type EmergencyPlanInput,
} from '@anjian/domain';
import type { AuthContext } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import { chinaDate } from '@anjian/domain';
import type { Db } from '../../platform/db.ts';
import type { UploadLookup } from '../uploads/index.ts';
import { assertMayWrite } from './emergency-scope.ts';
import type { PlanRecord, PlansRepository, PlanWrite } from './plans.repository.ts';

type PlanFilter = Parameters<PlansRepository['list']>[1];

export function createPlansService(deps: {
  db: Db;
  clock: Clock;
  plans: PlansRepository;
  uploads: UploadLookup;
}) {
  const { db, clock, plans, uploads } = deps;

  function present(record: PlanRecord): EmergencyPlan {
    const review = planReviewStatus(record.reviewDueOn, chinaDate(clock.now()));
    return {
      ...record,
      reviewStatus: review.status,
      daysToReview: review.daysToReview,
    };
  }

  async function toWrite(auth: AuthContext, input: EmergencyPlanInput): Promise<PlanWrite> {
    const county = input.county ?? null;
    assertMayWrite(auth.scope, county);
    const revisedOn = input.revisedOn ?? input.issuedOn;
    const reviewDueOn = input.reviewDueOn ?? defaultReviewDueOn(revisedOn);
    if (revisedOn < input.issuedOn || reviewDueOn < revisedOn)
      throw new DomainError('emergency.plan_dates_out_of_order');
    const levels = input.responseLevels.map((r) => r.level);
    if (new Set(levels).size !== levels.length) throw new DomainError('emergency.duplicate_response_level');
    for (const [index, id] of input.attachments.entries()) {
      if (!(await uploads.find(id, auth.scope)))
        throw new DomainError('emergency.unknown_attachment', {
          fields: [{ path: `attachments.${index}`, code: 'unknown_upload', message: id }],
        });
    }
    return {
      name: input.name,
      level: input.level,
      type: input.type,
      county,
      department: input.department ?? null,
      accidentTypes: input.accidentTypes,
      // Ⅰ → Ⅳ whatever order they were typed in.
      responseLevels: sortLevels(input.responseLevels),
      attachments: input.attachments,
      issuedOn: input.issuedOn,
      revisedOn,
      reviewDueOn,
      summary: input.summary ?? null,
    };
  }

  async function writable(auth: AuthContext, id: string): Promise<PlanRecord> {
    const record = await plans.find(id, auth.scope);
    if (!record) throw new DomainError('emergency.plan_not_found');
    assertMayWrite(auth.scope, record.county);
    return record;
  }

  return {
    async list(auth: AuthContext, filter: PlanFilter, page: { page: number; pageSize: number }) {
      const result = await plans.list(auth.scope, filter, chinaDate(clock.now()), page);
      return { ...result, items: result.items.map(present) };
    },

    async get(auth: AuthContext, id: string) {
      const record = await plans.find(id, auth.scope);
      if (!record) throw new DomainError('emergency.plan_not_found');
      return present(record);
    },

    async create(auth: AuthContext, input: EmergencyPlanInput) {
      const id = await plans.insert(db, await toWrite(auth, input), false, clock.now());
      return present((await plans.find(id, auth.scope))!);
    },

    async replace(auth: AuthContext, id: string, input: EmergencyPlanInput) {
      await writable(auth, id);
      await plans.update(id, await toWrite(auth, input), clock.now());
      return present((await plans.find(id, auth.scope))!);
    },

    async remove(auth: AuthContext, id: string) {
      await writable(auth, id);
      await plans.remove(id);
    },
  };
}

const ORDER = ['I', 'II', 'III', 'IV'];
function sortLevels<T extends { level: string }>(levels: T[]): T[] {
  return [...levels].sort((a, b) => ORDER.indexOf(a.level) - ORDER.indexOf(b.level));
}

export type PlansService = ReturnType<typeof createPlansService>;
