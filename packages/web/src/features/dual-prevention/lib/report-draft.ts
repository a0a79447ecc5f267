import {
  defaultLabelOf,
  type Gb6441AccidentTypeCode,
  type HiddenHazardSource,
  type RecordLabel,
} from '@anjian/domain';

/** What 登记隐患 collects, on the phone and on the desktop alike. */
export interface HazardReportDraft {
  enterpriseId: string;
  source: HiddenHazardSource;
  locationText: string;
  description: string;
  category: Gb6441AccidentTypeCode | '';
  ticked: string[];
  judgement: string;
  /** YYYY-MM-DD, or '' when no deadline has been set yet */
  deadline: string;
  photos: string[];
  /** 密级; the server's default (内部) is not sent. */
  securityLabel: RecordLabel;
}

export type HazardReportProblem = 'enterprise' | 'location' | 'description' | 'category' | 'deadline';

/**
 * A new draft: an enterprise account reports its own hazards found in self-checks; a bureau user
 * picks the enterprise and reports what an inspection found.
 */
export function emptyReportDraft(ownEnterpriseId: string | null): HazardReportDraft {
  return {
    enterpriseId: ownEnterpriseId ?? '',
    source: ownEnterpriseId ? 'self_check' : 'inspection',
    locationText: '',
    description: '',
    category: '',
    ticked: [],
    judgement: '',
    deadline: '',
    photos: [],
    securityLabel: defaultLabelOf.hazard,
  };
}

/**
 * The fields the server would refuse, checked before sending (the same limits as the report
 * schema): an enterprise, a location of 2+ characters, a description of 5+, the accident type,
 * and a deadline not before `today`.
 */
export function reportProblems(draft: HazardReportDraft, today: string): HazardReportProblem[] {
  const problems: HazardReportProblem[] = [];
  if (!draft.enterpriseId) problems.push('enterprise');
  if (draft.locationText.trim().length < 2) problems.push('location');
  if (draft.description.trim().length < 5) problems.push('description');
  if (!draft.category) problems.push('category');
  if (draft.deadline && draft.deadline < today) problems.push('deadline');
  return problems;
}

/** The body of POST /hazards: trimmed, the optional parts only when given. */
export function reportBody(draft: HazardReportDraft) {
  const judgement = draft.judgement.trim();
  return {
    enterpriseId: draft.enterpriseId,
    source: draft.source,
    location: { text: draft.locationText.trim() },
    description: draft.description.trim(),
    category: draft.category as Gb6441AccidentTypeCode,
    tickedCriteria: [...draft.ticked],
    ...(judgement ? { majorJudgement: judgement } : {}),
    ...(draft.deadline ? { deadline: draft.deadline } : {}),
    photos: [...draft.photos],
    ...(draft.securityLabel !== defaultLabelOf.hazard ? { securityLabel: draft.securityLabel } : {}),
  };
}
