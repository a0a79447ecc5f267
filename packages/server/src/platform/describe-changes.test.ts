import { describe, expect, it } from 'vitest';
import { describeChanges } from './describe-changes.ts';

describe('describeChanges', () => {
  const before = { target: 12, active: true, unit: '次' };

  it('lists the changed fields in the order given, before → after', () => {
    expect(
      describeChanges(before, { target: 10, active: false, unit: '次' }, ['active', 'unit', 'target']),
    ).toBe('active true → false; target 12 → 10');
  });

  it('says unchanged when no listed field differs', () => {
    expect(describeChanges(before, { target: 12, active: true, unit: '场' }, ['target', 'active'])).toBe(
      'unchanged',
    );
  });
});
