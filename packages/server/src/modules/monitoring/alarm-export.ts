import {
  alarmStatusNames,
  alarmThresholdLevelNames,
  warningColourNames,
  type AlarmStatus,
  type AlarmThresholdLevel,
  type WarningColour,
} from '@anjian/domain';
import { countyNameZh } from '../../platform/county-name.ts';
import { cell, type ExportColumn } from '../../platform/office/index.ts';
import type { alarmResponseOf } from './alarm-rows.ts';

type ExportedAlarm = ReturnType<typeof alarmResponseOf>;

const kinds: Record<string, string> = {
  threshold: '超限报警',
  duration: '持续超限',
  rate_of_change: '变化速率超限',
  stuck: '数值长时间不变',
  no_data: '数据中断',
};

/** 报警记录 columns. */
export const alarmExportColumns: ExportColumn<ExportedAlarm>[] = [
  { header: '企业或责任单位', width: 30, value: (a) => a.enterpriseName ?? a.responsibleUnit ?? null },
  { header: '监管对象', width: 20, value: (a) => a.objectName },
  { header: '区县', width: 10, value: (a) => countyNameZh(a.county) },
  { header: '测点', width: 20, value: (a) => a.pointName },
  { header: '报警类型', width: 14, value: (a) => kinds[a.kind] ?? '' },
  {
    header: '报警级别',
    width: 14,
    value: (a) => (a.level ? (alarmThresholdLevelNames[a.level as AlarmThresholdLevel]?.zh ?? '') : ''),
  },
  {
    header: '预警颜色',
    width: 10,
    value: (a) => (a.colour ? (warningColourNames[a.colour as WarningColour]?.zh ?? '') : ''),
  },
  { header: '报警值', width: 12, value: (a) => (a.value === null ? '' : `${a.value}${a.unit ?? ''}`) },
  { header: '状态', width: 10, value: (a) => alarmStatusNames[a.status as AlarmStatus]?.zh ?? '' },
  { header: '报警时间', width: 20, value: (a) => cell.dateTime(a.raisedAt) },
  { header: '消警时间', width: 20, value: (a) => cell.dateTime(a.clearedAt) },
];
