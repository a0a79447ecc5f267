import type { ErrorDefinition } from '../error-definition.ts';

export const dualPreventionErrors = {
  'risk.unit_not_found': { status: 404, zh: '风险单元不存在', en: 'No such risk unit' },
  'risk.point_not_found': { status: 404, zh: '风险点不存在', en: 'No such risk point' },
  'risk.county_not_found': {
    status: 404,
    zh: '该县（区）不在本人数据范围内',
    en: 'That county is outside your data scope',
  },
  'check.list_not_found': { status: 404, zh: '检查表不存在', en: 'No such check list' },
  'check.task_not_found': { status: 404, zh: '检查任务不存在', en: 'No such check task' },
  'check.task_done': { status: 409, zh: '该检查任务已完成', en: 'This check task is already done' },
  'check.results_incomplete': {
    status: 400,
    zh: '请对检查表的每一项给出且只给出一次结果',
    en: 'Give exactly one result for every item of the check list',
  },
  'hazard.not_found': { status: 404, zh: '隐患不存在', en: 'No such hidden hazard' },
  'hazard.changed_meanwhile': {
    status: 409,
    zh: '该隐患刚被他人处理，请刷新后重试',
    en: 'Someone else changed this hazard just now; reload and try again',
  },
  'hazard.unknown_criterion': {
    status: 400,
    zh: '重大事故隐患判定标准条目不存在',
    en: 'Unknown major-hazard criterion code',
  },
  'hazard.criteria_list_invalid': {
    status: 400,
    zh: '重大事故隐患判定标准清单配置有误（编码重复、前缀不符或分组不存在）',
    en: 'The criteria list is inconsistent (duplicate or foreign codes, or an unknown group)',
  },
  'hazard.illegal_transition': {
    status: 409,
    zh: '隐患当前状态下不能执行该操作',
    en: "This step is not possible in the hazard's current status",
  },
  'hazard.action_not_allowed': {
    status: 403,
    zh: '该类用户不能执行此隐患操作',
    en: 'Your kind of account cannot take this step',
  },
  'hazard.wrong_reviewer': {
    status: 403,
    zh: '验收、退回和延期审批应由负责验收的一方执行',
    en: 'Acceptance, rejection and extension decisions belong to the reviewing party',
  },
  'hazard.plan_incomplete': {
    status: 400,
    zh: '重大事故隐患治理方案须落实责任、措施、资金、时限和预案，并写明治理目标和任务',
    en: "A major hazard's treatment plan needs responsibility, measures, funds, deadline and emergency plan, and its objectives",
  },
  'hazard.evidence_missing': {
    status: 400,
    zh: '请提交整改照片或资料；重大事故隐患还须提交治理评估报告',
    en: 'Attach photos or documents; a major hazard also needs the evaluation report',
  },
  'hazard.invalid_deadline': {
    status: 400,
    zh: '整改期限无效：须为有效日期且不早于今天，延期须晚于原期限',
    en: 'Invalid deadline: a real date, not past; an extension must be later than the current deadline',
  },
  'hazard.supervision_requires_major': {
    status: 400,
    zh: '只有重大事故隐患可以挂牌督办',
    en: 'Only major hidden hazards can be listed for supervision',
  },
  'hazard.already_listed': {
    status: 409,
    zh: '该隐患已由本级或上级挂牌督办',
    en: 'Already listed at this level or a higher one',
  },
  'hazard.extension_pending': {
    status: 409,
    zh: '已有待审批的延期申请',
    en: 'An extension request is already waiting for a decision',
  },
  'hazard.reason_required': { status: 400, zh: '请填写理由', en: 'Give the reason' },
  'hazard.escalation_rules_invalid': {
    status: 400,
    zh: '隐患逾期升级天数配置有误（0至3650的整数，县级不晚于市级）',
    en: 'The escalation days are inconsistent (whole numbers 0–3650, county no later than city)',
  },
  'hazard.not_listed': {
    status: 409,
    zh: '该隐患未挂牌督办或督办已核销',
    en: 'This hazard is not listed for supervision, or the listing is already closed',
  },
  'hazard.wrong_supervisor': {
    status: 403,
    zh: '督办检查和核销应由挂牌督办的部门执行',
    en: 'Supervision reviews and closing belong to the department that listed the hazard',
  },
  'hazard.point_not_linkable': {
    status: 400,
    zh: '监测点不存在或不属于该隐患所在企业',
    en: 'No such monitoring point at the hazard’s enterprise',
  },
  'hazard.points_not_normal': {
    status: 409,
    zh: '关联的监测点尚未恢复正常，暂不能验收',
    en: 'A linked monitoring point is not back to normal yet; acceptance must wait',
  },
  'notification.not_found': { status: 404, zh: '通知不存在', en: 'No such notification' },
  'risk.grading_not_found': {
    status: 404,
    zh: '该企业尚无安全风险分级结果',
    en: 'This enterprise has not been graded yet',
  },
  'risk.site_plan_upload_mismatch': {
    status: 400,
    zh: '平面图文件不属于该企业所在区县，或不是本企业上传的图片',
    en: 'The site plan file does not belong to this enterprise or its county',
  },
} as const satisfies Record<string, ErrorDefinition>;
