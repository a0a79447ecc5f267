import type { ErrorDefinition } from '../error-definition.ts';

/** Running the plan (规划实施): tasks, milestones, progress, assessments, campaigns. */
export const planErrors = {
  'plan.not_found': {
    status: 404,
    zh: '规划不存在',
    en: 'No such plan',
  },
  'plan.task_not_found': {
    status: 404,
    zh: '规划任务不存在',
    en: 'No such plan task',
  },
  'plan.organisation_not_found': {
    status: 404,
    zh: '单位不存在',
    en: 'No such organisation',
  },
  'plan.deliverable_not_found': {
    status: 404,
    zh: '成果不存在或不属于本单位的任务',
    en: 'No such deliverable of your unit’s tasks',
  },
  'plan.deliverable_delivered': {
    status: 409,
    zh: '该成果已标记完成',
    en: 'This deliverable is already marked delivered',
  },
  'plan.deliverable_not_delivered': {
    status: 409,
    zh: '该成果尚未标记完成，无需撤销',
    en: 'This deliverable is not marked delivered; there is nothing to undo',
  },
  'plan.figure_unknown': {
    status: 400,
    zh: '关联的统计指标不存在',
    en: 'No such statistics indicator to tie the task to',
  },
  'plan.deliverable_date_future': {
    status: 400,
    zh: '完成日期不能晚于今天',
    en: 'The delivery date cannot be after today',
  },
  'plan.assignment_not_found': {
    status: 404,
    zh: '任务分解记录不存在或不属于本单位',
    en: 'No such task assignment for your unit',
  },
  'plan.assignment_exists': {
    status: 409,
    zh: '该任务已分解给此单位',
    en: 'This task is already assigned to this unit',
  },
  'plan.milestone_not_in_assignment': {
    status: 400,
    zh: '节点不属于该任务',
    en: 'The milestone does not belong to this assignment',
  },
  'plan.evidence_not_found': {
    status: 400,
    zh: '佐证材料不存在或不可访问',
    en: 'An evidence file does not exist or is not accessible',
  },
  'plan.user_not_found': {
    status: 400,
    zh: '账号不存在',
    en: 'An account does not exist',
  },
  'plan.assessment_not_found': {
    status: 404,
    zh: '考核不存在',
    en: 'No such assessment',
  },
  'plan.assessment_exists': {
    status: 409,
    zh: '同一年度已有同名考核',
    en: 'An assessment with this name exists for the year',
  },
  'plan.assessment_weights': {
    status: 400,
    zh: '考核项目分值合计须为 100 分',
    en: 'The items’ maximum scores must add up to 100',
  },
  'plan.score_out_of_range': {
    status: 400,
    zh: '得分须在 0 至该项满分之间（最多一位小数）',
    en: 'A score must lie between 0 and the item’s maximum (one decimal at most)',
  },
  'plan.unit_not_assessed': {
    status: 400,
    zh: '该单位不在本次考核范围内',
    en: 'This unit is not part of the assessment',
  },
  'plan.assessment_unit_not_found': {
    status: 404,
    zh: '该单位不在本次考核范围内或不属于本单位',
    en: 'No such unit in this assessment for your account',
  },
  'plan.assessment_item_unknown': {
    status: 400,
    zh: '考核项目不存在',
    en: 'No such item in this assessment',
  },
  'plan.self_score_out_of_range': {
    status: 400,
    zh: '自评分须在 0 至该项分值之间（最多一位小数）',
    en: 'A self-score must lie between 0 and the item’s points (one decimal at most)',
  },
  'plan.self_assessment_locked': {
    status: 409,
    zh: '考核组已评分或结果已通报，自评不能再修改',
    en: 'The assessors have scored this unit or the results are published: the self-assessment is locked',
  },
  'plan.assessment_published': {
    status: 409,
    zh: '考核结果已通报，不能再修改',
    en: 'The results are published and can no longer change',
  },
  'plan.veto_not_automatic': {
    status: 409,
    zh: '该单位没有系统根据事故统计设置的一票否决，无需撤销',
    en: 'The unit has no veto set from the accident statistics: there is nothing to set aside',
  },
  'plan.veto_not_overridden': {
    status: 409,
    zh: '该单位的自动一票否决未被撤销',
    en: 'The unit’s automatic veto has not been set aside',
  },
  'plan.assessment_unscored': {
    status: 409,
    zh: '尚有单位未评分，不能通报结果',
    en: 'Some units are not scored yet: the results cannot be published',
  },
  'plan.responsibility_list_not_found': {
    status: 404,
    zh: '责任清单不存在或不属于本单位',
    en: 'No such responsibility list for your unit',
  },
  'plan.responsibility_version_not_found': {
    status: 404,
    zh: '责任清单没有该版本',
    en: 'The responsibility list has no such version',
  },
  'plan.responsibility_list_stale': {
    status: 409,
    zh: '清单已发布了更新的版本，请刷新后再修改',
    en: 'A newer version of the list has been published: reload it before editing',
  },
  'plan.responsibility_list_unchanged': {
    status: 400,
    zh: '责任事项没有变化，无需发布新版本',
    en: 'The items have not changed: no new version to publish',
  },
  'plan.responsibility_list_holder': {
    status: 400,
    zh: '责任主体与所选单位不符（部门清单选部门，县区清单选县（市、区）人民政府）',
    en: 'The unit does not fit the holder (a department list names a department, a county list a county)',
  },
  'plan.responsibility_list_exists': {
    status: 409,
    zh: '已有同名责任清单',
    en: 'A responsibility list of this title exists',
  },
  'plan.campaign_not_found': {
    status: 404,
    zh: '专项整治不存在',
    en: 'No such campaign',
  },
  'plan.campaign_dates': {
    status: 400,
    zh: '结束日期不得早于开始日期',
    en: 'The end date cannot be before the start date',
  },
  'plan.enterprise_not_found': {
    status: 400,
    zh: '企业不存在',
    en: 'No such enterprise',
  },
  'plan.object_not_found': {
    status: 404,
    zh: '整治对象不存在或不属于本单位',
    en: 'No such campaign object for your unit',
  },
  'plan.object_wrong_status': {
    status: 409,
    zh: '整治对象当前状态不允许此操作',
    en: 'The campaign object’s status does not allow this',
  },
  'plan.import_exists': {
    status: 409,
    zh: '已有同名规划，请换一个名称',
    en: 'A plan of this name is already loaded; choose another name',
  },
  'plan.letter_not_found': {
    status: 404,
    zh: '督办函不存在或不属于本单位',
    en: 'No such supervision letter for your unit',
  },
  'plan.letter_replied': {
    status: 409,
    zh: '该督办函已回复',
    en: 'This supervision letter has been answered already',
  },
  'plan.letter_not_overdue': {
    status: 409,
    zh: '只有逾期的任务或节点才能发督办函',
    en: 'A supervision letter is issued only on overdue work',
  },
  'plan.letter_reply_by': {
    status: 400,
    zh: '回复期限不能早于今天',
    en: 'The reply deadline cannot lie in the past',
  },
  'plan.evaluation_version_not_found': {
    status: 404,
    zh: '评估报告版本不存在',
    en: 'No such evaluation report version',
  },
} as const satisfies Record<string, ErrorDefinition>;
