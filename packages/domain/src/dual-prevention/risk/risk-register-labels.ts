import type { controlLevels, controlMeasureKinds, riskUnitKinds } from './risk-register.schema.ts';

type Label = { readonly zh: string; readonly en: string };

/**
 * The five kinds of control measure, named as the guidance names them (《关于实施遏制重特大事故
 * 工作指南构建双重预防机制的意见》, 安委办〔2016〕11号: 工程技术、管理、培训教育、个体防护、应急处置
 * 措施). One label per code: the ledger, the notice board, the post card and the pages all use these.
 */
export const controlMeasureKindNames: Readonly<Record<(typeof controlMeasureKinds)[number], Label>> = {
  engineering: { zh: '工程技术措施', en: 'Engineering measures' },
  management: { zh: '管理措施', en: 'Management measures' },
  training: { zh: '培训教育措施', en: 'Training measures' },
  ppe: { zh: '个体防护措施', en: 'Personal protective measures' },
  emergency: { zh: '应急处置措施', en: 'Emergency measures' },
};

/** 管控层级: who controls a risk point, from the company down to the post. */
export const controlLevelNames: Readonly<Record<(typeof controlLevels)[number], Label>> = {
  company: { zh: '公司级', en: 'Company' },
  workshop: { zh: '车间级', en: 'Workshop' },
  team: { zh: '班组级', en: 'Team' },
  post: { zh: '岗位级', en: 'Post' },
};

/** 风险单元 kinds. */
export const riskUnitKindNames: Readonly<Record<(typeof riskUnitKinds)[number], Label>> = {
  area: { zh: '区域', en: 'Area' },
  facility: { zh: '设施设备', en: 'Facility' },
  activity: { zh: '作业活动', en: 'Activity' },
  post: { zh: '岗位', en: 'Post' },
};
