import { projectSteps, type ProjectStep } from './obligation-terms.ts';

export interface RecordedProjectStep {
  readonly step: ProjectStep;
  readonly passed: boolean;
  readonly completedOn: string;
}

export interface ProjectProgress {
  /** The next step to record, or null once completion acceptance passed. */
  readonly nextStep: ProjectStep | null;
  readonly complete: boolean;
  /** Production started before the completion acceptance passed (总局令第36号 Art. 23). */
  readonly producingWithoutAcceptance: boolean;
}

/**
 * Where a construction project stands in its 三同时 (总局令第36号, amended by 第77号): 安全预评价,
 * 安全设施设计审查, 施工 (with trial run), 竣工验收, in that order. A failed step is recorded and
 * stays the next step until it passes.
 */
export function projectProgress(
  steps: readonly RecordedProjectStep[],
  productionStartedOn: string | null,
): ProjectProgress {
  let index = 0;
  while (index < projectSteps.length && steps.some((s) => s.step === projectSteps[index] && s.passed))
    index += 1;
  const nextStep = projectSteps[index] ?? null;
  return {
    nextStep,
    complete: nextStep === null,
    producingWithoutAcceptance: productionStartedOn !== null && nextStep !== null,
  };
}

/** Why a step may not be recorded now: out of order, or dated before the step it follows. */
export function projectStepProblem(
  steps: readonly RecordedProjectStep[],
  step: ProjectStep,
  completedOn: string,
): 'out_of_order' | 'date_before_previous' | null {
  const { nextStep } = projectProgress(steps, null);
  if (nextStep !== step) return 'out_of_order';
  const latest = steps
    .map((s) => s.completedOn)
    .sort()
    .at(-1);
  return latest && completedOn < latest ? 'date_before_previous' : null;
}
