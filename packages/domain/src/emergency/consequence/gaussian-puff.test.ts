import { describe, expect, it } from 'vitest';
import { puffSigmas } from './dispersion-coefficients.ts';
import {
  puffConcentration,
  puffGroundCentreline,
  puffTimeIntegratedConcentration,
  type PuffParameters,
} from './gaussian-puff.ts';

// CCPS (1999) p. 101 puff example as coded in aefarrell/GasDispersion.jl
// test/models/gaussian_puff_tests.jl: 1 kg (0.1 kg/s for 10 s) at ground level, 2 m/s, class F,
// receptor 500 m downwind at t = 250 s. Expected C = 1/(√(2π)·π·σy²·σz) with σy = 5.047929716825321
// (the book misprints 6.1) and σz = 2.214836678536473: 2.25005 × 10⁻³ kg/m³. The formula is exact, so
// the tolerance is double precision.
const ccps: PuffParameters = { massKg: 1, windSpeedMPerS: 2, releaseHeightM: 0, stabilityClass: 'F' };
const sy = 5.047929716825321;
const sz = 2.214836678536473;
const expectedPeak = 1 / (Math.sqrt(2 * Math.PI) * Math.PI * sy * sy * sz);

describe('puffConcentration', () => {
  it('reproduces the CCPS p. 101 example at the puff centre (GasDispersion.jl)', () => {
    expect(puffConcentration(ccps, 500, 0, 0, 250) / expectedPeak - 1).toBeLessThan(1e-12);
    expect(expectedPeak).toBeCloseTo(2.25005e-3, 8);
  });

  it('is zero before the release', () => {
    expect(puffConcentration(ccps, 500, 0, 0, -250)).toBe(0);
    expect(puffConcentration(ccps, 500, 0, 0, 0)).toBe(0);
  });

  it('falls off along the wind as exp(−(x−ut)²/2σx²) around the moving centre', () => {
    const ratio = puffConcentration(ccps, 500 + sy, 0, 0, 250) / puffConcentration(ccps, 500, 0, 0, 250);
    expect(ratio).toBeCloseTo(Math.exp(-0.5), 12);
  });

  it('gives the peak 2M/((2π)^{3/2} σx σy σz) on the ground axis, independent of wind speed', () => {
    const centreline = puffGroundCentreline(ccps);
    expect(centreline.concentrationAt(500) / expectedPeak - 1).toBeLessThan(1e-12);
    expect(puffGroundCentreline({ ...ccps, windSpeedMPerS: 6 }).concentrationAt(500)).toBe(
      centreline.concentrationAt(500),
    );
  });

  it('integrates over time to M/(π u σy σz) on the ground axis (§1.5 dose)', () => {
    expect(puffTimeIntegratedConcentration(ccps, 500, 0, 0)).toBeCloseTo(1 / (Math.PI * 2 * sy * sz), 15);
    // Numerical check of the closed form: trapezoid over the passage at 500 m.
    let sum = 0;
    for (let t = 150; t <= 350; t += 0.05) sum += puffConcentration(ccps, 500, 0, 0, t) * 0.05;
    // σ varies with ut during the passage, so the closed form (σ at x) agrees to ~0.1 %.
    expect(sum / puffTimeIntegratedConcentration(ccps, 500, 0, 0)).toBeCloseTo(1, 2);
  });

  it('reduces an elevated puff on the ground by exp(−H²/2σz²)', () => {
    const { sigmaZ } = puffSigmas(1000, 'D');
    const ground = puffGroundCentreline({ ...ccps, stabilityClass: 'D' }).concentrationAt(1000);
    const elevated = puffGroundCentreline({
      ...ccps,
      stabilityClass: 'D',
      releaseHeightM: 15,
    }).concentrationAt(1000);
    expect(elevated / ground).toBeCloseTo(Math.exp(-(15 * 15) / (2 * sigmaZ * sigmaZ)), 12);
  });
});
