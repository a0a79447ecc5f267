import {
  type HiddenHazardEscalationState,
  type HiddenHazardStatus,
  hiddenHazardEscalationStates,
  hiddenHazardStatuses,
  openHiddenHazardStatuses,
} from './hidden-hazard-terms.ts';
import type { HiddenHazardLevel } from './hidden-hazard-terms.ts';

export interface HiddenHazardCounts {
  readonly general: number;
  readonly major: number;
  readonly total: number;
}

export interface HiddenHazardStatistics {
  readonly total: HiddenHazardCounts;
  /** Every status appears, with zeros, so tables and charts keep their columns. */
  readonly byStatus: Readonly<Record<HiddenHazardStatus, HiddenHazardCounts>>;
  /** Hazards still open (reported, rectifying, pending acceptance). */
  readonly open: HiddenHazardCounts;
  /** Open hazards by deadline state, for those whose escalation is given. */
  readonly byEscalation: Readonly<Record<HiddenHazardEscalationState, HiddenHazardCounts>>;
}

const zero = (): { general: number; major: number; total: number } => ({ general: 0, major: 0, total: 0 });

function count(counts: { general: number; major: number; total: number }, level: HiddenHazardLevel): void {
  counts[level] += 1;
  counts.total += 1;
}

/** Counts per status, level and deadline state (statistics of the hazard ledger, 隐患台账). */
export function summariseHiddenHazards(
  hazards: Iterable<{
    readonly status: HiddenHazardStatus;
    readonly level: HiddenHazardLevel;
    readonly escalation?: HiddenHazardEscalationState | undefined;
  }>,
): HiddenHazardStatistics {
  const total = zero();
  const open = zero();
  const byStatus = Object.fromEntries(hiddenHazardStatuses.map((status) => [status, zero()])) as Record<
    HiddenHazardStatus,
    ReturnType<typeof zero>
  >;
  const byEscalation = Object.fromEntries(
    hiddenHazardEscalationStates.map((state) => [state, zero()]),
  ) as Record<HiddenHazardEscalationState, ReturnType<typeof zero>>;
  for (const hazard of hazards) {
    count(total, hazard.level);
    count(byStatus[hazard.status], hazard.level);
    if (!openHiddenHazardStatuses.includes(hazard.status)) continue;
    count(open, hazard.level);
    if (hazard.escalation !== undefined) count(byEscalation[hazard.escalation], hazard.level);
  }
  return { total, byStatus, open, byEscalation };
}
