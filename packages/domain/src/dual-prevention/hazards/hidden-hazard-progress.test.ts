import { describe, expect, it } from 'vitest';
import { hiddenHazardActionSchema, type HiddenHazardAction } from './hidden-hazard.schema.ts';
import {
  city,
  county,
  enterprise,
  evidence,
  generalRectifying,
  inspector,
  majorPending,
  majorRectifying,
  majorReported,
  reportedAt,
  step,
} from './hidden-hazard.test-fixtures.ts';
import type { HiddenHazardActor, HiddenHazardState } from './hidden-hazard-state.ts';
import { transitionHazard } from './hidden-hazard-workflow.ts';

/* 整改进展: "rectifying (progress, temporary control measures)" of issue 4's closed loop. */

const later = new Date(reportedAt.getTime() + 86_400_000);
const progress = (
  change: Partial<Extract<HiddenHazardAction, { action: 'report_progress' }>> = {},
): HiddenHazardAction => ({
  action: 'report_progress',
  progress: '已更换泄漏报警探头两只',
  photos: [],
  ...change,
});

function attempt(state: HiddenHazardState, action: HiddenHazardAction, actor: HiddenHazardActor) {
  return transitionHazard(state, action, { now: later, actor });
}

describe('report_progress (整改进展)', () => {
  it('keeps the hazard rectifying and appends the report and a timeline entry', () => {
    const result = attempt(
      majorRectifying,
      progress({ percent: 40, temporaryMeasures: '储罐区设置警戒线，每2小时巡检一次', photos: ['p-1'] }),
      enterprise,
    );
    if (!result.ok) throw result.error;
    expect(result.state.status).toBe('rectifying');
    expect(result.state.deadline).toBe(majorRectifying.deadline);
    expect(result.state.progressReports).toEqual([
      {
        at: later,
        by: enterprise.id,
        progress: '已更换泄漏报警探头两只',
        percent: 40,
        temporaryMeasures: '储罐区设置警戒线，每2小时巡检一次',
        photos: ['p-1'],
      },
    ]);
    expect(result.entry).toEqual({
      at: later,
      actorKind: 'enterprise',
      actorId: enterprise.id,
      action: 'report_progress',
      from: 'rectifying',
      to: 'rectifying',
      note: '40%: 已更换泄漏报警探头两只',
    });
    expect(result.state.timeline).toEqual([...majorRectifying.timeline, result.entry]);
  });

  it('keeps every report, oldest first, and records only what was given', () => {
    const first = step(generalRectifying, progress({ progress: '已采购配件' }), enterprise);
    const second = attempt(first, progress({ progress: '配件已安装', percent: 100 }), enterprise);
    if (!second.ok) throw second.error;
    expect(second.state.progressReports?.map((r) => r.progress)).toEqual(['已采购配件', '配件已安装']);
    expect(second.state.progressReports?.[0]).not.toHaveProperty('percent');
    expect(second.state.progressReports?.[0]).not.toHaveProperty('temporaryMeasures');
    expect(second.state.progressReports?.[0]?.photos).toEqual([]);
    // Even at 100 % the enterprise still submits the rectification for acceptance.
    expect(second.state.status).toBe('rectifying');
    const submitted = attempt(second.state, evidence, enterprise);
    if (!submitted.ok) throw submitted.error;
    expect(submitted.state.status).toBe('pending_acceptance');
    expect(submitted.state.progressReports).toHaveLength(2);
  });

  it.each([county, city, inspector])('is not for the %o', (actor) => {
    const result = attempt(majorRectifying, progress(), actor);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('hazard.action_not_allowed');
  });

  it.each([
    ['reported', majorReported],
    ['pending_acceptance', majorPending],
  ] as const)('is refused while %s', (status, state) => {
    const result = attempt(state, progress(), enterprise);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('hazard.illegal_transition');
      expect(result.error.details).toEqual({ status, action: 'report_progress' });
    }
  });

  it('refuses a blank progress text', () => {
    const result = attempt(majorRectifying, progress({ progress: '   ' }), enterprise);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('hazard.reason_required');
  });

  it('accepts the body only with a text, a whole percent 0–100 and at most 20 photos', () => {
    const parse = (body: object) =>
      hiddenHazardActionSchema.safeParse({ action: 'report_progress', ...body });
    expect(parse({ progress: '已完成', percent: 0 }).success).toBe(true);
    expect(parse({ progress: '已完成', percent: 100 }).data).toEqual({
      action: 'report_progress',
      progress: '已完成',
      percent: 100,
      photos: [],
    });
    expect(parse({ percent: 50 }).success).toBe(false);
    expect(parse({ progress: '已完成', percent: 101 }).success).toBe(false);
    expect(parse({ progress: '已完成', percent: 12.5 }).success).toBe(false);
    expect(parse({ progress: '已完成', temporaryMeasures: 'x' }).success).toBe(false);
    expect(parse({ progress: '已完成', extra: true }).success).toBe(false);
  });
});
