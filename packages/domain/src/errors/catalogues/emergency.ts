import type { ErrorDefinition } from '../error-definition.ts';

export const emergencyErrors = {
  'accident.invalid_figures': {
    status: 400,
    zh: '伤亡人数须为非负整数，直接经济损失须为非负数（万元）',
    en: 'Casualties must be whole numbers ≥ 0 and the loss a number ≥ 0 (万元)',
  },
  'accident.unknown_type': { status: 400, zh: '事故类别代码不存在', en: 'Unknown accident type code' },
  'accident.type_version_mismatch': {
    status: 400,
    zh: '事故类别不属于事故发生日期适用的分类标准：GB 6441-2025 实施之日（北京时间）起发生的事故按 GB 6441-2025 分类，此前发生的按 GB 6441-1986 分类，请按发生日期重新选择事故类别',
    en: 'The accident type is not in the classification that applies on the accident date: accidents from the day GB 6441-2025 takes effect (China time) use GB 6441-2025, earlier ones GB 6441-1986; choose the type again for that date',
  },
  'accident.change_before_accident': {
    status: 400,
    zh: '伤亡变化时间早于事故发生时间',
    en: 'A casualty change is dated before the accident',
  },
  'accident.invalid_time': {
    status: 400,
    zh: '时间无效或早于事故发生时间',
    en: 'The time is invalid or earlier than the accident',
  },
  'emergency.resource_not_found': { status: 404, zh: '应急资源不存在', en: 'No such emergency resource' },
  'emergency.not_a_warehouse': {
    status: 400,
    zh: '只有物资库可以登记物资',
    en: 'Only a warehouse holds materials',
  },
  'incident.not_found': { status: 404, zh: '事故不存在', en: 'No such incident' },
  'incident.notified_before_accident': {
    status: 400,
    zh: '单位负责人接到报告的时间不能早于事故发生时间',
    en: "The time the unit's responsible person was told cannot be before the accident",
  },
  'incident.notified_in_future': {
    status: 400,
    zh: '单位负责人接到报告的时间不能晚于当前时间',
    en: "The time the unit's responsible person was told cannot be in the future",
  },
  'incident.in_future': {
    status: 400,
    zh: '事故发生时间不能晚于当前时间',
    en: 'The accident cannot have happened in the future',
  },
  'incident.unknown_report_step': { status: 400, zh: '报告环节不存在', en: 'No such reporting step' },
  'incident.task_not_found': { status: 404, zh: '调度任务不存在', en: 'No such dispatch task' },
  'emergency.plan_not_found': { status: 404, zh: '应急预案不存在', en: 'No such emergency plan' },
  'emergency.plan_dates_out_of_order': {
    status: 400,
    zh: '修订日期不能早于发布日期，评估日期不能早于修订日期',
    en: 'The revision cannot precede the issue date, nor the review the revision',
  },
  'emergency.duplicate_response_level': {
    status: 400,
    zh: '同一响应级别只能登记一次',
    en: 'Each response level may appear only once',
  },
  'emergency.unknown_attachment': {
    status: 400,
    zh: '附件不存在或不在本人数据范围内',
    en: 'An attachment does not exist or lies outside your data scope',
  },
  'emergency.case_not_found': { status: 404, zh: '案例不存在', en: 'No such case' },
  'emergency.scenario_not_found': { status: 404, zh: '演练情景不存在', en: 'No such drill scenario' },
  'emergency.scenario_in_use': {
    status: 409,
    zh: '该情景已被演练引用，不能删除',
    en: 'Drills use this scenario; it cannot be deleted',
  },
  'emergency.drill_not_found': { status: 404, zh: '演练不存在', en: 'No such drill' },
  'emergency.drill_held_in_future': {
    status: 400,
    zh: '尚未到演练日期，不能登记为已举行',
    en: 'A drill dated in the future cannot be recorded as held',
  },
  'emergency.finding_not_found': { status: 404, zh: '演练发现的问题不存在', en: 'No such drill finding' },
  'emergency.linked_record_not_found': {
    status: 400,
    zh: '关联的预案、情景或事故不存在或不在本人数据范围内',
    en: 'The linked plan, scenario or incident does not exist or lies outside your data scope',
  },
  'emergency.duty_shift_not_found': { status: 404, zh: '值班安排不存在', en: 'No such duty shift' },
  'emergency.duty_shift_taken': {
    status: 409,
    zh: '该日该班次已有值班安排',
    en: 'That date and shift already has a duty team',
  },
  'emergency.log_in_future': {
    status: 400,
    zh: '值班日志的时间不能晚于当前时间',
    en: 'A duty log entry cannot be dated in the future',
  },
  'emergency.duty_range_too_long': {
    status: 400,
    zh: '查询区间须在 62 天以内且起始日期不晚于结束日期',
    en: 'The range must run forwards and span at most 62 days',
  },
} as const satisfies Record<string, ErrorDefinition>;
