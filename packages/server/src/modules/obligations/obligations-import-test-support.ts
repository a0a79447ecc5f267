import ExcelJS from 'exceljs';
import { examImportColumns } from './exam-import-rows.ts';
import type { ImportColumn } from './obligations-import.ts';
import { agencyImportColumns } from './agency-import.ts';
import { claimImportColumns } from './claim-import.ts';
import { licenceImportColumns } from './licence-import.ts';
import { policyImportColumns } from './policy-import.ts';
import { projectImportColumns } from './project-import.ts';
import { serviceImportColumns } from './prevention-service-import.ts';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** A valid 18-digit ID number from its first 17 digits (GB 11643 check character appended). */
export function idNumberOf(first17: string): string {
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * Number(first17[i]), 0);
  return `${first17}${'10X98765432'[sum % 11]}`;
}

/** A filled-in template: the header row as the template writes it, then one row per object (by column key). */
async function workbookOf(
  sheetName: string,
  columns: readonly ImportColumn[],
  rows: readonly Record<string, string | number | Date | null>[],
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName);
  sheet.addRow(columns.map((c) => (c.required ? `${c.header}*` : c.header)));
  for (const row of rows) sheet.addRow(columns.map((c) => row[c.key] ?? null));
  return Buffer.from(await book.xlsx.writeBuffer());
}

export const examWorkbook = (rows: readonly Record<string, string | number | Date | null>[]) =>
  workbookOf('考试成绩', examImportColumns, rows);

export const policyWorkbook = (rows: readonly Record<string, string | number | Date | null>[]) =>
  workbookOf('安责险保单', policyImportColumns, rows);

type Cells = readonly Record<string, string | number | Date | null>[];
export const licenceWorkbook = (rows: Cells) => workbookOf('行政许可申请', licenceImportColumns, rows);
export const projectWorkbook = (rows: Cells) => workbookOf('建设项目', projectImportColumns, rows);
export const agencyWorkbook = (rows: Cells) => workbookOf('技术服务机构', agencyImportColumns, rows);
export const serviceWorkbook = (rows: Cells) => workbookOf('事故预防服务', serviceImportColumns, rows);
export const claimWorkbook = (rows: Cells) => workbookOf('安责险理赔', claimImportColumns, rows);
