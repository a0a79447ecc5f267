import { describe, expect, it } from 'vitest';
import { calculatePoolFire } from './pool-fire-calculator.ts';
import { poolFireRequestSchema, poolFireResponseSchema } from './pool-fire.schema.ts';
import {
  burgessBurningRate,
  poolFireDistanceForFlux,
  poolFireFluxKw,
  thomasFlameHeightM,
} from './pool-fire.ts';

// The reference gives the pool-fire formulas ([R], §1.7) but no published worked example, so these
// are hand evaluations of those formulas ([F]): a 10 m gasoline pool, m″ = 0.055 kg/m²/s, ΔHc = 43.7
// MJ/kg, η_r = 0.35, τ = 1 → Qr = 0.35 · 0.055 · 78.54 m² · 43.7 MJ/kg = 66.07 MW.
const gasoline = {
  diameterM: 10,
  burningRateKgPerM2S: 0.055,
  heatOfCombustionMjPerKg: 43.7,
  radiativeFraction: 0.35,
  transmissivity: 1,
};

function poolFire(body: Record<string, unknown>) {
  const response = calculatePoolFire(poolFireRequestSchema.parse(body));
  expect(poolFireResponseSchema.safeParse(response).success).toBe(true);
  return response;
}

describe('pool-fire formulas', () => {
  it('gives q = τ Qr / (4π x²): 2.103 kW/m² at 50 m', () => {
    expect(poolFireFluxKw(gasoline, 50)).toBeCloseTo(2.1031, 4);
  });

  it.each([
    [10, 22.93],
    [5, 32.43],
    [2, 51.27],
  ])('reaches %s kW/m² at %s m', (q, x) => {
    expect(poolFireDistanceForFlux(gasoline, q)).toBeCloseTo(x, 2);
  });

  it('gives the Thomas flame height L = 42 D (m″/(ρa √(gD)))^0.61 = 15.82 m', () => {
    expect(thomasFlameHeightM(10, 0.055, 1.2)).toBeCloseTo(15.817, 3);
  });

  it('estimates the burning rate by Burgess, dropping cp(Tb − Ta) for a refrigerated liquid', () => {
    // n-hexane-like: 0.001 · 44 700 / (2.26 · 49 + 335) = 0.1003 kg/m²/s.
    expect(burgessBurningRate(44_700, 335, 2.26, 69, 20)).toBeCloseTo(0.10028, 5);
    // LNG-like, Tb = −162 °C below ambient: 0.001 · 50 000 / 510 = 0.0980.
    expect(burgessBurningRate(50_000, 510, 3.5, -162, 20)).toBeCloseTo(0.09804, 5);
  });
});

describe('calculatePoolFire', () => {
  it('uses the table burning rate and heat of combustion for gasoline', () => {
    const result = poolFire({ chemical: '汽油', poolDiameterM: 10, distancesM: [50] });
    expect(result).toMatchObject({
      burningRateKgPerM2S: 0.055,
      burningRateSource: 'table',
      heatOfCombustionMjPerKg: 43.7,
    });
    expect(result.radiatedPowerMw).toBeCloseTo(66.07, 2);
    expect(result.heatReleaseRateMw).toBeCloseTo(188.77, 2);
    expect(result.flameHeightM).toBeCloseTo(15.82, 2);
    expect(result.zones.map((z) => z.distanceM)).toEqual([
      expect.closeTo(22.93, 2),
      expect.closeTo(32.43, 2),
      expect.closeTo(51.27, 2),
    ]);
    // 2.103 kW/m² for 60 s: 161.7 TDU, Eisenberg Y = −1.88 → no lethality.
    expect(result.receptors[0]?.doseTdu).toBeCloseTo(161.67, 1);
    expect(result.receptors[0]?.fatalityProbability).toBeLessThan(1e-10);
  });

  it('warns within 1.5 pool diameters (engulfment) and within 5 diameters (point source inaccurate)', () => {
    const result = poolFire({ chemical: '汽油', poolDiameterM: 10, distancesM: [10, 40, 60] });
    const codes = result.warnings.map((w) => [w.code, w.details.distanceM]);
    expect(codes).toEqual([
      ['point_source_near_field', 23],
      ['point_source_near_field', 32],
      ['within_1_5_pool_diameters', 10],
      ['point_source_near_field', 40],
    ]);
  });

  it('accepts an area instead of a diameter and a Burgess burning rate', () => {
    const result = poolFire({
      chemical: 'gasoline',
      poolAreaM2: 100,
      burningRate: { heatOfVaporisationKjPerKg: 335, specificHeatKjPerKgK: 2.26, boilingPointC: 69 },
    });
    expect(result.poolDiameterM).toBeCloseTo(Math.sqrt(400 / Math.PI), 12);
    expect(result.burningRateSource).toBe('burgess');
    expect(result.burningRateKgPerM2S).toBeCloseTo((0.001 * 43_700) / (2.26 * 49 + 335), 12);
  });

  it('needs a burning rate for a fuel without one in the table', () => {
    expect(() => poolFire({ chemical: 'acetylene', poolDiameterM: 5 })).toThrow(
      'calc.consequence_invalid_input',
    );
    expect(poolFire({ chemical: 'acetylene', poolDiameterM: 5, burningRate: 0.1 }).burningRateSource).toBe(
      'given',
    );
  });

  it('refuses a request with both or neither of diameter and area', () => {
    expect(poolFireRequestSchema.safeParse({ chemical: '汽油' }).success).toBe(false);
    expect(
      poolFireRequestSchema.safeParse({ chemical: '汽油', poolDiameterM: 1, poolAreaM2: 1 }).success,
    ).toBe(false);
  });
});
