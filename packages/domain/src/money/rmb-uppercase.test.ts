import { describe, expect, it } from 'vitest';
import { MoneyAmountError } from './money-amount-error.ts';
import { toRmbUppercase } from './rmb-uppercase.ts';

describe('toRmbUppercase', () => {
  it.each([
    // The brief's cases.
    ['12345.60', '壹万贰仟叁佰肆拾伍元陆角'],
    ['30000', '叁万元整'],
    ['10005', '壹万零伍元整'],
    ['100000000', '壹亿元整'],
    ['0.05', '伍分'],
    ['1010.10', '壹仟零壹拾元壹角'],
    // 中国人民银行《正确填写票据和结算凭证的基本规定》 examples.
    ['1409.50', '壹仟肆佰零玖元伍角'],
    ['6007.14', '陆仟零柒元壹角肆分'],
    ['1680.32', '壹仟陆佰捌拾元叁角贰分'],
    ['107000.53', '壹拾万零柒仟元伍角叁分'],
    ['16409.02', '壹万陆仟肆佰零玖元零贰分'],
    ['325.04', '叁佰贰拾伍元零肆分'],
    // Zeros at and across 万 and 亿.
    ['0', '零元整'],
    ['0.00', '零元整'],
    ['10', '壹拾元整'],
    ['15', '壹拾伍元整'],
    ['1000000', '壹佰万元整'],
    ['1001000', '壹佰万零壹仟元整'],
    ['110000', '壹拾壹万元整'],
    ['200300', '贰拾万零叁佰元整'],
    ['100010000', '壹亿零壹万元整'],
    ['100005000', '壹亿零伍仟元整'],
    ['105000000', '壹亿零伍佰万元整'],
    ['120000005', '壹亿贰仟万零伍元整'],
    ['100000000000', '壹仟亿元整'],
    ['999999999999.99', '玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分'],
    // Fractions.
    ['0.5', '伍角'],
    ['0.50', '伍角'],
    ['0.55', '伍角伍分'],
    ['1.01', '壹元零壹分'],
    ['10.05', '壹拾元零伍分'],
    ['20.1', '贰拾元壹角'],
    [' 00012.30 ', '壹拾贰元叁角'],
    ['-0', '零元整'],
  ])('%o → %s', (amount, expected) => {
    expect(toRmbUppercase(amount)).toBe(expected);
  });

  it.each([
    [{ fen: 3_000_000 }, '叁万元整'],
    [{ fen: 1_234_560 }, '壹万贰仟叁佰肆拾伍元陆角'],
    [{ fen: 5 }, '伍分'],
    [{ fen: 0 }, '零元整'],
    [{ fen: 100_000_000_00n }, '壹亿元整'],
    [{ fen: 99_999_999_999_999n }, '玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分'],
  ])('%o → %s', (amount, expected) => {
    expect(toRmbUppercase(amount)).toBe(expected);
  });

  it.each([
    ['-1', 'calc.amount_negative'],
    ['-0.01', 'calc.amount_negative'],
    [{ fen: -1 }, 'calc.amount_negative'],
    [{ fen: -1n }, 'calc.amount_negative'],
    ['1.234', 'calc.amount_too_many_decimals'],
    ['0.001', 'calc.amount_too_many_decimals'],
    ['1.000', 'calc.amount_too_many_decimals'],
    [{ fen: 1.5 }, 'calc.amount_too_many_decimals'],
    ['1000000000000', 'calc.amount_too_large'],
    ['1000000000000.00', 'calc.amount_too_large'],
    [{ fen: 100_000_000_000_000 }, 'calc.amount_too_large'],
    [{ fen: 100_000_000_000_000n }, 'calc.amount_too_large'],
    [{ fen: Number.MAX_VALUE }, 'calc.amount_too_large'],
    ['', 'calc.amount_invalid'],
    ['abc', 'calc.amount_invalid'],
    ['1,000.00', 'calc.amount_invalid'],
    ['1.', 'calc.amount_invalid'],
    ['.5', 'calc.amount_invalid'],
    ['1e3', 'calc.amount_invalid'],
    ['¥100', 'calc.amount_invalid'],
    [{ fen: Number.NaN }, 'calc.amount_invalid'],
    [{ fen: Number.POSITIVE_INFINITY }, 'calc.amount_invalid'],
  ] as const)('rejects %o with %s', (amount, code) => {
    let caught: unknown;
    try {
      toRmbUppercase(amount);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(MoneyAmountError);
    expect((caught as MoneyAmountError).code).toBe(code);
  });

  it('rejects a bare number, which could be yuan or fen', () => {
    expect(() => toRmbUppercase(30000 as unknown as string)).toThrow(MoneyAmountError);
  });
});
