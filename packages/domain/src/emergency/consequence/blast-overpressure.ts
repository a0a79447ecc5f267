import { solveDecreasingOnLog } from './consequence-numerics.ts';

/**
 * Peak side-on overpressure against scaled distance (consequence-models.md §1.6). The families
 * differ by up to 2× at the same Z, so every answer names the curve it used:
 *
 * - `kingery_bulmash`: hemispherical surface burst (UFC 3-340-02), Swisdak (1994) fit, L = ln Z,
 *   p_s[kPa] = exp(A + B L + C L² + D L³ + E L⁴); valid ~0.2 ≤ Z ≤ 40, the last branch to ~100.
 * - `kinney_graham_free_air`: Kinney & Graham (1985) free-air burst, p_s/p_a = 808[1+(Z/4.5)²] /
 *   (√(1+(Z/0.048)²) √(1+(Z/0.32)²) √(1+(Z/1.35)²)).
 * - `crowl_surface`: the same with 1616 (ground reflection), Crowl & Louvar's "TNT on a flat surface".
 * - `cn_energy_scaled`: Chinese practice, ΔP/P0 = 0.137 Z⁻³ + 0.119 Z⁻² + 0.269 Z⁻¹ − 0.019 with
 *   Z = R / (E/P0)^{1/3} (E in J, P0 in Pa), 1 ≤ Z ≤ 10.
 * - `cn_power_law`: Chinese practice, Ps[Pa] = 7.1 × 10⁵ · z^−2.09 with z = R / W^{1/3}.
 *
 * Z is in m/kg^{1/3} of TNT except for `cn_energy_scaled`, where it is dimensionless.
 */
export const overpressureCurveIds = [
  'kingery_bulmash',
  'kinney_graham_free_air',
  'crowl_surface',
  'cn_energy_scaled',
  'cn_power_law',
] as const;
export type OverpressureCurveId = (typeof overpressureCurveIds)[number];

export interface OverpressureCurve {
  readonly id: OverpressureCurveId;
  /** `mass`: Z = R/W^{1/3}; `energy`: Z = R/(E/P0)^{1/3}. */
  readonly scaling: 'mass' | 'energy';
  /** Where the fit is valid; null when the source states no range. */
  readonly validRange: { readonly min: number; readonly max: number } | null;
  /** Includes ground reflection (surface burst): do not combine with the 1.8 TNT factor. */
  readonly surfaceBurst: boolean;
  /** What the answer calls the curve: never its id in front of a person. */
  readonly name: { readonly zh: string; readonly en: string };
  readonly source: string;
  /** Overpressure (kPa) at scaled distance Z for ambient pressure p_a (kPa). */
  readonly overpressureKpa: (z: number, ambientKpa: number) => number;
}

const swisdakBranches = [
  { upTo: 2.9, c: [7.2106, -2.1069, -0.3229, 0.1117, 0.0685] },
  { upTo: 23.8, c: [7.5938, -3.0523, 0.40977, 0.0261, -0.01267] },
  { upTo: Infinity, c: [6.0536, -1.4066, 0, 0, 0] },
] as const;

function kingeryBulmashKpa(z: number): number {
  const branch = swisdakBranches.find((b) => z <= b.upTo) ?? swisdakBranches[2];
  const l = Math.log(z);
  const [a, b, c, d, e] = branch.c;
  return Math.exp(a + b * l + c * l ** 2 + d * l ** 3 + e * l ** 4);
}

function kinneyGrahamRatio(z: number): number {
  return (
    (808 * (1 + (z / 4.5) ** 2)) /
    (Math.sqrt(1 + (z / 0.048) ** 2) * Math.sqrt(1 + (z / 0.32) ** 2) * Math.sqrt(1 + (z / 1.35) ** 2))
  );
}

export const overpressureCurves: Readonly<Record<OverpressureCurveId, OverpressureCurve>> = {
  kingery_bulmash: {
    id: 'kingery_bulmash',
    name: { zh: 'Kingery–Bulmash 地面爆炸', en: 'Kingery–Bulmash surface-burst' },
    scaling: 'mass',
    validRange: { min: 0.2, max: 100 },
    surfaceBurst: true,
    source: 'Kingery–Bulmash hemispherical surface burst (UFC 3-340-02), Swisdak (1994) fit',
    overpressureKpa: (z) => kingeryBulmashKpa(z),
  },
  kinney_graham_free_air: {
    id: 'kinney_graham_free_air',
    name: { zh: 'Kinney–Graham 自由空气爆炸', en: 'Kinney–Graham free-air' },
    scaling: 'mass',
    validRange: null,
    surfaceBurst: false,
    source: 'Kinney & Graham (1985), free-air burst',
    overpressureKpa: (z, pa) => pa * kinneyGrahamRatio(z),
  },
  crowl_surface: {
    id: 'crowl_surface',
    name: { zh: 'Crowl 地面爆炸', en: 'Crowl surface-burst' },
    scaling: 'mass',
    validRange: null,
    surfaceBurst: true,
    source: 'Crowl & Louvar, TNT on a flat surface (Kinney–Graham × 2)',
    overpressureKpa: (z, pa) => 2 * pa * kinneyGrahamRatio(z),
  },
  cn_energy_scaled: {
    id: 'cn_energy_scaled',
    name: { zh: '国内能量比例距离', en: 'Chinese energy-scaled' },
    scaling: 'energy',
    validRange: { min: 1, max: 10 },
    surfaceBurst: false,
    source: 'Chinese safety-assessment practice, ΔP/P0 = 0.137Z⁻³ + 0.119Z⁻² + 0.269Z⁻¹ − 0.019',
    overpressureKpa: (z, pa) => pa * (0.137 / z ** 3 + 0.119 / z ** 2 + 0.269 / z - 0.019),
  },
  cn_power_law: {
    id: 'cn_power_law',
    name: { zh: '国内幂函数', en: 'Chinese power-law' },
    scaling: 'mass',
    validRange: null,
    surfaceBurst: false,
    source: 'Chinese safety-assessment practice, Ps = 7.1×10⁵ z^−2.09 Pa',
    overpressureKpa: (z) => 710 * z ** -2.09,
  },
};

/** Search bracket for the inverse, wide enough for every threshold of interest. */
export const scaledDistanceSearchRange = { min: 0.05, max: 1000 } as const;

/**
 * The scaled distance at which the curve falls to `overpressureKpa`, by bisection on ln Z; null
 * when the overpressure is higher than the curve gives at Z = 0.05 (a point inside the charge).
 * A threshold below the value at Z = 1000 returns 1000.
 */
export function scaledDistanceFor(
  curve: OverpressureCurve,
  overpressureKpa: number,
  ambientKpa: number,
): number | null {
  const f = (z: number) => curve.overpressureKpa(z, ambientKpa);
  const { min, max } = scaledDistanceSearchRange;
  if (f(min) < overpressureKpa) return null;
  if (f(max) >= overpressureKpa) return max;
  return solveDecreasingOnLog(f, overpressureKpa, min, max);
}
