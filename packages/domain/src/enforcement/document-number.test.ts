import { describe, expect, it } from 'vitest';
import { yuxiCountyCodes } from '../registry/divisions/yuxi-divisions.ts';
import {
  documentNumberYear,
  documentSequenceGaps,
  documentTypeTag,
  formatDocumentNumber,
  nextDocumentNumber,
  parseDocumentNumber,
} from './document-number.ts';
import { enforcementDocumentTypeCodes, enforcementDocumentTypes } from './document-types.ts';
import { yuxiEnforcementAgencies } from './enforcement-agencies.ts';
import { EnforcementError } from './enforcement.errors.ts';

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof EnforcementError) return `${error.code}:${String(error.details.problem ?? '')}`;
    throw error;
  }
  return 'no error';
}

describe('formatting document numbers', () => {
  it.each<[string, Parameters<typeof formatDocumentNumber>[0], string]>([
    [
      'city, no type tag (the issue example)',
      { prefix: '玉应急', typeTag: '', year: 2026, sequence: 12 },
      '玉应急〔2026〕12号',
    ],
    [
      'county penalty decision',
      { prefix: '江应急', typeTag: '罚', year: 2026, sequence: 1 },
      '江应急罚〔2026〕1号',
    ],
    [
      'penalty notice',
      { prefix: '通应急', typeTag: '罚告', year: 2025, sequence: 108 },
      '通应急罚告〔2025〕108号',
    ],
  ])('%s', (_name, parts, expected) => {
    expect(formatDocumentNumber(parts)).toBe(expected);
  });

  it.each<[string, Parameters<typeof formatDocumentNumber>[0], string]>([
    ['sequence 0', { prefix: '玉应急', typeTag: '', year: 2026, sequence: 0 }, 'sequence'],
    ['a fractional sequence', { prefix: '玉应急', typeTag: '', year: 2026, sequence: 1.5 }, 'sequence'],
    ['a two-digit year', { prefix: '玉应急', typeTag: '', year: 26, sequence: 1 }, 'year'],
    ['no prefix', { prefix: '', typeTag: '罚', year: 2026, sequence: 1 }, 'prefix'],
    ['a bracket in the prefix', { prefix: '玉应急〔', typeTag: '', year: 2026, sequence: 1 }, 'prefix'],
  ])('refuses %s', (_name, parts, problem) => {
    expect(codeOf(() => formatDocumentNumber(parts))).toBe(`enforcement.document_number_invalid:${problem}`);
  });
});

describe('parsing document numbers', () => {
  it.each<[string, ReturnType<typeof parseDocumentNumber>]>([
    ['玉应急〔2026〕12号', { prefix: '玉应急', typeTag: '', year: 2026, sequence: 12 }],
    ['澄应急复查〔2026〕3号', { prefix: '澄应急', typeTag: '复查', year: 2026, sequence: 3 }],
    ['  江应急罚[2026]7号 ', { prefix: '江应急', typeTag: '罚', year: 2026, sequence: 7 }],
    ['通应急责改（2025）21号', { prefix: '通应急', typeTag: '责改', year: 2025, sequence: 21 }],
    ['元应急检记【2026】9号', { prefix: '元应急', typeTag: '检记', year: 2026, sequence: 9 }],
  ])('%s', (text, parts) => {
    expect(parseDocumentNumber(text)).toEqual(parts);
  });

  it.each<[string, string]>([
    ['玉应急〔2026〕012号', 'leading_zero'],
    ['玉应急〔2026〕12', 'format'],
    ['玉应急2026-12号', 'format'],
    ['昆应急〔2026〕12号', 'unknown_prefix'],
    ['玉应急通知〔2026〕12号', 'unknown_type_tag'],
  ])('refuses %s', (text, problem) => {
    expect(codeOf(() => parseDocumentNumber(text))).toBe(`enforcement.document_number_invalid:${problem}`);
  });

  it('reads back every number it formats, for every agency and type', () => {
    for (const agency of yuxiEnforcementAgencies) {
      for (const type of enforcementDocumentTypes) {
        const parts = { prefix: agency.numberPrefix, typeTag: type.numberTag, year: 2026, sequence: 45 };
        expect(parseDocumentNumber(formatDocumentNumber(parts))).toEqual(parts);
      }
    }
  });
});

describe('gap-free sequences', () => {
  const key = { prefix: '江应急', typeTag: '罚', year: 2026 };

  it('starts each year at 1', () => {
    expect(nextDocumentNumber(key, null)).toEqual({
      number: '江应急罚〔2026〕1号',
      parts: { ...key, sequence: 1 },
    });
  });

  it('follows the last number issued', () => {
    expect(nextDocumentNumber(key, '江应急罚〔2026〕11号').number).toBe('江应急罚〔2026〕12号');
    expect(nextDocumentNumber(key, '江应急罚〔2026〕99号').number).toBe('江应急罚〔2026〕100号');
  });

  it.each([
    ['another year', '江应急罚〔2025〕11号'],
    ['another agency', '通应急罚〔2026〕11号'],
    ['another type', '江应急罚告〔2026〕11号'],
    ['no type tag', '江应急〔2026〕11号'],
  ])('refuses a last number of %s', (_name, last) => {
    expect(codeOf(() => nextDocumentNumber(key, last))).toBe('enforcement.document_sequence_mismatch:');
  });

  it('issues 1…n without a gap when each number follows the previous one', () => {
    let last: string | null = null;
    const issued: number[] = [];
    for (let i = 0; i < 30; i++) {
      const next: ReturnType<typeof nextDocumentNumber> = nextDocumentNumber(key, last);
      issued.push(next.parts.sequence);
      last = next.number;
    }
    expect(documentSequenceGaps(issued)).toEqual({ missing: [], duplicated: [] });
    expect(last).toBe('江应急罚〔2026〕30号');
  });

  it('finds missing and repeated numbers', () => {
    expect(documentSequenceGaps([1, 2, 4, 4, 7])).toEqual({ missing: [3, 5, 6], duplicated: [4] });
    expect(documentSequenceGaps([])).toEqual({ missing: [], duplicated: [] });
  });

  it.each([
    ['2026-01-01T00:00:00+08:00', 2026],
    ['2025-12-31T23:59:59+08:00', 2025],
    ['2025-12-31T16:00:00Z', 2026],
  ])('numbers a document issued at %s in %i (China Standard Time)', (instant, year) => {
    expect(documentNumberYear(new Date(instant))).toBe(year);
  });
});

describe('reference data', () => {
  it('gives the city and each of the nine counties its own prefix', () => {
    expect(
      yuxiEnforcementAgencies
        .map((a) => a.divisionCode)
        .slice(1)
        .sort(),
    ).toEqual([...yuxiCountyCodes].sort());
    expect(new Set(yuxiEnforcementAgencies.map((a) => a.numberPrefix)).size).toBe(10);
    expect(yuxiEnforcementAgencies.find((a) => a.divisionCode === '530403')).toMatchObject({
      nameZh: '江川区应急管理局',
      numberPrefix: '江应急',
    });
  });

  it('lists the five document types with distinct tags', () => {
    expect(enforcementDocumentTypes.map((t) => t.code)).toEqual(enforcementDocumentTypeCodes);
    expect(new Set(enforcementDocumentTypes.map((t) => t.numberTag)).size).toBe(5);
    expect(enforcementDocumentTypes.map((t) => t.zh)).toEqual([
      '现场检查记录',
      '责令限期整改指令书',
      '整改复查意见书',
      '行政处罚告知书',
      '行政处罚决定书',
    ]);
    expect(documentTypeTag('penalty_decision')).toBe('罚');
    expect(codeOf(() => documentTypeTag('notice'))).toBe('enforcement.document_type_unknown:');
  });
});
