import { describe, expect, it } from 'vitest';
import { DATE_RANGE, isoDate, isoInstant } from './dates.schema.ts';

describe('dates in records', () => {
  it.each([
    ['1900-01-01', true],
    ['2026-11-29', true],
    ['2100-12-31', true],
    ['1899-12-31', false],
    ['2101-01-01', false],
    ['9999-12-31', false],
    ['0000-01-01', false],
    ['2026-02-30', false],
  ])('date %s is accepted: %s', (value, ok) => {
    expect(isoDate().safeParse(value).success).toBe(ok);
  });

  it.each([
    ['2026-11-29T10:00:00+08:00', true],
    ['2100-12-31T23:59:59Z', true],
    ['9999-12-31T00:00:00Z', false],
    ['1899-12-31T23:59:59Z', false],
  ])('instant %s is accepted: %s', (value, ok) => {
    expect(isoInstant().safeParse(value).success).toBe(ok);
  });

  it("carries the catalogue code and the range, so the field is answered in the caller's language", () => {
    const result = isoDate().safeParse('9999-12-31');
    expect(result.success).toBe(false);
    const issue = result.error!.issues[0]! as { params?: Record<string, unknown> };
    expect(issue.params).toEqual({ code: 'request.date_out_of_range', min: '1900-01-01', max: '2100-12-31' });
    expect(DATE_RANGE).toEqual({ minYear: 1900, maxYear: 2100 });
  });
});
