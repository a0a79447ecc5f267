import { describe, expect, it } from 'vitest';
import { projectProgress, projectStepProblem } from './project-steps.ts';

describe('三同时 steps', () => {
  const pre = { step: 'pre_assessment', passed: true, completedOn: '2026-01-10' } as const;
  const design = { step: 'design_review', passed: true, completedOn: '2026-03-01' } as const;
  it('walks the four steps in order and flags production before acceptance', () => {
    expect(projectProgress([], null)).toEqual({
      nextStep: 'pre_assessment',
      complete: false,
      producingWithoutAcceptance: false,
    });
    expect(projectProgress([pre, design], '2026-06-01')).toEqual({
      nextStep: 'construction',
      complete: false,
      producingWithoutAcceptance: true,
    });
    const all = [
      pre,
      design,
      { step: 'construction', passed: true, completedOn: '2026-06-01' },
      { step: 'completion', passed: true, completedOn: '2026-09-01' },
    ] as const;
    expect(projectProgress(all, '2026-06-01')).toEqual({
      nextStep: null,
      complete: true,
      producingWithoutAcceptance: false,
    });
  });

  it('refuses a step out of order or dated before the previous one; a failed step is retried', () => {
    expect(projectStepProblem([pre], 'construction', '2026-05-01')).toBe('out_of_order');
    expect(projectStepProblem([pre], 'design_review', '2026-01-01')).toBe('date_before_previous');
    const failed = { step: 'design_review', passed: false, completedOn: '2026-02-01' } as const;
    expect(projectStepProblem([pre, failed], 'design_review', '2026-03-01')).toBeNull();
  });
});
