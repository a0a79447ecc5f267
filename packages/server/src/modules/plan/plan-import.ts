import { randomUUID } from 'node:crypto';
import type ExcelJS from 'exceljs';
import {
  DomainError,
  type Language,
  type PlanColumnDefinition,
  type PlanImportReport,
  type PlanIndicatorDefinition,
  type PlanTaskDefinition,
} from '@anjian/domain';
import type { Clock } from '../../platform/clock.ts';
import { loadImportWorkbook, readSheetRows, type SheetRow } from '../../platform/office/index.ts';
import { inTransaction, type Db } from '../../platform/db.ts';
import { insertPlan } from './plan-reference.repository.ts';
import { problemRecorder, smallNumber, type Problem, type Say } from './plan-import-checks.ts';
import { checkDeliverables } from './plan-deliverables-sheet.ts';
import {
  indicatorNatures,
  planChapterColumns,
  planColumnColumns,
  planDeliverableColumns,
  planImportColumns,
  planIndicatorColumns,
  planSheets,
  type ChapterKey,
  type ColumnKey,
  type IndicatorKey,
  type PlanSheetColumn,
  type TaskKey,
} from './plan-workbook.ts';

/**
 * Loading a bureau's own plan from Excel (规划导入): the sheets of plan-workbook.ts — tasks and key
 * projects (chapter, number, kind, title, lead and participating units by name, yearly milestones),
 * and optionally chapters, 专栏 and indicators. Every row is checked and reported in the caller's
 * language; with any invalid row nothing is stored unless the caller asks for the valid rows, and
 * those are stored in one transaction as a new plan.
 */
export const MAX_PLAN_IMPORT_ROWS = 2_000;

const kindNames: Record<string, PlanTaskDefinition['kind']> = {
  主要任务: 'task',
  任务: 'task',
  重点工程: 'project',
  重点项目: 'project',
  task: 'task',
  project: 'project',
};

/** The plan's statistics indicators by code and name (the statistics module's IndicatorSource). */
export interface IndicatorNames {
  names(): Promise<{ code: string; nameZh: string }[]>;
}

interface ParsedTask extends PlanTaskDefinition {
  milestones: { year: number; title: string }[];
}

/** Splits "2026：内容；2027：内容" into yearly milestones; null when a part is malformed. */
export function parseMilestones(text: string): { year: number; title: string }[] | null {
  const parts = text
    .split(/[\n；;]/)
    .map((p) => p.trim())
    .filter(Boolean);
  const milestones: { year: number; title: string }[] = [];
  for (const part of parts) {
    const match = /^(\d{4})\s*年?\s*[：:]\s*(.+)$/.exec(part);
    if (!match || match[2]!.trim().length > 200) return null;
    milestones.push({ year: Number(match[1]), title: match[2]!.trim() });
  }
  return milestones;
}

/** A 专栏's list: one item a line, or separated by semicolons when written on one line. */
function splitItems(text: string): string[] {
  return text
    .split(text.includes('\n') ? /\n/ : /[；;]/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** The rows of one sheet, or none when the workbook has no such (optional) sheet. */
function rowsOf<K extends string>(
  sheet: ExcelJS.Worksheet | undefined,
  columns: readonly PlanSheetColumn<K>[],
): SheetRow<K>[] {
  return sheet ? readSheetRows(sheet, columns, MAX_PLAN_IMPORT_ROWS) : [];
}

/** The four sheets' rows; 规划任务 is the sheet of that name, or the first one. */
async function readPlanWorkbook(file: Buffer) {
  const workbook = await loadImportWorkbook(file);
  const tasks = workbook.getWorksheet(planSheets.tasks) ?? workbook.worksheets[0];
  if (!tasks) throw new DomainError('import.file_invalid');
  return {
    tasks: rowsOf(tasks, planImportColumns),
    chapters: rowsOf(workbook.getWorksheet(planSheets.chapters), planChapterColumns),
    columns: rowsOf(workbook.getWorksheet(planSheets.columns), planColumnColumns),
    indicators: rowsOf(workbook.getWorksheet(planSheets.indicators), planIndicatorColumns),
    deliverables: rowsOf(workbook.getWorksheet(planSheets.deliverables), planDeliverableColumns),
  };
}

function checkChapters(rows: SheetRow<ChapterKey>[], problems: Problem[], say: Say) {
  const check = problemRecorder(problems, planSheets.chapters, planChapterColumns, say);
  const titles = new Map<number, string>();
  for (const row of rows) {
    const { fail, clean } = check(row);
    const no = smallNumber(row.get('chapterNo'), (zh, en) => fail('chapterNo', zh, en), [
      '章序号',
      'chapter',
    ]);
    if (no !== null && titles.has(no)) fail('chapterNo', `章序号重复：${no}`, `The chapter repeats: ${no}`);
    const title = row.get('chapterTitle');
    if (!title) fail('chapterTitle', '章标题必填', 'The chapter title is required');
    else if (title.length > 100) fail('chapterTitle', '章标题不超过 100 个字', 'At most 100 characters');
    if (clean()) titles.set(no!, title);
  }
  return titles;
}

function checkTasks(
  rows: SheetRow<TaskKey>[],
  chapterTitles: Map<number, string>,
  unitCode: ReadonlyMap<string, string>,
  options: { startYear: number; endYear: number },
  problems: Problem[],
  say: Say,
): ParsedTask[] {
  for (const row of rows) {
    const no = Number(row.get('chapterNo'));
    if (Number.isInteger(no) && row.get('chapterTitle') && !chapterTitles.has(no))
      chapterTitles.set(no, row.get('chapterTitle').slice(0, 100));
  }
  const check = problemRecorder(problems, planSheets.tasks, planImportColumns, say);
  const valid: ParsedTask[] = [];
  const seenCodes = new Map<string, number>();
  for (const row of rows) {
    const { fail, clean } = check(row);
    const chapterNo = smallNumber(row.get('chapterNo'), (zh, en) => fail('chapterNo', zh, en), [
      '章序号',
      'chapter',
    ]);
    if (chapterNo !== null && !chapterTitles.has(chapterNo))
      fail('chapterTitle', `第 ${chapterNo} 章没有章标题`, `Chapter ${chapterNo} has no title`);
    const code = row.get('code');
    if (!code) fail('code', '任务编号必填', 'The task number is required');
    else if (code.length > 20) fail('code', '任务编号不超过 20 个字', 'At most 20 characters');
    else if (seenCodes.has(code))
      fail(
        'code',
        `任务编号与第 ${seenCodes.get(code)} 行重复：${code}`,
        `The task number repeats row ${seenCodes.get(code)}: ${code}`,
      );
    else seenCodes.set(code, row.row);
    const kind = kindNames[row.get('kind')];
    if (!kind)
      fail(
        'kind',
        `类型应为“主要任务”或“重点工程”：${row.get('kind')}`,
        `The kind must be 主要任务 (task) or 重点工程 (key project): ${row.get('kind')}`,
      );
    const title = row.get('title');
    if (!title) fail('title', '任务名称必填', 'The title is required');
    else if (title.length > 500) fail('title', '任务名称不超过 500 个字', 'At most 500 characters');
    const leadText = row.get('lead');
    const lead = leadText ? unitCode.get(leadText) : undefined;
    if (leadText && !lead) fail('lead', `未知的单位：${leadText}`, `Unknown unit: ${leadText}`);
    const participants: string[] = [];
    for (const name of row
      .get('participants')
      .split(/[、，,；;\n]/)
      .map((p) => p.trim())
      .filter(Boolean)) {
      const found = unitCode.get(name);
      if (!found) fail('participants', `未知的单位：${name}`, `Unknown unit: ${name}`);
      else if (!participants.includes(found)) participants.push(found);
    }
    const milestones = parseMilestones(row.get('milestones'));
    if (!milestones)
      fail(
        'milestones',
        '年度节点格式应为“2026：节点内容”，多项用分号分隔',
        'Milestones read “2026：what”, separated by semicolons',
      );
    else
      for (const m of milestones)
        if (m.year < options.startYear || m.year > options.endYear)
          fail(
            'milestones',
            `节点年份须在 ${options.startYear} 至 ${options.endYear} 年之间：${m.year}`,
            `The milestone year must lie within the plan (${options.startYear}–${options.endYear}): ${m.year}`,
          );
    if (!clean() || !kind || !milestones || chapterNo === null) continue;
    valid.push({ code, chapterNo, kind, title, lead: lead ?? '', participants, milestones });
  }
  return valid;
}

function checkColumns(
  rows: SheetRow<ColumnKey>[],
  taskCodes: ReadonlySet<string>,
  problems: Problem[],
  say: Say,
): PlanColumnDefinition[] {
  const check = problemRecorder(problems, planSheets.columns, planColumnColumns, say);
  const valid: PlanColumnDefinition[] = [];
  const seen = new Set<number>();
  for (const row of rows) {
    const { fail, clean } = check(row);
    const no = smallNumber(row.get('no'), (zh, en) => fail('no', zh, en), ['专栏序号', '专栏 number']);
    if (no !== null && seen.has(no)) fail('no', `专栏序号重复：${no}`, `The 专栏 number repeats: ${no}`);
    if (no !== null) seen.add(no);
    const title = row.get('title');
    if (!title) fail('title', '专栏标题必填', 'The 专栏 title is required');
    else if (title.length > 200) fail('title', '专栏标题不超过 200 个字', 'At most 200 characters');
    const taskCode = row.get('taskCode');
    if (taskCode && !taskCodes.has(taskCode))
      fail(
        'taskCode',
        `本规划没有此任务编号：${taskCode}`,
        `No task of this plan has the number ${taskCode}`,
      );
    const items = splitItems(row.get('items'));
    if (items.length > 100 || items.some((i) => i.length > 500))
      fail('items', '清单至多 100 项，每项不超过 500 个字', 'At most 100 items of 500 characters');
    if (clean()) valid.push({ no: no!, title, taskCode: taskCode || null, items, deliverables: false });
  }
  return valid;
}

function checkIndicators(
  rows: SheetRow<IndicatorKey>[],
  indicatorCode: ReadonlyMap<string, string>,
  problems: Problem[],
  say: Say,
): PlanIndicatorDefinition[] {
  const check = problemRecorder(problems, planSheets.indicators, planIndicatorColumns, say);
  const valid: PlanIndicatorDefinition[] = [];
  const seen = new Set<number>();
  for (const row of rows) {
    const { fail, clean } = check(row);
    const no = smallNumber(row.get('no'), (zh, en) => fail('no', zh, en), ['指标序号', 'indicator number']);
    if (no !== null && seen.has(no)) fail('no', `指标序号重复：${no}`, `The indicator number repeats: ${no}`);
    if (no !== null) seen.add(no);
    const name = row.get('name');
    if (!name) fail('name', '指标名称必填', 'The indicator’s name is required');
    else if (name.length > 100) fail('name', '指标名称不超过 100 个字', 'At most 100 characters');
    const target = row.get('target');
    if (!target) fail('target', '目标必填', 'The target is required');
    else if (target.length > 100) fail('target', '目标不超过 100 个字', 'At most 100 characters');
    const nature = row.get('nature');
    if (!(indicatorNatures as readonly string[]).includes(nature))
      fail(
        'nature',
        `属性应为“约束性”或“预期性”：${nature}`,
        `The nature must be 约束性 (binding) or 预期性 (expected): ${nature}`,
      );
    const linked = row.get('indicator');
    const code = indicatorCode.get(linked);
    if (!code)
      fail(
        'indicator',
        `未知的统计指标：${linked}（先在统计分析的指标设置中增加）`,
        `Unknown statistics indicator: ${linked} (add it in the statistics indicator settings first)`,
      );
    if (clean()) valid.push({ no: no!, name, target, nature, indicatorCode: code! });
  }
  return valid;
}

export async function importPlan(
  deps: { db: Db; clock: Clock; indicators: IndicatorNames },
  file: Buffer,
  options: { name: string; startYear: number; endYear: number; validOnly: boolean; language: Language },
): Promise<PlanImportReport> {
  const say: Say = (zh, en) => (options.language === 'en' ? en : zh);
  const sheets = await readPlanWorkbook(file);
  const units = await deps.db.query<{ code: string; name: string }>('SELECT code, name FROM organisations');
  const unitCode = new Map<string, string>();
  for (const u of units.rows) {
    unitCode.set(u.name, u.code);
    unitCode.set(u.code, u.code);
  }
  const indicatorCode = new Map<string, string>();
  for (const i of await deps.indicators.names()) {
    indicatorCode.set(i.nameZh, i.code);
    indicatorCode.set(i.code, i.code);
  }
  const existing = await deps.db.query('SELECT 1 FROM plans WHERE name = $1', [options.name]);
  if ((existing.rowCount ?? 0) > 0) throw new DomainError('plan.import_exists');

  const problems: Problem[] = [];
  const chapterTitles = checkChapters(sheets.chapters, problems, say);
  const listedChapters = new Set(chapterTitles.keys());
  const tasks = checkTasks(sheets.tasks, chapterTitles, unitCode, options, problems, say);
  const columns = checkColumns(sheets.columns, new Set(tasks.map((t) => t.code)), problems, say);
  const indicators = checkIndicators(sheets.indicators, indicatorCode, problems, say);
  const deliverables = checkDeliverables(
    sheets.deliverables,
    { taskCodes: new Set(tasks.map((t) => t.code)), columnNos: new Set(columns.map((c) => c.no)) },
    options,
    problems,
    say,
  );

  const sheetOrder: string[] = [
    planSheets.tasks,
    planSheets.chapters,
    planSheets.columns,
    planSheets.indicators,
    planSheets.deliverables,
  ];
  problems.sort((a, b) => sheetOrder.indexOf(a.sheet) - sheetOrder.indexOf(b.sheet) || a.row - b.row);
  const report: PlanImportReport = {
    committed: false,
    planId: null,
    totalRows: Object.values(sheets).reduce((n, rows) => n + rows.length, 0),
    imported: 0,
    invalidRows: new Set(problems.map((p) => `${p.sheet}:${p.row}`)).size,
    importedColumns: 0,
    importedIndicators: 0,
    importedDeliverables: 0,
    errors: problems,
  };
  if ((problems.length > 0 && !options.validOnly) || tasks.length === 0) return report;
  const chapters = [...new Set([...listedChapters, ...tasks.map((t) => t.chapterNo)])]
    .sort((a, b) => a - b)
    .map((no) => ({ no, title: chapterTitles.get(no)! }));
  const now = deps.clock.now();
  const planId = await inTransaction(deps.db, async (tx) => {
    await tx.query('LOCK TABLE plans IN SHARE ROW EXCLUSIVE MODE');
    if (((await tx.query('SELECT 1 FROM plans WHERE name = $1', [options.name])).rowCount ?? 0) > 0)
      throw new DomainError('plan.import_exists');
    const { id } = await insertPlan(
      tx,
      {
        code: `import-${randomUUID().slice(0, 8)}`,
        name: options.name,
        startYear: options.startYear,
        endYear: options.endYear,
        chapters,
        tasks,
        columns,
        indicators,
        deliverables,
      },
      false,
      now,
    );
    const ids = await tx.query<{ id: string; code: string }>(
      'SELECT id, code FROM plan_tasks WHERE plan_id = $1',
      [id],
    );
    const taskIds = new Map(ids.rows.map((r) => [r.code, r.id]));
    for (const task of tasks)
      for (const [position, m] of task.milestones.entries())
        await tx.query(
          'INSERT INTO plan_task_milestones (task_id, year, title, position) VALUES ($1, $2, $3, $4)',
          [taskIds.get(task.code), m.year, m.title, position],
        );
    return id;
  });
  return {
    ...report,
    committed: true,
    planId,
    imported: tasks.length,
    importedColumns: columns.length,
    importedIndicators: indicators.length,
    importedDeliverables: deliverables.length,
  };
}
