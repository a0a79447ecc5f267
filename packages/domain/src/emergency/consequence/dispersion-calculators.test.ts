import { describe, expect, it } from 'vitest';
import { ConsequenceError } from './consequence.errors.ts';
import { calculatePlume } from './plume-calculator.ts';
import { plumeRequestSchema, plumeResponseSchema } from './plume.schema.ts';
import { calculatePuff } from './puff-calculator.ts';
import { puffRequestSchema, puffResponseSchema } from './puff.schema.ts';

function plume(body: Record<string, unknown>) {
  const response = calculatePlume(plumeRequestSchema.parse(body));
  expect(plumeResponseSchema.safeParse(response).success).toBe(true);
  return response;
}

function puff(body: Record<string, unknown>) {
  const response = calculatePuff(puffRequestSchema.parse(body));
  expect(puffResponseSchema.safeParse(response).success).toBe(true);
  return response;
}

const ccpsWeather = { windSpeedMPerS: 2, stability: 'F' };

describe('calculatePlume', () => {
  it('gives the CCPS p. 97 concentration, 117.2 mg/m³ = 95.6 ppm of a 30 g/mol gas at 500 m', () => {
    // Briggs rural F, hand-evaluated (gaussian-plume.test.ts); CCPS's printed answer not retrieved.
    const result = plume({
      molarMassGPerMol: 30,
      emissionRateKgPerS: 0.1,
      weather: ccpsWeather,
      receptors: [{ x: 500 }],
    });
    const [receptor] = result.receptors;
    expect(receptor?.sigmaYM).toBeCloseTo(19.518, 3);
    expect(receptor?.sigmaZM).toBeCloseTo(6.9565, 4);
    expect(receptor?.concentration.mgPerM3).toBeCloseTo(117.2175, 3);
    expect(receptor?.concentration.ppm).toBeCloseTo(95.59, 2);
    expect(result.chemical).toBeNull();
    expect(result.peakGroundConcentration).toBeNull();
    expect(result.model.id).toBe('gaussian_plume_briggs_rural');
  });

  it('finds the distance to a threshold: 117.2175 mg/m³ is reached at 500 m', () => {
    const result = plume({
      emissionRateKgPerS: 0.1,
      weather: ccpsWeather,
      thresholds: [{ concentrationMgPerM3: 117.2175497453, tier: 2 }],
    });
    expect(result.zones[0]?.endM).toBeCloseTo(500, 4);
  });

  it('reports the ground-level maximum of an elevated release near σz = H/√2', () => {
    const result = plume({
      chemical: 'SO2',
      emissionRateKgPerS: 1,
      releaseHeightM: 50,
      weather: { windSpeedMPerS: 4, stability: 'D' },
    });
    const peak = result.peakGroundConcentration;
    expect(peak).not.toBeNull();
    // σz(x) = 50/√2 = 35.4 m for rural D at x ≈ 880 m; the maximum of C lies near there (§1.4 "roughly").
    expect(peak?.distanceM).toBeGreaterThan(600);
    expect(peak?.distanceM).toBeLessThan(1300);
    expect(result.weather.transportWindSpeedMPerS).toBeCloseTo(4 * 5 ** 0.15, 10);
  });

  it('names chlorine and warns that it is dense; warns of receptors outside 100 m–10 km', () => {
    const result = plume({
      chemical: '氯',
      emissionRateKgPerS: 1,
      weather: ccpsWeather,
      receptors: [{ x: 50 }, { x: 20_000 }],
    });
    expect(result.chemical?.key).toBe('chlorine');
    expect(result.warnings.map((w) => w.code)).toEqual(['dense_gas', 'within_100_m', 'beyond_10_km']);
  });

  it('treats a bare molar mass above 33 g/mol as a dense gas', () => {
    const result = plume({ molarMassGPerMol: 44, emissionRateKgPerS: 1, weather: ccpsWeather });
    expect(result.warnings.map((w) => w.code)).toContain('dense_gas');
  });

  it('gives ppm only when the molar mass is known', () => {
    const result = plume({ emissionRateKgPerS: 0.1, weather: ccpsWeather, receptors: [{ x: 500 }] });
    expect(result.receptors[0]?.concentration.ppm).toBeNull();
  });

  it('refuses a standard threshold without a chemical', () => {
    expect(() => plume({ emissionRateKgPerS: 0.1, weather: ccpsWeather, thresholds: ['AEGL-2'] })).toThrow(
      ConsequenceError,
    );
  });
});

describe('calculatePuff', () => {
  it('gives the CCPS p. 101 concentration at the puff centre, 2.25 g/m³ (GasDispersion.jl)', () => {
    const result = puff({ massKg: 1, weather: ccpsWeather, receptors: [{ x: 500, t: 250 }] });
    const [receptor] = result.receptors;
    expect(receptor?.sigmaYM).toBeCloseTo(5.047929716825321, 12);
    expect(receptor?.concentration.mgPerM3).toBeCloseTo(2250.0485, 3);
    expect(receptor?.peakConcentration.mgPerM3).toBeCloseTo(2250.0485, 3);
    expect(receptor?.puffCentreM).toBe(500);
    // ∫C dt = M/(π u σy σz) = 14.235 g·s/m³ (§1.5).
    expect(receptor?.timeIntegratedMgSPerM3).toBeCloseTo(14235.25, 1);
  });

  it('defaults the time to the passage of the puff centre, x/u', () => {
    const result = puff({ massKg: 1, weather: ccpsWeather, receptors: [{ x: 500 }, { x: 500, t: 100 }] });
    expect(result.receptors[0]?.timeS).toBe(250);
    expect(result.receptors[1]?.concentration.mgPerM3).toBeLessThan(1e-6);
  });

  it('draws peak-concentration zones and warns of low wind', () => {
    const result = puff({
      chemical: 'H2S',
      massKg: 100,
      weather: { windSpeedMPerS: 0.8, stability: 'E' },
      thresholds: ['AEGL-3'],
    });
    expect(result.zones[0]?.status).toBe('reached');
    expect(result.warnings.map((w) => w.code)).toEqual(['dense_gas', 'low_wind']);
  });
});
