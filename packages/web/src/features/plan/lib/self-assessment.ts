/** The yearly assessment as the page shows it (GET /plan/assessments/:id) and the self-assessment form. */
export interface AssessmentItem {
  code: string;
  name: string;
  maxScore: number;
}

export interface SelfAssessment {
  total: number;
  items: Record<string, { score: number; comment: string; evidence: string[] }>;
  submittedBy: string;
  submittedAt: string;
}

/** A veto the system set from the statistics' accident records (一票否决). */
export interface AutomaticVeto {
  accidents: { date: string; county: string; countyName: string; location: string; level: string }[];
  reason: { zh: string; en: string };
}

export interface RankedUnit {
  organisationId: string;
  organisationName: string;
  rank: number;
  total: number;
  grade: 'excellent' | 'good' | 'pass' | 'fail';
  /** The veto that counts (the assessors' own, else the automatic one not set aside). */
  veto: string | null;
  manualVeto: string | null;
  autoVeto: AutomaticVeto | null;
  vetoOverride: { reason: string; by: string; at: string } | null;
  comment: string;
  scores: Record<string, number>;
  scoredAt: string | null;
  selfAssessment: SelfAssessment | null;
  allowedActions: ('score' | 'self_assess')[];
}

export interface Assessment {
  id: string;
  year: number;
  name: string;
  items: AssessmentItem[];
  units: RankedUnit[];
  publishedAt: string | null;
  allowedActions: 'publish'[];
  demo: boolean;
}

/** Per item: the score typed (none yet: null), what the unit says, and its evidence photos. */
export type SelfAssessmentForm = Record<
  string,
  { score: number | null; comment: string; evidence: string[] }
>;

/** The form for a unit: what it entered before, blank items where it entered nothing. */
export function selfAssessmentForm(items: readonly AssessmentItem[], unit: RankedUnit): SelfAssessmentForm {
  return Object.fromEntries(
    items.map((item) => {
      const entered = unit.selfAssessment?.items[item.code];
      return [
        item.code,
        {
          score: entered?.score ?? null,
          comment: entered?.comment ?? '',
          evidence: [...(entered?.evidence ?? [])],
        },
      ];
    }),
  );
}

/** The request body: the items given a score, in the scheme's order (the others are left as they are). */
export function selfAssessmentBody(items: readonly AssessmentItem[], form: SelfAssessmentForm) {
  return {
    items: items.flatMap((item) => {
      const entry = form[item.code];
      if (!entry || entry.score === null || entry.score === undefined) return [];
      return [
        { code: item.code, score: entry.score, comment: entry.comment.trim(), evidence: [...entry.evidence] },
      ];
    }),
  };
}
