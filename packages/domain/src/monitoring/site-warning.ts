import { type WarningColour, warningColourRank } from './monitoring-terms.ts';
import type { MonitoringPointType } from './point-types.ts';
import type { RollupPreset } from './rollup-presets.ts';
import { type RollupReason, rollUpLevel } from './rollup.ts';

export interface SiteWarningPoint {
  readonly id: string;
  readonly type: MonitoringPointType;
  /** The point's own level: the most severe colour among its firing alarms (pointWarningColour). */
  readonly level: WarningColour | null;
}

export interface ItemWarning {
  /** Monitored item: an item group (e.g. dam_displacement) or a point type. */
  readonly item: string;
  readonly level: WarningColour | null;
  readonly reasons: readonly RollupReason[];
}

export interface SiteWarning {
  readonly level: WarningColour | null;
  readonly presetId: string;
  readonly presetVersion: number;
  /** Why: which points (and items), which rule. Empty when the site has no warning. */
  readonly reasons: readonly RollupReason[];
  /** Monitored items with a warning level (two-tier presets only), most severe first. */
  readonly items: readonly ItemWarning[];
}

function itemOf(preset: RollupPreset, type: MonitoringPointType): string {
  const group = Object.entries(preset.itemGroups ?? {}).find(([, types]) => types.includes(type));
  return group ? group[0] : type;
}

function rollUpItems(points: readonly SiteWarningPoint[], preset: RollupPreset): ItemWarning[] {
  const items = new Map<string, SiteWarningPoint[]>();
  for (const point of points) {
    const item = itemOf(preset, point.type);
    items.set(item, [...(items.get(item) ?? []), point]);
  }
  return [...items.entries()].map(([item, members]) => ({
    item,
    ...rollUpLevel(members, preset.pointRules),
  }));
}

/** The four-colour warning of a site (a tailings pond or a major hazard source) with its reasons. */
export function rollUpSite(points: readonly SiteWarningPoint[], preset: RollupPreset): SiteWarning {
  const header = { presetId: preset.id, presetVersion: preset.version };
  if (!preset.itemRules) return { ...header, ...rollUpLevel(points, preset.pointRules), items: [] };
  const items = rollUpItems(points, preset);
  const children = items.map((item) => ({
    id: item.item,
    level: item.level,
    points: [...new Set(item.reasons.flatMap((reason) => reason.points))],
  }));
  const site = rollUpLevel(children, preset.itemRules);
  const warned = items
    .filter((item) => item.level !== null)
    .sort((a, b) => warningColourRank(b.level) - warningColourRank(a.level) || (a.item < b.item ? -1 : 1));
  return { ...header, ...site, items: warned };
}
