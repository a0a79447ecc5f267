import { describe, expect, it } from 'vitest';
import { gb18218Table1 } from './gb18218-table1.ts';
import { gb18218CategoryCodes, gb18218Table2 } from './gb18218-table2.ts';
import { Rational } from './rational.ts';

function casCheckDigitIsValid(cas: string): boolean {
  const digits = cas.replace(/-/g, '');
  const body = digits.slice(0, -1);
  const sum = [...body].reverse().reduce((total, digit, index) => total + Number(digit) * (index + 1), 0);
  return sum % 10 === Number(digits.slice(-1));
}

describe('GB 18218-2018 Table 1', () => {
  it('has the 85 rows in order', () => {
    expect(gb18218Table1.map((row) => row.row)).toEqual(Array.from({ length: 85 }, (_, index) => index + 1));
  });

  it('gives every row a positive exact Q', () => {
    for (const row of gb18218Table1) {
      expect(Rational.fromDecimal(row.criticalQuantityTonnes).sign(), row.nameZh).toBe(1);
    }
  });

  it('holds CAS numbers that pass the CAS check digit', () => {
    const all = gb18218Table1.flatMap((row) => row.cas);
    expect(all.length).toBe(85); // 82 rows with CAS numbers, two of them with several
    expect(all.filter((cas) => !casCheckDigitIsValid(cas))).toEqual([]);
  });

  it('carries the β of the 14 Table 3 toxic gases, 一氧化碳 on row 13 (煤气)', () => {
    const betas = gb18218Table1
      .filter((row) => row.table3Beta !== undefined)
      .map((row) => [row.row, row.table3Beta, row.table3BetaVia ?? null]);
    expect(betas).toEqual([
      [1, '2', null],
      [3, '10', null],
      [4, '2', null],
      [6, '20', null],
      [7, '2', null],
      [9, '20', null],
      [10, '5', null],
      [11, '3', null],
      [12, '4', null],
      [13, '2', '一氧化碳'],
      [17, '3', null],
      [20, '5', null],
      [25, '10', null],
      [30, '20', null],
    ]);
  });
});

describe('GB 18218-2018 Table 2 with Table 4 β', () => {
  it('has one row per category code, in code order', () => {
    expect(gb18218Table2.map((row) => row.code)).toEqual([...gb18218CategoryCodes]);
    expect(gb18218Table2).toHaveLength(24);
  });

  it.each([
    ['J1', '5', '4'],
    ['J2', '50', '1'],
    ['J3', '50', '2'],
    ['J4', '50', '2'],
    ['J5', '500', '1'],
    ['W1.1', '1', '2'],
    ['W1.2', '10', '2'],
    ['W1.3', '50', '2'],
    ['W2', '10', '1.5'],
    ['W3', '150', '1'],
    ['W4', '50', '1'],
    ['W5.1', '10', '1.5'],
    ['W5.2', '50', '1'],
    ['W5.3', '1000', '1'],
    ['W5.4', '5000', '1'],
    ['W6.1', '10', '1.5'],
    ['W6.2', '50', '1'],
    ['W7.1', '10', '1.5'],
    ['W7.2', '50', '1'],
    ['W8', '50', '1'],
    ['W9.1', '50', '1'],
    ['W9.2', '200', '1'],
    ['W10', '200', '1'],
    ['W11', '200', '1'],
  ])('%s: Q = %s t, β = %s', (code, q, beta) => {
    const row = gb18218Table2.find((candidate) => candidate.code === code);
    expect([row?.criticalQuantityTonnes, row?.beta]).toEqual([q, beta]);
  });
});
