import {
  hazardCriteriaItemApplies,
  type HazardCriteriaItem,
  type HazardCriteriaList,
  type HiddenHazardLevel,
} from '@anjian/domain';

export interface CriteriaSection {
  readonly list: HazardCriteriaList;
  readonly items: readonly HazardCriteriaItem[];
}

/**
 * The criteria lists to offer an enterprise: the items that apply to its sectors, list by list.
 * An enterprise without a matching sector (or with no sectors known) gets every list whole, so a
 * criterion is never hidden from someone who needs it.
 */
export function criteriaSectionsFor(
  lists: readonly HazardCriteriaList[],
  sectors: readonly string[],
): CriteriaSection[] {
  const matching = lists
    .map((list) => ({
      list,
      items: list.items.filter((item) => hazardCriteriaItemApplies(list, item, sectors)),
    }))
    .filter((section) => section.items.length > 0);
  return matching.length > 0 ? matching : lists.map((list) => ({ list, items: list.items }));
}

/**
 * The level the report will get (原总局令第16号): 重大 when any statutory criterion is ticked or a
 * reason for 重大 is given, otherwise 一般. The server decides again; this drives the form.
 */
export function levelOfReport(ticked: readonly string[], judgement: string | undefined): HiddenHazardLevel {
  return ticked.length > 0 || Boolean(judgement?.trim()) ? 'major' : 'general';
}
