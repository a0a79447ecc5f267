import type { MonitoringPointType } from './point-types.ts';
import type { RollupRule } from './rollup.ts';

/**
 * A roll-up policy for one kind of site. With `itemRules`, points are first grouped into monitored
 * items (监测项目: by point type, or by `itemGroups`) and each item is rolled up with `pointRules`;
 * the items are then rolled up to the site with `itemRules`. Without, points roll up to the site
 * with `pointRules` directly.
 */
export interface RollupPreset {
  readonly id: string;
  readonly version: number;
  readonly name: { readonly zh: string; readonly en: string };
  readonly pointRules: readonly RollupRule[];
  readonly itemRules?: readonly RollupRule[];
  /** Point types that form one monitored item; a type not listed is an item of its own. */
  readonly itemGroups?: Readonly<Record<string, readonly MonitoringPointType[]>>;
  /** Where each rule comes from. */
  readonly basis: string;
}

const rule = (
  id: string,
  count: number,
  atLeast: RollupRule['atLeast'],
  makes: RollupRule['makes'],
): RollupRule => ({
  id,
  count,
  atLeast,
  makes,
});

/**
 * Tailings ponds (尾矿库), GB 39496-2020 §5.5.4 (standards.md §5.3):
 * - within one monitored item, 4 points at blue → the item is yellow, 3 at yellow → orange,
 *   2 at orange → red [V1];
 * - across items, 4 items at blue count as one item at yellow [V1]; "3 yellow items → orange,
 *   2 orange items → red" is the reference's inference by analogy [M — verify against the text];
 * - dam displacement is one item whether measured on the surface or inside the dam (§5.2 lists
 *   "dam displacement (surface and internal …)" as one item).
 */
export const tailingsRollupPreset: RollupPreset = Object.freeze<RollupPreset>({
  id: 'tailings-gb39496',
  version: 1,
  name: { zh: '尾矿库（GB 39496-2020 §5.5.4）', en: 'Tailings pond (GB 39496-2020 §5.5.4)' },
  pointRules: [
    rule('item-2-orange-red', 2, 'orange', 'red'),
    rule('item-3-yellow-orange', 3, 'yellow', 'orange'),
    rule('item-4-blue-yellow', 4, 'blue', 'yellow'),
  ],
  itemRules: [
    rule('site-2-orange-red', 2, 'orange', 'red'),
    rule('site-3-yellow-orange', 3, 'yellow', 'orange'),
    rule('site-4-blue-yellow', 4, 'blue', 'yellow'),
  ],
  itemGroups: { dam_displacement: ['surface_displacement', 'internal_displacement'] },
  basis:
    'GB 39496-2020 §5.5.4: item rules and "4 blue items → yellow" V1; site 3 yellow → orange and ' +
    '2 orange → red inferred by analogy (standards.md §5.3, M)',
});

/**
 * Major hazard sources of hazardous chemicals (危险化学品重大危险源). No national roll-up rule was
 * found (standards.md §6.4 NF); our choice, one tier over all points of the source:
 * - a red point makes the source red (own level);
 * - 2 points at orange → red: two level-2 (二级) gas alarms mean a release large enough to reach
 *   several detectors;
 * - 2 points at yellow → orange: two detectors agreeing (as in 2ooN voting) make a level-1 release
 *   credible, where one alone may be a faulty detector;
 * - 3 points at blue → yellow: H/L deviations are frequent and noisy (the national system cut its
 *   daily alarms by 80 %, peer-systems.md), so it takes three at once.
 * The counts are smaller than the tailings ones because the points of one source sit metres apart
 * and watch one process, where a dam's points spread over hundreds of metres.
 */
export const hazardousChemicalRollupPreset: RollupPreset = Object.freeze<RollupPreset>({
  id: 'hazchem-default',
  version: 1,
  name: {
    zh: '危险化学品重大危险源（平台默认）',
    en: 'Hazardous-chemical major hazard source (platform default)',
  },
  pointRules: [
    rule('hazchem-2-orange-red', 2, 'orange', 'red'),
    rule('hazchem-2-yellow-orange', 2, 'yellow', 'orange'),
    rule('hazchem-3-blue-yellow', 3, 'blue', 'yellow'),
  ],
  basis: 'Platform assumption, no national rule found (standards.md §6.4 NF); configurable per bureau',
});

/**
 * Geological-hazard sites and forest-fire risk areas (decision 0006). No national roll-up rule for a
 * site's monitoring points was found; our choice: a point's own colour carries, and two points that
 * agree raise the site one step — heavy rain together with movement of the slope (降雨 + 变形) is
 * what the 群测群防 practice treats as the trigger of a landslide, where either alone may not be.
 */
export const naturalHazardRollupPreset: RollupPreset = Object.freeze<RollupPreset>({
  id: 'geohazard-default',
  version: 1,
  name: { zh: '地质灾害隐患点（平台默认）', en: 'Geological-hazard site (platform default)' },
  pointRules: [
    rule('geohazard-2-orange-red', 2, 'orange', 'red'),
    rule('geohazard-2-yellow-orange', 2, 'yellow', 'orange'),
  ],
  basis: 'Platform assumption, no national rule found; configurable per bureau',
});
