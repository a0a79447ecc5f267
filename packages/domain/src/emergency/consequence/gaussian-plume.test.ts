import { describe, expect, it } from 'vitest';
import { ConsequenceError } from './consequence.errors.ts';
import { mgPerM3ToPpm } from './concentration-units.ts';
import { plumeSigmas } from './dispersion-coefficients.ts';
import { plumeConcentration, plumeGroundCentreline, type PlumeParameters } from './gaussian-plume.ts';

// CCPS (1999) p. 97 plume example as set up in aefarrell/GasDispersion.jl
// test/models/gaussian_plume_tests.jl: 0.1 kg/s released at ground level, 2 m/s, class F.
// The printed CCPS answer was not retrieved (consequence-models.md §5), and GasDispersion.jl's own
// expected value uses its default (non-Briggs) coefficient set, so the expected value here is the
// Briggs rural evaluation by hand: σy = 0.04·500/√1.05 = 19.518 m, σz = 0.016·500/1.15 = 6.9565 m,
// C = Q/(π u σy σz) = 1.1722 × 10⁻⁴ kg/m³ (95.59 ppm for M = 30 g/mol at 25 °C).
const ccps: PlumeParameters = {
  emissionRateKgPerS: 0.1,
  windSpeedMPerS: 2,
  releaseHeightM: 0,
  stabilityClass: 'F',
  terrain: 'rural',
};

describe('plumeConcentration', () => {
  it('reproduces the CCPS p. 97 set-up at 500 m on the ground axis', () => {
    const c = plumeConcentration(ccps, 500, 0, 0);
    expect(c).toBeCloseTo(1.17217549745e-4, 12);
    expect(mgPerM3ToPpm(c * 1e6, 30)).toBeCloseTo(95.59, 2);
  });

  it('equals the ground-level centreline formula Q/(π u σy σz) for a ground release', () => {
    const { sigmaY, sigmaZ } = plumeSigmas(800, 'D', 'urban');
    const p = { ...ccps, stabilityClass: 'D' as const, terrain: 'urban' as const };
    expect(plumeConcentration(p, 800, 0, 0)).toBeCloseTo(0.1 / (Math.PI * 2 * sigmaY * sigmaZ), 15);
    expect(plumeGroundCentreline(p).concentrationAt(800)).toBeCloseTo(plumeConcentration(p, 800, 0, 0), 15);
  });

  it('falls off crosswind as exp(−y²/2σy²): one σy out is e^−½ of the axis value', () => {
    const { sigmaY } = plumeSigmas(500, 'F', 'rural');
    expect(plumeConcentration(ccps, 500, sigmaY, 0) / plumeConcentration(ccps, 500, 0, 0)).toBeCloseTo(
      Math.exp(-0.5),
      12,
    );
  });

  it('reflects at the ground: an elevated source gives C(x,0,0) = Q/(π u σy σz)·exp(−H²/2σz²)', () => {
    const p = { ...ccps, releaseHeightM: 20, stabilityClass: 'D' as const };
    const { sigmaY, sigmaZ } = plumeSigmas(1000, 'D', 'rural');
    const expected = (0.1 / (Math.PI * 2 * sigmaY * sigmaZ)) * Math.exp(-(20 * 20) / (2 * sigmaZ * sigmaZ));
    expect(plumeConcentration(p, 1000, 0, 0)).toBeCloseTo(expected, 15);
    expect(plumeGroundCentreline(p).concentrationAt(1000)).toBeCloseTo(expected, 15);
  });

  it('is zero upwind and at the source point', () => {
    expect(plumeConcentration(ccps, -10, 0, 0)).toBe(0);
    expect(plumeConcentration(ccps, 0, 0, 0)).toBe(0);
  });

  it('scales linearly with Q and inversely with u', () => {
    const base = plumeConcentration(ccps, 700, 5, 1);
    expect(plumeConcentration({ ...ccps, emissionRateKgPerS: 0.3 }, 700, 5, 1)).toBeCloseTo(3 * base, 15);
    expect(plumeConcentration({ ...ccps, windSpeedMPerS: 4 }, 700, 5, 1)).toBeCloseTo(base / 2, 15);
  });

  it.each([
    [{ emissionRateKgPerS: 0 }],
    [{ windSpeedMPerS: 0 }],
    [{ windSpeedMPerS: Number.NaN }],
    [{ releaseHeightM: -1 }],
  ])('rejects %j', (change) => {
    expect(() => plumeConcentration({ ...ccps, ...change }, 100, 0, 0)).toThrow(ConsequenceError);
  });
});
