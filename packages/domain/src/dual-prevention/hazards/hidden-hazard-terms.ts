/*
 * Vocabulary of the hidden-hazard (事故隐患) closed loop, with the Chinese terms users know.
 * Workflow after 原总局令第16号 and the provincial 挂牌督办 rules (standards.md §4.6).
 */

/** Where a hazard came from. */
export const hiddenHazardSources = [
  'self_check',
  'inspection',
  'public_report',
  'sensor_alarm',
  'insurer_service',
] as const;
export type HiddenHazardSource = (typeof hiddenHazardSources)[number];

/** 一般事故隐患 / 重大事故隐患 (原总局令第16号, standards.md §4.1). */
export const hiddenHazardLevels = ['general', 'major'] as const;
export type HiddenHazardLevel = (typeof hiddenHazardLevels)[number];

/** Status of the closed loop. */
export const hiddenHazardStatuses = [
  'reported',
  'rectifying',
  'pending_acceptance',
  'closed',
  'dismissed',
] as const;
export type HiddenHazardStatus = (typeof hiddenHazardStatuses)[number];

/** Statuses in which the hazard still exists. */
export const openHiddenHazardStatuses: readonly HiddenHazardStatus[] = [
  'reported',
  'rectifying',
  'pending_acceptance',
];

export const hiddenHazardActions = [
  'submit_plan',
  'list_supervision',
  'request_extension',
  'decide_extension',
  'report_progress',
  'submit_rectification',
  'accept',
  'reject',
  'dismiss',
  'reclassify',
] as const;
export type HiddenHazardActionName = (typeof hiddenHazardActions)[number];

/**
 * Steps of a 挂牌督办 after the listing, by the listing department (routes of their own, not
 * `actions`): 督办检查 (review) and 核销 (closing the listing once the hazard is accepted).
 */
export const hiddenHazardSupervisionSteps = ['review_supervision', 'close_supervision'] as const;
export type HiddenHazardSupervisionStep = (typeof hiddenHazardSupervisionSteps)[number];

/** Entries the system itself writes on a hazard's timeline: a step of the escalation ladder. */
export type HiddenHazardSystemEntry = 'escalate';

/** Who acts: the enterprise, the county or city 应急管理 department, or a law-enforcement inspector. */
export const hiddenHazardActorKinds = ['enterprise', 'county', 'city', 'inspector'] as const;
export type HiddenHazardActorKind = (typeof hiddenHazardActorKinds)[number];

/** Deadline state of an open hazard; see deadline-escalation.ts. */
export const hiddenHazardEscalationStates = [
  'on_time',
  'due_soon',
  'overdue',
  'escalated_county',
  'escalated_city',
] as const;
export type HiddenHazardEscalationState = (typeof hiddenHazardEscalationStates)[number];

/** Government level that lists a 重大 hazard for supervision (挂牌督办). */
export const hiddenHazardSupervisionLevels = ['county', 'city'] as const;
export type HiddenHazardSupervisionLevel = (typeof hiddenHazardSupervisionLevels)[number];

/**
 * Elements of a 重大 hazard's treatment plan. The first five are the 五落实 (责任、措施、资金、时限、
 * 预案); `objectives` is the sixth content item of 16号令's 治理方案 (standards.md §4.6, V2).
 */
export const hiddenHazardPlanElements = [
  'responsibility',
  'measures',
  'funds',
  'deadline',
  'contingency',
  'objectives',
] as const;
export type HiddenHazardPlanElement = (typeof hiddenHazardPlanElements)[number];

interface Names {
  readonly zh: string;
  readonly en: string;
}

/** 一般/重大事故隐患 (《安全生产事故隐患排查治理暂行规定》第三条). */
export const hiddenHazardLevelNames: Readonly<Record<HiddenHazardLevel, Names>> = {
  general: { zh: '一般隐患', en: 'General hazard' },
  major: { zh: '重大隐患', en: 'Major hazard' },
};

/** Who supervises a listed hazard (挂牌督办): the county or the city. */
export const hiddenHazardSupervisionLevelNames: Readonly<Record<HiddenHazardSupervisionLevel, Names>> = {
  county: { zh: '县级', en: 'County' },
  city: { zh: '市级', en: 'City' },
};

export const hiddenHazardSourceNames: Readonly<Record<HiddenHazardSource, Names>> = {
  self_check: { zh: '企业自查', en: 'Self-check' },
  inspection: { zh: '监督检查', en: 'Inspection' },
  public_report: { zh: '群众举报', en: 'Public report' },
  sensor_alarm: { zh: '监测报警', en: 'Sensor alarm' },
  insurer_service: { zh: '保险机构事故预防服务', en: 'Insurer’s prevention service' },
};

export const hiddenHazardStatusNames: Readonly<Record<HiddenHazardStatus, Names>> = {
  reported: { zh: '已登记（待制定整改方案）', en: 'Reported (awaiting a plan)' },
  rectifying: { zh: '整改中', en: 'Rectifying' },
  pending_acceptance: { zh: '待验收', en: 'Awaiting acceptance' },
  closed: { zh: '已闭环（验收销号）', en: 'Closed (accepted)' },
  dismissed: { zh: '核查不属实', en: 'Dismissed (not confirmed)' },
};

export const hiddenHazardActionNames: Readonly<Record<HiddenHazardActionName | 'report', Names>> = {
  report: { zh: '登记上报', en: 'Report' },
  submit_plan: { zh: '制定整改（治理）方案', en: 'Submit the rectification plan' },
  list_supervision: { zh: '挂牌督办', en: 'List for supervision' },
  request_extension: { zh: '申请延期', en: 'Request an extension' },
  decide_extension: { zh: '延期审批', en: 'Decide on the extension' },
  report_progress: { zh: '报告整改进展', en: 'Report rectification progress' },
  submit_rectification: { zh: '整改完成，申请验收', en: 'Submit the rectification' },
  accept: { zh: '验收通过（销号）', en: 'Accept and close' },
  reject: { zh: '验收不通过，退回整改', en: 'Reject back to rectification' },
  dismiss: { zh: '核查不属实', en: 'Dismiss as not confirmed' },
  reclassify: { zh: '升级为重大事故隐患', en: 'Reclassify as major' },
};

export const hiddenHazardSupervisionStepNames: Readonly<
  Record<HiddenHazardSupervisionStep | HiddenHazardSystemEntry, Names>
> = {
  review_supervision: { zh: '督办检查', en: 'Supervision review' },
  close_supervision: { zh: '督办核销（摘牌）', en: 'Close the supervision (核销)' },
  escalate: {
    zh: '逾期升级（提醒、警示、通报、约谈）',
    en: 'Escalation (reminder, warning, notice, interview)',
  },
};

export const hiddenHazardPlanElementNames: Readonly<Record<HiddenHazardPlanElement, Names>> = {
  responsibility: { zh: '责任落实（负责治理的机构和人员）', en: 'Responsibility (organisation and person)' },
  measures: { zh: '措施落实（治理的方法和措施）', en: 'Measures (methods and measures)' },
  funds: { zh: '资金落实（经费和物资）', en: 'Funds (money and materials)' },
  deadline: { zh: '时限落实（治理的时限和要求）', en: 'Deadline' },
  contingency: { zh: '预案落实（安全措施和应急预案）', en: 'Safety measures and emergency plan' },
  objectives: { zh: '治理的目标和任务', en: 'Objectives and tasks' },
};
