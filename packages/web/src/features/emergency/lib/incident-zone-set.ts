import type { IncidentZoneSetInput } from '@anjian/domain';
import type { ConsequenceDraft, ConsequenceOutcome } from './incident-consequence.ts';
import type { LonLat } from './incident-geo.ts';

/**
 * What the command records when it keeps a computed consequence: the zones that were drawn (a level
 * not reached has no shape and is left out), the evacuation circle's radius, and the inputs.
 */
export function zoneSetInputOf(
  outcome: ConsequenceOutcome,
  draft: ConsequenceDraft,
  site: LonLat,
  summary: string,
): IncidentZoneSetInput {
  const zones = outcome.zones.flatMap((zone) => {
    const shape = zone.shape;
    if (!shape) return [];
    return [
      {
        key: zone.key,
        label: { zh: zone.label.zh, en: zone.label.en },
        colour: zone.colour,
        extentM: zone.extentM,
        shape:
          shape.kind === 'polygon'
            ? {
                kind: 'polygon' as const,
                ring: shape.ring.map(([lon, lat]) => [lon, lat] as [number, number]),
              }
            : {
                kind: 'circle' as const,
                centre: [shape.centre[0], shape.centre[1]] as [number, number],
                radiusM: shape.radiusM,
              },
      },
    ];
  });
  return {
    model: { id: outcome.model.id, zh: outcome.model.zh, en: outcome.model.en },
    inputs: JSON.parse(JSON.stringify(draft)) as Record<string, unknown>,
    centre: [site[0], site[1]],
    zones,
    evacuationRadiusM: outcome.evacuationRadiusM,
    summary: summary.slice(0, 2000),
  };
}
