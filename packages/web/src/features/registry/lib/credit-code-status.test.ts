import { describe, expect, it } from 'vitest';
import { generateSyntheticCreditCode } from '@anjian/domain';
import { creditCodeStatus } from './credit-code-status.ts';

const valid = generateSyntheticCreditCode(11, { divisionCode: '530403' });

describe('creditCodeStatus', () => {
  it('accepts a valid code typed with spaces and in lower case', () => {
    const typed = `${valid.slice(0, 6)} ${valid.slice(6).toLowerCase()}`;
    expect(creditCodeStatus(typed, false)).toEqual({
      state: 'valid',
      normalized: valid,
      organisationCodeWarning: false,
    });
  });

  it('gives the expected check character when the 18th is wrong', () => {
    const expected = valid.charAt(17);
    const wrong = valid.slice(0, 17) + (expected === '0' ? '1' : '0');
    expect(creditCodeStatus(wrong, false)).toEqual({
      state: 'invalid',
      problem: 'check_char',
      position: 18,
      expected,
      length: 18,
    });
  });

  it('waits while a short code is typed, and reports it once the field is left', () => {
    expect(creditCodeStatus('', true)).toEqual({ state: 'empty' });
    expect(creditCodeStatus('915304', false)).toEqual({ state: 'typing', length: 6 });
    expect(creditCodeStatus('915304', true)).toMatchObject({
      state: 'invalid',
      problem: 'length',
      length: 6,
    });
  });

  it('reports a letter outside the alphabet at once', () => {
    expect(creditCodeStatus('91530O', false)).toMatchObject({
      state: 'invalid',
      problem: 'alphabet',
      position: 6,
    });
  });
});
