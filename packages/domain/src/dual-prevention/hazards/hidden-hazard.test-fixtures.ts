import type {
  HiddenHazardAction,
  HiddenHazardPlanInput,
  HiddenHazardReportInput,
} from './hidden-hazard.schema.ts';
import { reportHazard } from './hidden-hazard-report.ts';
import type { HiddenHazardActor, HiddenHazardContext, HiddenHazardState } from './hidden-hazard-state.ts';
import { transitionHazard } from './hidden-hazard-workflow.ts';

/* Shared by the hidden-hazard tests: actors, plans and hazards in each status, built through the rules. */

export const reportedAt = new Date('2025-03-01T09:00:00+08:00');

export const enterprise: HiddenHazardActor = { kind: 'enterprise', id: 'user-enterprise' };
export const county: HiddenHazardActor = { kind: 'county', id: 'user-county' };
export const city: HiddenHazardActor = { kind: 'city', id: 'user-city' };
export const inspector: HiddenHazardActor = { kind: 'inspector', id: 'user-inspector' };
export const actors = { enterprise, county, city, inspector } as const;

/** A 重大 treatment plan with all six elements (五落实 + objectives). */
export const fullPlan: HiddenHazardPlanInput = {
  responsiblePerson: '张伟',
  responsibleOrganisation: '设备部',
  measures: '按国家标准为液化烃储罐增设注水设施',
  funds: { amountYuan: '120000.00', source: '企业安全生产费用' },
  deadline: '2025-04-30',
  contingencyPlan: '储罐区设置警戒区，停用 3# 储罐，修订专项应急预案',
  objectives: '消除全压力式液化烃储罐未设注水措施的重大事故隐患',
  productionSuspension: 'partial',
};

/** A 一般 plan: the responsible person and the deadline. */
export const generalPlan: HiddenHazardPlanInput = { responsiblePerson: '李娜', deadline: '2025-03-10' };

export const evidence: Extract<HiddenHazardAction, { action: 'submit_rectification' }> = {
  action: 'submit_rectification',
  description: '注水设施已安装并调试完成',
  photos: ['photo-after-1'],
  documents: [],
  evaluationReport: 'report-1',
};

export function step(
  state: HiddenHazardState,
  action: HiddenHazardAction,
  actor: HiddenHazardActor,
  now: Date = reportedAt,
  rules?: HiddenHazardContext['rules'],
): HiddenHazardState {
  const result = transitionHazard(state, action, { now, actor, ...(rules ? { rules } : {}) });
  if (!result.ok) throw result.error;
  return result.state;
}

export function reported(
  input: Partial<
    Pick<HiddenHazardReportInput, 'source' | 'tickedCriteria' | 'majorJudgement' | 'deadline'>
  > = {},
  actor: HiddenHazardActor = enterprise,
): HiddenHazardState {
  const result = reportHazard(
    { source: 'self_check', tickedCriteria: [], ...input },
    { now: reportedAt, actor },
  );
  if (!result.ok) throw result.error;
  return result.state;
}

/** 重大 (hc-06, self-check) hazards in each status, and a 一般 one. */
export const majorReported = reported({ tickedCriteria: ['hc-06'] });
export const majorRectifying = step(majorReported, { action: 'submit_plan', plan: fullPlan }, enterprise);
export const majorPending = step(majorRectifying, evidence, enterprise);
export const majorClosed = step(majorPending, { action: 'accept' }, county);
export const generalReported = reported();
export const generalRectifying = step(
  generalReported,
  { action: 'submit_plan', plan: generalPlan },
  enterprise,
);
export const dismissed = step(
  reported({ source: 'public_report' }, county),
  { action: 'dismiss', reason: '现场核查，举报情况不属实' },
  county,
);
