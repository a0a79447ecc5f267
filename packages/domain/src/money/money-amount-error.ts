import { DomainError } from '../errors/domain-error.ts';

/**
 * Codes of the money utilities (all 400):
 * - `calc.amount_invalid`: not a plain decimal number of yuan (or not an integer number of fen).
 * - `calc.amount_negative`: below zero.
 * - `calc.amount_too_many_decimals`: finer than one fen (more than two decimals of yuan).
 * - `calc.amount_too_large`: 10¹² yuan (一万亿元) or more, beyond what 大写 with 亿 can write.
 */
export type MoneyAmountErrorCode =
  'calc.amount_invalid' | 'calc.amount_negative' | 'calc.amount_too_many_decimals' | 'calc.amount_too_large';

/** Thrown for an amount the money utilities cannot take; the HTTP layer answers it as a DomainError. */
export class MoneyAmountError extends DomainError {
  declare readonly code: MoneyAmountErrorCode;

  constructor(code: MoneyAmountErrorCode, amount: unknown) {
    super(code, { details: { amount: typeof amount === 'bigint' ? amount.toString() : amount } });
    this.name = 'MoneyAmountError';
  }
}
