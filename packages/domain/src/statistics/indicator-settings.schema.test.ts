import { describe, expect, it } from 'vitest';
import { hasAtMostDecimals, indicatorSettingInputSchema } from './indicator-settings.schema.ts';
import { deathsIndicatorInput } from './statistics.test-support.ts';

// 下降 20 % with one decimal: a published baseline may then carry one decimal, not two.
const deaths = { ...deathsIndicatorInput, targetChange: -0.2, decimals: 1 };
const note = '《玉溪市“十四五”安全生产规划》专栏1';

const codes = (input: Record<string, unknown>) => {
  const result = indicatorSettingInputSchema.safeParse({ ...deaths, ...input });
  return result.success
    ? []
    : result.error.issues.map((i) => (i.code === 'custom' ? (i.params as { code: string }).code : i.code));
};

describe('the published baseline in an indicator’s settings', () => {
  it('is optional: left out it is null, i.e. computed from the figures', () => {
    expect(indicatorSettingInputSchema.parse(deaths)).toMatchObject({
      publishedBaseline: null,
      publishedBaselineNote: null,
    });
  });

  it('takes a figure with its source note, the note trimmed', () => {
    expect(
      indicatorSettingInputSchema.parse({
        ...deaths,
        publishedBaseline: 12.5,
        publishedBaselineNote: ` ${note} `,
      }),
    ).toMatchObject({ publishedBaseline: 12.5, publishedBaselineNote: note });
    expect(codes({ publishedBaseline: 0, publishedBaselineNote: note })).toEqual([]);
  });

  it('refuses a negative or huge figure, more decimals than the indicator’s, or no source note', () => {
    expect(codes({ publishedBaseline: -1, publishedBaselineNote: note })).toEqual([
      'statistics.indicator_published_baseline_range',
    ]);
    expect(codes({ publishedBaseline: 1_000_001, publishedBaselineNote: note })).toEqual([
      'statistics.indicator_published_baseline_range',
    ]);
    expect(codes({ publishedBaseline: 12.25, publishedBaselineNote: note })).toEqual([
      'statistics.indicator_published_baseline_decimals',
    ]);
    expect(codes({ publishedBaseline: 12, publishedBaselineNote: '  ' })).toEqual([
      'statistics.indicator_published_baseline_note',
    ]);
    expect(codes({ publishedBaseline: 12 })).toEqual(['statistics.indicator_published_baseline_note']);
    expect(codes({ publishedBaseline: 12, publishedBaselineNote: 'x'.repeat(201) })).toEqual(['too_big']);
    expect(codes({ publishedBaseline: '12', publishedBaselineNote: note })).toEqual(['invalid_type']);
  });

  it('counts decimals exactly, not by binary rounding', () => {
    expect([hasAtMostDecimals(0.1, 1), hasAtMostDecimals(9.6, 1), hasAtMostDecimals(1.005, 2)]).toEqual([
      true,
      true,
      false,
    ]);
    expect([hasAtMostDecimals(12, 0), hasAtMostDecimals(0.0001, 4), hasAtMostDecimals(0.00001, 4)]).toEqual([
      true,
      true,
      false,
    ]);
  });
});
