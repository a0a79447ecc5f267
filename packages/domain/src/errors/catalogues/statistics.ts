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
  'statistics.sector_mapping_not_found': {
    status: 404,
    zh: '行业领域对照中没有这个行业代码前缀',
    en: 'No such industry code prefix in the sector mapping',
  },
} as const satisfies Record<string, ErrorDefinition>;
