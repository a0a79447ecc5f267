import { describe, expect, it } from 'vitest';
import { type Circumstance, checkDiscretionTable, suggestPenalty } from './discretion.ts';
import { type CircumstanceBand, defaultDiscretionTable, type DiscretionTable } from './discretion-table.ts';
import { EnforcementError } from './enforcement.errors.ts';

function errorOf(run: () => unknown): EnforcementError {
  try {
    run();
  } catch (error) {
    if (error instanceof EnforcementError) return error;
    throw error;
  }
  throw new Error('expected an EnforcementError');
}

describe('suggesting a penalty from the discretion standard', () => {
  it.each<[string, Circumstance[], CircumstanceBand, string, string, boolean]>([
    ['no circumstances: 一般', [], 'general', '10000', '30000', false],
    [
      '首违不罚: first, corrected, no harm',
      ['first_violation', 'corrected_promptly', 'no_harm'],
      'minor',
      '0',
      '10000',
      true,
    ],
    ['one mitigating circumstance: 轻微 without waiver', ['confessed'], 'minor', '0', '10000', false],
    [
      'first and corrected but harm caused: one up, two down',
      ['first_violation', 'corrected_promptly', 'harm_caused'],
      'minor',
      '0',
      '10000',
      false,
    ],
    ['one aggravating: 较重', ['repeat_violation'], 'serious', '30000', '60000', false],
    ['two aggravating: 严重', ['repeat_violation', 'refused_correction'], 'severe', '60000', '100000', false],
    [
      'three aggravating stays 严重',
      ['repeat_violation', 'refused_correction', 'harm_caused'],
      'severe',
      '60000',
      '100000',
      false,
    ],
    [
      'aggravating and mitigating cancel',
      ['harm_caused', 'reduced_harm'],
      'general',
      '10000',
      '30000',
      false,
    ],
  ])('%s', (_name, circumstances, band, minYuan, maxYuan, mayWaive) => {
    const suggestion = suggestPenalty({ violationCode: 'wsl-97-training', circumstances });
    expect(suggestion).toMatchObject({ band, computedBand: band, range: { minYuan, maxYuan }, mayWaive });
    expect(suggestion.statutoryRange).toEqual({ minYuan: '0', maxYuan: '100000' });
  });

  it('writes the range in 大写 for the documents and gives the reasons', () => {
    const suggestion = suggestPenalty({
      violationCode: 'wsl-102-hazard-not-eliminated',
      circumstances: ['repeat_violation'],
    });
    expect(suggestion.range).toEqual({
      minYuan: '15000',
      maxYuan: '30000',
      minText: '人民币壹万伍仟元整（¥15,000.00）',
      maxText: '人民币叁万元整（¥30,000.00）',
    });
    expect(suggestion.reasons.map((r) => r.zh)).toEqual([
      '处罚依据：《中华人民共和国安全生产法》第一百零二条：责令立即消除或者限期消除，处五万元以下的罚款',
      '情节：多次违法或者被处罚后再次违法',
      '裁量档次：较重',
    ]);
  });

  it('lets the officer choose another band with a reason', () => {
    const suggestion = suggestPenalty({
      violationCode: 'wsl-114-general-accident',
      circumstances: [],
      band: 'severe',
      bandReason: '事故造成 2 人死亡，社会影响恶劣',
    });
    expect(suggestion).toMatchObject({
      band: 'severe',
      computedBand: 'general',
      range: { minYuan: '800000', maxYuan: '1000000' },
    });
    expect(suggestion.reasons.at(-1)?.zh).toBe('调整档次理由：事故造成 2 人死亡，社会影响恶劣');
    const error = errorOf(() =>
      suggestPenalty({ violationCode: 'wsl-114-general-accident', circumstances: [], band: 'severe' }),
    );
    expect(error.code).toBe('enforcement.case_reason_required');
  });

  it('refuses a violation the table does not have', () => {
    expect(errorOf(() => suggestPenalty({ violationCode: 'wsl-999', circumstances: [] })).code).toBe(
      'enforcement.discretion_unknown_violation',
    );
  });
});

describe('discretion tables', () => {
  it('accepts the default table, whose bands tile the statutory range', () => {
    expect(checkDiscretionTable(defaultDiscretionTable)).toBe(defaultDiscretionTable);
    for (const v of defaultDiscretionTable.violations) {
      expect(v.bands.minor.minYuan).toBe(v.statutoryRange.minYuan);
      expect(v.bands.severe.maxYuan).toBe(v.statutoryRange.maxYuan);
      expect(v.bands.general.minYuan).toBe(v.bands.minor.maxYuan);
      expect(v.verification).toBe('M');
    }
  });

  const base = defaultDiscretionTable.violations[0]!;
  it.each<[string, DiscretionTable, string]>([
    ['a repeated code', { ...defaultDiscretionTable, violations: [base, base] }, 'duplicate_code'],
    [
      'a band above the statutory maximum',
      {
        ...defaultDiscretionTable,
        violations: [
          { ...base, bands: { ...base.bands, severe: { minYuan: '60000', maxYuan: '100000.01' } } },
        ],
      },
      'severe_outside_statutory_range',
    ],
    [
      'a reversed band',
      {
        ...defaultDiscretionTable,
        violations: [{ ...base, bands: { ...base.bands, general: { minYuan: '30000', maxYuan: '10000' } } }],
      },
      'general_reversed',
    ],
    [
      'bands out of order',
      {
        ...defaultDiscretionTable,
        violations: [{ ...base, bands: { ...base.bands, serious: { minYuan: '5000', maxYuan: '60000' } } }],
      },
      'serious_out_of_order',
    ],
  ])('refuses %s', (_name, table, problem) => {
    const error = errorOf(() => checkDiscretionTable(table));
    expect(error.code).toBe('enforcement.discretion_table_invalid');
    expect(error.details.problem).toBe(problem);
  });
});
