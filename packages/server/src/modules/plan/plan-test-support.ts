import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { TestContext } from '../../../test/test-app.ts';
import { planImportColumns } from './plan-import.ts';

/** A 1×1 PNG, the smallest evidence photo. */
export const EVIDENCE_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** The id of an organisation by its code (organisations.ts). */
export async function orgId(t: Pick<TestContext, 'db'>, code: string): Promise<string> {
  const rows = await t.db.query<{ id: string }>('SELECT id FROM organisations WHERE code = $1', [code]);
  return rows.rows[0]!.id;
}

export async function builtinPlanId(t: Pick<TestContext, 'db'>): Promise<string> {
  const rows = await t.db.query<{ id: string }>("SELECT id FROM plans WHERE code = 'yuxi-14th-safety'");
  return rows.rows[0]!.id;
}

export async function taskId(t: Pick<TestContext, 'db'>, code: string): Promise<string> {
  const rows = await t.db.query<{ id: string }>(
    "SELECT t.id FROM plan_tasks t JOIN plans p ON p.id = t.plan_id WHERE p.code = 'yuxi-14th-safety' AND t.code = $1",
    [code],
  );
  return rows.rows[0]!.id;
}

/** The text of a DOCX's body (word/document.xml without its tags). */
export async function docxText(buffer: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(buffer);
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&');
}

/** A filled-in plan template: the headers, then the rows (by column key). */
export async function planWorkbook(
  rows: readonly Record<string, string | number | undefined>[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('规划任务');
  sheet.addRow(planImportColumns.map((c) => (c.required ? `${c.header}*` : c.header)));
  for (const row of rows) sheet.addRow(planImportColumns.map((c) => row[c.key] ?? null));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
