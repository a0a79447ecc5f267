import { describe, expect, it } from 'vitest';
import {
  checkCreditCode,
  computeCreditCodeCheckChar,
  computeOrganisationCodeCheckChar,
  creditCodeWeights,
  isValidCreditCode,
  normalizeCreditCode,
} from './credit-code.ts';

// Built here from the words of GB 32100-2015, independently of the module: the digits and the Latin
// capitals without I, O, S, V, Z; weights 3^(i−1) mod 31; check = (31 − Σ mod 31) mod 31.
const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'.replace(/[IOSVZ]/g, '');
const weights = Array.from({ length: 17 }, (_, i) => {
  let weight = 1;
  for (let k = 0; k < i; k += 1) weight = (weight * 3) % 31;
  return weight;
});
function checkCharByHand(first17: string): string {
  const sum = [...first17].reduce((total, char, i) => total + alphabet.indexOf(char) * (weights[i] ?? 0), 0);
  return alphabet.charAt((31 - (sum % 31)) % 31);
}

describe('GB 32100-2015 constants', () => {
  it('uses 31 characters and the weights 3^(i−1) mod 31', () => {
    expect(alphabet).toBe('0123456789ABCDEFGHJKLMNPQRTUWXY');
    expect(creditCodeWeights).toEqual(weights);
  });
});

describe('checkCreditCode: valid codes', () => {
  it.each([
    ['91350100M000100Y43', 'widely cited specimen'],
    ['91110000710926094P', 'letter as check character'],
    ['91530402MA6K00014R', 'synthetic 玉溪 fixture'],
    ['91530402MA6K00022L', 'synthetic 玉溪 fixture'],
    ['12530400MB0000000' + checkCharByHand('12530400MB0000000'), 'organ code 1 (机构编制), built by hand'],
    ['Y1530423000000000' + checkCharByHand('Y1530423000000000'), 'registration authority Y, built by hand'],
    [
      '31530402000000000' + checkCharByHand('31530402000000000'),
      'authority 3 (司法行政), not on any allow-list',
    ],
  ])('%s is valid (%s)', (code) => {
    const result = checkCreditCode(code);
    expect(result).toMatchObject({ valid: true, normalized: code, problem: null, problemPosition: null });
    expect(result.expectedCheckChar).toBe(code.charAt(17));
    expect(result.expectedCheckChar).toBe(checkCharByHand(code.slice(0, 17)));
    expect(isValidCreditCode(code)).toBe(true);
  });

  it('computes the check character of characters 1–17 as the standard describes', () => {
    for (const first17 of [
      '91350100M000100Y4',
      '91110000710926094',
      '91530402MA6K00014',
      '00000000000000000',
    ]) {
      expect(computeCreditCodeCheckChar(first17)).toBe(checkCharByHand(first17));
    }
    expect(computeCreditCodeCheckChar('00000000000000000')).toBe('0');
    expect(computeCreditCodeCheckChar('9153040')).toBeNull();
    expect(computeCreditCodeCheckChar('91530402MA6K0001I')).toBeNull();
  });
});

describe('checkCreditCode: invalid codes', () => {
  it.each([
    ['91350100M000100Y44', 'check_char', 18, '3'],
    ['91350100M000100Y4K', 'check_char', 18, '3'],
    ['91110000710926094X', 'check_char', 18, 'P'],
    ['', 'length', null, null],
    ['91350100M000100Y4', 'length', null, null],
    ['91350100M000100Y433', 'length', null, null],
    ['I1350100M000100Y43', 'alphabet', 1, null],
    ['91350100O000100Y43', 'alphabet', 9, null],
    ['91350100M000S00Y43', 'alphabet', 13, null],
    ['91350100M000100V43', 'alphabet', 16, null],
    ['91350100M000100Y4Z', 'alphabet', 18, '3'],
    ['91350100M000100Y4*', 'alphabet', 18, '3'],
    ['9135A100M000100Y43', 'division_code', 5, 'Y'],
  ])('%s → %s at %s', (code, problem, position, expected) => {
    const result = checkCreditCode(code);
    expect(result).toMatchObject({ valid: false, problem, problemPosition: position, warnings: [] });
    expect(result.expectedCheckChar).toBe(expected);
    expect(isValidCreditCode(code)).toBe(false);
  });

  it('names the right check character when only it is wrong', () => {
    const first17 = '91530402MA6K00014';
    for (const wrong of alphabet.replace('R', '')) {
      expect(checkCreditCode(first17 + wrong)).toMatchObject({
        problem: 'check_char',
        expectedCheckChar: 'R',
      });
    }
  });
});

describe('normalizeCreditCode', () => {
  it.each([
    ['9153 0402 MA6K 0001 4R', '91530402MA6K00014R'],
    ['91530402-MA6K0001-4R', '91530402MA6K00014R'],
    ['91530402ma6k00014r', '91530402MA6K00014R'],
    ['  91530402MA6K00014R\n', '91530402MA6K00014R'],
    ['９１５３０４０２ＭＡ６Ｋ０００１４Ｒ', '91530402MA6K00014R'],
    ['9153\u30000402\uFF0DMA6K\u20140001\u00B74R', '91530402MA6K00014R'],
    ['91530402_MA6K\u200B00014R', '91530402MA6K00014R'],
    ['91530402.MA6K00014R', '91530402.MA6K00014R'],
  ])('%j → %s', (input, expected) => {
    expect(normalizeCreditCode(input)).toBe(expected);
  });

  it('accepts a code typed with separators, lower case and full-width characters', () => {
    expect(checkCreditCode(' 9135 0100-m000 100y 43 ')).toMatchObject({
      valid: true,
      normalized: '91350100M000100Y43',
    });
    expect(checkCreditCode('９１１１００００７１０９２６０９４ｐ')).toMatchObject({
      valid: true,
      normalized: '91110000710926094P',
    });
  });
});

describe('GB 11714 organisation-code check on characters 9–17', () => {
  it.each([
    ['M000100Y', '4'],
    ['71092609', '4'],
    ['MA6K0001', '4'],
    ['MA6K0002', '2'],
    ['00000000', '0'],
    ['00000006', 'X'],
  ])('%s → %s', (body, expected) => {
    expect(computeOrganisationCodeCheckChar(body)).toBe(expected);
  });

  it('warns, without rejecting, when characters 9–17 fail it', () => {
    const first17 = '91530402MA6K00015';
    const result = checkCreditCode(first17 + checkCharByHand(first17));
    expect(result).toMatchObject({ valid: true, problem: null, warnings: ['organisation_code_check'] });
  });

  it('does not warn on codes that pass it', () => {
    expect(checkCreditCode('91350100M000100Y43').warnings).toEqual([]);
  });
});
