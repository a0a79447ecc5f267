import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { DomainError, type Language, type PlanImportReport, type PlanTaskDefinition } from '@anjian/domain';
import type { Clock } from '../../platform/clock.ts';
import { readImportSheet, type SheetRow as ImportRow } from '../../platform/office/index.ts';
import { inTransaction, type Db } from '../../platform/db.ts';
import { insertPlan } from './plan-reference.repository.ts';

/**
 * Loading a bureau's own plan from Excel (规划导入): a template with an instructions sheet, one row
 * per task or key project (chapter, number, kind, title, lead and participating units by name,
 * yearly milestones). Every row is checked and reported in the caller's language; with any invalid
 * row nothing is stored unless the caller asks for the valid rows, and those are stored in one
 * transaction as a new plan.
 */
export const MAX_PLAN_IMPORT_ROWS = 2_000;

interface Column {
  key: 'chapterNo' | 'chapterTitle' | 'code' | 'kind' | 'title' | 'lead' | 'participants' | 'milestones';
  header: string;
  required: boolean;
  example: string | number;
  width: number;
}

export const planImportColumns: readonly Column[] = [
  { key: 'chapterNo', header: '章序号', required: true, example: 3, width: 8 },
  { key: 'chapterTitle', header: '章标题', required: false, example: '主要任务', width: 16 },
  { key: 'code', header: '任务编号', required: true, example: '3.1', width: 10 },
  { key: 'kind', header: '类型', required: true, example: '主要任务', width: 10 },
  { key: 'title', header: '任务名称', required: true, example: '示例：健全安全生产责任体系', width: 36 },
  { key: 'lead', header: '牵头单位', required: false, example: '市应急管理局', width: 20 },
  {
    key: 'participants',
    header: '配合单位',
    required: false,
    example: '市住房和城乡建设局、市交通运输局',
    width: 30,
  },
  {
    key: 'milestones',
    header: '年度节点',
    required: false,
    example: '2026：制定实施方案；2027：完成中期评估',
    width: 40,
  },
];

const kindNames: Record<string, PlanTaskDefinition['kind']> = {
  主要任务: 'task',
  任务: 'task',
  重点工程: 'project',
  重点项目: 'project',
  task: 'task',
  project: 'project',
};

const instructions = [
  '每行一项规划任务或重点工程（专栏）。带 * 的列必填；示例行以“示例”开头，导入时跳过。',
  '规划名称和起止年份在导入页面填写；已有同名规划时不能导入。',
  '章序号为整数（如 3）；同一章的章标题填在该章任意一行即可（各行不一致时以第一行为准）。',
  '任务编号在本规划内唯一，如 3.1、3.4.5、4.2；重复的编号不会导入。',
  '类型填“主要任务”或“重点工程”。',
  '牵头单位、配合单位填系统中的单位全称（如 市应急管理局、红塔区人民政府），配合单位之间用顿号、逗号或分号分隔。',
  '年度节点每项写成“年份：内容”，多项之间用分号或换行分隔，如 2026：制定实施方案；2027：完成中期评估；年份须在规划起止年份之间。',
  '有任何错误行时默认不导入任何数据；可选择“仅导入正确的行”。',
];

export async function buildPlanImportTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('规划任务');
  sheet.columns = planImportColumns.map((c) => ({
    header: c.required ? `${c.header}*` : c.header,
    key: c.key,
    width: c.width,
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow(Object.fromEntries(planImportColumns.map((c) => [c.key, c.example])));
  const notes = workbook.addWorksheet('填写说明');
  notes.getColumn(1).width = 120;
  instructions.forEach((line) => notes.addRow([line]));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

type SheetRow = ImportRow<Column['key']>;

function readSheet(file: Buffer): Promise<SheetRow[]> {
  return readImportSheet(file, planImportColumns, MAX_PLAN_IMPORT_ROWS);
}

interface Problem {
  row: number;
  column: string;
  message: string;
}

interface ParsedTask extends PlanTaskDefinition {
  row: number;
  milestones: { year: number; title: string }[];
}

const headerOf = (key: Column['key']) => planImportColumns.find((c) => c.key === key)!.header;

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

export async function importPlan(
  deps: { db: Db; clock: Clock },
  file: Buffer,
  options: { name: string; startYear: number; endYear: number; validOnly: boolean; language: Language },
): Promise<PlanImportReport> {
  const say = (zh: string, en: string) => (options.language === 'en' ? en : zh);
  const rows = await readSheet(file);
  const units = await deps.db.query<{ code: string; name: string }>('SELECT code, name FROM organisations');
  const unitCode = new Map<string, string>();
  for (const u of units.rows) {
    unitCode.set(u.name, u.code);
    unitCode.set(u.code, u.code);
  }
  const existing = await deps.db.query('SELECT 1 FROM plans WHERE name = $1', [options.name]);
  if ((existing.rowCount ?? 0) > 0) throw new DomainError('plan.import_exists');

  const chapterTitles = new Map<number, string>();
  for (const row of rows) {
    const no = Number(row.get('chapterNo'));
    if (Number.isInteger(no) && row.get('chapterTitle') && !chapterTitles.has(no))
      chapterTitles.set(no, row.get('chapterTitle').slice(0, 100));
  }

  const problems: Problem[] = [];
  const valid: ParsedTask[] = [];
  const seenCodes = new Map<string, number>();
  for (const row of rows) {
    const before = problems.length;
    const fail = (key: Column['key'], zh: string, en: string) =>
      problems.push({ row: row.row, column: headerOf(key), message: say(zh, en) });
    const chapterText = row.get('chapterNo');
    const chapterNo = Number(chapterText);
    if (!/^\d{1,2}$/.test(chapterText) || chapterNo < 1)
      fail('chapterNo', `章序号须为 1–99 的整数：${chapterText}`, `The chapter must be 1–99: ${chapterText}`);
    else if (!chapterTitles.has(chapterNo))
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
    if (problems.length > before || !kind || !milestones) continue;
    valid.push({
      row: row.row,
      code,
      chapterNo,
      kind,
      title,
      lead: lead ?? '',
      participants,
      milestones,
    });
  }
  problems.sort((a, b) => a.row - b.row);
  const report: PlanImportReport = {
    committed: false,
    planId: null,
    totalRows: rows.length,
    imported: 0,
    invalidRows: new Set(problems.map((p) => p.row)).size,
    errors: problems,
  };
  if ((problems.length > 0 && !options.validOnly) || valid.length === 0) return report;
  const now = deps.clock.now();
  const planId = await inTransaction(deps.db, async (tx) => {
    await tx.query('LOCK TABLE plans IN SHARE ROW EXCLUSIVE MODE');
    if (((await tx.query('SELECT 1 FROM plans WHERE name = $1', [options.name])).rowCount ?? 0) > 0)
      throw new DomainError('plan.import_exists');
    const chapters = [...new Set(valid.map((t) => t.chapterNo))]
      .sort((a, b) => a - b)
      .map((no) => ({ no, title: chapterTitles.get(no)! }));
    const { id } = await insertPlan(
      tx,
      {
        code: `import-${randomUUID().slice(0, 8)}`,
        name: options.name,
        startYear: options.startYear,
        endYear: options.endYear,
        chapters,
        tasks: valid,
        columns: [],
        indicators: [],
      },
      false,
      now,
    );
    const ids = await tx.query<{ id: string; code: string }>(
      'SELECT id, code FROM plan_tasks WHERE plan_id = $1',
      [id],
    );
    const taskIds = new Map(ids.rows.map((r) => [r.code, r.id]));
    for (const task of valid)
      for (const [position, m] of task.milestones.entries())
        await tx.query(
          'INSERT INTO plan_task_milestones (task_id, year, title, position) VALUES ($1, $2, $3, $4)',
          [taskIds.get(task.code), m.year, m.title, position],
        );
    return id;
  });
  return { ...report, committed: true, planId, imported: valid.length };
}
