import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { expect } from 'vitest';
import type { Caller, TestContext } from '../../../test/test-app.ts';
import {
  planChapterColumns,
  planColumnColumns,
  planDeliverableColumns,
  planImportColumns,
  planIndicatorColumns,
  planSheets,
  type PlanSheetColumn,
} from './plan-workbook.ts';

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

/** A department account linked to its organisation, signed in. */
export interface PlanDepartmentCaller {
  caller: Caller;
  userId: string;
  organisationId: string;
}

/**
 * The callers the plan's route tests start from: the 安委办 (safety_office, city) and, for each
 * organisation code in order, a department officer who is a member of it. `link: 'api'` makes the
 * office set the members through PUT /plan/organisations/:id/members (and checks it answered 200)
 * instead of writing organisation_members.
 */
export async function planCallers(
  t: Pick<TestContext, 'db' | 'createUser' | 'sessionFor' | 'request'>,
  codes: readonly string[],
  options: { link?: 'sql' | 'api' } = {},
): Promise<{ office: Caller; departments: PlanDepartmentCaller[] }> {
  const office = await t.sessionFor(
    await t.createUser({ roles: ['safety_office'], scope: { kind: 'city' } }),
  );
  const departments: PlanDepartmentCaller[] = [];
  for (const code of codes) {
    const account = await t.createUser({ roles: ['department_officer'], scope: { kind: 'city' } });
    const organisationId = await orgId(t, code);
    if (options.link === 'api') {
      const set = await t.request({
        method: 'PUT',
        url: `/api/v1/plan/organisations/${organisationId}/members`,
        as: office,
        payload: { userIds: [account.id] },
      });
      expect(set.statusCode, set.body).toBe(200);
    } else {
      await t.db.query('INSERT INTO organisation_members (organisation_id, user_id) VALUES ($1, $2)', [
        organisationId,
        account.id,
      ]);
    }
    departments.push({ caller: await t.sessionFor(account), userId: account.id, organisationId });
  }
  return { office, departments };
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

type Rows = readonly Record<string, string | number | undefined>[];

function addSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: readonly PlanSheetColumn<string>[],
  rows: Rows,
) {
  const sheet = workbook.addWorksheet(name);
  sheet.addRow(columns.map((c) => (c.required ? `${c.header}*` : c.header)));
  for (const row of rows) sheet.addRow(columns.map((c) => row[c.key] ?? null));
}

/** A filled-in plan template: the headers, then the rows (by column key). */
export async function planWorkbook(rows: Rows): Promise<Buffer> {
  return planWorkbookOf({ tasks: rows });
}

/** A filled-in plan template with the optional sheets (章节, 专栏, 规划指标) that are given. */
export async function planWorkbookOf(sheets: {
  tasks: Rows;
  chapters?: Rows;
  columns?: Rows;
  indicators?: Rows;
  deliverables?: Rows;
}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  addSheet(workbook, planSheets.tasks, planImportColumns, sheets.tasks);
  if (sheets.chapters) addSheet(workbook, planSheets.chapters, planChapterColumns, sheets.chapters);
  if (sheets.columns) addSheet(workbook, planSheets.columns, planColumnColumns, sheets.columns);
  if (sheets.indicators) addSheet(workbook, planSheets.indicators, planIndicatorColumns, sheets.indicators);
  if (sheets.deliverables)
    addSheet(workbook, planSheets.deliverables, planDeliverableColumns, sheets.deliverables);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
