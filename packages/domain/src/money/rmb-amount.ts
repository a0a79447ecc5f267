import { z } from 'zod';
import { MoneyAmountError } from './money-amount-error.ts';

/**
 * An amount of 人民币 without binary floating point: a decimal string of yuan (`'12345.60'`) or an
 * integer number of fen (`{ fen: 1234560 }`). A bare number is not accepted, so that 30000 can never
 * be read as yuan by one caller and fen by another.
 */
export type RmbAmount = string | { readonly fen: bigint | number };

/** Amounts must stay below 10¹² yuan (一万亿元), i.e. 10¹⁴ fen. */
export const rmbMaxFenExclusive = 100_000_000_000_000n;

function checkRange(fen: bigint, amount: unknown): bigint {
  if (fen < 0n) throw new MoneyAmountError('calc.amount_negative', amount);
  if (fen >= rmbMaxFenExclusive) throw new MoneyAmountError('calc.amount_too_large', amount);
  return fen;
}

function fenOfYuanText(text: string): bigint {
  const trimmed = text.trim();
  const match = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(trimmed);
  if (match === null) throw new MoneyAmountError('calc.amount_invalid', text);
  const [, sign, whole = '', decimals = ''] = match;
  if (decimals.length > 2) throw new MoneyAmountError('calc.amount_too_many_decimals', text);
  const fen = BigInt(whole) * 100n + BigInt(decimals.padEnd(2, '0'));
  if (sign === '-' && fen > 0n) throw new MoneyAmountError('calc.amount_negative', text);
  return checkRange(fen, text);
}

function fenOfNumber(fen: number): bigint {
  if (!Number.isFinite(fen)) throw new MoneyAmountError('calc.amount_invalid', fen);
  if (fen < 0) throw new MoneyAmountError('calc.amount_negative', fen);
  if (!Number.isInteger(fen)) throw new MoneyAmountError('calc.amount_too_many_decimals', fen);
  if (!Number.isSafeInteger(fen)) throw new MoneyAmountError('calc.amount_too_large', fen);
  return checkRange(BigInt(fen), fen);
}

/**
 * The amount in fen. Yuan text: optional sign, digits, optionally a point and one or two digits
 * (`'30000'`, `'12345.6'`, `'0.05'`); no thousands separators. Throws {@link MoneyAmountError}.
 */
export function fenOf(amount: RmbAmount): bigint {
  if (typeof amount === 'string') return fenOfYuanText(amount);
  if (typeof amount === 'object' && amount !== null && 'fen' in amount) {
    return typeof amount.fen === 'bigint' ? checkRange(amount.fen, amount.fen) : fenOfNumber(amount.fen);
  }
  throw new MoneyAmountError('calc.amount_invalid', amount);
}

/** An amount of yuan in a request, as a decimal string: below 10¹² yuan, at most two decimals. */
export const rmbYuanSchema = z
  .string()
  .regex(/^\d{1,12}(\.\d{1,2})?$/, 'a non-negative amount of yuan with at most two decimals, e.g. 30000.00')
  .describe(
    'Amount in yuan (元) as a decimal string, e.g. "30000.00"; below 10¹² yuan, at most two decimals',
  );
