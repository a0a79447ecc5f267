/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015.
 *
 * Layout of the 18 characters: 1 登记管理部门码 · 2 机构类别码 · 3–8 登记管理机关行政区划码 (GB/T 2260,
 * 5304xx for 玉溪) · 9–17 主体标识码 (the GB 11714 organisation code) · 18 check character.
 */

/** GB 32100-2015: the 31 characters in use; I, O, S, V and Z never occur. Value = index. */
export const creditCodeAlphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** GB 32100-2015: weights of positions 1–17, 3^(i−1) mod 31. */
export const creditCodeWeights: readonly number[] = [
  1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

export const creditCodeLength = 18;

/**
 * Why a code is not valid, checked in this order (the first failure is reported):
 * - `length`: not 18 characters after normalisation (an empty input is a `length` problem too);
 * - `alphabet`: a character outside the 31-character set (I, O, S, V, Z, other letters, symbols);
 * - `division_code`: positions 3–8 are not six digits (GB/T 2260 code of the registering authority);
 * - `check_char`: position 18 is not the check character computed from positions 1–17.
 *
 * There is deliberately no `registration_authority` problem: departments beyond 1/5/9/Y were given
 * codes after 2015 (e.g. 3 司法行政), so position 1 and 2 are only checked against the alphabet.
 */
export const creditCodeProblems = ['length', 'alphabet', 'division_code', 'check_char'] as const;
export type CreditCodeProblem = (typeof creditCodeProblems)[number];

/**
 * Findings that do not make a code invalid. `organisation_code_check`: positions 9–17 fail the
 * GB 11714 mod-11 check; real codes that pass the main check are known to fail it, so warn only.
 */
export const creditCodeWarnings = ['organisation_code_check'] as const;
export type CreditCodeWarning = (typeof creditCodeWarnings)[number];

export interface CreditCodeCheck {
  readonly valid: boolean;
  /** The input after {@link normalizeCreditCode}; store and display this form. */
  readonly normalized: string;
  /** Check character computed from positions 1–17; null unless there are 18 characters and 1–17 are in the alphabet. */
  readonly expectedCheckChar: string | null;
  /** Null when valid. */
  readonly problem: CreditCodeProblem | null;
  /** 1-based position of the first offending character for `alphabet`, `division_code` and `check_char`. */
  readonly problemPosition: number | null;
  readonly warnings: readonly CreditCodeWarning[];
}

// Separators people type or paste: whitespace (incl. U+3000 after width folding), the dash family,
// underscore, middle dots, and invisible zero-width characters.
const separators = /[\s\-_\u00B7\u2010-\u2015\u2212\u30FB\u200B-\u200D\u2060\uFEFF]/g;

/** Full-width ASCII (U+FF01–FF5E) to half-width, and the ideographic space to a space. */
function toHalfWidth(input: string): string {
  return input
    .replace(/[\uFF01-\uFF5E]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

/** Full-width to half-width, separators removed, upper case. Does not validate. */
export function normalizeCreditCode(input: string): string {
  return toHalfWidth(input).replace(separators, '').toUpperCase();
}

function valuesOf(chars: string): number[] | null {
  const values = [...chars].map((char) => creditCodeAlphabet.indexOf(char));
  return values.every((value) => value >= 0) ? values : null;
}

/**
 * GB 32100-2015: check = (31 − Σ vᵢ·wᵢ mod 31) mod 31, as a character of the alphabet.
 * Null when `first17` is not 17 characters of the alphabet.
 */
export function computeCreditCodeCheckChar(first17: string): string | null {
  const values = first17.length === creditCodeLength - 1 ? valuesOf(first17) : null;
  if (values === null) return null;
  const sum = values.reduce((total, value, index) => total + value * (creditCodeWeights[index] ?? 0), 0);
  return creditCodeAlphabet.charAt((31 - (sum % 31)) % 31);
}

const organisationCodeWeights = [3, 7, 9, 10, 5, 8, 4, 2];

/**
 * GB 11714 check character of a 9-character organisation code body (8 characters): digits are
 * their value, letters A=10 … Z=35; c = 11 − Σ mod 11 with 10 → X and 11 → 0. Null on bad input.
 */
export function computeOrganisationCodeCheckChar(body8: string): string | null {
  if (!/^[0-9A-Z]{8}$/.test(body8)) return null;
  const sum = [...body8].reduce(
    (total, char, index) => total + parseInt(char, 36) * (organisationCodeWeights[index] ?? 0),
    0,
  );
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

function firstOutsideAlphabet(code: string): number {
  return [...code].findIndex((char) => !creditCodeAlphabet.includes(char));
}

function firstNonDigitInDivision(code: string): number {
  const index = [...code.slice(2, 8)].findIndex((char) => !/[0-9]/.test(char));
  return index < 0 ? -1 : index + 2;
}

function organisationCodeWarnings(code: string): CreditCodeWarning[] {
  const expected = computeOrganisationCodeCheckChar(code.slice(8, 16));
  return expected === code.charAt(16) ? [] : ['organisation_code_check'];
}

/** Normalises `input` and checks it against GB 32100-2015. Never throws. */
export function checkCreditCode(input: string): CreditCodeCheck {
  const normalized = normalizeCreditCode(input);
  const expectedCheckChar =
    normalized.length === creditCodeLength ? computeCreditCodeCheckChar(normalized.slice(0, 17)) : null;
  const result = (problem: CreditCodeProblem | null, index: number | null): CreditCodeCheck => ({
    valid: problem === null,
    normalized,
    expectedCheckChar,
    problem,
    problemPosition: index === null ? null : index + 1,
    warnings: problem === null ? organisationCodeWarnings(normalized) : [],
  });

  if (normalized.length !== creditCodeLength) return result('length', null);
  const badChar = firstOutsideAlphabet(normalized);
  if (badChar >= 0) return result('alphabet', badChar);
  const badDivision = firstNonDigitInDivision(normalized);
  if (badDivision >= 0) return result('division_code', badDivision);
  if (normalized.charAt(17) !== expectedCheckChar) return result('check_char', 17);
  return result(null, null);
}

/** Shorthand for `checkCreditCode(input).valid`. */
export function isValidCreditCode(input: string): boolean {
  return checkCreditCode(input).valid;
}
