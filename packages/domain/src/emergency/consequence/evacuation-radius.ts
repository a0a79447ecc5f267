import type { ThresholdTier } from './consequence-chemicals.ts';
import type { BilingualText } from './consequence-model-info.ts';
import type { ThreatZoneStatus } from './threat-zone-shape.ts';

/**
 * A suggested evacuation radius from the toxic or flammable zones (consequence-models.md §1.10,
 * following ALOHA and the Emergency Response Guidebook):
 *
 * - isolation radius = downwind extent of the most severe zone (AEGL-3 tier), never less than a fixed
 *   minimum — by default 100 m, the ERG's precautionary isolation "at least 100 m in all directions"
 *   for toxic-by-inhalation and flammable gases (guides 115, 117, 124, 125; recalled, to be checked
 *   against the ERG in use);
 * - protective-action distance = downwind extent of the AEGL-2-tier zone; without a tier-2 zone the
 *   least severe zone given (10 % LEL for flammable clouds), which is the more cautious choice;
 * - suggested evacuation radius = the larger of the two, rounded up to 10 m, drawn as a circle round
 *   the source because the wind can turn.
 */
export const defaultMinimumIsolationM = 100;

export interface ZoneForEvacuation {
  readonly tier: ThresholdTier;
  readonly label: string;
  readonly status: ThreatZoneStatus;
  readonly endM: number;
}

export interface EvacuationSuggestion {
  readonly isolationRadiusM: number;
  readonly protectiveActionDistanceM: number;
  readonly suggestedEvacuationRadiusM: number;
  /** Label of the zone the protective-action distance comes from; null without zones. */
  readonly protectiveBasis: string | null;
  /** True when that zone runs past the model's 100 km: the radius is a lower bound. */
  readonly lowerBoundOnly: boolean;
  readonly rule: BilingualText;
}

export const evacuationRule: BilingualText = {
  zh:
    '隔离半径取最严重区域（AEGL-3 级）下风向距离，且不小于最小隔离距离（默认 100 m，ERG 初始隔离）；防护行动距离取 AEGL-2 级区域下风向距离（无则取最不严重的区域）；' +
    '建议疏散半径取两者较大值并向上取整到 10 m，以泄漏源为圆心（考虑风向变化）',
  en:
    'Isolation radius = downwind extent of the most severe (AEGL-3-tier) zone, at least the minimum isolation ' +
    'distance (100 m by default, the ERG precautionary isolation); protective-action distance = downwind ' +
    'extent of the AEGL-2-tier zone (else the least severe zone); suggested evacuation radius = the larger, ' +
    'rounded up to 10 m, as a circle round the source because the wind can turn',
};

function protectiveZone(zones: readonly ZoneForEvacuation[]): ZoneForEvacuation | undefined {
  const tierTwo = zones.find((zone) => zone.tier === 2);
  if (tierTwo !== undefined) return tierTwo;
  return [...zones].sort((a, b) => a.tier - b.tier)[0];
}

export function suggestEvacuation(
  zones: readonly ZoneForEvacuation[],
  minimumIsolationM = defaultMinimumIsolationM,
): EvacuationSuggestion {
  const mostSevere = [...zones].sort((a, b) => b.tier - a.tier)[0];
  const isolationRadiusM = Math.max(minimumIsolationM, mostSevere?.endM ?? 0);
  const protective = protectiveZone(zones);
  const protectiveActionDistanceM = protective?.endM ?? 0;
  const radius = Math.max(isolationRadiusM, protectiveActionDistanceM);
  return {
    isolationRadiusM,
    protectiveActionDistanceM,
    suggestedEvacuationRadiusM: Math.ceil(radius / 10 - 1e-9) * 10,
    protectiveBasis: protective?.label ?? null,
    lowerBoundOnly: zones.some((zone) => zone.status === 'beyond_model_range'),
    rule: evacuationRule,
  };
}
