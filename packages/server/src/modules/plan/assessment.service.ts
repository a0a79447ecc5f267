import { DomainError, scoreWithinItem, type AssessmentCreate, type AssessmentScores } from '@anjian/domain';
import type { Clock } from '../../platform/clock.ts';
import { inTransaction, type Db } from '../../platform/db.ts';
import type { AssessmentRepository } from './assessment.repository.ts';

/** The yearly target-responsibility assessment: a scheme of items (100 points), scores, ranking. */
export function createAssessmentService(deps: { db: Db; clock: Clock; assessments: AssessmentRepository }) {
  const { db, clock, assessments } = deps;

  async function find(id: string) {
    const found = await assessments.find(db, id);
    if (!found) throw new DomainError('plan.assessment_not_found');
    return found;
  }

  return {
    list: () => assessments.list(),
    find,

    async create(userId: string, input: AssessmentCreate) {
      const total = input.items.reduce((sum, item) => sum + Math.round(item.maxScore * 10), 0);
      if (total !== 1000) throw new DomainError('plan.assessment_weights');
      const units = [...new Set(input.organisationIds)];
      const id = await inTransaction(db, async (tx) => {
        if ((await assessments.countOrganisations(tx, units)) !== units.length)
          throw new DomainError('plan.organisation_not_found');
        const created = await assessments.insert(
          tx,
          { ...input, organisationIds: units },
          userId,
          clock.now(),
        );
        if (!created) throw new DomainError('plan.assessment_exists');
        return created;
      });
      return find(id);
    },

    async score(userId: string, id: string, input: AssessmentScores) {
      const assessment = await find(id);
      for (const [code, score] of Object.entries(input.scores)) {
        const item = assessment.items.find((i) => i.code === code);
        if (!item || !scoreWithinItem(item, score)) throw new DomainError('plan.score_out_of_range');
      }
      const stored = await assessments.score(db, id, input.organisationId, input, userId, clock.now());
      if (!stored) throw new DomainError('plan.unit_not_assessed');
      return find(id);
    },
  };
}

export type AssessmentService = ReturnType<typeof createAssessmentService>;
