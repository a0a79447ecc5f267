import { securityLabelNames } from '@anjian/domain';
import type { CasesService } from './cases.service.ts';
import type { InspectionsService } from './inspections.service.ts';
import { countyNameZh } from '../../platform/county-name.ts';
import { cell, type ExportColumn } from '../../platform/office/index.ts';

type ExportedInspection = Awaited<ReturnType<InspectionsService['list']>>['items'][number];
type ExportedCase = Awaited<ReturnType<CasesService['list']>>['items'][number];

const inspectionKinds: Record<string, string> = { double_random: '双随机抽查', ad_hoc: '专项检查' };
const inspectionStatuses: Record<string, string> = {
  planned: '待检查',
  in_progress: '检查中',
  completed: '已完成',
  cancelled: '已取消',
};

/** 执法检查 columns. */
export const inspectionExportColumns: ExportColumn<ExportedInspection>[] = [
  { header: '被检查单位', width: 30, value: (i) => i.enterpriseName },
  { header: '区县', width: 10, value: (i) => countyNameZh(i.county) },
  { header: '检查类型', width: 12, value: (i) => inspectionKinds[i.kind] ?? '' },
  { header: '抽查任务', width: 24, value: (i) => i.drawTitle ?? '' },
  { header: '计划日期', width: 12, value: (i) => i.plannedDate ?? '' },
  { header: '执法人员', width: 20, value: (i) => i.inspectors.map((p) => p.name).join('、') },
  { header: '状态', width: 8, value: (i) => inspectionStatuses[i.status] ?? '' },
  { header: '开始时间', width: 20, value: (i) => cell.dateTime(i.startedAt) },
  { header: '完成时间', width: 20, value: (i) => cell.dateTime(i.completedAt) },
  { header: '不合格项', width: 10, value: (i) => i.summary?.fail ?? '' },
];

/** 行政处罚案件 columns. */
export const caseExportColumns: ExportColumn<ExportedCase>[] = [
  { header: '当事人', width: 30, value: (c) => c.partyName },
  { header: '当事人类型', width: 10, value: (c) => (c.partyKind === 'individual' ? '个人' : '单位') },
  { header: '区县', width: 10, value: (c) => countyNameZh(c.county) },
  { header: '案由', width: 40, value: (c) => c.summary },
  { header: '立案日期', width: 12, value: (c) => c.filedOn ?? '' },
  { header: '办理状态', width: 24, value: (c) => c.statusName.zh },
  { header: '罚款（元）', width: 12, value: (c) => c.fineYuan ?? '' },
  { header: '决定期限逾期', width: 12, value: (c) => cell.yesNo(c.overdue) },
  { header: '密级', width: 8, value: (c) => securityLabelNames[c.securityLabel].zh },
  { header: '数据来源', width: 8, value: (c) => cell.demo(c.demo) },
];
