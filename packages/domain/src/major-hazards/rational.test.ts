import { describe, expect, it } from 'vitest';
import { Rational } from './rational.ts';

describe('Rational.parseDecimal', () => {
  it.each([
    ['0', '0'],
    ['12.5', '25/2'],
    ['0.1', '1/10'],
    ['-0.001', '-1/1000'],
    ['  7.250  ', '29/4'],
    ['.5', '1/2'],
    ['5.', '5'],
    ['1e3', '1000'],
    ['2.5E-2', '1/40'],
    ['4.99999999999999999', '499999999999999999/100000000000000000'],
    [0.1, '1/10'],
    [1e-7, '1/10000000'],
    [1000, '1000'],
  ])('reads %j exactly as %s', (input, expected) => {
    expect(Rational.parseDecimal(input)?.toString()).toBe(expected);
  });

  it.each([
    '',
    ' ',
    'abc',
    '1,000',
    '1.2.3',
    '--1',
    'e5',
    '.',
    '1e999',
    Number.NaN,
    Number.POSITIVE_INFINITY,
  ])('refuses %j', (input) => {
    expect(Rational.parseDecimal(input)).toBeNull();
    expect(() => Rational.fromDecimal(input)).toThrow(RangeError);
  });
});

describe('Rational arithmetic', () => {
  const d = (text: string) => Rational.fromDecimal(text);

  it('adds 0.1 + 0.2 to exactly 0.3, where binary floating point does not', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(d('0.1').add(d('0.2')).equals(d('0.3'))).toBe(true);
  });

  it('sums 0.7 + 0.2 + 0.1 to exactly 1, where floating point gives 0.9999999999999999', () => {
    expect(0.7 + 0.2 + 0.1).toBeLessThan(1);
    expect(Rational.sum([d('0.7'), d('0.2'), d('0.1')]).compare(Rational.one)).toBe(0);
  });

  it.each([
    ['3', '5', 'multiply', '15'],
    ['1', '3', 'divide', '1/3'],
    ['0.3', '0.3', 'divide', '1'],
    ['1', '0.25', 'subtract', '3/4'],
    ['-2', '4', 'divide', '-1/2'],
  ] as const)('%s %s: %s gives %s', (a, b, operation, expected) => {
    expect(d(a)[operation](d(b)).toString()).toBe(expected);
  });

  it('keeps values reduced with a positive denominator', () => {
    const value = Rational.of(6, -8);
    expect([value.numerator, value.denominator]).toEqual([-3n, 4n]);
  });

  it('refuses a zero denominator and division by zero', () => {
    expect(() => Rational.of(1, 0)).toThrow(RangeError);
    expect(() => Rational.one.divide(Rational.zero)).toThrow(RangeError);
  });

  it.each([
    ['0.99999999999999999', '1', -1],
    ['1', '1.000', 0],
    ['1.00000000000000001', '1', 1],
    ['-1', '0', -1],
  ] as const)('compares %s with %s as %i', (a, b, expected) => {
    expect(d(a).compare(d(b))).toBe(expected);
    expect(d(a).isAtLeast(d(b))).toBe(expected >= 0);
    expect(d(a).isLessThan(d(b))).toBe(expected < 0);
  });
});

describe('Rational.toDecimalString', () => {
  it.each([
    ['2/3', 4, 'half-up', '0.6667'],
    ['2/3', 4, 'down', '0.6666'],
    ['1/8', 2, 'half-up', '0.13'],
    ['1/8', 2, 'down', '0.12'],
    ['-1/8', 2, 'half-up', '-0.13'],
    ['-1/1000', 2, 'half-up', '0.00'],
    ['5', 4, 'down', '5.0000'],
    ['999999/1000000', 4, 'down', '0.9999'],
    ['999999/1000000', 4, 'half-up', '1.0000'],
    ['7/2', 0, 'half-up', '4'],
  ] as const)('%s to %i places (%s) is %s', (fraction, places, rounding, expected) => {
    const [n, d = '1'] = fraction.split('/');
    expect(Rational.of(BigInt(n ?? '0'), BigInt(d)).toDecimalString(places, rounding)).toBe(expected);
  });

  it.each([
    ['12.50', '12.5'],
    ['0.75', '0.75'],
    ['1000', '1000'],
    ['4.99999999999999999', '4.99999999999999999'],
  ])('writes %s back as exactly %s', (input, expected) => {
    expect(Rational.fromDecimal(input).toExactDecimalString()).toBe(expected);
  });

  it('has no exact decimal for 1/3', () => {
    expect(Rational.of(1, 3).toExactDecimalString()).toBeNull();
  });
});
