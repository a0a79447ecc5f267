import { z } from 'zod';
import {
  checkCreditCode,
  creditCodeProblems,
  creditCodeWarnings,
  type CreditCodeProblem,
} from './credit-code.ts';

const problemMessages: Record<
  CreditCodeProblem,
  (position: number | null, expected: string | null) => string
> = {
  length: () => 'must have 18 characters (统一社会信用代码)',
  alphabet: (position) =>
    `character ${String(position)} is not allowed; only digits and A–Y without I, O, S, V, Z are used`,
  division_code: (position) =>
    `characters 3–8 must be the 6-digit division code; character ${String(position)} is not a digit`,
  check_char: (_position, expected) =>
    `the check character (18th) is wrong; with characters 1–17 as given it would be ${String(expected)}`,
};

const problemMessagesZh: Record<
  CreditCodeProblem,
  (position: number | null, expected: string | null) => string
> = {
  length: () => '应为 18 位',
  alphabet: (position) =>
    `第 ${String(position)} 位字符不允许使用（只用数字和除 I、O、S、V、Z 以外的大写字母）`,
  division_code: (position) => `第 3–8 位应为 6 位行政区划代码，第 ${String(position)} 位不是数字`,
  check_char: (_position, expected) => `第 18 位校验码不正确，按前 17 位应为 ${String(expected)}`,
};

/**
 * A 统一社会信用代码 in a request. Normalises (full-width to half-width, spaces and hyphens removed,
 * upper case) and rejects codes that fail GB 32100-2015. The issue carries `params.problem`
 * ({@link CreditCodeProblem}) and `params.expectedCheckChar` for clients that localise it.
 */
export const creditCodeSchema = z
  .string()
  .max(64)
  .overwrite((value) => checkCreditCode(value).normalized)
  .superRefine((value, ctx) => {
    const check = checkCreditCode(value);
    if (check.problem === null) return;
    ctx.addIssue({
      code: 'custom',
      message: `Not a valid unified social credit code: ${problemMessages[check.problem](check.problemPosition, check.expectedCheckChar)}`,
      params: {
        problem: check.problem,
        position: check.problemPosition,
        expectedCheckChar: check.expectedCheckChar,
        // The Chinese message, for the error handler to show in the Chinese UI.
        zh: `不是有效的统一社会信用代码：${problemMessagesZh[check.problem](check.problemPosition, check.expectedCheckChar)}`,
      },
    });
  })
  .describe(
    '统一社会信用代码 (GB 32100-2015), 18 characters; spaces, hyphens and full-width characters are accepted and normalised',
  )
  .meta({ examples: ['91530402MA6K00014R'] });

/** Path parameter of `GET /api/v1/calc/credit-code/{code}`: any string, so that invalid codes get an answer too. */
export const creditCodeCheckParamsSchema = z.object({
  code: z.string().min(1).max(64).describe('The code to check, as typed'),
});

/** Answer of `GET /api/v1/calc/credit-code/{code}`. */
export const creditCodeCheckResponseSchema = z.object({
  valid: z.boolean().describe('Whether the code passes GB 32100-2015'),
  normalized: z.string().describe('The code with separators removed and in upper case; the form to store'),
  expectedCheckChar: z
    .string()
    .length(1)
    .nullable()
    .describe('Check character computed from characters 1–17; null when they cannot be read'),
  problem: z.enum(creditCodeProblems).nullable().describe('First rule the code breaks; null when valid'),
  warnings: z
    .array(z.enum(creditCodeWarnings))
    .describe('Findings that do not invalidate the code (characters 9–17 fail the GB 11714 check)'),
});

export type CreditCodeCheckResponse = z.infer<typeof creditCodeCheckResponseSchema>;
