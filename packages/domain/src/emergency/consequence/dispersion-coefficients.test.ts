import { describe, expect, it } from 'vitest';
import { plumeSigmas, puffSigmas, transportWindSpeed, windSpeedAtHeight } from './dispersion-coefficients.ts';
import { stabilityClasses } from './stability-class.ts';

// Exact formula values at x = 1.2 m from aefarrell/GasDispersion.jl test/utils/ccps_tests.jl (CCPS
// 1999 equation sets, Briggs). They are double-precision evaluations of the same Table 5-2 / 5-3
// formulas, so a relative tolerance of 1e-12 applies.
const relative = (actual: number, expected: number) =>
  expect(Math.abs(actual / expected - 1)).toBeLessThan(1e-12);

describe('Briggs plume coefficients (CCPS 1999 / Crowl & Louvar Table 5-2)', () => {
  it.each([
    ['A', 0.38390787316433456, 0.2881727481910807],
    ['B', 0.38390787316433456, 0.2881727481910807],
    ['C', 0.26393666280048, 0.24],
    ['D', 0.19195393658216728, 0.16796976816235135],
    ['E', 0.13196833140024, 0.09591371646531512],
    ['F', 0.13196833140024, 0.09591371646531512],
  ] as const)('urban %s at 1.2 m (GasDispersion.jl ccps_tests.jl)', (c, sy, sz) => {
    const { sigmaY, sigmaZ } = plumeSigmas(1.2, c, 'urban');
    relative(sigmaY, sy);
    relative(sigmaZ, sz);
  });

  it.each([
    ['A', 0.2639841614254575, 0.24],
    ['B', 0.19198848103669636, 0.144],
    ['C', 0.13199208071272875, 0.09598848207318536],
    ['D', 0.09599424051834818, 0.07193528734898633],
    ['E', 0.07199568038876113, 0.03598704466392099],
    ['F', 0.04799712025917409, 0.019193090487424527],
  ] as const)('rural %s at 1.2 m (GasDispersion.jl ccps_tests.jl)', (c, sy, sz) => {
    const { sigmaY, sigmaZ } = plumeSigmas(1.2, c, 'rural');
    relative(sigmaY, sy);
    relative(sigmaZ, sz);
  });

  it.each([
    // Evaluated by hand from Table 5-2 at 1 km, 4 significant figures (relative tolerance 5e-4).
    ['D', 'rural', 76.28, 37.95], // 0.08·1000/√1.1, 0.06·1000/√2.5
    ['F', 'rural', 38.14, 12.31], // 0.04·1000/√1.1, 0.016·1000/1.3
    ['A', 'urban', 270.4, 339.4], // 0.32·1000/√1.4, 0.24·1000·√2 — the positive ½ power
    ['D', 'urban', 135.2, 122.8], // 0.16·1000/√1.4, 0.14·1000/√1.3
  ] as const)('%s %s at 1 km: σy ≈ %s m, σz ≈ %s m', (c, terrain, sy, sz) => {
    const { sigmaY, sigmaZ } = plumeSigmas(1000, c, terrain);
    expect(Math.abs(sigmaY / sy - 1)).toBeLessThan(5e-4);
    expect(Math.abs(sigmaZ / sz - 1)).toBeLessThan(5e-4);
  });

  it('grows the urban A/B σz faster than linearly (the positive ½ power, Griffiths 1994)', () => {
    const ratio = plumeSigmas(2000, 'A', 'urban').sigmaZ / plumeSigmas(1000, 'A', 'urban').sigmaZ;
    expect(ratio).toBeGreaterThan(2);
  });
});

describe('Puff coefficients (CCPS / Crowl & Louvar Table 5-3)', () => {
  it.each([
    ['A', 0.21287234847910436, 0.6879188103871441],
    ['B', 0.16556738215041453, 0.6054498545741843],
    ['C', 0.11826241582172466, 0.3869880921561032],
    ['D', 0.07095744949303479, 0.17041904657983328],
    ['E', 0.047304966328689864, 0.11258170198247626],
    ['F', 0.023523465599668385, 0.05588182287353654],
  ] as const)('%s at 1.2 m (GasDispersion.jl ccps_tests.jl)', (c, sy, sz) => {
    const { sigmaY, sigmaZ } = puffSigmas(1.2, c);
    relative(sigmaY, sy);
    relative(sigmaZ, sz);
  });

  it('uses 0.02 x^0.89 for F at 500 m: 5.048 m, not the 6.1 m misprinted in CCPS 1999 p. 101', () => {
    // GasDispersion.jl test/models/gaussian_puff_tests.jl: "There is a mistake in the ref".
    relative(puffSigmas(500, 'F').sigmaY, 5.047929716825321);
    relative(puffSigmas(500, 'F').sigmaZ, 2.214836678536473);
  });
});

describe('wind profile (Irwin 1979 exponents)', () => {
  // GasDispersion.jl ccps_tests.jl: 3 m/s measured at 1 m, wanted at 10 m.
  it.each([
    ['A', 'rural', 3.5246926648185886],
    ['D', 'rural', 4.237612633868263],
    ['F', 'rural', 10.644401677007265],
    ['C', 'urban', 4.754679577383341],
    ['E', 'urban', 7.53565929452874],
  ] as const)('%s %s: u(10 m) = %s', (c, terrain, expected) => {
    relative(windSpeedAtHeight(3, 1, 10, c, terrain), expected);
  });

  it('keeps the 10 m wind for releases up to 10 m and scales it above', () => {
    for (const c of stabilityClasses) expect(transportWindSpeed(4, 5, c, 'rural')).toBe(4);
    expect(transportWindSpeed(4, 40, 'D', 'rural')).toBeCloseTo(4 * 4 ** 0.15, 12);
  });
});
