/** GET /api/v1/public/disclosure and /api/v1/public/credit-list (docs/enforcement.md). */
export interface PublicDisclosure {
  readonly algorithm: { readonly zh: string; readonly en: string };
  inspections: {
    id: string;
    drawId: string | null;
    drawTitle: string | null;
    enterpriseName: string;
    county: string;
    completedAt: string | null;
    itemCount: number;
    failedCount: number;
    result: 'problems_found' | 'no_problems';
  }[];
  penaltyDecisions: {
    caseId: string;
    enterpriseName: string;
    creditCode: string;
    county: string;
    violation: string;
    documentNo: string | null;
    decidedOn: string;
    penaltyKinds: readonly string[];
    penaltyKindNames: readonly string[];
    fineYuan: string | null;
  }[];
  draws: {
    id: string;
    title: string;
    status: 'announced' | 'disclosed';
    mode: 'uniform' | 'risk_weighted';
    announcedAt: string;
    enterpriseCount: number;
    poolSize: number;
    commitment: string | null;
    disclosedAt: string | null;
    verification: string | null;
  }[];
}

export interface PublicCreditListing {
  readonly id: string;
  readonly enterpriseName: string;
  readonly creditCode: string;
  readonly county: string;
  readonly grounds: readonly string[];
  readonly groundNames: readonly string[];
  readonly listedOn: string | null;
  readonly publishedOn: string | null;
  readonly documentNo: string | null;
  readonly expiresOn: string | null;
}
