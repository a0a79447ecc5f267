import { describe, expect, it } from 'vitest';
import { erfc, standardNormalCdf } from './consequence-numerics.ts';
import { calculateProbit } from './probit-calculator.ts';
import { probitRequestSchema, probitResponseSchema } from './probit.schema.ts';
import { blastProbit, probabilityFromProbit, thermalProbit, toxicProbit } from './probits.ts';

describe('probabilityFromProbit, P = Φ(Y − 5)', () => {
  // Exact standard-normal quantiles: Y = 5 + z_p gives p. The erfc fit is good to 1.2e-7 relative.
  it.each([
    [5 - 2.326347874, 0.01],
    [5 - 1.281551566, 0.1],
    [5, 0.5],
    [5 + 1.281551566, 0.9],
    [5 + 2.326347874, 0.99],
    [5 + 1.959963985, 0.975],
  ])('Y = %s → %s', (y, p) => {
    expect(probabilityFromProbit(y)).toBeCloseTo(p, 6);
  });

  it('matches erfc at known points', () => {
    expect(erfc(0)).toBeCloseTo(1, 7);
    expect(erfc(1)).toBeCloseTo(0.157299207, 7);
    expect(erfc(-1)).toBeCloseTo(1.842700793, 7);
    expect(standardNormalCdf(-10)).toBeLessThan(1e-20);
  });
});

describe('thermal probits (HyRAM probits.py, consequence-models.md §1.7)', () => {
  it('Eisenberg equals Crowl’s −14.9 + 2.56 ln(t q^{4/3}/10⁴) (constants to 0.002)', () => {
    const crowl = -14.9 + 2.56 * Math.log((60 * 10_000 ** (4 / 3)) / 1e4);
    expect(thermalProbit('eisenberg', 10_000, 60)).toBeCloseTo(crowl, 2);
  });

  it('10 kW/m² for 60 s: Eisenberg Y = 3.44 (P = 5.9 %), Tsao–Perry Y = 5.54', () => {
    expect(thermalProbit('eisenberg', 10_000, 60)).toBeCloseTo(3.4395, 4);
    expect(probabilityFromProbit(thermalProbit('eisenberg', 10_000, 60))).toBeCloseTo(0.0593, 4);
    expect(thermalProbit('tsao_perry', 10_000, 60)).toBeCloseTo(3.4395 + 2.1, 4);
    expect(thermalProbit('tno', 10_000, 60)).toBeCloseTo(3.4395 + 1.25, 4);
    expect(thermalProbit('lees', 10_000, 60)).toBeCloseTo(
      -29.02 + 1.99 * Math.log(0.5 * 60 * 10_000 ** (4 / 3)),
      10,
    );
  });
});

describe('blast and toxic probits (§1.8)', () => {
  it.each([
    ['lung_haemorrhage_eisenberg', 100_000, -77.1 + 6.91 * Math.log(100_000)],
    ['eardrum_rupture', 20_000, -15.6 + 1.93 * Math.log(20_000)],
    ['structural_damage', 20_000, -23.8 + 2.92 * Math.log(20_000)],
    ['glass_breakage', 5000, -18.1 + 2.79 * Math.log(5000)],
    ['lung_haemorrhage_hse', 300_000, 5.13 + 1.37 * Math.log(3)],
  ] as const)('%s at %s Pa', (id, p, y) => {
    expect(blastProbit(id, p)).toBeCloseTo(y, 12);
  });

  it('chlorine (Withers & Lees): 100 ppm for 30 min → Y = 3.313, P = 4.6 %', () => {
    expect(toxicProbit('chlorine_withers_lees', 100, 30)).toBeCloseTo(3.3126, 4);
    expect(probabilityFromProbit(toxicProbit('chlorine_withers_lees', 100, 30))).toBeCloseTo(0.0458, 4);
  });

  it('E10: the Crowl and TNO ammonia probits disagree by two orders of magnitude at 5000 ppm, 30 min', () => {
    const crowl = calculateProbit(
      probitRequestSchema.parse({
        effect: 'toxic',
        model: 'ammonia_crowl',
        concentrationPpm: 5000,
        durationMin: 30,
      }),
    );
    const tno = calculateProbit(
      probitRequestSchema.parse({
        effect: 'toxic',
        model: 'ammonia_tno',
        concentrationPpm: 5000,
        durationMin: 30,
      }),
    );
    expect(crowl.probability).toBeCloseTo(0.00099, 5);
    expect(tno.probability).toBeCloseTo(0.187, 3);
    expect(tno.formula).toBe('Y = -15.6 + 1 ln(C^2·T), C mg/m3, T min');
  });
});

describe('calculateProbit', () => {
  it.each([
    [{ effect: 'thermal', fluxKwPerM2: 10, exposureS: 60 }, 0.0593],
    [{ effect: 'blast', model: 'glass_breakage', overpressureKpa: 6.102 }, 0.889],
    [
      { effect: 'toxic', model: 'chlorine_withers_lees', concentrationMgPerM3: 289.8, durationMin: 30 },
      0.0458,
    ],
  ])('%j → P ≈ %s', (body, p) => {
    const result = calculateProbit(probitRequestSchema.parse(body));
    expect(probitResponseSchema.safeParse(result).success).toBe(true);
    expect(result.probability).toBeCloseTo(p, 3);
  });

  it('refuses a toxic exposure with both or neither concentration', () => {
    expect(
      probitRequestSchema.safeParse({ effect: 'toxic', model: 'ammonia_tno', durationMin: 10 }).success,
    ).toBe(false);
  });
});
