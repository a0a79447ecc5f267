import { describe, expect, it } from 'vitest';
import {
  fireballDistanceForFlux,
  fireballFluxKw,
  fireballGeometry,
  fireballViewFactor,
} from './bleve-fireball.ts';
import { calculateBleve } from './bleve-calculator.ts';
import { bleveRequestSchema, bleveResponseSchema } from './bleve.schema.ts';
import { equalDoseFluxKw } from './thermal-thresholds.ts';

// Worked example E1 (consequence-models.md §1.7 [V]), published by A. Srivastava, "BLEVE Fireball
// Dia, Duration and Radiation Estimation" (scribd.com/document/529343808): a 22.7 m³ propane road
// tanker, 90 % full at 585.3 kg/m³, all propane in the fireball, receptor 100 m away, E = 350 kW/m².
// Printed: mf = 11957.7 kg, Dc = 132.6 m, tc = 10.3 s, Fv = 0.255, q = 89.1 kW/m². The tolerance is
// half a unit of the last printed digit.
const mass = 22.7 * 585.3 * 0.9;
const solid = { kind: 'solid_flame' as const, emissivePowerKwPerM2: 350, transmissivity: 1 };

describe('BLEVE fireball, worked example E1', () => {
  it('has the fuel mass, diameter and duration of the example', () => {
    expect(mass).toBeCloseTo(11957.7, 1);
    const g = fireballGeometry(mass);
    expect(Math.abs(g.diameterM - 132.6)).toBeLessThan(0.05);
    expect(Math.abs(g.durationS - 10.3)).toBeLessThan(0.05);
    expect(g.liftOffHeightM).toBeCloseTo(0.75 * g.diameterM, 12);
  });

  it('has the view factor 0.255 and the flux 89.1 kW/m² at 100 m', () => {
    const { radiusM } = fireballGeometry(mass);
    expect(Math.abs(fireballViewFactor(radiusM, 100) - 0.255)).toBeLessThan(0.0005);
    expect(Math.abs(fireballFluxKw(mass, solid, 100) - 89.1)).toBeLessThan(0.05);
  });

  it('switches the duration to 2.6 M^{1/6} at 30 t (CCPS)', () => {
    expect(fireballGeometry(29_999).durationS).toBeCloseTo(0.45 * 29_999 ** (1 / 3), 12);
    expect(fireballGeometry(30_000).durationS).toBeCloseTo(2.6 * 30_000 ** (1 / 6), 12);
  });

  it('holds the view factor at its peak under the fireball (X < R/√2)', () => {
    const { radiusM } = fireballGeometry(mass);
    const peak = fireballViewFactor(radiusM, radiusM / Math.SQRT2);
    expect(peak).toBeCloseTo(2 / 3 ** 1.5, 12);
    expect(fireballViewFactor(radiusM, 0)).toBe(peak);
  });

  it('inverts the flux by bisection: the distance to 89.1 kW/m² is 100 m', () => {
    expect(fireballDistanceForFlux(mass, solid, fireballFluxKw(mass, solid, 100))).toBeCloseTo(100, 6);
    expect(fireballDistanceForFlux(mass, solid, 200)).toBeNull();
  });

  it('gives the Hymes point-source flux 2.2 τ η_r ΔHc M^0.67 / (4π L²), L² = X² + R²', () => {
    // Hand-evaluated for E1 with propane 46.35 MJ/kg, η_r 0.3: 91.22 kW/m² at X = 100 m.
    const point = {
      kind: 'point_source' as const,
      heatOfCombustionMjPerKg: 46.35,
      radiativeFraction: 0.3,
      transmissivity: 1,
    };
    expect(fireballFluxKw(mass, point, 100)).toBeCloseTo(91.22, 2);
  });
});

describe('calculateBleve', () => {
  function bleve(body: Record<string, unknown>) {
    const response = calculateBleve(bleveRequestSchema.parse(body));
    expect(bleveResponseSchema.safeParse(response).success).toBe(true);
    return response;
  }

  it('compares the ALOHA 60 s levels with the fireball by equal dose: 10 kW/m² for 60 s ≙ 37.5 kW/m² for 10.3 s', () => {
    const result = bleve({ chemical: '丙烷', fuelMassKg: mass, distancesM: [100] });
    expect(result.zones.map((z) => z.equivalentFluxKwPerM2)).toEqual([
      expect.closeTo(37.52, 2),
      expect.closeTo(18.76, 2),
      expect.closeTo(7.505, 2),
    ]);
    // Hand-evaluated by bisection on q = 350 F(X) (4 significant figures).
    expect(result.zones.map((z) => z.distanceM)).toEqual([
      expect.closeTo(185.0, 1),
      expect.closeTo(274.5, 1),
      expect.closeTo(445.5, 1),
    ]);
    expect(result.zones[0]?.label.en).toBe('Potentially lethal within 60 s (ALOHA)');
    expect(result.maxFluxKwPerM2).toBeCloseTo(134.7, 1);
  });

  it('gives dose and Eisenberg fatality probability at 100 m: 4095 TDU, P = 0.918', () => {
    const [r] = bleve({ fuelMassKg: mass, distancesM: [100] }).receptors;
    expect(r?.fluxKwPerM2).toBeCloseTo(89.1, 1);
    expect(r?.viewFactor).toBeCloseTo(0.2546, 4);
    expect(r?.doseTdu).toBeCloseTo(4094.8, 0);
    expect(r?.fatalityProbability).toBeCloseTo(0.918, 3);
  });

  it('is the RMP equal-dose endpoint: 5 kW/m² for 40 s → 5000 (40/t)^{3/4} W/m²', () => {
    const t = fireballGeometry(mass).durationS;
    expect(equalDoseFluxKw({ fluxKwPerM2: 5, exposureS: 40 }, t)).toBeCloseTo(5 * (40 / t) ** 0.75, 12);
  });

  it('warns of a receptor under the fireball', () => {
    const result = bleve({ fuelMassKg: mass, distancesM: [30] });
    expect(result.warnings.map((w) => w.code)).toEqual(['under_fireball']);
  });

  it('needs a heat of combustion for the point-source model', () => {
    expect(() => bleve({ fuelMassKg: 1000, radiationModel: 'point_source' })).toThrow(
      'calc.consequence_not_flammable',
    );
    expect(bleve({ chemical: 'LPG', fuelMassKg: 1000, radiationModel: 'point_source' }).model.id).toBe(
      'bleve_fireball_point_source',
    );
  });
});
