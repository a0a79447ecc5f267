import { describe, expect, it } from 'vitest';
import { MoneyAmountError } from './money-amount-error.ts';
import { formatRmb, formatRmbForDocument } from './rmb-format.ts';

describe('formatRmb', () => {
  it.each([
    ['12345.60', '¥12,345.60'],
    ['12345.6', '¥12,345.60'],
    ['30000', '¥30,000.00'],
    ['0.05', '¥0.05'],
    ['0', '¥0.00'],
    ['999', '¥999.00'],
    ['1000', '¥1,000.00'],
    ['1234567.89', '¥1,234,567.89'],
    ['999999999999.99', '¥999,999,999,999.99'],
    [{ fen: 3_000_000 }, '¥30,000.00'],
    [{ fen: 7n }, '¥0.07'],
  ])('%o → %s', (amount, expected) => {
    expect(formatRmb(amount)).toBe(expected);
  });

  it('rejects what the uppercase form rejects', () => {
    expect(() => formatRmb('-5')).toThrow(MoneyAmountError);
    expect(() => formatRmb('1.005')).toThrow(MoneyAmountError);
  });
});

describe('formatRmbForDocument', () => {
  it.each([
    ['30000', '人民币叁万元整（¥30,000.00）'],
    ['12345.60', '人民币壹万贰仟叁佰肆拾伍元陆角（¥12,345.60）'],
    [{ fen: 5 }, '人民币伍分（¥0.05）'],
  ])('%o → %s', (amount, expected) => {
    expect(formatRmbForDocument(amount)).toBe(expected);
  });
});
