/**
 * An exact rational number on BigInt, for statutory quantities that are compared with a threshold
 * (GB 18218-2018 S ≥ 1, accident losses ≥ 1000 万元). Binary floating point gets these wrong:
 * 0.7 + 0.2 + 0.1 is 0.9999999999999999 in IEEE 754 but exactly 1 here.
 *
 * Values are immutable and always reduced, with a positive denominator.
 */

/** How `toDecimalString` drops digits: half away from zero (四舍五入), or towards zero (truncate). */
export type RationalRounding = 'half-up' | 'down';

const plainDecimal = /^([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
/** Exponents beyond this are refused: they would only build huge BigInts from a short string. */
const maxExponent = 400;

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export class Rational {
  static readonly zero = new Rational(0n, 1n);
  static readonly one = new Rational(1n, 1n);

  private constructor(
    readonly numerator: bigint,
    readonly denominator: bigint,
  ) {}

  /** numerator / denominator, reduced. Integers given as numbers must be safe integers. */
  static of(numerator: bigint | number, denominator: bigint | number = 1n): Rational {
    const n = toBigInt(numerator);
    const d = toBigInt(denominator);
    if (d === 0n) throw new RangeError('Rational: denominator is zero');
    const sign = d < 0n ? -1n : 1n;
    const divisor = gcd(n, d) || 1n;
    return new Rational((sign * n) / divisor, (sign * d) / divisor);
  }

  /**
   * Reads a decimal such as "12.5", "-0.001", "1e3" or a JS number. A number is read through its
   * shortest decimal form (what `String(n)` prints), so 0.1 means exactly 1/10. Null when the input
   * is not a finite decimal.
   */
  static parseDecimal(value: string | number): Rational | null {
    if (typeof value === 'number' && !Number.isFinite(value)) return null;
    const match = plainDecimal.exec(String(value).trim());
    if (!match) return null;
    const [, sign, whole = '', fraction = '', exponentText] = match;
    if (whole === '' && fraction === '') return null;
    const exponent = exponentText === undefined ? 0 : Number(exponentText);
    if (Math.abs(exponent) > maxExponent) return null;
    const digits = BigInt(`${whole}${fraction}` || '0') * (sign === '-' ? -1n : 1n);
    const scale = exponent - fraction.length;
    return scale >= 0
      ? Rational.of(digits * 10n ** BigInt(scale))
      : Rational.of(digits, 10n ** BigInt(-scale));
  }

  /** Like `parseDecimal`, but throws a RangeError on bad input. */
  static fromDecimal(value: string | number): Rational {
    const parsed = Rational.parseDecimal(value);
    if (!parsed) throw new RangeError(`Rational: not a decimal number: ${String(value)}`);
    return parsed;
  }

  static sum(values: Iterable<Rational>): Rational {
    let total = Rational.zero;
    for (const value of values) total = total.add(value);
    return total;
  }

  add(other: Rational): Rational {
    return Rational.of(
      this.numerator * other.denominator + other.numerator * this.denominator,
      this.denominator * other.denominator,
    );
  }

  subtract(other: Rational): Rational {
    return this.add(other.negate());
  }

  multiply(other: Rational): Rational {
    return Rational.of(this.numerator * other.numerator, this.denominator * other.denominator);
  }

  divide(other: Rational): Rational {
    if (other.numerator === 0n) throw new RangeError('Rational: division by zero');
    return Rational.of(this.numerator * other.denominator, this.denominator * other.numerator);
  }

  negate(): Rational {
    return new Rational(-this.numerator, this.denominator);
  }

  /** -1, 0 or 1 as this is less than, equal to or greater than `other`. */
  compare(other: Rational): -1 | 0 | 1 {
    const left = this.numerator * other.denominator;
    const right = other.numerator * this.denominator;
    return left < right ? -1 : left > right ? 1 : 0;
  }

  equals(other: Rational): boolean {
    return this.compare(other) === 0;
  }

  isAtLeast(other: Rational): boolean {
    return this.compare(other) >= 0;
  }

  isLessThan(other: Rational): boolean {
    return this.compare(other) < 0;
  }

  sign(): -1 | 0 | 1 {
    return this.numerator < 0n ? -1 : this.numerator > 0n ? 1 : 0;
  }

  /** Fixed-point text with exactly `places` decimals, e.g. (2/3).toDecimalString(4) = "0.6667". */
  toDecimalString(places: number, rounding: RationalRounding = 'half-up'): string {
    if (!Number.isInteger(places) || places < 0) throw new RangeError('Rational: bad number of places');
    const scaled = (this.numerator < 0n ? -this.numerator : this.numerator) * 10n ** BigInt(places);
    let units = scaled / this.denominator;
    if (rounding === 'half-up' && 2n * (scaled % this.denominator) >= this.denominator) units += 1n;
    const digits = units.toString().padStart(places + 1, '0');
    const sign = this.numerator < 0n && units !== 0n ? '-' : '';
    if (places === 0) return `${sign}${digits}`;
    return `${sign}${digits.slice(0, -places)}.${digits.slice(-places)}`;
  }

  /** The shortest exact decimal text when the value has one (denominator 2^a·5^b), else null. */
  toExactDecimalString(): string | null {
    let rest = this.denominator;
    let places = 0;
    for (const factor of [2n, 5n]) {
      let count = 0;
      while (rest % factor === 0n) {
        rest /= factor;
        count += 1;
      }
      places = Math.max(places, count);
    }
    if (rest !== 1n) return null;
    const text = this.toDecimalString(places, 'down');
    return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
  }

  /** "n/d", or "n" for an integer. */
  toString(): string {
    return this.denominator === 1n ? this.numerator.toString() : `${this.numerator}/${this.denominator}`;
  }
}

function toBigInt(value: bigint | number): bigint {
  if (typeof value === 'bigint') return value;
  if (!Number.isSafeInteger(value)) throw new RangeError(`Rational: not a safe integer: ${value}`);
  return BigInt(value);
}
