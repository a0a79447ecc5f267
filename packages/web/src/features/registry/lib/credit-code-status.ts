import { checkCreditCode, creditCodeAlphabet, type CreditCodeProblem } from '@anjian/domain';

export type CreditCodeStatus =
  | { state: 'empty' }
  /** Fewer than 18 characters while the user is still typing. */
  | { state: 'typing'; length: number }
  | { state: 'valid'; normalized: string; organisationCodeWarning: boolean }
  | {
      state: 'invalid';
      problem: CreditCodeProblem;
      /** 1-based position of the offending character, when there is one. */
      position: number | null;
      /** What the 18th character would be for the first 17 as typed (check_char problems). */
      expected: string | null;
      length: number;
    };

/**
 * The live verdict on a 统一社会信用代码 as it is typed, from the shared GB 32100-2015 check: a
 * character outside the alphabet is reported at once, a short code only once the field is left.
 */
export function creditCodeStatus(input: string, finished: boolean): CreditCodeStatus {
  const check = checkCreditCode(input);
  const length = check.normalized.length;
  if (length === 0) return { state: 'empty' };
  if (check.problem === null) {
    return {
      state: 'valid',
      normalized: check.normalized,
      organisationCodeWarning: check.warnings.includes('organisation_code_check'),
    };
  }
  if (check.problem === 'length' && length < 18) {
    const bad = [...check.normalized].findIndex((char) => !creditCodeAlphabet.includes(char));
    if (bad >= 0) return { state: 'invalid', problem: 'alphabet', position: bad + 1, expected: null, length };
    if (!finished) return { state: 'typing', length };
  }
  return {
    state: 'invalid',
    problem: check.problem,
    position: check.problemPosition,
    expected: check.expectedCheckChar,
    length,
  };
}
