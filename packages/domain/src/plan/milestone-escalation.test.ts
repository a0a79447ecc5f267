import { describe, expect, it } from 'vitest';
import { dueMilestoneSteps, milestoneState } from './milestone-escalation.ts';

describe('plan milestone escalation ladder (提醒 → 警示 → 通报 → 约谈)', () => {
  it.each([
    ['2025-12-23', []],
    ['2025-12-24', ['reminder']],
    ['2025-12-31', ['reminder']],
    ['2026-01-01', ['reminder', 'warning']],
    ['2026-01-14', ['reminder', 'warning']],
    ['2026-01-15', ['reminder', 'warning', 'notice']],
    ['2026-01-29', ['reminder', 'warning', 'notice']],
    ['2026-01-30', ['reminder', 'warning', 'notice', 'interview']],
  ])('due 2025-12-31, on %s: %j', (today, steps) => {
    expect(dueMilestoneSteps('2025-12-31', today)).toEqual(steps);
  });

  it('is overdue from the day after its date until done', () => {
    expect(milestoneState('2025-12-31', null, '2025-12-31')).toBe('open');
    expect(milestoneState('2025-12-31', null, '2026-01-01')).toBe('overdue');
    expect(milestoneState('2025-12-31', '2026-01-03', '2026-02-01')).toBe('done');
  });
});
