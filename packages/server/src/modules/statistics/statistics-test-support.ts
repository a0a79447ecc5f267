import ExcelJS from 'exceljs';
import { importColumns } from './statistics-excel.ts';
import type { StatisticsImportKind } from '@anjian/domain';

/** A filled-in import template: the kind's headers, then the rows (by header text). */
export async function workbookOf(
  kind: StatisticsImportKind,
  rows: readonly Record<string, string | number>[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('数据');
  const columns = importColumns[kind];
  sheet.addRow(columns.map((c) => (c.required ? `${c.header}*` : c.header)));
  for (const row of rows) sheet.addRow(columns.map((c) => row[c.key] ?? null));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
