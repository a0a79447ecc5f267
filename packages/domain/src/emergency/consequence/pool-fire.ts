import { requireInRange, requirePositive } from './consequence.errors.ts';

/**
 * Pool fire, point-source model as used in CCPS and Chinese safety-assessment texts
 * (consequence-models.md §1.7):
 *
 *   Burgess burning flux   m″ = 0.001 ΔHc / (cp (Tb − Ta) + ΔHv)   (kJ/kg; no cp term if Tb < Ta)
 *   Thomas flame height    L / D = 42 [m″ / (ρa √(g D))]^0.61
 *   radiated power         Qr = η_r · m″ · A · ΔHc                    η_r 0.15–0.35
 *   received flux          q(x) = τ · Qr / (4π x²)                    x from the pool centre
 *
 * Good beyond about 5 D; a solid-flame model is needed closer in, and within 1.5 D the point may be
 * in or under the flame.
 */
export const gravityMPerS2 = 9.81;

export function burgessBurningRate(
  heatOfCombustionKjPerKg: number,
  heatOfVaporisationKjPerKg: number,
  specificHeatKjPerKgK: number,
  boilingPointC: number,
  ambientC: number,
): number {
  requirePositive('heatOfCombustion', heatOfCombustionKjPerKg);
  requirePositive('burningRate.heatOfVaporisationKjPerKg', heatOfVaporisationKjPerKg);
  const sensible =
    boilingPointC > ambientC
      ? requireInRange('burningRate.specificHeatKjPerKgK', specificHeatKjPerKgK, 0) *
        (boilingPointC - ambientC)
      : 0;
  return (0.001 * heatOfCombustionKjPerKg) / (sensible + heatOfVaporisationKjPerKg);
}

export function thomasFlameHeightM(
  diameterM: number,
  burningRateKgPerM2S: number,
  airDensityKgPerM3: number,
): number {
  const d = requirePositive('poolDiameterM', diameterM);
  const ratio =
    burningRateKgPerM2S /
    (requirePositive('airDensityKgPerM3', airDensityKgPerM3) * Math.sqrt(gravityMPerS2 * d));
  return 42 * d * ratio ** 0.61;
}

export interface PoolFireSource {
  readonly diameterM: number;
  readonly burningRateKgPerM2S: number;
  readonly heatOfCombustionMjPerKg: number;
  readonly radiativeFraction: number;
  readonly transmissivity: number;
}

/** Qr (W) = η_r · m″ · A · ΔHc. */
export function poolFireRadiatedPowerW(source: PoolFireSource): number {
  const area = (Math.PI * requirePositive('poolDiameterM', source.diameterM) ** 2) / 4;
  requirePositive('burningRateKgPerM2S', source.burningRateKgPerM2S);
  requirePositive('heatOfCombustionMjPerKg', source.heatOfCombustionMjPerKg);
  requireInRange('radiativeFraction', source.radiativeFraction, 0, 1);
  return source.radiativeFraction * source.burningRateKgPerM2S * area * source.heatOfCombustionMjPerKg * 1e6;
}

/** q (kW/m²) at distance x (m) from the pool centre. */
export function poolFireFluxKw(source: PoolFireSource, distanceM: number): number {
  const x = requirePositive('distanceM', distanceM);
  return (source.transmissivity * poolFireRadiatedPowerW(source)) / (4 * Math.PI * x * x) / 1000;
}

/** Distance (m) at which the flux falls to `fluxKw`: x = √(τ Qr / (4π q)). */
export function poolFireDistanceForFlux(source: PoolFireSource, fluxKw: number): number {
  return Math.sqrt(
    (source.transmissivity * poolFireRadiatedPowerW(source)) /
      (4 * Math.PI * requirePositive('fluxKw', fluxKw) * 1000),
  );
}
