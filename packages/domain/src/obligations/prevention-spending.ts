import { parameterOn, type ObligationParameters } from './obligation-parameters.ts';

/**
 * One insurer's year: prevention-service spending against the premiums it collected. Premiums are
 * counted in the year the policy starts (the year they are collected). 应急厅函〔2024〕322号 caps the
 * spending at a share of those premiums (21 % from 2024, a dated parameter read on 31 December of
 * the year); every insured enterprise of a mandatory sector should see at least one service in the
 * year when the bureau keeps that rule on (`preventionServiceYearly`).
 */
export interface PreventionYearInput {
  insurer: string;
  year: number;
  premiumsYuan: number;
  spendingYuan: number;
  /** Enterprises of the mandatory sectors insured by this insurer in the year with no service by it. */
  unservedEnterprises: string[];
}

export interface PreventionYear extends PreventionYearInput {
  capPercent: number;
  /** Spending as a percent of premiums, two decimals; null when no premium was collected. */
  spendingPercent: number | null;
  overCap: boolean;
  unservedFlagged: boolean;
}

export function evaluatePreventionYear(
  input: PreventionYearInput,
  parameters: ObligationParameters,
): PreventionYear {
  const day = `${input.year}-12-31`;
  const capPercent = parameterOn(parameters.preventionServiceCapPercent, day);
  const yearly = parameterOn(parameters.preventionServiceYearly, day);
  // Compare in fen (integers) so 21.00 % of a premium is not over the cap by a rounding error.
  const spendingFen = Math.round(input.spendingYuan * 100);
  const premiumsFen = Math.round(input.premiumsYuan * 100);
  const overCap = premiumsFen === 0 ? spendingFen > 0 : spendingFen * 100 > premiumsFen * capPercent;
  return {
    ...input,
    capPercent,
    spendingPercent: premiumsFen === 0 ? null : Math.round((spendingFen * 10_000) / premiumsFen) / 100,
    overCap,
    unservedFlagged: yearly && input.unservedEnterprises.length > 0,
  };
}
