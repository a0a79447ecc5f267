import { requirePositive } from './consequence.errors.ts';
import { standardNormalCdf } from './consequence-numerics.ts';

/**
 * Probit functions (consequence-models.md §1.7–1.8). The probability is P = Φ(Y − 5) (HyRAM
 * `calculate_fatality_probability`, [V]). Each set keeps the units of its own constants; never mix.
 *
 * thermal, q in W/m², t in s:     Y = a + 2.56 ln(t q^{4/3})          (Lees: −29.02 + 1.99 ln(0.5 t q^{4/3}))
 * overpressure, p_s in Pa:        Y = a + b ln(p_s)                    (HSE lung: 5.13 + 1.37 ln(p_s·10⁻⁵))
 * toxic, C in ppm or mg/m³, T min: Y = a + b ln(Cⁿ T)
 */
export const thermalProbitIds = ['eisenberg', 'tsao_perry', 'tno', 'lees'] as const;
export type ThermalProbitId = (typeof thermalProbitIds)[number];

export const blastProbitIds = [
  'lung_haemorrhage_eisenberg',
  'lung_haemorrhage_hse',
  'eardrum_rupture',
  'structural_damage',
  'glass_breakage',
] as const;
export type BlastProbitId = (typeof blastProbitIds)[number];

export const toxicProbitIds = [
  'chlorine_withers_lees',
  'ammonia_crowl',
  'chlorine_tno',
  'ammonia_tno',
  'hydrogen_sulfide_tno',
] as const;
export type ToxicProbitId = (typeof toxicProbitIds)[number];

/** Death by burns; Eisenberg equals Crowl's −14.9 + 2.56 ln(t q^{4/3}/10⁴). Tsao–Perry is common in Chinese QRA. */
const thermalConstants: Record<Exclude<ThermalProbitId, 'lees'>, number> = {
  eisenberg: -38.48,
  tsao_perry: -36.38,
  tno: -37.23,
};

const blastConstants: Record<Exclude<BlastProbitId, 'lung_haemorrhage_hse'>, { a: number; b: number }> = {
  lung_haemorrhage_eisenberg: { a: -77.1, b: 6.91 },
  eardrum_rupture: { a: -15.6, b: 1.93 },
  structural_damage: { a: -23.8, b: 2.92 },
  glass_breakage: { a: -18.1, b: 2.79 },
};

export interface ToxicProbitConstants {
  readonly chemicalKey: string;
  readonly a: number;
  readonly b: number;
  readonly n: number;
  readonly unit: 'ppm' | 'mg/m3';
  readonly source: string;
}

export const toxicProbitConstants: Readonly<Record<ToxicProbitId, ToxicProbitConstants>> = {
  chlorine_withers_lees: {
    chemicalKey: 'chlorine',
    a: -8.29,
    b: 0.92,
    n: 2,
    unit: 'ppm',
    source: 'Withers & Lees 1985 [V]',
  },
  ammonia_crowl: {
    chemicalKey: 'ammonia',
    a: -35.9,
    b: 1.85,
    n: 2,
    unit: 'ppm',
    source: 'Crowl & Louvar Table 2-5 [R]',
  },
  chlorine_tno: {
    chemicalKey: 'chlorine',
    a: -6.35,
    b: 0.5,
    n: 2.75,
    unit: 'mg/m3',
    source: 'TNO Purple Book [R]',
  },
  ammonia_tno: { chemicalKey: 'ammonia', a: -15.6, b: 1, n: 2, unit: 'mg/m3', source: 'TNO [R]' },
  hydrogen_sulfide_tno: {
    chemicalKey: 'hydrogen_sulfide',
    a: -11.5,
    b: 1,
    n: 1.9,
    unit: 'mg/m3',
    source: 'TNO [R]',
  },
};

/** P = Φ(Y − 5). */
export function probabilityFromProbit(y: number): number {
  return standardNormalCdf(y - 5);
}

/** Thermal dose t·q^{4/3} in (W/m²)^{4/3}·s. */
export function thermalDose(fluxWPerM2: number, exposureS: number): number {
  return exposureS * fluxWPerM2 ** (4 / 3);
}

/** Probit of death by burns for a flux q (W/m²) held for t (s). */
export function thermalProbit(id: ThermalProbitId, fluxWPerM2: number, exposureS: number): number {
  const dose = thermalDose(
    requirePositive('fluxWPerM2', fluxWPerM2),
    requirePositive('exposureS', exposureS),
  );
  if (id === 'lees') return -29.02 + 1.99 * Math.log(0.5 * dose);
  return thermalConstants[id] + 2.56 * Math.log(dose);
}

/** Probit of a blast effect for a peak side-on overpressure p_s (Pa). */
export function blastProbit(id: BlastProbitId, overpressurePa: number): number {
  const p = requirePositive('overpressurePa', overpressurePa);
  if (id === 'lung_haemorrhage_hse') return 5.13 + 1.37 * Math.log(p * 1e-5);
  const { a, b } = blastConstants[id];
  return a + b * Math.log(p);
}

/** Probit of death for a constant concentration (in the set's own unit) held for `minutes`. */
export function toxicProbit(id: ToxicProbitId, concentration: number, minutes: number): number {
  const { a, b, n } = toxicProbitConstants[id];
  const c = requirePositive('concentration', concentration);
  return a + b * Math.log(c ** n * requirePositive('minutes', minutes));
}
