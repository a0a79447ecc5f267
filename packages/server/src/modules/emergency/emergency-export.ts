import {
  securityLabelNames,
  accidentLevelNames,
  chinaDate,
  gb6441AccidentTypes,
  gb6441v2025AccidentTypes,
  type AccidentLevel,
  type Drill,
  type EmergencyResource,
  type Incident,
} from '@anjian/domain';
import { countyNameZh } from '../../platform/county-name.ts';
import { cell, type ExportColumn } from '../../platform/office/index.ts';

// Both GB 6441 versions: an incident carries the code of the version its date selects.
const accidentTypes = new Map<string, string>(
  [...gb6441AccidentTypes, ...gb6441v2025AccidentTypes].map((t) => [t.code, t.zh]),
);

/** The incident list's page filters (the list reads whole and filters in the browser; so does the export). */
export function incidentMatches(filter: {
  q?: string | undefined;
  level?: string | undefined;
  county?: string | undefined;
  /** YYYY-MM: incidents that occurred in that Beijing month (the cockpit's "accidents this month"). */
  month?: string | undefined;
}) {
  const q = filter.q?.trim().toLowerCase();
  return (i: Incident) =>
    (!q || `${i.location} ${i.enterpriseName ?? ''} ${i.description}`.toLowerCase().includes(q)) &&
    (!filter.level || i.level === filter.level) &&
    (!filter.county || i.county === filter.county) &&
    (!filter.month || chinaDate(new Date(i.occurredAt)).startsWith(filter.month));
}

/** 事故信息 columns. */
export const incidentExportColumns: ExportColumn<Incident>[] = [
  { header: '发生时间', width: 20, value: (i) => cell.dateTime(i.occurredAt) },
  { header: '区县', width: 10, value: (i) => countyNameZh(i.county) },
  { header: '事发单位', width: 30, value: (i) => i.enterpriseName ?? '' },
  { header: '事发地点', width: 30, value: (i) => i.location },
  {
    header: '事故类型',
    width: 14,
    value: (i) => (i.roadTraffic ? '道路交通事故' : (accidentTypes.get(i.accidentType) ?? '')),
  },
  { header: '事故等级', width: 12, value: (i) => accidentLevelNames[i.level as AccidentLevel]?.zh ?? '' },
  { header: '死亡（人）', width: 10, value: (i) => i.deaths },
  { header: '重伤（人）', width: 10, value: (i) => i.seriousInjuries },
  { header: '失踪（人）', width: 10, value: (i) => i.missing },
  { header: '直接经济损失（万元）', width: 18, value: (i) => i.directLossWan },
  { header: '状态', width: 8, value: (i) => (i.status === 'open' ? '处置中' : '已结束') },
  { header: '事故简况', width: 40, value: (i) => i.description },
  { header: '密级', width: 8, value: (i) => securityLabelNames[i.securityLabel].zh },
];

const drillStatuses: Record<string, string> = { planned: '计划', held: '已举行', cancelled: '取消' };
const drillForms: Record<string, string> = {
  tabletop: '桌面推演',
  functional: '单项演练',
  full_scale: '综合演练',
};
const drillRatings: Record<string, string> = {
  excellent: '优秀',
  good: '良好',
  adequate: '合格',
  poor: '不合格',
};

/** 应急演练 columns. */
export const drillExportColumns: ExportColumn<Drill>[] = [
  { header: '演练名称', width: 32, value: (d) => d.title },
  { header: '演练日期', width: 12, value: (d) => d.heldOn },
  { header: '区县', width: 10, value: (d) => countyNameZh(d.county) },
  { header: '演练形式', width: 10, value: (d) => drillForms[d.form] ?? '' },
  { header: '状态', width: 8, value: (d) => drillStatuses[d.status] ?? '' },
  { header: '组织单位', width: 24, value: (d) => d.organiser },
  { header: '地点', width: 20, value: (d) => d.location ?? '' },
  { header: '参演人数', width: 10, value: (d) => d.participants },
  { header: '依据预案', width: 24, value: (d) => d.planName ?? '' },
  { header: '评估等级', width: 10, value: (d) => (d.rating ? (drillRatings[d.rating] ?? '') : '') },
  { header: '数据来源', width: 8, value: (d) => cell.demo(d.demo) },
];

const resourceKinds: Record<string, string> = {
  team: '救援队伍',
  warehouse: '物资仓库',
  expert: '专家',
  shelter: '避难场所',
  hospital: '医院',
  school: '学校',
};

/** 应急资源 columns; phones as the list shows them to this caller. */
export const resourceExportColumns: ExportColumn<EmergencyResource>[] = [
  { header: '名称', width: 30, value: (r) => r.name },
  { header: '类型', width: 10, value: (r) => resourceKinds[r.kind] ?? '' },
  { header: '区县', width: 10, value: (r) => countyNameZh(r.county) },
  { header: '地址', width: 30, value: (r) => r.address ?? '' },
  { header: '联系人', width: 10, value: (r) => r.contactName ?? '' },
  { header: '联系电话', width: 14, value: (r) => r.contactPhone ?? '' },
  { header: '经度', width: 12, value: (r) => r.location.lon },
  { header: '纬度', width: 12, value: (r) => r.location.lat },
  {
    header: '物资储备',
    width: 40,
    value: (r) => r.materials.map((m) => `${m.name} ${m.quantity}${m.unit}`).join('；'),
  },
  { header: '数据来源', width: 8, value: (r) => cell.demo(r.demo) },
];
