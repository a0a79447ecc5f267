import type { ErrorDefinition } from '../error-definition.ts';

/** Natural-disaster events and their township figures (emergency/disasters). */
export const disastersErrors = {
  'disaster.not_found': { status: 404, zh: '灾害事件不存在', en: 'No such disaster event' },
  'disaster.unknown_kind': {
    status: 400,
    zh: '灾种不在配置的灾种清单中',
    en: 'The disaster kind is not in the configured list',
  },
  'disaster.township_outside_county': {
    status: 400,
    zh: '乡镇（街道）代码不存在或不属于灾害发生的县（市、区）',
    en: 'The township code does not exist or lies outside the disaster’s county',
  },
  'disaster.stage_out_of_order': {
    status: 409,
    zh: '报送阶段不符合规定：每个乡镇先初报一次，其后续报，核报一次且核报后不再报送',
    en: 'Report stages run one initial report per township, then follow-ups, then one verified report, after which nothing more',
  },
  'disaster.explanation_required': {
    status: 400,
    zh: '数据较上次报送减少或大幅增加，须填写说明',
    en: 'A figure fell or jumped sharply since the last report; give a written explanation',
  },
  'disaster.figures_inconsistent': {
    status: 400,
    zh: '紧急转移安置人口、需紧急生活救助人口和死亡失踪人口不能大于受灾人口',
    en: 'People relocated, needing aid, dead or missing cannot exceed the people affected',
  },
  'disaster.report_time_invalid': {
    status: 400,
    zh: '报送时间不能早于灾害发生时间，也不能晚于当前时间',
    en: 'A report cannot be dated before the disaster or in the future',
  },
  'disaster.occurred_in_future': {
    status: 400,
    zh: '灾害发生时间不能晚于当前时间',
    en: 'A disaster cannot start in the future',
  },
  'disaster.already_stabilised': {
    status: 409,
    zh: '灾情已确认稳定',
    en: 'The disaster is already marked stable',
  },
} as const satisfies Record<string, ErrorDefinition>;
