import type { HiddenHazardState } from './hidden-hazard-state.ts';
import type {
  HiddenHazardActionName,
  HiddenHazardActorKind,
  HiddenHazardSource,
  HiddenHazardSupervisionLevel,
} from './hidden-hazard-terms.ts';

/** Hazards the government itself found or received: it checks the rectification (复查) itself. */
const governmentFoundSources: readonly HiddenHazardSource[] = ['inspection', 'public_report'];

/**
 * Who accepts (验收) or rejects a rectification and decides on an extension of its deadline:
 * - 重大 listed for supervision: the department that listed it (销号 by the supervisor, §4.6);
 * - 重大 not listed: a county or city department (the supervising department reviews on site, §4.6
 *   step 5) — not the enterprise, not an inspector alone;
 * - 一般 found by inspection or reported by the public: the government side (inspector, county, city);
 * - 一般 found by the enterprise or a sensor: the enterprise verifies it (16号令, §4.6 enterprise side).
 */
export function hiddenHazardReviewerKinds(hazard: {
  readonly level: HiddenHazardState['level'];
  readonly source: HiddenHazardSource;
  readonly supervision?: { readonly level: HiddenHazardSupervisionLevel } | undefined;
}): readonly HiddenHazardActorKind[] {
  if (hazard.level === 'major') return hazard.supervision ? [hazard.supervision.level] : ['county', 'city'];
  return governmentFoundSources.includes(hazard.source) ? ['inspector', 'county', 'city'] : ['enterprise'];
}

/** Who may perform each action; `reviewer` means the parties of {@link hiddenHazardReviewerKinds}. */
export const hiddenHazardActionActors: Readonly<
  Record<HiddenHazardActionName, readonly HiddenHazardActorKind[] | 'reviewer'>
> = {
  submit_plan: ['enterprise'],
  list_supervision: ['county', 'city'],
  request_extension: ['enterprise'],
  decide_extension: 'reviewer',
  report_progress: ['enterprise'],
  submit_rectification: ['enterprise'],
  accept: 'reviewer',
  reject: 'reviewer',
  dismiss: ['inspector', 'county', 'city'],
  reclassify: ['enterprise', 'inspector', 'county', 'city'],
};
