import { describe, expect, it } from 'vitest';
import { addDays, linesOf, reviewTagType, romanLevel, weekOf } from './library-format.ts';

describe('library formatting', () => {
  it('builds the Monday-to-Sunday week of a date', () => {
    expect(weekOf('2026-11-29')).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
    ]);
    expect(weekOf('2026-11-30')[0]).toBe('2026-11-30');
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
  });

  it('colours review badges by urgency and writes response levels in Roman numerals', () => {
    expect(['overdue', 'due_30', 'due_90', 'current'].map((s) => reviewTagType(s as never))).toEqual([
      'danger',
      'warning',
      'info',
      'success',
    ]);
    expect(['I', 'II', 'III', 'IV'].map(romanLevel)).toEqual(['Ⅰ', 'Ⅱ', 'Ⅲ', 'Ⅳ']);
    expect(linesOf(' 阀门腐蚀 \n\n未佩戴呼吸器')).toEqual(['阀门腐蚀', '未佩戴呼吸器']);
  });
});
