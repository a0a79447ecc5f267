import type { SheetRow } from '../../platform/office/index.ts';
import type { PlanSheetColumn } from './plan-workbook.ts';

/** Row checks shared by the sheets of a plan workbook (plan-import.ts). */
export interface Problem {
  sheet: string;
  row: number;
  column: string;
  message: string;
}

export type Say = (zh: string, en: string) => string;

/** Records problems of one sheet's row; answers whether the row had none. */
export function problemRecorder<K extends string>(
  problems: Problem[],
  sheet: string,
  columns: readonly PlanSheetColumn<K>[],
  say: Say,
) {
  return (row: SheetRow<K>) => {
    const before = problems.length;
    const fail = (key: K, zh: string, en: string) =>
      problems.push({
        sheet,
        row: row.row,
        column: columns.find((c) => c.key === key)!.header,
        message: say(zh, en),
      });
    return { fail, clean: () => problems.length === before };
  };
}

/** A 1–99 number of a chapter, 专栏 or indicator; null (and a problem) when it is not one. */
export function smallNumber(text: string, fail: (zh: string, en: string) => void, what: [string, string]) {
  if (/^\d{1,2}$/.test(text) && Number(text) >= 1) return Number(text);
  fail(`${what[0]}须为 1–99 的整数：${text}`, `The ${what[1]} must be 1–99: ${text}`);
  return null;
}
