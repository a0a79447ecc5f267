import { describe, expect, it } from 'vitest';
import { generateSyntheticCreditCode, syntheticCreditCodeSeedLimit } from './credit-code-generator.ts';
import { checkCreditCode } from './credit-code.ts';

function lcg(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('generateSyntheticCreditCode', () => {
  it('gives valid codes, without warnings, for many seeds', () => {
    const seeds = [
      ...Array.from({ length: 2000 }, (_, i) => i),
      ...Array.from({ length: 1000 }, (_, i) => i * 887_503 + 17),
      syntheticCreditCodeSeedLimit - 1,
    ];
    for (const seed of seeds) {
      const check = checkCreditCode(generateSyntheticCreditCode(seed));
      expect(check, String(seed)).toMatchObject({ valid: true, warnings: [] });
    }
  });

  it('gives distinct codes for distinct seeds', () => {
    const codes = new Set(Array.from({ length: 5000 }, (_, i) => generateSyntheticCreditCode(i * 7919)));
    expect(codes.size).toBe(5000);
  });

  it('is deterministic in its input', () => {
    // MA000000: GB 11714 check 11 − (22×3 + 10×7) mod 11 = 7; then the GB 32100 check is U.
    expect(generateSyntheticCreditCode(0)).toBe('91530402MA0000007U');
    expect(generateSyntheticCreditCode(42)).toBe(generateSyntheticCreditCode(42));
    expect(generateSyntheticCreditCode(lcg(7))).toBe(generateSyntheticCreditCode(lcg(7)));
    expect(generateSyntheticCreditCode(lcg(7))).not.toBe(generateSyntheticCreditCode(lcg(8)));
  });

  it('gives valid codes from a random source', () => {
    const random = lcg(2024);
    for (let i = 0; i < 2000; i += 1) {
      expect(checkCreditCode(generateSyntheticCreditCode(random))).toMatchObject({
        valid: true,
        warnings: [],
      });
    }
    expect(checkCreditCode(generateSyntheticCreditCode(() => 0.999999999)).valid).toBe(true);
  });

  it('uses the given prefix and division code', () => {
    const code = generateSyntheticCreditCode(5, { prefix: '93', divisionCode: '530427' });
    expect(code.slice(0, 10)).toBe('93530427MA');
    expect(checkCreditCode(code).valid).toBe(true);
    expect(generateSyntheticCreditCode(5).slice(0, 8)).toBe('91530402');
  });

  it.each([
    [-1, {}],
    [1.5, {}],
    [syntheticCreditCodeSeedLimit, {}],
    [Number.NaN, {}],
    [0, { prefix: '9' }],
    [0, { prefix: '9I' }],
    [0, { divisionCode: '5304' }],
    [0, { divisionCode: '5304AB' }],
  ])('rejects seed %s with options %j', (seed, options) => {
    expect(() => generateSyntheticCreditCode(seed, options)).toThrow(RangeError);
  });

  it.each([[1], [-0.1], [Number.NaN]])('rejects a random source that returns %s', (value) => {
    expect(() => generateSyntheticCreditCode(() => value)).toThrow(RangeError);
  });
});
