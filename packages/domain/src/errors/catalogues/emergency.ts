import type { ErrorDefinition } from '../error-definition.ts';

export const emergencyErrors = {
  'accident.invalid_figures': {
    status: 400,
    zh: '伤亡人数须为非负整数，直接经济损失须为非负数（万元）',
    en: 'Casualties must be whole numbers ≥ 0 and the loss a number ≥ 0 (万元)',
  },
  'accident.unknown_type': { status: 400, zh: '事故类别代码不存在', en: 'Unknown accident type code' },
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
  'incident.in_future': {
    status: 400,
    zh: '事故发生时间不能晚于当前时间',
    en: 'The accident cannot have happened in the future',
  },
  'incident.unknown_report_step': { status: 400, zh: '报告环节不存在', en: 'No such reporting step' },
  'incident.task_not_found': { status: 404, zh: '调度任务不存在', en: 'No such dispatch task' },
} as const satisfies Record<string, ErrorDefinition>;
