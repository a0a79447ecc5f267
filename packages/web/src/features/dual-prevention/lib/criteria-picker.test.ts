import { describe, expect, it } from 'vitest';
import { hazardCriteriaLists } from '@anjian/domain';
import { criteriaSectionsFor, levelOfReport } from './criteria-picker.ts';

describe('the 重大 criteria picker', () => {
  it('makes a report major by any ticked criterion or a stated reason', () => {
    expect(levelOfReport([], undefined)).toBe('general');
    expect(levelOfReport([], '   ')).toBe('general');
    expect(levelOfReport(['hc-01'], undefined)).toBe('major');
    expect(levelOfReport([], '整改难度大，需全部停产')).toBe('major');
  });

  it('offers an enterprise the lists of its sectors, and every list when none matches', () => {
    const hazchem = hazardCriteriaLists.find((list) => list.id.startsWith('hazchem'))!;
    const sections = criteriaSectionsFor(hazardCriteriaLists, hazchem.sectors.slice(0, 1));
    expect(sections.map((s) => s.list.id)).toContain(hazchem.id);
    expect(sections.find((s) => s.list.id === hazchem.id)?.items.length).toBe(hazchem.items.length);
    const all = criteriaSectionsFor(hazardCriteriaLists, []);
    expect(all.map((s) => s.list.id)).toEqual(hazardCriteriaLists.map((list) => list.id));
    expect(all.reduce((n, s) => n + s.items.length, 0)).toBe(
      hazardCriteriaLists.reduce((n, list) => n + list.items.length, 0),
    );
  });
});
