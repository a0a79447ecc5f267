import { requireInRange, requirePositive } from './consequence.errors.ts';
import { puffSigmas } from './dispersion-coefficients.ts';
import type { GroundCentreline } from './ground-centreline.ts';
import type { StabilityClass } from './stability-class.ts';

/**
 * Gaussian puff from an instantaneous release of mass M, carried by the wind at u, with ground
 * reflection (consequence-models.md §1.5). The puff centre is at x_c = u t and the σ are taken at x_c:
 *
 *   C(x,y,z,t) = M / ((2π)^{3/2} σx σy σz) · exp(−(x−ut)²/2σx²) · exp(−y²/2σy²)
 *                · [exp(−(z−H)²/2σz²) + exp(−(z+H)²/2σz²)]
 *
 * On the ground at the centre of a ground-level puff this is 2M / ((2π)^{3/2} σx σy σz).
 */
export interface PuffParameters {
  readonly massKg: number;
  readonly windSpeedMPerS: number;
  readonly releaseHeightM: number;
  readonly stabilityClass: StabilityClass;
}

function checked(parameters: PuffParameters): PuffParameters {
  requirePositive('massKg', parameters.massKg);
  requirePositive('windSpeedMPerS', parameters.windSpeedMPerS);
  requireInRange('releaseHeightM', parameters.releaseHeightM, 0);
  return parameters;
}

/** Concentration (kg/m³) at (x, y, z) (m) and t (s) after the release; 0 before the release. */
export function puffConcentration(
  parameters: PuffParameters,
  x: number,
  y: number,
  z: number,
  t: number,
): number {
  const { massKg: m, windSpeedMPerS: u, releaseHeightM: h } = checked(parameters);
  if (!(t > 0)) return 0;
  const { sigmaY, sigmaZ } = puffSigmas(u * t, parameters.stabilityClass);
  const alongWind = Math.exp(-((x - u * t) ** 2) / (2 * sigmaY * sigmaY));
  const crosswind = Math.exp(-(y * y) / (2 * sigmaY * sigmaY));
  const vertical =
    Math.exp(-((z - h) ** 2) / (2 * sigmaZ * sigmaZ)) + Math.exp(-((z + h) ** 2) / (2 * sigmaZ * sigmaZ));
  return (m / ((2 * Math.PI) ** 1.5 * sigmaY * sigmaY * sigmaZ)) * alongWind * crosswind * vertical;
}

/**
 * Peak ground concentration (kg/m³) as the puff centre passes distance x:
 * 2M / ((2π)^{3/2} σx σy σz) · exp(−H²/2σz²). It does not depend on the wind speed.
 */
export function puffGroundCentreline(parameters: PuffParameters): GroundCentreline {
  const { massKg: m, releaseHeightM: h } = checked(parameters);
  const sigmas = (x: number) => puffSigmas(x, parameters.stabilityClass);
  return {
    concentrationAt: (x) => {
      const { sigmaY, sigmaZ } = sigmas(x);
      return (
        ((2 * m) / ((2 * Math.PI) ** 1.5 * sigmaY * sigmaY * sigmaZ)) *
        Math.exp(-(h * h) / (2 * sigmaZ * sigmaZ))
      );
    },
    sigmaYAt: (x) => sigmas(x).sigmaY,
    elevated: h > 0,
  };
}

/**
 * Time-integrated concentration (kg·s/m³) at (x, y, z) as the puff passes, σ taken at x:
 * ∫C dt = M / (2π u σy σz) · exp(−y²/2σy²) · [exp(−(z−H)²/2σz²) + exp(−(z+H)²/2σz²)].
 * On the ground axis of a ground-level puff this is M / (π u σy σz) (§1.5), the dose for toxic-load
 * probits of a passing puff.
 */
export function puffTimeIntegratedConcentration(
  parameters: PuffParameters,
  x: number,
  y: number,
  z: number,
): number {
  const { massKg: m, windSpeedMPerS: u, releaseHeightM: h } = checked(parameters);
  const { sigmaY, sigmaZ } = puffSigmas(requirePositive('x', x), parameters.stabilityClass);
  const crosswind = Math.exp(-(y * y) / (2 * sigmaY * sigmaY));
  const vertical =
    Math.exp(-((z - h) ** 2) / (2 * sigmaZ * sigmaZ)) + Math.exp(-((z + h) ** 2) / (2 * sigmaZ * sigmaZ));
  return (m / (2 * Math.PI * u * sigmaY * sigmaZ)) * crosswind * vertical;
}
