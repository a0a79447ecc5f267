import { describe, expect, it } from 'vitest';
import {
  bleveRequestSchema,
  calculateBleve,
  calculateFootprint,
  calculateVce,
  footprintRequestSchema,
  vceRequestSchema,
} from '@anjian/domain';
import {
  consequenceCall,
  consequenceOutcome,
  consequenceSummary,
  scenariosFor,
  type ConsequenceDraft,
} from './incident-consequence.ts';
import { distanceM, pointInZone, type LonLat } from './incident-geo.ts';

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
    { tier: 1, standard: 'AEGL-1', value: null, unit: 'ppm' },
  ],
  overpressureKpa: [44, 17],
  thermalThresholds: [
    { fluxKwPerM2: 10, exposureS: 60 },
    { fluxKwPerM2: 5, exposureS: 60 },
    { fluxKwPerM2: 2, exposureS: 60 },
  ],
};

describe('consequenceCall', () => {
  it('asks the footprint calculator for a continuous release with the typed weather', () => {
    const call = consequenceCall(draft, site);
    expect(call.path).toBe('/calc/consequence/footprint');
    expect(footprintRequestSchema.parse(call.body)).toMatchObject({
      chemical: '氯',
      release: { kind: 'continuous', rateKgPerS: 2 },
      source: [102.55, 24.3],
      weather: { windSpeedMPerS: 3, windFromDeg: 270, stability: 'D', terrain: 'rural' },
    });
  });

  it('sends the sky instead of a class when the officer gives insolation or cloud', () => {
    const day = consequenceCall({ ...draft, stability: { mode: 'day', insolation: 'strong' } }, site);
    expect((day.body.weather as { stability: unknown }).stability).toEqual({
      period: 'day',
      insolation: 'strong',
    });
    const night = consequenceCall(
      { ...draft, scenario: 'instantaneous', stability: { mode: 'night', cloud: 'clear' } },
      site,
    );
    expect(footprintRequestSchema.parse(night.body).release).toEqual({ kind: 'instantaneous', massKg: 500 });
  });

  it('builds valid explosion and fire requests', () => {
    const vce = consequenceCall({ ...draft, scenario: 'vce', chemical: '液化石油气' }, site);
    expect(vce.path).toBe('/calc/consequence/vce');
    expect(vceRequestSchema.parse(vce.body).fuelMassKg).toBe(1000);
    const pool = consequenceCall({ ...draft, scenario: 'pool_fire', chemical: '汽油' }, site);
    expect(pool).toEqual({
      path: '/calc/consequence/pool-fire',
      body: {
        chemical: '汽油',
        poolDiameterM: 10,
        thresholds: [
          { fluxKwPerM2: 10, exposureS: 60 },
          { fluxKwPerM2: 5, exposureS: 60 },
          { fluxKwPerM2: 2, exposureS: 60 },
        ],
      },
    });
  });

  it("sends the typed levels: kPa to the VCE, kW/m² to fires, a concentration of one's own to the plume", () => {
    const vce = consequenceCall(
      { ...draft, scenario: 'vce', chemical: '液化石油气', overpressureKpa: [55, 6.9] },
      site,
    );
    expect(vceRequestSchema.parse(vce.body).thresholdsKpa).toEqual([55, 6.9]);
    const bleve = consequenceCall(
      {
        ...draft,
        scenario: 'bleve',
        chemical: '液化石油气',
        thermalThresholds: [{ fluxKwPerM2: 37.5, exposureS: 20 }],
      },
      site,
    );
    expect(bleveRequestSchema.parse(bleve.body).thresholds).toEqual([{ fluxKwPerM2: 37.5, exposureS: 20 }]);
    // Gasoline has no standard level: a plume with a level in mg/m³ is computed, not refused.
    const petrol = consequenceCall(
      {
        ...draft,
        chemical: '汽油',
        dispersionThresholds: [{ tier: 3, standard: null, value: 40_000, unit: 'mg_per_m3' }],
      },
      site,
    );
    const answer = calculateFootprint(footprintRequestSchema.parse(petrol.body));
    expect(answer.zones.map((z) => [z.threshold.id, z.threshold.mgPerM3, z.status])).toEqual([
      ['custom', 40_000, 'reached'],
    ]);
  });
});

describe('consequenceOutcome', () => {
  it('draws a chlorine plume downwind (east for a west wind) with red, orange, yellow zones', () => {
    const call = consequenceCall(draft, site);
    const answer = calculateFootprint(footprintRequestSchema.parse(call.body));
    const outcome = consequenceOutcome('continuous', answer, site);
    expect(outcome.zones.map((z) => z.colour)).toEqual(['red', 'orange', 'yellow']);
    expect(outcome.downwindBearingDeg).toBe(90);
    expect(outcome.evacuationRadiusM).toBe(answer.evacuation.suggestedEvacuationRadiusM);
    expect(outcome.warnings.length).toBeGreaterThan(0); // chlorine is a dense gas
    const red = outcome.zones[0]!;
    expect(red.shape?.kind).toBe('polygon');
    // A point half-way down the red zone east of the site is inside it; the same distance west is not.
    const dLon = red.extentM / 2 / distanceM(site, [site[0] + 1, site[1]]);
    expect(pointInZone([site[0] + dLon, site[1]], red.shape!)).toBe(true);
    expect(pointInZone([site[0] - dLon, site[1]], red.shape!)).toBe(false);
  });

  it('draws explosion levels as circles and evacuates to the outermost one', () => {
    const answer = calculateVce(vceRequestSchema.parse({ chemical: '液化石油气', fuelMassKg: 1000 }));
    const outcome = consequenceOutcome('vce', answer, site);
    const reached = answer.zones.filter((z) => z.status === 'reached');
    expect(outcome.zones.filter((z) => z.shape).length).toBe(reached.length);
    expect(outcome.zones[0]!.shape).toEqual({
      kind: 'circle',
      centre: site,
      radiusM: answer.zones[0]!.radiusM,
    });
    const outer = Math.max(...reached.map((z) => z.radiusM));
    expect(outcome.evacuationRadiusM).toBe(Math.ceil(outer / 10) * 10);
    expect(outcome.downwindBearingDeg).toBeNull();
  });

  it('lists a BLEVE level that is never reached without drawing it', () => {
    const answer = calculateBleve(
      bleveRequestSchema.parse({
        chemical: '液化石油气',
        fuelMassKg: 10000,
        thresholds: [{ fluxKwPerM2: 900, exposureS: 60 }, { fluxKwPerM2: 5 }],
      }),
    );
    const outcome = consequenceOutcome('bleve', answer, site);
    expect(outcome.zones.map((z) => z.shape === null)).toEqual([true, false]);
    expect(outcome.model.assumptions.length).toBeGreaterThan(0);
  });
});

describe('scenariosFor', () => {
  it('offers fires and explosions only for flammable chemicals', () => {
    expect(scenariosFor('toxic')).toEqual(['continuous', 'instantaneous']);
    expect(scenariosFor('flammable')).toContain('bleve');
  });
});

describe('consequenceSummary', () => {
  it('records the chemical, release, wind, each zone and the evacuation radius in one line', () => {
    const answer = calculateFootprint(footprintRequestSchema.parse(consequenceCall(draft, site).body));
    const outcome = consequenceOutcome('continuous', answer, site);
    const line = consequenceSummary(draft, outcome, '西风');
    expect(line.startsWith(`辅助决策（${answer.model.zh}）：氯持续泄漏 2 kg/s，西风 3 m/s；`)).toBe(true);
    expect(line.endsWith(`建议疏散半径 ${outcome.evacuationRadiusM} m`)).toBe(true);
    expect(line).toContain(`${answer.zones[0]!.threshold.label} ${Math.round(answer.zones[0]!.endM)} m`);
  });
});
