import { describe, expect, it } from 'vitest';
import { whistleDuplicateLinkError, whistleDuplicateRewardRefused } from './whistle-duplicates.ts';

const later = { id: 'b', receivedOn: '2026-12-05', duplicateOf: null, hasDuplicates: false, rewarded: false };
const first = { id: 'a', receivedOn: '2026-12-01', duplicateOf: null };

describe('duplicate reports', () => {
  it('links a report to an earlier original only', () => {
    expect(whistleDuplicateLinkError(later, first)).toBeNull();
    expect(whistleDuplicateLinkError(later, { ...first, receivedOn: '2026-12-05' })).toBeNull();
    expect(whistleDuplicateLinkError(later, { ...later })).toBe('whistle.duplicate_self');
    expect(whistleDuplicateLinkError(later, { ...first, receivedOn: '2026-12-06' })).toBe(
      'whistle.duplicate_not_earlier',
    );
    expect(whistleDuplicateLinkError(later, { ...first, duplicateOf: 'z' })).toBe('whistle.duplicate_chain');
    expect(whistleDuplicateLinkError({ ...later, hasDuplicates: true }, first)).toBe(
      'whistle.duplicate_chain',
    );
    expect(whistleDuplicateLinkError({ ...later, rewarded: true }, first)).toBe('whistle.duplicate_rewarded');
  });

  it('rewards the first valid reporter: a duplicate only when its original was not valid', () => {
    const original = (
      status: 'received' | 'replied' | 'not_accepted',
      outcome: 'true' | 'untrue' | null,
    ) => ({
      status,
      outcome,
    });
    expect(whistleDuplicateRewardRefused('first_valid', original('replied', 'true'))).toBe(true);
    expect(whistleDuplicateRewardRefused('first_valid', original('received', null))).toBe(true);
    expect(whistleDuplicateRewardRefused('first_valid', original('replied', 'untrue'))).toBe(false);
    expect(whistleDuplicateRewardRefused('first_valid', original('not_accepted', null))).toBe(false);
    expect(whistleDuplicateRewardRefused('first_valid', null)).toBe(false);
    expect(whistleDuplicateRewardRefused('each', original('replied', 'true'))).toBe(false);
  });
});
