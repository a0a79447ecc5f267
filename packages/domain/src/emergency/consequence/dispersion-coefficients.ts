import { requirePositive } from './consequence.errors.ts';
import type { StabilityClass } from './stability-class.ts';

/**
 * Pasquill–Gifford dispersion coefficients (consequence-models.md §1.3, [V]).
 *
 * Plume: Briggs (1973) as tabulated by CCPS (1999) and Crowl & Louvar Table 5-2, rural (open
 * country) and urban; fitted for 100 m < x < 10 km. Note the positive ½ power of the urban A/B σz:
 * it grows faster than linear (Griffiths 1994 on the common transcription error).
 *
 * Puff: CCPS / Crowl & Louvar Table 5-3, σx = σy, with x the distance the puff centre has travelled.
 * The F-class σy is 0.02 x^0.89 (not 0.92).
 */
export const terrains = ['rural', 'urban'] as const;
export type Terrain = (typeof terrains)[number];

export interface Sigmas {
  /** Crosswind σy (m); for a puff also the along-wind σx. */
  readonly sigmaY: number;
  /** Vertical σz (m). */
  readonly sigmaZ: number;
}

/** The Briggs fits hold between these downwind distances (m). */
export const briggsValidRangeM = { min: 100, max: 10_000 } as const;

type Curve = (x: number) => number;

const rootOf =
  (a: number, b: number, power: number): Curve =>
  (x) =>
    a * x * (1 + b * x) ** power;

const briggs: Record<Terrain, Record<StabilityClass, { y: Curve; z: Curve }>> = {
  rural: {
    A: { y: rootOf(0.22, 0.0001, -0.5), z: (x) => 0.2 * x },
    B: { y: rootOf(0.16, 0.0001, -0.5), z: (x) => 0.12 * x },
    C: { y: rootOf(0.11, 0.0001, -0.5), z: rootOf(0.08, 0.0002, -0.5) },
    D: { y: rootOf(0.08, 0.0001, -0.5), z: rootOf(0.06, 0.0015, -0.5) },
    E: { y: rootOf(0.06, 0.0001, -0.5), z: rootOf(0.03, 0.0003, -1) },
    F: { y: rootOf(0.04, 0.0001, -0.5), z: rootOf(0.016, 0.0003, -1) },
  },
  urban: {
    A: { y: rootOf(0.32, 0.0004, -0.5), z: rootOf(0.24, 0.001, 0.5) },
    B: { y: rootOf(0.32, 0.0004, -0.5), z: rootOf(0.24, 0.001, 0.5) },
    C: { y: rootOf(0.22, 0.0004, -0.5), z: (x) => 0.2 * x },
    D: { y: rootOf(0.16, 0.0004, -0.5), z: rootOf(0.14, 0.0003, -0.5) },
    E: { y: rootOf(0.11, 0.0004, -0.5), z: rootOf(0.08, 0.0015, -0.5) },
    F: { y: rootOf(0.11, 0.0004, -0.5), z: rootOf(0.08, 0.0015, -0.5) },
  },
};

/** Briggs plume σy and σz (m) at downwind distance x (m), x > 0. */
export function plumeSigmas(x: number, stabilityClass: StabilityClass, terrain: Terrain): Sigmas {
  requirePositive('x', x);
  const curves = briggs[terrain][stabilityClass];
  return { sigmaY: curves.y(x), sigmaZ: curves.z(x) };
}

const puffCoefficients: Record<StabilityClass, { a: number; p: number; b: number; q: number }> = {
  A: { a: 0.18, p: 0.92, b: 0.6, q: 0.75 },
  B: { a: 0.14, p: 0.92, b: 0.53, q: 0.73 },
  C: { a: 0.1, p: 0.92, b: 0.34, q: 0.71 },
  D: { a: 0.06, p: 0.92, b: 0.15, q: 0.7 },
  E: { a: 0.04, p: 0.92, b: 0.1, q: 0.65 },
  F: { a: 0.02, p: 0.89, b: 0.05, q: 0.61 },
};

/** Puff σx = σy and σz (m) at distance x (m) travelled by the puff centre, x > 0. */
export function puffSigmas(x: number, stabilityClass: StabilityClass): Sigmas {
  requirePositive('x', x);
  const { a, p, b, q } = puffCoefficients[stabilityClass];
  return { sigmaY: a * x ** p, sigmaZ: b * x ** q };
}

/** Irwin (1979) wind-profile exponents p in u(z) = u_r (z/z_r)^p (§1.2, [V]). */
export const irwinExponents: Record<Terrain, Record<StabilityClass, number>> = {
  rural: { A: 0.07, B: 0.07, C: 0.1, D: 0.15, E: 0.35, F: 0.55 },
  urban: { A: 0.15, B: 0.15, C: 0.2, D: 0.25, E: 0.4, F: 0.6 },
};

/** Wind speed at height z (m) from the speed uRef measured at zRef (m), by the Irwin power law. */
export function windSpeedAtHeight(
  uRef: number,
  zRef: number,
  z: number,
  stabilityClass: StabilityClass,
  terrain: Terrain,
): number {
  return uRef * (z / zRef) ** irwinExponents[terrain][stabilityClass];
}

/**
 * The wind speed the plume equation uses for a release at height H (m): the 10 m speed for releases
 * up to 10 m (the Pasquill–Gifford curves were fitted with 10 m winds), the power-law speed at H above.
 */
export function transportWindSpeed(
  windSpeed10m: number,
  releaseHeightM: number,
  stabilityClass: StabilityClass,
  terrain: Terrain,
): number {
  if (releaseHeightM <= 10) return windSpeed10m;
  return windSpeedAtHeight(windSpeed10m, 10, releaseHeightM, stabilityClass, terrain);
}
