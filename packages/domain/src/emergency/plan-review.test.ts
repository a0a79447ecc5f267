import { describe, expect, it } from 'vitest';
import { defaultReviewDueOn, planReviewStatus } from './plan-review.ts';

describe('plan review reminders', () => {
  it.each([
    ['2026-11-28', 'overdue', -1],
    ['2026-11-29', 'due_30', 0],
    ['2026-12-29', 'due_30', 30],
    ['2026-12-30', 'due_90', 31],
    ['2027-02-27', 'due_90', 90],
    ['2027-02-28', 'current', 91],
  ])('a plan due %s is %s (%i days) on 2026-11-29', (due, status, days) => {
    expect(planReviewStatus(due, '2026-11-29')).toEqual({ status, daysToReview: days });
  });

  it('sets the review three years after the revision, 29 February to 28 February', () => {
    expect(defaultReviewDueOn('2023-06-15')).toBe('2026-06-15');
    expect(defaultReviewDueOn('2024-02-29')).toBe('2027-02-28');
  });
});
