import { requireInRange, requirePositive } from './consequence.errors.ts';
import { solveDecreasingOnLog } from './consequence-numerics.ts';

/**
 * BLEVE fireball, CCPS correlations (consequence-models.md §1.7, [V], worked example E1):
 *
 *   D = 5.8 M^{1/3}      t = 0.45 M^{1/3} (M < 30 000 kg), 2.6 M^{1/6} (M ≥ 30 000 kg)
 *
 * M = fuel mass in the fireball (kg); CCPS puts the centre at about 0.75 D once it has lifted off.
 *
 * Solid flame: q = τ · E · F with E ≈ 350 kW/m² for large hydrocarbon fireballs and the view factor
 * of the worked example, F = R² X / (X² + R²)^{3/2}, R = D/2, X the ground distance to the point
 * below the centre. That F is a sphere whose centre is at height R (touching the ground) seen by a
 * vertical target; it is higher than for the lifted fireball at 0.75 D, so it errs on the safe side.
 * F peaks at X = R/√2 and falls to 0 under the fireball, where we report the peak instead.
 *
 * Point source (Hymes): q = 2.2 τ η_r ΔHc M^0.67 / (4π L²), ΔHc in J/kg → W/m², η_r 0.3 (0.4 at or
 * above the relief-valve set pressure), L the distance from the centre, taken at height R as above.
 */
export interface FireballGeometry {
  readonly diameterM: number;
  readonly radiusM: number;
  readonly durationS: number;
  /** CCPS centre height after lift-off, 0.75 D (for information; the fluxes assume R, see above). */
  readonly liftOffHeightM: number;
}

/** Mass above which the duration follows 2.6 M^{1/6}. */
export const fireballDurationBreakKg = 30_000;

export function fireballGeometry(fuelMassKg: number): FireballGeometry {
  const m = requirePositive('fuelMassKg', fuelMassKg);
  const diameterM = 5.8 * m ** (1 / 3);
  const durationS = m < fireballDurationBreakKg ? 0.45 * m ** (1 / 3) : 2.6 * m ** (1 / 6);
  return { diameterM, radiusM: diameterM / 2, durationS, liftOffHeightM: 0.75 * diameterM };
}

/** F = R² X / (X² + R²)^{3/2}, held at its peak for X < R/√2. */
export function fireballViewFactor(radiusM: number, groundDistanceM: number): number {
  const x = Math.max(requireInRange('distanceM', groundDistanceM, 0), radiusM / Math.SQRT2);
  return (radiusM * radiusM * x) / (x * x + radiusM * radiusM) ** 1.5;
}

export type FireballRadiationModel =
  | { readonly kind: 'solid_flame'; readonly emissivePowerKwPerM2: number; readonly transmissivity: number }
  | {
      readonly kind: 'point_source';
      readonly heatOfCombustionMjPerKg: number;
      readonly radiativeFraction: number;
      readonly transmissivity: number;
    };

/** Received flux (kW/m²) at ground distance X (m) from the point under the fireball centre. */
export function fireballFluxKw(
  fuelMassKg: number,
  model: FireballRadiationModel,
  groundDistanceM: number,
): number {
  const { radiusM } = fireballGeometry(fuelMassKg);
  if (model.kind === 'solid_flame') {
    return model.transmissivity * model.emissivePowerKwPerM2 * fireballViewFactor(radiusM, groundDistanceM);
  }
  const x = requireInRange('distanceM', groundDistanceM, 0);
  const energy = 2.2 * model.transmissivity * model.radiativeFraction * model.heatOfCombustionMjPerKg * 1e6;
  return (energy * fuelMassKg ** 0.67) / (4 * Math.PI * (x * x + radiusM * radiusM)) / 1000;
}

/** Ground distance (m) where the flux falls to `fluxKw`; null when it is never that high. */
export function fireballDistanceForFlux(
  fuelMassKg: number,
  model: FireballRadiationModel,
  fluxKw: number,
): number | null {
  const { radiusM } = fireballGeometry(fuelMassKg);
  const near = model.kind === 'solid_flame' ? radiusM / Math.SQRT2 : 0;
  const f = (x: number) => fireballFluxKw(fuelMassKg, model, x);
  if (f(near) < fluxKw) return null;
  const far = 1e6;
  if (f(far) >= fluxKw) return far;
  return solveDecreasingOnLog(f, fluxKw, Math.max(near, 1e-3), far);
}
