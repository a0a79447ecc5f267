import { describe, expect, it } from 'vitest';
import { overpressureCurves, scaledDistanceFor } from './blast-overpressure.ts';

const pa = 101.325;
const kb = overpressureCurves.kingery_bulmash;

describe('Kingery–Bulmash surface burst, Swisdak fit', () => {
  // Incident pressure (kPa) of the UFC 3-340-02 table as used by fcento100/kingery-bulmash
  // tests/test_kingery_bulmash.py (metric, printed to 4 significant figures). The reference says the
  // fit reproduces that table to ≤ 0.1 %, so that is the tolerance.
  it.each([
    [0.5, 4888],
    [1, 1354],
    [2, 283.7],
    [3, 115.7],
    [5, 43.23],
    [7, 24.94],
    [10, 14.89],
    [15, 8.758],
    [20, 6.102],
    [24, 4.871],
    [30, 3.559],
    [40, 2.375],
    [50, 1.735],
    [100, 0.654],
  ])('Z = %s m/kg^⅓ → %s kPa', (z, kpa) => {
    expect(Math.abs(kb.overpressureKpa(z, pa) / kpa - 1)).toBeLessThan(1e-3);
  });
});

describe('the curve families at the same Z (consequence-models.md §1.6 table)', () => {
  // Values computed in the reference (4 significant figures): Kinney–Graham 808 free air, Crowl 1616
  // surface, KB surface. Ambient 101.325 kPa.
  it.each([
    [1, 1008.8, 2017.6, 1353.7],
    [2, 207.9, 415.9, 283.7],
    [5, 29.24, 58.48, 43.23],
    [10, 9.985, 19.97, 14.89],
    [20, 4.393, 8.787, 6.102],
    [30, 2.854, 5.709, 3.559],
  ])('Z = %s: %s / %s / %s kPa', (z, free, crowl, surface) => {
    expect(overpressureCurves.kinney_graham_free_air.overpressureKpa(z, pa) / free).toBeCloseTo(1, 3);
    expect(overpressureCurves.crowl_surface.overpressureKpa(z, pa) / crowl).toBeCloseTo(1, 3);
    expect(kb.overpressureKpa(z, pa) / surface).toBeCloseTo(1, 3);
  });

  it.each([
    [6.9, 13.44, 25.05, 18.13],
    [13.8, 7.92, 13.44, 10.58],
    [20.7, 6.1, 9.73, 7.93],
    [34.5, 4.57, 6.83, 5.71],
    [69, 3.25, 4.57, 3.87],
  ])('scaled distance to %s kPa: %s / %s / %s (bisection on ln Z)', (kpa, free, crowl, surface) => {
    expect(scaledDistanceFor(overpressureCurves.kinney_graham_free_air, kpa, pa)).toBeCloseTo(free, 1);
    expect(scaledDistanceFor(overpressureCurves.crowl_surface, kpa, pa)).toBeCloseTo(crowl, 1);
    expect(scaledDistanceFor(kb, kpa, pa)).toBeCloseTo(surface, 1);
  });

  it('puts 1 psi at Z ≈ 18 on the surface curve, consistent with EPA RMP’s 17 m/kg^⅓ rule (§1.6 item 5)', () => {
    const z = scaledDistanceFor(kb, 6.895, pa) ?? NaN;
    expect(z).toBeGreaterThan(17);
    expect(z).toBeLessThan(18.5);
  });
});

describe('Chinese practice curves', () => {
  it('gives the energy-scaled distances of the 44 and 17 kPa injury boundaries, Z ≈ 1.089 and 1.957 (§1.9)', () => {
    const curve = overpressureCurves.cn_energy_scaled;
    expect(scaledDistanceFor(curve, 44, pa)).toBeCloseTo(1.089, 3);
    expect(scaledDistanceFor(curve, 17, pa)).toBeCloseTo(1.957, 3);
  });

  it('evaluates Ps = 7.1×10⁵ z^−2.09 Pa', () => {
    expect(overpressureCurves.cn_power_law.overpressureKpa(1, pa)).toBeCloseTo(710, 9);
    expect(overpressureCurves.cn_power_law.overpressureKpa(10, pa)).toBeCloseTo(710 * 10 ** -2.09, 9);
  });

  it('answers null for an overpressure higher than the curve gives at the charge', () => {
    expect(scaledDistanceFor(overpressureCurves.cn_energy_scaled, 1e9, pa)).toBeNull();
  });
});
