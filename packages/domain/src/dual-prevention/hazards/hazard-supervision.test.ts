import { describe, expect, it } from 'vitest';
import { closeSupervision, reviewSupervision } from './hazard-supervision.ts';
import {
  city,
  county,
  enterprise,
  evidence,
  fullPlan,
  reported,
  reportedAt,
  step,
} from './hidden-hazard.test-fixtures.ts';

const listed = () =>
  step(
    reported({ tickedCriteria: ['hc-06'] }),
    {
      action: 'list_supervision',
      notice: '限期整改',
      supervisingUnit: '红塔区应急管理局',
      deadline: '2025-04-30',
    },
    county,
  );

describe('挂牌督办: review (督办检查) and 核销 by the listing department', () => {
  it('keeps the notice, unit and deadline of the listing', () => {
    expect(listed().supervision).toMatchObject({
      level: 'county',
      notice: '限期整改',
      supervisingUnit: '红塔区应急管理局',
      deadline: '2025-04-30',
    });
  });

  it('appends reviews by the listing level only, while the hazard is open', () => {
    const result = reviewSupervision(
      listed(),
      { opinion: '现场核查进度', onSite: true },
      { now: reportedAt, actor: county },
    );
    if (!result.ok) throw result.error;
    expect(result.state.supervision?.reviews).toEqual([
      { at: reportedAt, by: county.id, opinion: '现场核查进度', onSite: true },
    ]);
    expect(result.entry).toMatchObject({ action: 'review_supervision', from: 'reported', to: 'reported' });
    const byCity = reviewSupervision(
      listed(),
      { opinion: '抽查', onSite: false },
      { now: reportedAt, actor: city },
    );
    expect(byCity.ok || byCity.error.code).toBe('hazard.wrong_supervisor');
    const byEnterprise = reviewSupervision(
      listed(),
      { opinion: '自查', onSite: false },
      { now: reportedAt, actor: enterprise },
    );
    expect(byEnterprise.ok || byEnterprise.error.code).toBe('hazard.wrong_supervisor');
    const unlisted = reviewSupervision(
      reported({ tickedCriteria: ['hc-06'] }),
      { opinion: '无', onSite: false },
      { now: reportedAt, actor: county },
    );
    expect(unlisted.ok || unlisted.error.code).toBe('hazard.not_listed');
  });

  it('closes (核销) only an accepted hazard, once', () => {
    const open = closeSupervision(listed(), { opinion: '同意核销' }, { now: reportedAt, actor: county });
    expect(open.ok || open.error.code).toBe('hazard.illegal_transition');
    let state = step(listed(), { action: 'submit_plan', plan: fullPlan }, enterprise);
    state = step(state, evidence, enterprise);
    state = step(state, { action: 'accept' }, county);
    const closed = closeSupervision(
      state,
      { opinion: '同意核销', documentNo: '红应急销〔2025〕1号' },
      { now: reportedAt, actor: county },
    );
    if (!closed.ok) throw closed.error;
    expect(closed.state.supervision).toMatchObject({
      closedAt: reportedAt,
      closedBy: county.id,
      closingOpinion: '同意核销',
      closingDocumentNo: '红应急销〔2025〕1号',
    });
    const again = closeSupervision(closed.state, { opinion: '再次' }, { now: reportedAt, actor: county });
    expect(again.ok || again.error.code).toBe('hazard.not_listed');
  });
});
