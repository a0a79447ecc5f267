import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { checkIndustryCode } from './industry-code.ts';
import { enterpriseInputSchema, industryCodeSchema } from './enterprise.schema.ts';

describe('GB/T 4754-2017 industry codes', () => {
  it.each([
    ['C2614', 'C2614'],
    ['2614', 'C2614'], // a bare class code: the letter follows from division 26
    ['c2614', 'C2614'],
    [' 2614 ', 'C2614'],
    ['２６１４', 'C2614'], // full-width digits
    ['0111', 'A0111'],
    ['4411', 'D4411'],
    ['9710', 'T9710'],
  ])('%j is stored as %s', (input, code) => {
    expect(checkIndustryCode(input)).toEqual({ valid: true, code });
  });

  it.each([
    ['Z9999', 'unknown_division'],
    ['9999', 'unknown_division'],
    ['0011', 'unknown_division'],
    ['A2614', 'section_mismatch'],
    ['26', 'format'],
    ['C26145', 'format'],
    ['', 'format'],
    ['二六一四', 'format'],
    ['-2614', 'format'],
  ])('%j is refused: %s', (input, problem) => {
    expect(checkIndustryCode(input)).toMatchObject({ valid: false, problem });
  });

  it('normalises in the schema and refuses with a coded issue instead of throwing', () => {
    expect(industryCodeSchema.parse('2614')).toBe('C2614');
    for (const input of ['Z9999', '2614x', '', '99']) {
      const result = industryCodeSchema.safeParse(input);
      expect(result.success, input).toBe(false);
      expect(
        result.error?.issues.map(
          (issue) => (issue as z.core.$ZodIssue & { params?: { code?: string } }).params?.code,
        ),
        input,
      ).toEqual(['registry.industry_code_invalid']);
    }
  });

  it('gives every registry issue a catalogue code, so the message is in the caller language', () => {
    const result = enterpriseInputSchema.safeParse({
      name: '玉溪某化工有限公司',
      creditCode: '91530402MA6K00014X',
      county: '530499',
      industryCode: 'Z9999',
    });
    expect(result.success).toBe(false);
    const codes = Object.fromEntries(
      (result.error?.issues ?? []).map((issue) => [
        issue.path.join('.'),
        (issue as z.core.$ZodIssue & { params?: { code?: string } }).params?.code,
      ]),
    );
    expect(codes).toEqual({
      creditCode: 'registry.credit_code_check_char',
      county: 'registry.county_unknown',
      industryCode: 'registry.industry_code_invalid',
    });
  });
});
