import { describe, expect, it } from 'vitest';
import { draftToScope, emptyScopeDraft, scopeToDraft } from './scope-draft.ts';

describe('scope drafts', () => {
  it('turns a complete draft into the scope the API takes', () => {
    expect(draftToScope(emptyScopeDraft('city'))).toEqual({ scope: { kind: 'city' } });
    expect(draftToScope({ ...emptyScopeDraft('county'), counties: ['530403'] })).toEqual({
      scope: { kind: 'county', counties: ['530403'] },
    });
    const id = '6f1c2d3e-4a5b-4c6d-8e7f-901234567890';
    expect(
      draftToScope({ kind: 'enterprise', counties: [], enterpriseId: ` ${id} `, county: '530402' }),
    ).toEqual({
      scope: { kind: 'enterprise', enterpriseId: id, county: '530402' },
    });
  });

  it('says what is missing', () => {
    expect(draftToScope(emptyScopeDraft('county'))).toEqual({ problem: 'countiesRequired' });
    expect(
      draftToScope({ kind: 'enterprise', counties: [], enterpriseId: 'nope', county: '530402' }),
    ).toEqual({
      problem: 'enterpriseIdInvalid',
    });
    expect(
      draftToScope({
        kind: 'enterprise',
        counties: [],
        enterpriseId: '6f1c2d3e-4a5b-4c6d-8e7f-901234567890',
        county: '',
      }),
    ).toEqual({ problem: 'countyRequired' });
  });

  it('round-trips a scope', () => {
    const scope = { kind: 'county' as const, counties: ['530423', '530424'] };
    expect(draftToScope(scopeToDraft(scope))).toEqual({ scope });
  });
});
