import { describe, expect, it } from 'vitest';
import { ConsequenceError } from './consequence.errors.ts';
import { calculateVce } from './vce-calculator.ts';
import { vceRequestSchema, vceResponseSchema } from './vce.schema.ts';

function vce(body: Record<string, unknown>) {
  const response = calculateVce(vceRequestSchema.parse(body));
  expect(vceResponseSchema.safeParse(response).success).toBe(true);
  return response;
}

describe('calculateVce, Chinese practice (default)', () => {
  it('reproduces the LPG cylinder example: 11 kg TNT; 1.3×10⁵ Pa at 5 m, 0.2 and 0.05 kgf/cm² at 12 and 24 m', () => {
    // mirvacam.com/Essay/Chemical/201104/179913_2.shtml, Ps = 7.1×10⁵ (R/W^⅓)^−2.09 Pa. Printed to
    // 2 significant figures (1.3×10⁵ Pa) or 1 (0.2, 0.05 kgf/cm²; 1 kgf/cm² = 98.07 kPa).
    const result = vce({
      fuelMassKg: 15,
      heatOfCombustionMjPerKg: 46.264,
      curve: 'cn_power_law',
      distancesM: [5, 12, 24],
    });
    expect(result.tntMassKg).toBeCloseTo(11.05, 2);
    const [r5, r12, r24] = result.receptors.map((r) => r.overpressureKpa);
    expect(Math.abs((r5 ?? NaN) - 130) / 130).toBeLessThan(0.05);
    expect(Math.abs((r12 ?? NaN) / 98.07 - 0.2)).toBeLessThan(0.05);
    expect(Math.abs((r24 ?? NaN) / 98.07 - 0.05)).toBeLessThan(0.005);
  });

  it('gives the benzene example death radius 19.5 m and injury radii from Z = 1.089 / 1.957', () => {
    // zzretl.com: W_TNT 2663.2 kg, R_0.5 19.5 m. Its printed R2 = 48.97 m and R3 = 82.20 m use
    // Z = 0.996 and 1.672, which the formula it quotes does not give; the formula's own roots
    // (Z = 1.089, 1.957, consequence-models.md §1.9) give 53.5 m and 96.2 m at P0 = 101.325 kPa.
    const result = vce({ fuelMassKg: 4000, heatOfCombustionMjPerKg: 3264.4 / 78.1 });
    expect(result.curve.id).toBe('cn_energy_scaled');
    expect(result.deathRadiusM).toBeCloseTo(19.5, 1);
    expect(result.zones.map((z) => [z.overpressureKpa, z.label.zh])).toEqual([
      [44, '重伤边界'],
      [17, '轻伤边界'],
    ]);
    expect(result.zones[0]?.radiusM).toBeCloseTo(53.55, 1);
    expect(result.zones[1]?.radiusM).toBeCloseTo(96.22, 1);
    expect(result.warnings).toEqual([]);
  });

  it('takes the heat of combustion from the chemical table', () => {
    const result = vce({ chemical: '丙烷', fuelMassKg: 1000 });
    expect(result.heatOfCombustionMjPerKg).toBe(46.35);
    expect(result.tntMassKg).toBeCloseTo((1.8 * 0.04 * 1000 * 46.35) / 4.52, 9);
  });

  it('warns that the 1.8 factor and a surface-burst curve count reflection twice (§5)', () => {
    const result = vce({ chemical: '丙烷', fuelMassKg: 1000, curve: 'kingery_bulmash' });
    expect(result.warnings.map((w) => w.code)).toContain('reflection_double_counted');
  });

  it('warns of receptors outside the 1 ≤ Z ≤ 10 range of the energy-scaled formula', () => {
    const result = vce({ chemical: '丙烷', fuelMassKg: 1000, distancesM: [5, 2000] });
    expect(result.warnings.filter((w) => w.code === 'scaled_distance_out_of_range')).toHaveLength(2);
    expect(result.receptors[1]?.overpressureKpa).toBe(0);
    expect(result.receptors[1]?.probabilities.glassBreakage).toBe(0);
  });
});

describe('calculateVce, yield with the Kingery–Bulmash surface curve', () => {
  it('defaults to η 10 %, E_TNT 4680 kJ/kg (EPA RMP) and the ALOHA rings 55 / 24 / 6.9 kPa', () => {
    const result = vce({ chemical: 'LPG', fuelMassKg: 10_000, method: { kind: 'yield' } });
    const w = (0.1 * 10_000 * 46) / 4.68;
    expect(result.tntMassKg).toBeCloseTo(w, 9);
    expect(result.deathRadiusM).toBeNull();
    expect(result.zones.map((z) => z.overpressureKpa)).toEqual([55, 24, 6.9]);
    expect((result.zones[2]?.radiusM ?? NaN) / w ** (1 / 3)).toBeCloseTo(18.13, 1);
    expect(result.warnings).toEqual([]);
  });

  it('gives the KB overpressure and blast probits at a distance', () => {
    // W = 1000 kg so that R = 10 m is Z = 1, p_s = 1353.7 kPa (UFC table 1354).
    const result = vce({
      fuelMassKg: 100,
      heatOfCombustionMjPerKg: 46.8,
      method: { kind: 'yield', efficiency: 1 },
      distancesM: [10, 200],
    });
    expect(result.tntMassKg).toBeCloseTo(1000, 9);
    expect(result.receptors[0]?.overpressureKpa).toBeCloseTo(1353.7, 0);
    // Eisenberg lung haemorrhage at 1.354 MPa: Y = −77.1 + 6.91 ln(1.3537e6) = 20.28 → P ≈ 1.
    expect(result.receptors[0]?.probabilities.lungHaemorrhageDeath).toBeCloseTo(1, 6);
    // At Z = 20: 6.10 kPa, glass: Y = −18.1 + 2.79 ln 6102 = 6.22 → P = Φ(1.22) = 0.889.
    expect(result.receptors[1]?.probabilities.glassBreakage).toBeCloseTo(0.889, 2);
    expect(result.receptors[1]?.probabilities.lungHaemorrhageDeath).toBeLessThan(1e-6);
  });

  it('takes custom overpressure thresholds', () => {
    const result = vce({
      fuelMassKg: 100,
      chemical: 'hydrogen',
      method: { kind: 'yield' },
      thresholdsKpa: [100, 3],
    });
    expect(result.zones.map((z) => z.label.en)).toEqual(['100 kPa', '3 kPa']);
  });

  it('refuses a non-flammable chemical without a heat of combustion', () => {
    try {
      vce({ chemical: '氯', fuelMassKg: 100 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConsequenceError);
      expect((error as ConsequenceError).code).toBe('calc.consequence_not_flammable');
    }
  });
});
