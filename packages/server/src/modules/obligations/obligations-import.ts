import ExcelJS from 'exceljs';
import {
  DATE_RANGE,
  obligationImportOutcomes,
  type Language,
  type ObligationImportOutcome,
  type ObligationImportReport,
  type ObligationImportRow,
} from '@anjian/domain';
import type { Queryable } from '../../platform/db.ts';
import type { SheetRow } from '../../platform/office/index.ts';

/**
 * What the obligations Excel imports (培训考试成绩, 安责险保单) share: the template with its
 * instructions sheet, reading a row's cells with reasons in the caller's language, one savepoint
 * per row and the per-row report.
 */
export const MAX_OBLIGATION_IMPORT_ROWS = 50_000;

export interface ImportColumn<K extends string = string> {
  key: K;
  /** The header the file is read by (the template marks required ones with *). */
  header: string;
  /** Its English name, for the reasons given in English. */
  en: string;
  /** The header must be present; a file without it is refused as a whole. */
  required: boolean;
  example: string | number;
  width: number;
  /** What goes in the column (the instructions sheet and docs/obligations.md say the same). */
  note: string;
  /** A text cell in the template, so that Excel keeps long digit strings (ID numbers) whole. */
  asText?: boolean;
}

export async function buildImportTemplate(
  sheetName: string,
  columns: readonly ImportColumn[],
  instructions: readonly string[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.columns = columns.map((c) => ({
    header: c.required ? `${c.header}*` : c.header,
    key: c.key,
    width: c.width,
  }));
  sheet.getRow(1).font = { bold: true };
  columns.forEach((c) => {
    if (c.asText) sheet.getColumn(c.key).numFmt = '@';
  });
  sheet.addRow(Object.fromEntries(columns.map((c) => [c.key, c.example])));
  const notes = workbook.addWorksheet('填写说明');
  notes.getColumn(1).width = 24;
  notes.getColumn(2).width = 100;
  instructions.forEach((line) => notes.addRow([line]));
  notes.addRow([]);
  notes.addRow(['列名', '填写要求']).font = { bold: true };
  columns.forEach((c) => notes.addRow([c.required ? `${c.header}*` : c.header, c.note]));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const DATE_TEXT = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

/** A calendar date typed as 2026-10-15, 2026/10/15, 2026.10.15, 2026年10月15日 or 20261015. */
export function importDate(text: string): string | null {
  const match = DATE_TEXT.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  if (year < DATE_RANGE.minYear || year > DATE_RANGE.maxYear) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * A row's cells read against its columns; every problem is kept (in the caller's language) so the
 * report names them all at once.
 */
export function importRowReader<K extends string>(
  row: SheetRow<K>,
  columns: readonly ImportColumn<K>[],
  language: Language,
) {
  const problems: string[] = [];
  const say = (zh: string, en: string) => (language === 'en' ? en : zh);
  const column = (key: K) => columns.find((c) => c.key === key)!;
  const named = (key: K) => say(column(key).header, `${column(key).en} (${column(key).header})`);
  const fail = (zh: string, en: string) => problems.push(say(zh, en));
  const missing = (key: K) => fail(`${column(key).header}必填`, `${named(key)} is required`);
  const shown = (key: K) => row.get(key);

  return {
    problems,
    say,
    fail,
    text(key: K, required: boolean, min: number, max: number): string | null {
      const text = row.get(key);
      if (!text) {
        if (required) missing(key);
        return null;
      }
      if (text.length < min || text.length > max) {
        fail(
          `${column(key).header}应为 ${min}–${max} 个字：${text}`,
          `${named(key)} must be ${min}–${max} characters: ${text}`,
        );
        return null;
      }
      return text;
    },
    date(key: K, required: boolean): string | null {
      const cell = row.date(key);
      if (cell) return cell.toISOString().slice(0, 10);
      const text = row.get(key);
      if (!text) {
        if (required) missing(key);
        return null;
      }
      const date = importDate(text);
      if (!date)
        fail(
          `${column(key).header}不是有效日期（如 2026-10-15）：${text}`,
          `${named(key)} is not a date (e.g. 2026-10-15): ${text}`,
        );
      return date;
    },
    /** A number with at most `decimals` decimals between min and max; thousands separators allowed. */
    number(key: K, required: boolean, bounds: { min: number; max: number; decimals: number }): number | null {
      const text = row.get(key).replace(/[,，\s]/g, '');
      if (!text) {
        if (required) missing(key);
        return null;
      }
      const pattern = bounds.decimals ? new RegExp(`^\\d+(\\.\\d{1,${bounds.decimals}})?$`) : /^\d+$/;
      const value = Number(text);
      if (!pattern.test(text) || value < bounds.min || value > bounds.max) {
        const kind = bounds.decimals
          ? say(`最多 ${bounds.decimals} 位小数的数`, `a number with at most ${bounds.decimals} decimals`)
          : say('整数', 'a whole number');
        fail(
          `${column(key).header}应为 ${bounds.min}–${bounds.max} 的${kind}：${shown(key)}`,
          `${named(key)} must be ${kind} from ${bounds.min} to ${bounds.max}: ${shown(key)}`,
        );
        return null;
      }
      return value;
    },
  };
}

/** One row of the report. */
export const reportRow = (
  row: number,
  outcome: ObligationImportOutcome,
  subject: string,
  reason: string,
): ObligationImportRow => ({ row, outcome, subject, reason });

export function importReport(rows: ObligationImportRow[]): ObligationImportReport {
  const count = Object.fromEntries(
    obligationImportOutcomes.map((o) => [o, rows.filter((r) => r.outcome === o).length]),
  ) as Record<ObligationImportOutcome, number>;
  return {
    totalRows: rows.length,
    created: count.created,
    updated: count.updated,
    skipped: count.skipped,
    errors: count.error,
    rows: [...rows].sort((a, b) => a.row - b.row),
  };
}

/**
 * A row's writes, all or none: a unique number taken meanwhile by someone else (the only conflict
 * the checks before cannot see) refuses the row, not the file.
 */
export async function inRowSavepoint(tx: Queryable, work: () => Promise<void>): Promise<boolean> {
  await tx.query('SAVEPOINT obligation_import_row');
  try {
    await work();
    await tx.query('RELEASE SAVEPOINT obligation_import_row');
    return true;
  } catch (error) {
    if ((error as { code?: string }).code !== '23505') throw error;
    await tx.query('ROLLBACK TO SAVEPOINT obligation_import_row');
    return false;
  }
}
