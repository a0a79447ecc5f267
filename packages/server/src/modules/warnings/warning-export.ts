import ExcelJS from 'exceljs';
import { chinaDateTime, defaultLevelMapping, findWarningEventType } from '@anjian/domain';
import { safeCell } from '../../platform/excel.ts';
import type { WarningRow } from './warnings.repository.ts';

const statusZh: Record<string, string> = {
  draft: '草稿',
  submitted: '待审核',
  rejected: '已退回',
  approved: '已审核',
  published: '已发布',
  cancelled: '已解除',
  expired: '已过期',
};

/** 预警信息台账: the list as a workbook, labels not codes, cells safe from formula injection. */
export async function warningsWorkbook(rows: readonly WarningRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('预警信息');
  sheet.addRow([
    '标题',
    '事件类型',
    '预警级别',
    '状态',
    '开始时间',
    '结束时间',
    '编写人',
    '审核人',
    '已发布版本',
  ]);
  for (const row of rows) {
    sheet.addRow([
      safeCell(row.info.zh.headline),
      safeCell(findWarningEventType(row.eventType)?.zh ?? row.eventType),
      defaultLevelMapping[row.level].zh,
      statusZh[row.status] ?? row.status,
      chinaDateTime(row.onset),
      chinaDateTime(row.expires),
      safeCell(row.authorName),
      safeCell(row.approverName ?? ''),
      row.releasedVersions,
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
