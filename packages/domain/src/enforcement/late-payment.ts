import { fenOf, type RmbAmount } from '../money/rmb-amount.ts';
import { calendarDaysBetween } from './calendar-date.ts';

export interface LatePaymentSurcharge {
  /** Calendar days after the last day of the payment period. */
  readonly daysLate: number;
  readonly surchargeFen: bigint;
  /** Whether the cap (the fine itself) was reached. */
  readonly capped: boolean;
}

/**
 * 加处罚款 for a fine paid late: 3 % of the fine for each day after the payment period
 * (行政处罚法 Art. 72(1) [M]), never more than the fine itself (行政强制法 Art. 45 [M]). Exact in fen;
 * a fraction of a fen is dropped in the party's favour (our assumption).
 */
export function latePaymentSurcharge(
  fine: RmbAmount,
  paymentDueDate: string,
  paidOn: string,
  ratePercentPerDay = 3,
): LatePaymentSurcharge {
  const fineFen = fenOf(fine);
  const daysLate = Math.max(0, calendarDaysBetween(paymentDueDate, paidOn));
  const uncapped = (fineFen * BigInt(ratePercentPerDay) * BigInt(daysLate)) / 100n;
  return {
    daysLate,
    surchargeFen: uncapped > fineFen ? fineFen : uncapped,
    capped: uncapped >= fineFen && daysLate > 0,
  };
}
