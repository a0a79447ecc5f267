import { describe, expect, it } from 'vitest';
import { diffResponsibilityItems, responsibilityHolderFits } from './responsibility-list.ts';

describe('responsibility list versions (责任清单)', () => {
  it('reads a revision as items added and removed, a reworded item as one of each', () => {
    expect(
      diffResponsibilityItems(
        ['组织制定安全生产规划', '督促落实安全生产责任制', '每季度研究安全生产工作'],
        ['组织制定安全生产规划', '每半年研究安全生产工作', '督促落实安全生产责任制 ', '开展安全生产巡查'],
      ),
    ).toEqual({
      added: ['每半年研究安全生产工作', '开展安全生产巡查'],
      removed: ['每季度研究安全生产工作'],
      kept: 2,
    });
  });

  it('the first version adds every item; an unchanged list adds and removes nothing', () => {
    expect(diffResponsibilityItems([], ['甲', '乙'])).toEqual({ added: ['甲', '乙'], removed: [], kept: 0 });
    expect(diffResponsibilityItems(['甲', '乙'], ['乙', '甲'])).toEqual({ added: [], removed: [], kept: 2 });
  });

  it.each([
    ['leader', null, true],
    ['leader', 'county', true],
    ['leader', 'city_department', false],
    ['county', 'county', true],
    ['county', 'county_department', false],
    ['county', null, false],
    ['department', 'city_department', true],
    ['department', 'county_department', true],
    ['department', 'township', false],
    ['department', null, false],
  ] as const)('a %s list may name a %s unit: %s', (kind, organisationKind, fits) => {
    expect(responsibilityHolderFits(kind, organisationKind)).toBe(fits);
  });
});
