/** Inspections as the server answers them (docs/enforcement.md, phone contract). */

export type InspectionStatus = 'planned' | 'in_progress' | 'completed' | 'cancelled';
export type WireItemResult = 'pass' | 'fail' | 'na';

export interface InspectionSummary {
  readonly total: number;
  readonly pass: number;
  readonly fail: number;
  readonly na: number;
  readonly unanswered: number;
}

export interface InspectionRow {
  readonly id: string;
  readonly kind: 'double_random' | 'ad_hoc';
  readonly status: InspectionStatus;
  readonly enterpriseId: string;
  readonly enterpriseName: string;
  readonly county: string;
  readonly drawId: string | null;
  readonly drawTitle: string | null;
  readonly plannedDate: string | null;
  readonly inspectors: readonly { id: string; name: string; certificateNo: string }[];
  readonly startedAt: string | null;
  readonly completedAt: string | null;
  readonly summary: InspectionSummary;
}

export interface InspectionItem {
  readonly id: string;
  readonly code: string;
  readonly text: string;
  readonly legalBasis: string;
  readonly hazardCategory: string;
  readonly suggestedPenaltyClause: string | null;
  readonly result: WireItemResult | null;
  readonly note: string | null;
  readonly photoIds: readonly string[];
  readonly deadline: string | null;
  readonly hazardId: string | null;
}

export interface InspectionDetail extends InspectionRow {
  readonly notes: string | null;
  readonly signatureUploadId: string | null;
  readonly finishedAt: string | null;
  readonly items: readonly InspectionItem[];
  readonly hazardIds: readonly string[];
  readonly caseIds: readonly string[];
}
