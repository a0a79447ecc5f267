import { describe, expect, it } from 'vitest';
import { fenOf, rmbYuanSchema } from './rmb-amount.ts';

describe('fenOf', () => {
  it.each([
    ['12345.60', 1_234_560n],
    ['12345.6', 1_234_560n],
    ['0.05', 5n],
    ['+7', 700n],
    ['999999999999.99', 99_999_999_999_999n],
    [{ fen: 42 }, 42n],
    [{ fen: 42n }, 42n],
  ])('%o → %s fen', (amount, fen) => {
    expect(fenOf(amount)).toBe(fen);
  });
});

describe('rmbYuanSchema', () => {
  it.each(['0', '0.05', '30000.00', '999999999999.99'])('accepts %s', (value) => {
    expect(rmbYuanSchema.parse(value)).toBe(value);
  });

  it.each(['-1', '1.234', '1000000000000', '1,000', '', '.5', '1e3'])('rejects %s', (value) => {
    expect(rmbYuanSchema.safeParse(value).success).toBe(false);
  });
});
