import type { ErrorDefinition } from '../error-definition.ts';

/** Accident statistics and the plan's indicators (统计分析). */
export const statisticsErrors = {
  'statistics.year_out_of_range': {
    status: 400,
    zh: '年份须在 {from} 至 {to} 年之间',
    en: 'The year must be between {from} and {to}',
  },
  'statistics.reason_required': {
    status: 400,
    zh: '请填写是否计入生产安全事故的理由',
    en: 'Give the reason why it counts (or not) as a work-safety accident',
  },
  'statistics.incident_not_found': {
    status: 404,
    zh: '事故不存在或不在本人数据范围内',
    en: 'No such accident in your data scope',
  },
  'statistics.reporting_finding_not_found': {
    status: 404,
    zh: '该事故没有瞒报、谎报或迟报认定',
    en: 'The accident has no reporting finding',
  },
  'statistics.sector_mapping_not_found': {
    status: 404,
    zh: '行业领域对照中没有这个行业代码前缀',
    en: 'No such industry code prefix in the sector mapping',
  },
  'statistics.indicator_change_out_of_range': {
    status: 400,
    zh: '目标变化幅度须在 {min}% 至 {max}% 之间，且不为 0',
    en: 'The target change must be between {min}% and {max}%, and not 0',
  },
  'statistics.indicator_baseline_window': {
    status: 400,
    zh: '基期终止年份不得早于起始年份，基期最长 {max} 年',
    en: 'The base period must end no earlier than it starts and last at most {max} years',
  },
  'statistics.indicator_point_one_year': {
    status: 400,
    zh: '按基期年份比较时，基期只能是一个年份（起止年份相同）',
    en: 'A base-year comparison takes one base year (the same first and last year)',
  },
  'statistics.indicator_target_year': {
    status: 400,
    zh: '目标年份须晚于基期，且距基期末不超过 {max} 年',
    en: 'The target year must come after the base period, at most {max} years after it',
  },
  'statistics.indicator_unit_mismatch': {
    status: 400,
    zh: '该计算公式的单位是"{unit}"',
    en: 'This formula’s unit is “{unit}”',
  },
  'statistics.indicator_published_baseline_range': {
    status: 400,
    zh: '规划公布的基准值须为 0 至 {max} 之间的数',
    en: 'The published baseline must be a number from 0 to {max}',
  },
  'statistics.indicator_published_baseline_decimals': {
    status: 400,
    zh: '规划公布的基准值最多保留 {decimals} 位小数（与该指标的小数位数一致）',
    en: 'The published baseline may have at most {decimals} decimal place(s), as many as the indicator shows',
  },
  'statistics.indicator_published_baseline_note': {
    status: 400,
    zh: '填写了规划公布的基准值时，请注明出处（如《玉溪市“十四五”安全生产规划》专栏1）',
    en: 'A published baseline needs its source (e.g. the Yuxi 14th Five-Year work-safety plan, panel 1)',
  },
  'statistics.plan_target_not_found': {
    status: 404,
    zh: '没有这个规划目标',
    en: 'No such plan target',
  },
  'statistics.plan_target_percent': {
    status: 400,
    zh: '百分比不能超过 100',
    en: 'A percentage cannot exceed 100',
  },
  'statistics.plan_target_at_risk_above_target': {
    status: 400,
    zh: '预警值不能高于目标值',
    en: 'The at-risk threshold cannot be above the target',
  },
  'statistics.plan_target_whole': {
    status: 400,
    zh: '该目标值须为整数（演练次数至少为 1）',
    en: 'This target must be a whole number (at least 1 drill)',
  },
} as const satisfies Record<string, ErrorDefinition>;
