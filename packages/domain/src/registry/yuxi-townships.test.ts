import { describe, expect, it } from 'vitest';
import { yuxiCountyCodes } from './divisions/yuxi-divisions.ts';
import { findTownship, yuxiTownships } from './yuxi-townships.ts';

describe('Yuxi townships', () => {
  it('lists the 76 township-level units, each in a county of Yuxi', () => {
    expect(yuxiTownships).toHaveLength(76);
    expect(new Set(yuxiTownships.map((t) => t.code)).size).toBe(76);
    for (const township of yuxiTownships) {
      expect(township.code).toMatch(/^\d{9}$/);
      expect(yuxiCountyCodes).toContain(township.county);
      expect(township.code.startsWith(township.county)).toBe(true);
    }
  });

  it('finds 戛洒镇 and 者竜乡 (with the rare character 竜)', () => {
    expect(findTownship('530427102')?.nameZh).toBe('戛洒镇');
    expect(findTownship('530427204')?.nameZh).toBe('者竜乡');
    expect(findTownship('530427999')).toBeUndefined();
  });
});
