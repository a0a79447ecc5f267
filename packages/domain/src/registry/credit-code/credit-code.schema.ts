import { z } from 'zod';
import { codedIssue } from '../../errors/coded-issue.ts';
import {
  checkCreditCode,
  creditCodeProblems,
  creditCodeWarnings,
  type CreditCodeProblem,
} from './credit-code.ts';

const problemCodes = {
  length: 'registry.credit_code_length',
  alphabet: 'registry.credit_code_alphabet',
  division_code: 'registry.credit_code_division_code',
  check_char: 'registry.credit_code_check_char',
} as const satisfies Record<CreditCodeProblem, string>;

/**
 * A 统一社会信用代码 in a request. Normalises (full-width to half-width, spaces and hyphens removed,
 * upper case) and rejects codes that fail GB 32100-2015. The issue carries a catalogue code
 * (`params.code`, answered in the caller's language), `params.problem` ({@link CreditCodeProblem}),
 * `params.position` and `params.expected` (the right check character).
 */
export const creditCodeSchema = z
  .string()
  .max(64)
  .overwrite((value) => checkCreditCode(value).normalized)
  .superRefine((value, ctx) => {
    const check = checkCreditCode(value);
    if (check.problem === null) return;
    const issue = codedIssue(problemCodes[check.problem], {
      problem: check.problem,
      position: check.problemPosition,
      expected: check.expectedCheckChar,
    });
    ctx.addIssue({
      code: 'custom',
      ...issue,
      params: { ...issue.params, expectedCheckChar: check.expectedCheckChar },
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
