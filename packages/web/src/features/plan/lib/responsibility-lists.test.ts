import { describe, expect, it } from 'vitest';
import { diffRows, holderUnitKinds, itemsOf } from './responsibility-lists.ts';

describe('responsibility lists in the page', () => {
  it('reads the items one a line, trimmed, without blank lines', () => {
    expect(itemsOf(' 组织制定安全生产规划 \n\n督促落实责任制\n  ')).toEqual([
      '组织制定安全生产规划',
      '督促落实责任制',
    ]);
  });

  it('numbers a version’s items, marks them added or kept, then lists what it removed', () => {
    expect(diffRows({ items: ['甲', '乙（修订）', '丙'], added: ['乙（修订）'], removed: ['乙'] })).toEqual([
      { no: 1, text: '甲', change: 'kept' },
      { no: 2, text: '乙（修订）', change: 'added' },
      { no: 3, text: '丙', change: 'kept' },
      { no: null, text: '乙', change: 'removed' },
    ]);
  });

  it('offers the units a holder may name', () => {
    expect(holderUnitKinds('department')).toEqual(['city_department', 'county_department']);
    expect(holderUnitKinds('county')).toEqual(['county']);
    expect(holderUnitKinds('leader')).toEqual(['county']);
  });
});
