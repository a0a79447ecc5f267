import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { creditCodeCheckResponseSchema, creditCodeSchema } from './credit-code.schema.ts';
import { checkCreditCode } from './credit-code.ts';
import { fillMessage } from '../../errors/coded-issue.ts';
import { errorMessage } from '../../errors/domain-error.ts';
import type { ErrorCode } from '../../errors/error-catalogue.ts';

describe('creditCodeSchema', () => {
  it.each([
    ['91350100M000100Y43', '91350100M000100Y43'],
    [' 9135 0100-m000 100y 43 ', '91350100M000100Y43'],
    ['９１１１００００７１０９２６０９４ｐ', '91110000710926094P'],
  ])('accepts %j as %s', (input, expected) => {
    expect(creditCodeSchema.parse(input)).toBe(expected);
  });

  it.each([
    ['91350100M000100Y44', 'check_char', 18, '3', '按前 17 位应为 3'],
    ['91350100M00010', 'length', null, null, '应为 18 位'],
    ['91350100MO00100Y43', 'alphabet', 10, null, '第 10 位字符不允许'],
    ['9135A100M000100Y43', 'division_code', 5, 'Y', '第 5 位不是数字'],
  ])(
    'rejects %s with problem %s, with a message in each language',
    (input, problem, position, expectedCheckChar, zh) => {
      const result = creditCodeSchema.safeParse(input);
      expect(result.success).toBe(false);
      expect(result.error?.issues).toHaveLength(1);
      const issue = result.error?.issues[0] as
        (z.core.$ZodIssue & { params?: Record<string, unknown> }) | undefined;
      expect(issue).toMatchObject({ code: 'custom', params: { problem, position, expectedCheckChar } });
      const code = `registry.credit_code_${problem}` as ErrorCode;
      expect(issue?.params?.code).toBe(code);
      const message = (language: 'zh-CN' | 'en') =>
        fillMessage(errorMessage(code, language), issue?.params ?? {});
      expect(message('zh-CN')).toContain(zh);
      expect(message('zh-CN')).not.toMatch(/[A-Za-z]{4,}/); // no English words in the Chinese message
      expect(message('en')).toMatch(/^[A-Z].*unified social credit code/);
      expect(message('en')).not.toContain('{');
    },
  );

  it('rejects over-long input before normalising it', () => {
    expect(creditCodeSchema.safeParse(' '.repeat(65)).error?.issues[0]?.code).toBe('too_big');
    expect(creditCodeSchema.safeParse(123).success).toBe(false);
  });

  it('describes itself for the OpenAPI document', () => {
    const json = z.toJSONSchema(creditCodeSchema) as { type: string; description: string };
    expect(json.type).toBe('string');
    expect(json.description).toContain('GB 32100-2015');
  });
});

describe('creditCodeCheckResponseSchema', () => {
  it('accepts what checkCreditCode returns, valid or not', () => {
    for (const code of ['91350100M000100Y43', '91350100M000100Y44', 'abc', '']) {
      expect(creditCodeCheckResponseSchema.safeParse(checkCreditCode(code)).success).toBe(true);
    }
  });
});
