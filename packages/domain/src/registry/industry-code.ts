/**
 * GB/T 4754-2017 《国民经济行业分类》 (with its 2019 修改单): a class (小类) code is a section letter
 * (门类, A–T) and four digits whose first two are the division (大类, 01–97). Legacy spreadsheets
 * carry the digits alone (2614): the letter follows from the division, so a bare class code is
 * accepted and stored in its canonical form (C2614) — issue 11 item 1.
 *
 * Division ranges per section: ecosystem-security.md §E4 (A 01–05 and B 06–12 confirmed by an
 * excerpt; the rest from the standard's table of contents). Only the division is checked: the full
 * list of 1,382 classes is not in our sources, so a well-formed code in a known division is accepted.
 */
export const gbt4754Sections: Readonly<Record<string, readonly [number, number]>> = {
  A: [1, 5],
  B: [6, 12],
  C: [13, 43],
  D: [44, 46],
  E: [47, 50],
  F: [51, 52],
  G: [53, 60],
  H: [61, 62],
  I: [63, 65],
  J: [66, 69],
  K: [70, 70],
  L: [71, 72],
  M: [73, 75],
  N: [76, 79],
  O: [80, 82],
  P: [83, 83],
  Q: [84, 85],
  R: [86, 90],
  S: [91, 96],
  T: [97, 97],
};

/**
 * Why a code is refused: `format` — not four digits with an optional letter; `unknown_division` —
 * no section has that division (00, 98, 99) or the letter is not a section (Z); `section_mismatch`
 * — the letter is a section but not the division's (A2614).
 */
export type IndustryCodeProblem = 'format' | 'unknown_division' | 'section_mismatch';

export type IndustryCodeCheck =
  | { readonly valid: true; readonly code: string }
  | { readonly valid: false; readonly problem: IndustryCodeProblem; readonly expectedSection: string | null };

/** The section letter of a two-digit division, or null when no section has it. */
export function industrySectionOf(division: number): string | null {
  for (const [letter, [from, to]] of Object.entries(gbt4754Sections)) {
    if (division >= from && division <= to) return letter;
  }
  return null;
}

/**
 * Checks an industry code as typed: full-width characters, spaces and lower case are tolerated;
 * `2614` and `c2614` both give `C2614`.
 */
export function checkIndustryCode(input: string): IndustryCodeCheck {
  const text = input.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  const match = /^([A-Z]?)(\d{4})$/.exec(text);
  if (!match) return { valid: false, problem: 'format', expectedSection: null };
  const [, letter = '', digits = ''] = match;
  const section = industrySectionOf(Number(digits.slice(0, 2)));
  if (section === null || (letter !== '' && !(letter in gbt4754Sections)))
    return { valid: false, problem: 'unknown_division', expectedSection: section };
  if (letter !== '' && letter !== section)
    return { valid: false, problem: 'section_mismatch', expectedSection: section };
  return { valid: true, code: `${section}${digits}` };
}
