import { hazardCriteriaFireworks2017 } from './hazard-criteria-fireworks.ts';
import { hazardCriteriaHazchem2017 } from './hazard-criteria-hazchem.ts';
import { hazardCriteriaIndustryTrade2023 } from './hazard-criteria-industry-trade.ts';
import { checkHazardCriteriaList, type HazardCriteriaList } from './hazard-criteria-list.ts';
import { hazardCriteriaMines2022 } from './hazard-criteria-mines.ts';
import { HiddenHazardError } from './hidden-hazard.errors.ts';
import type { HiddenHazardLevel } from './hidden-hazard-terms.ts';

/**
 * The four statutory checklists Anjian ships (standards.md §4.2–4.5). Not the GB 18218 major hazard
 * *sources* of `major-hazard/`: these decide whether a hidden hazard (事故隐患) is 重大.
 */
export const hazardCriteriaLists: readonly HazardCriteriaList[] = [
  hazardCriteriaHazchem2017,
  hazardCriteriaFireworks2017,
  hazardCriteriaIndustryTrade2023,
  hazardCriteriaMines2022,
];

/** One statutory criterion a hazard met; kept on the record with the list version it came from. */
export interface MajorHiddenHazardCriterion {
  readonly code: string;
  /** The criterion's Chinese text at the time of the decision. */
  readonly text: string;
  /** List id, e.g. `hazchem-2017`. */
  readonly list: string;
  readonly listVersion: string;
}

export interface MajorHiddenHazardDetermination {
  readonly level: HiddenHazardLevel;
  readonly criteria: readonly MajorHiddenHazardCriterion[];
}

function indexCriteria(lists: readonly HazardCriteriaList[]): Map<string, MajorHiddenHazardCriterion> {
  const index = new Map<string, MajorHiddenHazardCriterion>();
  for (const list of lists) {
    checkHazardCriteriaList(list);
    for (const item of list.items) {
      if (index.has(item.code)) {
        throw new HiddenHazardError('hazard.criteria_list_invalid', {
          list: list.id,
          reason: 'code in two lists',
          code: item.code,
        });
      }
      index.set(item.code, { code: item.code, text: item.zh, list: list.id, listVersion: list.version });
    }
  }
  return index;
}

/**
 * 原总局令第16号 and the industry 判定标准 (standards.md §4.1): a hazard that matches any item of a
 * criteria list must be classified 重大. Ticking no item leaves it 一般 here; a hazard may still be
 * judged 重大 on its harm or difficulty, which the workflow records separately. Unknown codes are
 * refused (`hazard.unknown_criterion`) rather than ignored, so a typo never downgrades a hazard.
 * Criteria come back in list order, each once.
 */
export function determineHazardLevel(
  input: { readonly ticked: readonly string[] },
  lists: readonly HazardCriteriaList[] = hazardCriteriaLists,
): MajorHiddenHazardDetermination {
  const index = indexCriteria(lists);
  const ticked = new Set(input.ticked.map((code) => code.trim()));
  const unknown = [...ticked].filter((code) => !index.has(code));
  if (unknown.length > 0) {
    throw new HiddenHazardError(
      'hazard.unknown_criterion',
      { codes: unknown },
      unknown.map((code) => ({ path: 'tickedCriteria', code: 'hazard.unknown_criterion', message: code })),
    );
  }
  const criteria = [...index.values()].filter((criterion) => ticked.has(criterion.code));
  return { level: criteria.length > 0 ? 'major' : 'general', criteria };
}
