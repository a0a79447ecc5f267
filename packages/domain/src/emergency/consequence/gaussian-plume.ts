import { requireInRange, requirePositive } from './consequence.errors.ts';
import { plumeSigmas, type Terrain } from './dispersion-coefficients.ts';
import type { GroundCentreline } from './ground-centreline.ts';
import type { StabilityClass } from './stability-class.ts';

/**
 * Gaussian plume from a continuous point source in a steady wind, with total reflection at the
 * ground (consequence-models.md §1.4):
 *
 *   C(x,y,z) = Q / (2π u σy σz) · exp(−y²/2σy²) · [exp(−(z−H)²/2σz²) + exp(−(z+H)²/2σz²)]
 *
 * Q in kg/s, u in m/s, H the effective release height (m), C in kg/m³; σ from the Briggs curves.
 */
export interface PlumeParameters {
  readonly emissionRateKgPerS: number;
  /** Transport wind speed (m/s) at the release height, see transportWindSpeed. */
  readonly windSpeedMPerS: number;
  readonly releaseHeightM: number;
  readonly stabilityClass: StabilityClass;
  readonly terrain: Terrain;
}

function checked(parameters: PlumeParameters): PlumeParameters {
  requirePositive('emissionRateKgPerS', parameters.emissionRateKgPerS);
  requirePositive('windSpeedMPerS', parameters.windSpeedMPerS);
  requireInRange('releaseHeightM', parameters.releaseHeightM, 0);
  return parameters;
}

/** Concentration (kg/m³) at (x, y, z) in metres: x downwind, y crosswind, z above ground. 0 upwind. */
export function plumeConcentration(parameters: PlumeParameters, x: number, y: number, z: number): number {
  const { emissionRateKgPerS: q, windSpeedMPerS: u, releaseHeightM: h } = checked(parameters);
  if (!(x > 0)) return 0;
  const { sigmaY, sigmaZ } = plumeSigmas(x, parameters.stabilityClass, parameters.terrain);
  const crosswind = Math.exp(-(y * y) / (2 * sigmaY * sigmaY));
  const vertical =
    Math.exp(-((z - h) ** 2) / (2 * sigmaZ * sigmaZ)) + Math.exp(-((z + h) ** 2) / (2 * sigmaZ * sigmaZ));
  return (q / (2 * Math.PI * u * sigmaY * sigmaZ)) * crosswind * vertical;
}

/** The plume seen at ground level along its axis: C(x,0,0) = Q/(π u σy σz) · exp(−H²/2σz²). */
export function plumeGroundCentreline(parameters: PlumeParameters): GroundCentreline {
  const { emissionRateKgPerS: q, windSpeedMPerS: u, releaseHeightM: h } = checked(parameters);
  const sigmas = (x: number) => plumeSigmas(x, parameters.stabilityClass, parameters.terrain);
  return {
    concentrationAt: (x) => {
      const { sigmaY, sigmaZ } = sigmas(x);
      return (q / (Math.PI * u * sigmaY * sigmaZ)) * Math.exp(-(h * h) / (2 * sigmaZ * sigmaZ));
    },
    sigmaYAt: (x) => sigmas(x).sigmaY,
    elevated: h > 0,
  };
}
