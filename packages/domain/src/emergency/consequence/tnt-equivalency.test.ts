import { describe, expect, it } from 'vitest';
import { ConsequenceError } from './consequence.errors.ts';
import { cnDeathRadiusM, defaultCnTntMethod, tntEquivalent } from './tnt-equivalency.ts';

describe('tntEquivalent, Chinese practice W_TNT = 1.8·α·W_f·Q_f/Q_TNT', () => {
  it('gives 11 kg of TNT for a 15 kg LPG cylinder (α 0.04, Q_f 46 264 kJ/kg, Q_TNT 4520 kJ/kg)', () => {
    // Published worked example: mirvacam.com/Essay/Chemical/201104/179913_2.shtml
    // "WTNT = 1.8×0.04×15×46264/4520 = 11 kg" — printed as a whole number, so ±0.5 kg.
    const { tntMassKg } = tntEquivalent(15, 46.264, defaultCnTntMethod);
    expect(Math.abs(tntMassKg - 11)).toBeLessThan(0.5);
    expect(tntMassKg).toBeCloseTo(11.0542, 4);
  });

  it('gives 2663.2 kg of TNT for 4 t of benzene (3264.4 kJ/mol, M 78.1)', () => {
    // Published worked example: zzretl.com/NewsOpen.aspx?nid=23&type=4, printed to 0.1 kg.
    const { tntMassKg, energyJ } = tntEquivalent(4000, 3264.4 / 78.1, defaultCnTntMethod);
    expect(tntMassKg).toBeCloseTo(2663.2, 1);
    expect(energyJ).toBeCloseTo(2663.216 * 4.52e6, -4); // "E = 1.20×10¹⁰ J"
  });

  it('uses the yield form η·M·ΔHc/E_TNT without a ground factor', () => {
    const { tntMassKg } = tntEquivalent(1000, 46.35, {
      kind: 'yield',
      efficiency: 0.1,
      tntHeatMjPerKg: 4.68,
    });
    expect(tntMassKg).toBeCloseTo((0.1 * 1000 * 46.35) / 4.68, 10);
  });

  it.each([
    [{ ...defaultCnTntMethod, groundFactor: 2.5 }],
    [{ ...defaultCnTntMethod, alpha: 0 }],
    [{ kind: 'yield' as const, efficiency: 1.5, tntHeatMjPerKg: 4.68 }],
  ])('rejects the method %j', (method) => {
    expect(() => tntEquivalent(10, 46, method)).toThrow(ConsequenceError);
  });
});

describe('cnDeathRadiusM, R_0.5 = 13.6 (W_TNT/1000)^0.37', () => {
  it.each([
    // zzretl.com benzene example: "R1 = 13.6×(2663.2/1000)^0.37 = 19.5 m" (±0.05 m).
    [2663.2, 19.5, 0.05],
    // Hydrogen-tank example quoted by chinadigitaltimes.net: W_TNT = 407 kg → "R = 10 m" (whole metres).
    [407, 10, 0.5],
    [1000, 13.6, 1e-9],
  ])('W_TNT = %s kg → %s m', (w, r, tolerance) => {
    expect(Math.abs(cnDeathRadiusM(w) - r)).toBeLessThanOrEqual(tolerance);
  });
});
