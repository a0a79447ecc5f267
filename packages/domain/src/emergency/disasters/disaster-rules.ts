/**
 * The rules of the 自然灾害情况统计调查制度 (应急〔2020〕19号) this platform applies, as data so
 * that the unconfirmed ones can be changed without code (shared/reference/statistics-and-plan.md §5).
 * Each rule names its standing: `verified` when the reference confirms it for the 2020 system,
 * `unverified` when it comes from the older 民政 rule or is inferred.
 */
export const disasterKinds = [
  'flood',
  'waterlogging',
  'landslide',
  'debris_flow',
  'collapse',
  'forest_fire',
  'grassland_fire',
  'earthquake',
  'drought',
  'storm',
  'hail',
  'snow',
  'low_temperature',
  'other',
] as const;
export type DisasterKind = (typeof disasterKinds)[number];

/** Stages of a township's figures: one 初报, any number of 续报, one 核报 (final). */
export const disasterReportStages = ['initial', 'follow_up', 'verified'] as const;
export type DisasterReportStage = (typeof disasterReportStages)[number];

export interface DisasterRules {
  /** The kinds a county may record (亚灾种); the list is configurable. */
  readonly kinds: readonly string[];
  /** 初报: county → city within this many hours of the disaster. [verified: S34] */
  readonly initialWithinHours: number;
  /** 续报: the daily report's China wall time for a county (older rule: 9:00). [unverified] */
  readonly followUpDailyAt: string;
  /** 核报: working days (Mon–Fri) after the disaster is stable (older rule: county 2). [unverified] */
  readonly verifiedWithinWorkingDays: number;
  /**
   * A later report that lowers a figure, or raises one by more than this ratio of the earlier value
   * (and by at least `jumpMinimum`), needs a written explanation ("big jumps need written
   * explanation" [verified: S33]; the threshold is [unverified]).
   */
  readonly jumpRatio: number;
  readonly jumpMinimum: number;
  /** Relocated, needing aid, dead and missing each within the people affected. [inferred] */
  readonly consistencyChecks: boolean;
}

export const defaultDisasterRules: DisasterRules = Object.freeze({
  kinds: disasterKinds,
  initialWithinHours: 2,
  followUpDailyAt: '09:00',
  verifiedWithinWorkingDays: 2,
  jumpRatio: 1,
  jumpMinimum: 100,
  consistencyChecks: true,
});

/** Which rules the reference confirms, for the page that explains them. */
export const disasterRuleStanding: Readonly<Record<keyof DisasterRules, 'verified' | 'unverified'>> = {
  kinds: 'verified',
  initialWithinHours: 'verified',
  followUpDailyAt: 'unverified',
  verifiedWithinWorkingDays: 'unverified',
  jumpRatio: 'unverified',
  jumpMinimum: 'unverified',
  consistencyChecks: 'unverified',
};
