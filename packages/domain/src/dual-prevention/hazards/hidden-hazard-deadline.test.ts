import { describe, expect, it } from 'vitest';
import { hiddenHazardDeadlineEndsAt, isHiddenHazardDeadlinePast } from './hidden-hazard-deadline.ts';

describe('hiddenHazardDeadlineEndsAt', () => {
  it.each([
    ['2025-03-31', '2025-03-31T16:00:00.000Z'],
    ['2024-02-29', '2024-02-29T16:00:00.000Z'],
    ['2025-12-31', '2025-12-31T16:00:00.000Z'],
  ])('%s runs out at the next midnight in China Standard Time', (deadline, instant) => {
    expect(hiddenHazardDeadlineEndsAt(deadline).toISOString()).toBe(instant);
  });

  it.each(['2025-02-29', '2025-04-31', '2025-13-01', '2025-3-1', '', '2025-03-31T00:00'])(
    'refuses %j',
    (deadline) => {
      expect(() => hiddenHazardDeadlineEndsAt(deadline)).toThrow('hazard.invalid_deadline');
    },
  );

  it('is past from the first instant of the next day', () => {
    expect(isHiddenHazardDeadlinePast('2025-03-31', new Date('2025-03-31T23:59:59.999+08:00'))).toBe(false);
    expect(isHiddenHazardDeadlinePast('2025-03-31', new Date('2025-04-01T00:00:00+08:00'))).toBe(true);
  });
});
