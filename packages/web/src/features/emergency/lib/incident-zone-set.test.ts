import { describe, expect, it } from 'vitest';
import {
  calculateFootprint,
  calculateVce,
  footprintRequestSchema,
  incidentZoneSetInputSchema,
  vceRequestSchema,
} from '@anjian/domain';
import { consequenceCall, consequenceOutcome, type ConsequenceDraft } from './incident-consequence.ts';
import type { LonLat } from './incident-geo.ts';
import { zoneSetInputOf } from './incident-zone-set.ts';

const site: LonLat = [102.55, 24.3];
const draft: ConsequenceDraft = {
  scenario: 'continuous',
  chemical: '氯',
  rateKgPerS: 2,
  massKg: 500,
  releaseHeightM: 0,
  fuelMassKg: 1000,
  poolDiameterM: 10,
  windSpeedMPerS: 3,
  windFromDeg: 270,
  stability: { mode: 'class', stabilityClass: 'D' },
  terrain: 'rural',
  dispersionThresholds: [
    { tier: 3, standard: 'AEGL-3', value: null, unit: 'ppm' },
    { tier: 2, standard: 'AEGL-2', value: null, unit: 'ppm' },
  ],
  overpressureKpa: [44, 17],
  thermalThresholds: [{ fluxKwPerM2: 5, exposureS: 60 }],
};

describe('recording the computed zones with the incident', () => {
  it('keeps the drawn plume polygons, the evacuation radius and the inputs, in the API’s shape', () => {
    const answer = calculateFootprint(footprintRequestSchema.parse(consequenceCall(draft, site).body));
    const outcome = consequenceOutcome('continuous', answer, site);
    const input = zoneSetInputOf(outcome, draft, site, '氯气泄漏后果区域');
    expect(incidentZoneSetInputSchema.parse(input)).toEqual(input);
    expect(input.zones.map((z) => z.shape.kind)).toEqual(
      outcome.zones.filter((z) => z.shape).map(() => 'polygon'),
    );
    expect(input.evacuationRadiusM).toBe(answer.evacuation.suggestedEvacuationRadiusM);
    expect(input.inputs).toMatchObject({ chemical: '氯', rateKgPerS: 2, windFromDeg: 270 });
    expect(input.centre).toEqual([102.55, 24.3]);
  });

  it('leaves out the explosion levels not reached, and keeps the reached ones as circles', () => {
    const answer = calculateVce(vceRequestSchema.parse({ chemical: '液化石油气', fuelMassKg: 1000 }));
    const outcome = consequenceOutcome('vce', answer, site);
    const input = zoneSetInputOf(outcome, { ...draft, scenario: 'vce' }, site, '爆炸');
    const reached = answer.zones.filter((z) => z.status === 'reached');
    expect(input.zones).toHaveLength(reached.length);
    expect(input.zones[0]!.shape).toEqual({
      kind: 'circle',
      centre: [102.55, 24.3],
      radiusM: reached[0]!.radiusM,
    });
    expect(incidentZoneSetInputSchema.safeParse(input).success).toBe(true);
  });
});
