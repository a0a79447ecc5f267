/*
 * Vocabulary of an administrative-penalty case (行政处罚案件) under the 行政处罚法 (2021 revision) as
 * applied by 应急管理 departments. Article numbers are M (from the official text, not re-checked).
 */

/** Status of a case. `heard` = hearing over (or the request withdrawn), awaiting the decision. */
export const penaltyCaseStatuses = [
  'filed',
  'investigating',
  'notified',
  'hearing',
  'heard',
  'decided',
  'executed',
  'closed',
  'withdrawn',
  'terminated',
] as const;
export type PenaltyCaseStatus = (typeof penaltyCaseStatuses)[number];

/** Statuses before the decision, during which the decision period (Art. 60) runs. */
export const penaltyCasePreDecisionStatuses: readonly PenaltyCaseStatus[] = [
  'filed',
  'investigating',
  'notified',
  'hearing',
  'heard',
];

export const penaltyCaseActions = [
  'start_investigation',
  'issue_notice',
  'record_statement',
  'waive_rights',
  'request_hearing',
  'schedule_hearing',
  'conclude_hearing',
  'complete_legal_review',
  'extend_decision_period',
  'decide',
  'serve_decision',
  'record_execution',
  'close',
  'withdraw',
  'terminate',
] as const;
export type PenaltyCaseActionName = (typeof penaltyCaseActions)[number];

/**
 * Who acts: handler 承办执法人员, legal_reviewer 法制审核人员, head 行政机关负责人, party 当事人 (an
 * enterprise user acting for itself; the handler may also record what the party said or asked).
 */
export const penaltyCaseRoles = ['handler', 'legal_reviewer', 'head', 'party'] as const;
export type PenaltyCaseRole = (typeof penaltyCaseRoles)[number];

export const penaltyPartyKinds = ['organisation', 'individual'] as const;
export type PenaltyPartyKind = (typeof penaltyPartyKinds)[number];

/** Kinds of administrative penalty (行政处罚法 Art. 9 [M]). */
export const penaltyKinds = [
  'warning',
  'fine',
  'confiscation',
  'licence_suspension',
  'qualification_downgrade',
  'licence_revocation',
  'activity_restriction',
  'production_suspension',
  'closure',
  'employment_restriction',
] as const;
export type PenaltyKind = (typeof penaltyKinds)[number];

interface Names {
  readonly zh: string;
  readonly en: string;
}

export const penaltyCaseStatusNames: Readonly<Record<PenaltyCaseStatus, Names>> = {
  filed: { zh: '已立案', en: 'Filed' },
  investigating: { zh: '调查取证', en: 'Investigating' },
  notified: { zh: '已告知（陈述申辩、听证申请期）', en: 'Notified (statement and hearing-request period)' },
  hearing: { zh: '听证', en: 'Hearing' },
  heard: { zh: '待决定', en: 'Awaiting the decision' },
  decided: { zh: '已决定（执行中）', en: 'Decided (being executed)' },
  executed: { zh: '执行完毕', en: 'Executed' },
  closed: { zh: '已结案', en: 'Closed' },
  withdrawn: { zh: '已撤销立案', en: 'Filing withdrawn' },
  terminated: { zh: '已终结', en: 'Terminated' },
};

export const penaltyCaseActionNames: Readonly<Record<PenaltyCaseActionName | 'file', Names>> = {
  file: { zh: '立案', en: 'File the case' },
  start_investigation: { zh: '开始调查取证', en: 'Start the investigation' },
  issue_notice: { zh: '送达行政处罚告知书', en: 'Serve the notice of intended penalty' },
  record_statement: { zh: '记录陈述、申辩', en: 'Record a statement or defence' },
  waive_rights: { zh: '当事人放弃陈述申辩和听证', en: 'Party waives statement and hearing' },
  request_hearing: { zh: '申请听证', en: 'Request a hearing' },
  schedule_hearing: { zh: '通知听证时间地点', en: 'Schedule the hearing' },
  conclude_hearing: { zh: '听证结束', en: 'Conclude the hearing' },
  complete_legal_review: { zh: '法制审核', en: 'Legal review' },
  extend_decision_period: { zh: '延长办案期限', en: 'Extend the decision period' },
  decide: { zh: '作出决定', en: 'Decide' },
  serve_decision: { zh: '送达处罚决定书', en: 'Serve the decision' },
  record_execution: { zh: '执行完毕', en: 'Record the execution' },
  close: { zh: '结案', en: 'Close the case' },
  withdraw: { zh: '撤销立案', en: 'Withdraw the filing' },
  terminate: { zh: '终结案件', en: 'Terminate the case' },
};

export const penaltyKindNames: Readonly<Record<PenaltyKind, Names>> = {
  warning: { zh: '警告', en: 'Warning' },
  fine: { zh: '罚款', en: 'Fine' },
  confiscation: { zh: '没收违法所得、没收非法财物', en: 'Confiscation of illegal gains or property' },
  licence_suspension: { zh: '暂扣许可证件', en: 'Licence suspended' },
  qualification_downgrade: { zh: '降低资质等级', en: 'Qualification downgraded' },
  licence_revocation: { zh: '吊销许可证件', en: 'Licence revoked' },
  activity_restriction: { zh: '限制开展生产经营活动', en: 'Business activities restricted' },
  production_suspension: { zh: '责令停产停业', en: 'Ordered to suspend production' },
  closure: { zh: '责令关闭', en: 'Ordered to close' },
  employment_restriction: { zh: '限制从业', en: 'Barred from the trade' },
};
