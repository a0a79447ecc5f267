import { chinaDateTime, defaultLevelMapping, findWarningEventType, warningStatusNames } from '@anjian/domain';
import { workbookBuffer, type SheetColumn } from '../../platform/office/index.ts';
import type { WarningRow } from './warnings.repository.ts';

/** 预警信息台账: labels not codes. */
const warningColumns: SheetColumn<WarningRow>[] = [
  { header: '标题', width: 32, value: (w) => w.info.zh.headline },
  { header: '事件类型', width: 14, value: (w) => findWarningEventType(w.eventType)?.zh ?? w.eventType },
  { header: '预警级别', width: 14, value: (w) => defaultLevelMapping[w.level].zh },
  { header: '状态', width: 10, value: (w) => warningStatusNames[w.status].zh },
  { header: '开始时间', width: 20, value: (w) => chinaDateTime(w.onset) },
  { header: '结束时间', width: 20, value: (w) => chinaDateTime(w.expires) },
  { header: '编写人', width: 12, value: (w) => w.authorName },
  { header: '审核人', width: 12, value: (w) => w.approverName ?? '' },
  { header: '已发布版本', width: 10, value: (w) => w.releasedVersions },
];

/** 预警信息台账: the list as a workbook, cells safe from formula injection. */
export function warningsWorkbook(rows: readonly WarningRow[]): Promise<Buffer> {
  return workbookBuffer('预警信息', warningColumns, rows);
}
