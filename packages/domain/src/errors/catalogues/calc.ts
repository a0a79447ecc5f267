import type { ErrorDefinition } from '../error-definition.ts';

export const calcErrors = {
  'calc.consequence_invalid_input': {
    status: 400,
    zh: '后果模型输入缺失或超出允许范围',
    en: 'A consequence-model input is missing or out of range',
  },
  'calc.consequence_unknown_chemical': {
    status: 400,
    zh: '后果模型化学品数据表中没有该物质',
    en: 'The chemical is not in the consequence-model data table',
  },
  'calc.consequence_threshold_unavailable': {
    status: 400,
    zh: '该物质没有所选阈值，请改选阈值或输入自定义浓度',
    en: 'The chemical has no value for the chosen threshold; choose another or give a concentration',
  },
  'calc.consequence_not_flammable': {
    status: 400,
    zh: '该物质不可燃或缺少燃烧热，无法计算火灾或爆炸后果',
    en: 'The chemical is not flammable or has no heat of combustion; give one to model a fire or explosion',
  },
  'calc.lec_invalid_score': {
    status: 400,
    zh: 'LEC 评分取值不在标准分值表内（L：10/6/3/1/0.5/0.2/0.1；E：10/6/3/2/1/0.5；C：100/40/15/7/3/1）',
    en: 'An LEC score is not one of the standard values (L: 10, 6, 3, 1, 0.5, 0.2, 0.1; E: 10, 6, 3, 2, 1, 0.5; C: 100, 40, 15, 7, 3, 1)',
  },
  'calc.ls_invalid_score': {
    status: 400,
    zh: '风险矩阵的可能性和严重性须为 1 至 5 的整数',
    en: 'Likelihood and severity must be whole numbers from 1 to 5',
  },
  'calc.risk_table_invalid': {
    status: 400,
    zh: '风险分级表配置有误（分界值须递减，等级和颜色须为允许的取值）',
    en: 'The risk grading table is inconsistent (cut-offs must descend; levels and colours must be allowed values)',
  },
  'calc.grading_invalid_input': {
    status: 400,
    zh: '企业安全风险分级的输入不完整或超出范围',
    en: 'The enterprise risk grading input is incomplete or out of range',
  },
  'calc.amount_invalid': {
    status: 400,
    zh: '金额格式不正确，应为以元为单位的数字，如 30000.00',
    en: 'The amount is not a number of yuan such as 30000.00',
  },
  'calc.amount_negative': { status: 400, zh: '金额不能为负数', en: 'The amount cannot be negative' },
  'calc.amount_too_many_decimals': {
    status: 400,
    zh: '金额最多保留两位小数（到分）',
    en: 'The amount can have at most two decimals (fen)',
  },
  'calc.amount_too_large': {
    status: 400,
    zh: '金额须小于一万亿元',
    en: 'The amount must be less than 10¹² yuan',
  },
} as const satisfies Record<string, ErrorDefinition>;
