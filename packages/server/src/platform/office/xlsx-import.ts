import ExcelJS from 'exceljs';
import { DomainError } from '@anjian/domain';
import { unescapeCell } from './xlsx.ts';

/** A cell's text as the person typed it: rich text joined, formulas by their result, trimmed. */
export function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    if ('richText' in value)
      return value.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('text' in value) return String(value.text).trim();
    if ('result' in value) return String(value.result ?? '').trim();
  }
  return String(value).trim();
}

/** An import template's column as the reader needs it: the header it is found by. */
export interface ImportSheetColumn<K extends string = string> {
  key: K;
  header: string;
  required?: boolean;
}

export interface SheetRow<K extends string = string> {
  /** The Excel row number, for the per-row report. */
  row: number;
  get(key: K): string;
  /** A Date cell as Excel stored it (wall time written as UTC). */
  date(key: K): Date | null;
}

/** An uploaded workbook; a file that is not one is refused (`import.file_invalid`). */
export async function loadImportWorkbook(file: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw new DomainError('import.file_invalid');
  }
  return workbook;
}

/**
 * The first sheet of an uploaded template, row by row and cell by column key (see readSheetRows).
 * A file that is not a workbook is refused before any row is read.
 */
export async function readImportSheet<K extends string>(
  file: Buffer,
  columns: readonly ImportSheetColumn<K>[],
  maxRows: number,
): Promise<SheetRow<K>[]> {
  const sheet = (await loadImportWorkbook(file)).worksheets[0];
  if (!sheet) throw new DomainError('import.file_invalid');
  return readSheetRows(sheet, columns, maxRows);
}

/**
 * One sheet of an uploaded template, row by row and cell by column key. Headers are matched with
 * or without the template's `*` (required mark), so columns may be moved; blank rows and the
 * template's example rows (a cell starting with 示例) are skipped; the `'` an export puts before
 * text a spreadsheet would run as a formula (safeCell) is taken off again. A missing required
 * column and more than `maxRows` rows are refused before any row is read.
 */
export function readSheetRows<K extends string>(
  sheet: ExcelJS.Worksheet,
  columns: readonly ImportSheetColumn<K>[],
  maxRows: number,
): SheetRow<K>[] {
  if (sheet.rowCount > maxRows + 1) throw new DomainError('import.too_many_rows');
  const index = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    const column = columns.find((c) => c.header === cellText(cell).replace(/\*$/, ''));
    if (column) index.set(column.key, col);
  });
  if (columns.some((c) => c.required && !index.has(c.key))) throw new DomainError('import.missing_columns');
  const rows: SheetRow<K>[] = [];
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const cellOf = (key: K) => (index.has(key) ? row.getCell(index.get(key)!) : null);
    const get = (key: K) => {
      const cell = cellOf(key);
      return cell ? unescapeCell(cellText(cell)) : '';
    };
    if (columns.every((c) => get(c.key) === '')) return;
    if (columns.some((c) => get(c.key).startsWith('示例'))) return;
    const date = (key: K) => {
      const value = cellOf(key)?.value;
      return value instanceof Date ? value : null;
    };
    rows.push({ row: rowNumber, get, date });
  });
  return rows;
}
