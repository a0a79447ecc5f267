import type { HazardCriteriaList } from './hazard-criteria-list.ts';
import { HiddenHazardError } from './hidden-hazard.errors.ts';
import type { HiddenHazardLevel } from './hidden-hazard-terms.ts';
import { determineHazardLevel, type MajorHiddenHazardCriterion } from './major-hazard-criteria.ts';

export interface HiddenHazardClassification {
  readonly level: HiddenHazardLevel;
  readonly criteria: readonly MajorHiddenHazardCriterion[];
  readonly majorJudgement?: string;
}

/**
 * Level of a hazard (standards.md §4.1): 重大 when a statutory criterion is ticked, or when someone
 * judges it 重大 for its harm or difficulty or because the unit cannot remove it alone — the
 * judgement must then give its reason. Otherwise 一般.
 */
export function classifyHiddenHazard(
  input: { readonly tickedCriteria: readonly string[]; readonly majorJudgement?: string | undefined },
  lists: readonly HazardCriteriaList[],
): HiddenHazardClassification {
  const { level, criteria } = determineHazardLevel({ ticked: input.tickedCriteria }, lists);
  const judgement = input.majorJudgement?.trim();
  if (input.majorJudgement !== undefined && !judgement) {
    throw new HiddenHazardError('hazard.reason_required', { field: 'majorJudgement' }, [
      { path: 'majorJudgement', code: 'hazard.reason_required', message: 'give the reason' },
    ]);
  }
  if (judgement) return { level: 'major', criteria, majorJudgement: judgement };
  return { level, criteria };
}
