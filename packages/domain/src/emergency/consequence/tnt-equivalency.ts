import { requireInRange, requirePositive } from './consequence.errors.ts';

/**
 * TNT-equivalent mass of a vapour-cloud explosion (consequence-models.md §1.6):
 *
 * - Chinese safety-assessment practice: W_TNT = 1.8 · α · W_f · Q_f / Q_TNT, with the ground
 *   reflection factor 1.8, α = 0.04 (sometimes 0.03) and Q_TNT = 4520 kJ/kg (some texts 4500 or 4180).
 * - Yield (efficiency) form: W_TNT = η · M_f · ΔHc / E_TNT, η 1–10 % (EPA RMP worst case 10 % with
 *   E_TNT = 4680 kJ/kg; Crowl 4686; OpenSRANE default 3 %).
 *
 * W_f / M_f is the flammable mass in the cloud, ΔHc its lower heating value.
 */
export type TntMethod =
  | {
      readonly kind: 'cn_ground_factor';
      readonly alpha: number;
      readonly groundFactor: number;
      readonly tntHeatMjPerKg: number;
    }
  | { readonly kind: 'yield'; readonly efficiency: number; readonly tntHeatMjPerKg: number };

export const defaultCnTntMethod: TntMethod = {
  kind: 'cn_ground_factor',
  alpha: 0.04,
  groundFactor: 1.8,
  tntHeatMjPerKg: 4.52,
};
export const defaultYieldTntMethod: TntMethod = { kind: 'yield', efficiency: 0.1, tntHeatMjPerKg: 4.68 };

export interface TntEquivalent {
  readonly tntMassKg: number;
  /** Energy of that TNT mass, W_TNT · Q_TNT (J): the E of the energy-scaled distance. */
  readonly energyJ: number;
}

export function tntEquivalent(
  fuelMassKg: number,
  heatOfCombustionMjPerKg: number,
  method: TntMethod,
): TntEquivalent {
  requirePositive('fuelMassKg', fuelMassKg);
  requirePositive('heatOfCombustionMjPerKg', heatOfCombustionMjPerKg);
  requirePositive('method.tntHeatMjPerKg', method.tntHeatMjPerKg);
  const factor =
    method.kind === 'cn_ground_factor'
      ? requireInRange('method.groundFactor', method.groundFactor, 1, 2) *
        requirePositive('method.alpha', method.alpha, 1)
      : requirePositive('method.efficiency', method.efficiency, 1);
  const tntMassKg = (factor * fuelMassKg * heatOfCombustionMjPerKg) / method.tntHeatMjPerKg;
  return { tntMassKg, energyJ: tntMassKg * method.tntHeatMjPerKg * 1e6 };
}

/** Chinese practice death radius (50 % lethality): R_0.5 = 13.6 · (W_TNT/1000)^0.37 m (§1.9). */
export function cnDeathRadiusM(tntMassKg: number): number {
  return 13.6 * (requirePositive('tntMassKg', tntMassKg) / 1000) ** 0.37;
}
