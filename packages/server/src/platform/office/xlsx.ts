import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { chinaDateTime, type RiskColour } from '@anjian/domain';

export type CellValue = string | number | null;

/** Text a spreadsheet would run as a formula (= + - @, tab, CR) gets a leading ' (OWASP CSV injection). */
export function safeCell(value: string | number | null | readonly string[]): CellValue {
  if (value === null || typeof value === 'number') return value;
  const text = typeof value === 'string' ? value : value.join(',');
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** The text a cell held before safeCell: the `'` before a formula character is taken off on import. */
export function unescapeCell(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

/** One column of a sheet: a zh-CN header and the human value of a row (labels, never codes). */
export interface SheetColumn<T> {
  header: string;
  width?: number;
  value: (row: T) => string | number | null | undefined;
  /** The cell's background (ARGB), e.g. the four-colour fill of a risk level. */
  fill?: (row: T) => string | undefined;
  /** Long text (several lines) wraps at the top of the cell. */
  wrap?: boolean;
}

/** The four-colour convention (红 橙 黄 蓝) as cell fills. */
export const RISK_COLOUR_FILLS: Readonly<Record<RiskColour, string>> = {
  red: 'FFFF0000',
  orange: 'FFFFA500',
  yellow: 'FFFFFF00',
  blue: 'FF1E90FF',
};

const DEFAULT_WIDTH = 16;

/** The header row every sheet shares: bold. */
export function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
}

function defineColumns<T>(sheet: ExcelJS.Worksheet, columns: readonly SheetColumn<T>[]): void {
  sheet.columns = columns.map((c, i) => ({
    header: c.header,
    key: `c${i}`,
    width: c.width ?? DEFAULT_WIDTH,
  }));
  styleHeader(sheet.getRow(1));
}

function addDataRow<T>(sheet: ExcelJS.Worksheet, columns: readonly SheetColumn<T>[], item: T): ExcelJS.Row {
  const cells: Record<string, CellValue> = {};
  columns.forEach((c, i) => {
    const value = c.value(item);
    cells[`c${i}`] = safeCell(value === undefined ? null : value);
  });
  const row = sheet.addRow(cells);
  columns.forEach((c, i) => {
    const argb = c.fill?.(item);
    if (argb) row.getCell(`c${i}`).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb } };
    if (c.wrap) row.getCell(`c${i}`).alignment = { wrapText: true, vertical: 'top' };
  });
  return row;
}

/** Options of an in-memory workbook. */
export interface WorkbookOptions {
  /** Adds a blank row and `导出时间：<China time>` under the table. */
  exportedAt?: Date;
}

/** A one-sheet workbook from column definitions and rows, as the buffer a route sends. */
export async function workbookBuffer<T>(
  sheetName: string,
  columns: readonly SheetColumn<T>[],
  rows: Iterable<T>,
  options: WorkbookOptions = {},
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  defineColumns(sheet, columns);
  for (const row of rows) addDataRow(sheet, columns, row);
  if (options.exportedAt) {
    sheet.addRow([]);
    sheet.addRow([`导出时间：${chinaDateTime(options.exportedAt)}`]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** One sheet of a workbook of several (workbookOfSheets), built by tableSheet or notesSheet. */
export interface WorkbookSheet {
  readonly name: string;
  fill(sheet: ExcelJS.Worksheet): void;
}

/** A table sheet: bold headers, then one row per item (cells made safe like every export). */
export function tableSheet<T>(
  name: string,
  columns: readonly SheetColumn<T>[],
  rows: Iterable<T>,
): WorkbookSheet {
  return {
    name,
    fill(sheet) {
      defineColumns(sheet, columns);
      for (const row of rows) addDataRow(sheet, columns, row);
    },
  };
}

/** A sheet of notes: one line of text a row in a wide first column (填写说明). */
export function notesSheet(name: string, lines: readonly string[]): WorkbookSheet {
  return {
    name,
    fill(sheet) {
      sheet.getColumn(1).width = 120;
      for (const line of lines) sheet.addRow([safeCell(line)]);
    },
  };
}

/** A workbook of several sheets in the given order, as the buffer a route sends. */
export async function workbookOfSheets(sheets: readonly WorkbookSheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) sheet.fill(workbook.addWorksheet(sheet.name));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * Bytes of sheet XML written but not yet deflated: exceljs's StreamBuf hands every chunk at once,
 * without waiting, to the zip entry's PassThrough (readable-stream 2, whose states hold the count).
 */
const MAX_BACKLOG_BYTES = 4 * 2 ** 20;
interface Held {
  length?: number;
}
interface SheetStream {
  buffers?: unknown[];
  pipes?: { _writableState?: Held; _readableState?: Held }[];
}
function sheetBacklog(sheet: ExcelJS.Worksheet): number {
  const stream = (sheet as unknown as { stream?: SheetStream }).stream;
  let held = (stream?.buffers?.length ?? 0) * 65536;
  for (const pipe of stream?.pipes ?? [])
    held += (pipe._writableState?.length ?? 0) + (pipe._readableState?.length ?? 0);
  return held;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Resolves when the stream wants more, or has been closed (the download was abandoned). */
function drained(stream: PassThrough): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}

/** A one-sheet workbook streamed batch by batch, so that a long list never sits in memory. */
export function streamWorkbook<T>(
  sheetName: string,
  columns: readonly SheetColumn<T>[],
  batches: AsyncIterable<T[]>,
): Readable {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useSharedStrings: false,
    useStyles: true,
    // Level 1: a long export is bound by deflate; the file grows by a few per cent.
    zip: { zlib: { level: 1 } },
  });
  const sheet = workbook.addWorksheet(sheetName);
  defineColumns(sheet, columns);
  sheet.getRow(1).commit();
  void (async () => {
    try {
      for await (const batch of batches) {
        for (const row of batch) addDataRow(sheet, columns, row).commit();
        // Rows wait in the sheet's buffer until the zip has deflated them, and the zip waits for
        // the reader: hold the next batch back while either is behind, so memory stays flat.
        while (!output.destroyed && (output.writableNeedDrain || sheetBacklog(sheet) > MAX_BACKLOG_BYTES)) {
          await (output.writableNeedDrain ? drained(output) : pause(5));
        }
        if (output.destroyed) return;
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      output.destroy(error as Error);
    }
  })();
  return output;
}
