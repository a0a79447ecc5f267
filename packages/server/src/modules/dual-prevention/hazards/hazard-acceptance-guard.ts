import type { HiddenHazardLevel } from '@anjian/domain';

/** What the guard is told about the hazard about to be accepted. */
export interface HazardAcceptanceSubject {
  readonly id: string;
  readonly enterpriseId: string;
  readonly county: string;
  readonly level: HiddenHazardLevel;
  /** Monitoring points linked to the hazard (ids only; the monitoring module owns the points). */
  readonly linkedPointIds: readonly string[];
}

export type HazardAcceptanceAnswer =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly code: 'hazard.points_not_normal';
      /** E.g. which points are still in alarm; passed to the client in the error details. */
      readonly details?: Record<string, unknown>;
    };

/**
 * Asked by the hazards service before an acceptance (验收) is stored: a hazard found by a sensor is
 * not closed while its points still read abnormal (issue 5 item 9). The monitoring module provides
 * the real check; app.ts passes it to the dual-prevention module at construction.
 */
export interface HazardAcceptanceGuard {
  canAccept(hazard: HazardAcceptanceSubject): Promise<HazardAcceptanceAnswer>;
  /**
   * Of the given ids, the monitoring points of this enterprise: a hazard links only its own
   * enterprise's points (issue 19, defect 5 — another's would reveal its alarm state, or block
   * closing the hazard).
   */
  linkablePoints(enterpriseId: string, pointIds: readonly string[]): Promise<readonly string[]>;
}

/** Without monitoring (some tests): every acceptance may go ahead, and there is no point to link. */
export const allowAcceptance: HazardAcceptanceGuard = {
  canAccept: async () => ({ ok: true }),
  linkablePoints: async () => [],
};
