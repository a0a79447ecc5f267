import type { HazardCriteriaList } from './hazard-criteria-list.ts';
import type { HiddenHazardError } from './hidden-hazard.errors.ts';
import type { HiddenHazardPlanInput } from './hidden-hazard.schema.ts';
import {
  type HiddenHazardActionName,
  type HiddenHazardActorKind,
  type HiddenHazardLevel,
  type HiddenHazardPlanElement,
  type HiddenHazardSource,
  type HiddenHazardStatus,
  type HiddenHazardSupervisionLevel,
  type HiddenHazardSupervisionStep,
  hiddenHazardPlanElements,
} from './hidden-hazard-terms.ts';
import { hazardCriteriaLists, type MajorHiddenHazardCriterion } from './major-hazard-criteria.ts';

/** Who performs a step: the kind of party and the user id recorded in the timeline. */
export interface HiddenHazardActor {
  readonly kind: HiddenHazardActorKind;
  readonly id: string;
}

/** One line of the hazard's file (档案): who did what, when, from which status to which. */
export interface HiddenHazardTimelineEntry {
  readonly at: Date;
  readonly actorKind: HiddenHazardActorKind;
  readonly actorId: string;
  readonly action: HiddenHazardActionName | HiddenHazardSupervisionStep | 'report';
  readonly from: HiddenHazardStatus | null;
  readonly to: HiddenHazardStatus;
  readonly note?: string;
}

export interface HiddenHazardPlan extends HiddenHazardPlanInput {
  readonly submittedAt: Date;
}

/** 督办检查: one review of a listed hazard by the listing department. */
export interface HiddenHazardSupervisionReview {
  readonly at: Date;
  readonly by: string;
  readonly opinion: string;
  readonly onSite: boolean;
}

/** 挂牌督办: the department level that listed the hazard, the listing notice and its closing (核销). */
export interface HiddenHazardSupervision {
  readonly level: HiddenHazardSupervisionLevel;
  readonly listedAt: Date;
  readonly listedBy: string;
  readonly documentNo?: string;
  /** Text of the listing notice (督办通知). */
  readonly notice?: string;
  /** The supervising unit named in the notice (督办单位). */
  readonly supervisingUnit?: string;
  /** Deadline set by the listing (督办期限), YYYY-MM-DD. */
  readonly deadline?: string;
  readonly reviews?: readonly HiddenHazardSupervisionReview[];
  /** 核销 (摘牌): when, by whom and with which opinion the listing was closed. */
  readonly closedAt?: Date;
  readonly closedBy?: string;
  readonly closingOpinion?: string;
  readonly closingDocumentNo?: string;
}

export interface HiddenHazardExtensionRequest {
  readonly deadline: string;
  readonly reason: string;
  readonly requestedAt: Date;
  readonly requestedBy: string;
}

export interface HiddenHazardExtension {
  readonly from: string;
  readonly to: string;
  readonly approvedAt: Date;
  readonly approvedBy: string;
}

/** 整改进展: a report made while rectifying; the status stays `rectifying`. */
export interface HiddenHazardProgressReport {
  readonly at: Date;
  readonly by: string;
  readonly progress: string;
  /** Share of the work done, 0–100, when the enterprise estimates it. */
  readonly percent?: number;
  /** 临时管控措施 in force until the rectification is done. */
  readonly temporaryMeasures?: string;
  readonly photos: readonly string[];
}

export interface HiddenHazardRectification {
  readonly description: string;
  readonly photos: readonly string[];
  readonly documents: readonly string[];
  readonly evaluationReport?: string;
  readonly submittedAt: Date;
}

/**
 * What the closed loop needs to know about one hazard. Identity, enterprise, location, description
 * and photos live beside it in the record; they do not change the rules.
 */
export interface HiddenHazardState {
  readonly status: HiddenHazardStatus;
  readonly level: HiddenHazardLevel;
  readonly criteria: readonly MajorHiddenHazardCriterion[];
  /** Why it is 重大 although no statutory criterion was ticked (harm, difficulty, external causes). */
  readonly majorJudgement?: string;
  readonly source: HiddenHazardSource;
  readonly reportedAt: Date;
  /** Rectification deadline, YYYY-MM-DD in China Standard Time. */
  readonly deadline?: string;
  readonly plan?: HiddenHazardPlan;
  readonly supervision?: HiddenHazardSupervision;
  readonly extensionRequest?: HiddenHazardExtensionRequest;
  readonly extensions: readonly HiddenHazardExtension[];
  /** 整改进展 reported while rectifying, oldest first (absent on hazards stored before it existed). */
  readonly progressReports?: readonly HiddenHazardProgressReport[];
  /** The latest rectification submitted; kept after a rejection for the file. */
  readonly rectification?: HiddenHazardRectification;
  readonly rejectionCount: number;
  readonly closedAt?: Date;
  readonly timeline: readonly HiddenHazardTimelineEntry[];
}

export interface HiddenHazardWorkflowRules {
  /** Criteria lists for (re)classification, with the bureau's additions. */
  readonly criteriaLists: readonly HazardCriteriaList[];
  /** Plan elements a 重大 plan must fill in. */
  readonly majorPlanElements: readonly HiddenHazardPlanElement[];
  /** Whether a 重大 rectification needs an evaluation report (experts or an evaluation agency). */
  readonly majorRequiresEvaluationReport: boolean;
}

/**
 * Defaults: a 重大 plan needs the 五落实 and the objectives — all six contents of 16号令's 治理方案
 * (standards.md §4.6, V2); a bureau that asks only for the 五落实 drops `objectives`. The evaluation
 * before closing a 重大 hazard is M nationally and V1 provincially (§4.6 step 3): on by default.
 */
export const defaultHiddenHazardWorkflowRules: HiddenHazardWorkflowRules = Object.freeze({
  criteriaLists: hazardCriteriaLists,
  majorPlanElements: hiddenHazardPlanElements,
  majorRequiresEvaluationReport: true,
});

export interface HiddenHazardContext {
  readonly now: Date;
  readonly actor: HiddenHazardActor;
  readonly rules?: Partial<HiddenHazardWorkflowRules>;
}

/** The next state with its new timeline entry (already appended), or the reason there is none. */
export type HiddenHazardTransition =
  | { readonly ok: true; readonly state: HiddenHazardState; readonly entry: HiddenHazardTimelineEntry }
  | { readonly ok: false; readonly error: HiddenHazardError };
