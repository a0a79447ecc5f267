import { dataScopeSchema, type DataScope } from '@anjian/domain';

/** The scope picker's form state: every field of every kind, so switching kind keeps what was typed. */
export interface ScopeDraft {
  kind: DataScope['kind'];
  counties: string[];
  enterpriseId: string;
  county: string;
}

export function emptyScopeDraft(kind: DataScope['kind'] = 'county'): ScopeDraft {
  return { kind, counties: [], enterpriseId: '', county: '' };
}

export function scopeToDraft(scope: DataScope): ScopeDraft {
  switch (scope.kind) {
    case 'city':
      return emptyScopeDraft('city');
    case 'county':
      return { ...emptyScopeDraft('county'), counties: [...scope.counties] };
    case 'enterprise':
      return { kind: 'enterprise', counties: [], enterpriseId: scope.enterpriseId, county: scope.county };
  }
}

export type ScopeProblem = 'countiesRequired' | 'enterpriseIdInvalid' | 'countyRequired';

/** The scope the draft describes, checked with the domain schema the server uses; or what is missing. */
export function draftToScope(draft: ScopeDraft): { scope: DataScope } | { problem: ScopeProblem } {
  const candidate =
    draft.kind === 'city'
      ? { kind: 'city' }
      : draft.kind === 'county'
        ? { kind: 'county', counties: draft.counties }
        : { kind: 'enterprise', enterpriseId: draft.enterpriseId.trim(), county: draft.county };
  const parsed = dataScopeSchema.safeParse(candidate);
  if (parsed.success) return { scope: parsed.data };
  if (draft.kind === 'county') return { problem: 'countiesRequired' };
  const badId = parsed.error.issues.some((issue) => issue.path.includes('enterpriseId'));
  return { problem: badId ? 'enterpriseIdInvalid' : 'countyRequired' };
}
