import {
  chinaDateTime,
  deliverableKindNames,
  type Plan,
  type PlanDeliverableDefinition,
} from '@anjian/domain';
import { notesSheet, tableSheet, workbookOfSheets, type SheetColumn } from '../../platform/office/index.ts';

/**
 * A plan as an Excel workbook (规划导入 and 规划导出): the same sheets, headers and cell formats
 * whether it is the blank template or a loaded plan exported, so that an exported plan loads again
 * as it is. Sheet 规划任务 (first) holds one row per task or key project; 章节, 专栏 and 规划指标 hold
 * the chapters, the 专栏 with their lists, the indicators linked to the statistics module, and 成果
 * the deliverables of tasks (what, kind, target count, due year, and on export their delivered state,
 * which an import does not read).
 */
export const planSheets = {
  tasks: '规划任务',
  chapters: '章节',
  columns: '专栏',
  indicators: '规划指标',
  deliverables: '成果',
  notes: '填写说明',
} as const;

/** A column of one of the plan's sheets: its header (found by it on import) and a template example. */
export interface PlanSheetColumn<K extends string> {
  key: K;
  header: string;
  required: boolean;
  example: string | number;
  width: number;
}

export const planImportColumns = [
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
] as const satisfies readonly PlanSheetColumn<string>[];

export const planChapterColumns = [
  { key: 'chapterNo', header: '章序号', required: true, example: 1, width: 8 },
  { key: 'chapterTitle', header: '章标题', required: true, example: '示例：现状与形势', width: 30 },
] as const satisfies readonly PlanSheetColumn<string>[];

export const planColumnColumns = [
  { key: 'no', header: '专栏序号', required: true, example: 2, width: 10 },
  { key: 'title', header: '专栏标题', required: true, example: '示例：重点制定、修订的文件', width: 30 },
  { key: 'taskCode', header: '所属任务编号', required: false, example: '3.1', width: 14 },
  {
    key: 'items',
    header: '清单',
    required: false,
    example: '《某某市安全生产工作年度目标责任考核办法》',
    width: 50,
  },
] as const satisfies readonly PlanSheetColumn<string>[];

export const planIndicatorColumns = [
  { key: 'no', header: '指标序号', required: true, example: 1, width: 10 },
  { key: 'name', header: '指标名称', required: true, example: '示例：生产安全事故死亡人数', width: 36 },
  { key: 'target', header: '目标', required: true, example: '下降 15%', width: 14 },
  { key: 'nature', header: '属性', required: true, example: '约束性', width: 10 },
  { key: 'indicator', header: '统计指标', required: true, example: '生产安全事故死亡人数', width: 36 },
] as const satisfies readonly PlanSheetColumn<string>[];

export const planDeliverableColumns = [
  { key: 'taskCode', header: '任务编号', required: true, example: '3.1', width: 10 },
  { key: 'columnNo', header: '专栏序号', required: false, example: 2, width: 10 },
  {
    key: 'what',
    header: '成果',
    required: true,
    example: '示例：《某某市安全生产工作年度目标责任考核办法》',
    width: 44,
  },
  { key: 'kind', header: '成果类型', required: true, example: '文件/制度', width: 14 },
  { key: 'targetCount', header: '目标数量', required: false, example: '', width: 10 },
  { key: 'dueYear', header: '完成年份', required: true, example: 2023, width: 10 },
  // Written on export, ignored on import: a plan loaded from the file starts undelivered.
  { key: 'delivered', header: '完成情况（导入时不读取）', required: false, example: '', width: 30 },
] as const satisfies readonly PlanSheetColumn<string>[];

export type TaskKey = (typeof planImportColumns)[number]['key'];
export type ChapterKey = (typeof planChapterColumns)[number]['key'];
export type ColumnKey = (typeof planColumnColumns)[number]['key'];
export type IndicatorKey = (typeof planIndicatorColumns)[number]['key'];
export type DeliverableKey = (typeof planDeliverableColumns)[number]['key'];

/** The names of a task's kind in the sheet (the first of each is what an export writes). */
export const planKindNames = { task: '主要任务', project: '重点工程' } as const;

/** 属性 of an indicator (专栏1 of a 五年规划): binding or expected. */
export const indicatorNatures = ['约束性', '预期性'] as const;

const instructions = [
  '工作表“规划任务”每行一项规划任务或重点工程；“章节”“专栏”“规划指标”可选。带 * 的列必填；示例行以“示例”开头，导入时跳过。',
  '规划名称和起止年份在导入页面填写；已有同名规划时不能导入。',
  '章序号为整数（如 3）；章标题可填在“章节”表（没有任务的章也列在这里），或填在该章任意一行任务上（各处不一致时以“章节”表为准，其次以第一行为准）。',
  '任务编号在本规划内唯一，如 3.1、3.4.5、4.2；重复的编号不会导入。',
  '类型填“主要任务”或“重点工程”。',
  '牵头单位、配合单位填系统中的单位全称（如 市应急管理局、红塔区人民政府），配合单位之间用顿号、逗号或分号分隔。',
  '年度节点每项写成“年份：内容”，多项之间用分号或换行分隔，如 2026：制定实施方案；2027：完成中期评估；年份须在规划起止年份之间。',
  '“专栏”每行一个专栏：专栏序号（整数，不重复）、标题、所属任务编号（须为本表中的任务）、清单（须制定的文件或列出的对象，每项一行，或用分号分隔）。',
  '“规划指标”每行一项指标：序号、名称、目标（如 下降 15%）、属性（约束性或预期性）、统计指标（统计分析“指标设置”中的指标名称，新指标先在那里增加）。',
  '“成果”每行一项成果：任务编号（须为本规划的任务）、专栏序号（列出该成果的专栏，可空）、成果（须制定的文件、须建成的场所等）、成果类型（文件/制度、场所/设施建设、平台/系统、其他）、目标数量（按数量计的成果填正整数，如 7 座桥梁，可空）、完成年份（须在规划起止年份之间）。',
  '有任何错误行时默认不导入任何数据；可选择“仅导入正确的行”。',
];

/** Template columns as sheet columns: the header with its `*`, the value by key. */
function sheetColumns<K extends string, R extends Record<K, string | number>>(
  columns: readonly PlanSheetColumn<K>[],
): SheetColumn<R>[] {
  return columns.map((c) => ({
    header: c.required ? `${c.header}*` : c.header,
    width: c.width,
    value: (row: R) => row[c.key],
    ...(c.key === 'items' ? { wrap: true } : {}),
  }));
}

const exampleOf = <K extends string>(columns: readonly PlanSheetColumn<K>[]) =>
  Object.fromEntries(columns.map((c) => [c.key, c.example])) as Record<K, string | number>;

/** The blank template: every sheet with its headers and one example row, and the instructions. */
export function buildPlanImportTemplate(): Promise<Buffer> {
  return workbookOfSheets([
    tableSheet(planSheets.tasks, sheetColumns(planImportColumns), [exampleOf(planImportColumns)]),
    tableSheet(planSheets.chapters, sheetColumns(planChapterColumns), [exampleOf(planChapterColumns)]),
    tableSheet(planSheets.columns, sheetColumns(planColumnColumns), [exampleOf(planColumnColumns)]),
    tableSheet(planSheets.indicators, sheetColumns(planIndicatorColumns), [exampleOf(planIndicatorColumns)]),
    tableSheet(planSheets.deliverables, sheetColumns(planDeliverableColumns), [
      exampleOf(planDeliverableColumns),
    ]),
    notesSheet(planSheets.notes, instructions),
  ]);
}

/**
 * A loaded plan in the template's format: units by name, milestones as "2026：…；2027：…", 专栏
 * lists one item a line, indicators by the statistics module's name (its code when it has none).
 */
export function buildPlanWorkbook(
  plan: Plan,
  indicatorNames: ReadonlyMap<string, string>,
  exportedAt: Date,
  planDeliverables: readonly (PlanDeliverableDefinition & {
    delivered?: { on: string; unit: string | null } | null;
  })[] = [],
): Promise<Buffer> {
  const chapterTitle = new Map(plan.chapters.map((c) => [c.no, c.title]));
  const tasks = plan.tasks.map((t): Record<TaskKey, string | number> => ({
    chapterNo: t.chapterNo,
    chapterTitle: chapterTitle.get(t.chapterNo) ?? '',
    code: t.code,
    kind: planKindNames[t.kind],
    title: t.title,
    lead: t.lead ?? '',
    participants: t.participants.join('、'),
    milestones: t.milestones.map((m) => `${m.year}：${m.title}`).join('；'),
  }));
  const chapters = plan.chapters.map((c): Record<ChapterKey, string | number> => ({
    chapterNo: c.no,
    chapterTitle: c.title,
  }));
  const columns = plan.columns.map((c): Record<ColumnKey, string | number> => ({
    no: c.no,
    title: c.title,
    taskCode: c.taskCode ?? '',
    items: c.items.join('\n'),
  }));
  const indicators = plan.indicators.map((i): Record<IndicatorKey, string | number> => ({
    no: i.no,
    name: i.name,
    target: i.target,
    nature: i.nature,
    indicator: indicatorNames.get(i.indicatorCode) ?? i.indicatorCode,
  }));
  const deliverables = planDeliverables.map((d): Record<DeliverableKey, string | number> => ({
    taskCode: d.taskCode,
    columnNo: d.columnNo ?? '',
    what: d.what,
    kind: deliverableKindNames[d.kind],
    targetCount: d.targetCount ?? '',
    dueYear: d.dueYear,
    delivered: d.delivered
      ? `已完成（${d.delivered.on}${d.delivered.unit ? `，${d.delivered.unit}` : ''}）`
      : '未完成',
  }));
  return workbookOfSheets([
    tableSheet(planSheets.tasks, sheetColumns(planImportColumns), tasks),
    tableSheet(planSheets.chapters, sheetColumns(planChapterColumns), chapters),
    tableSheet(planSheets.columns, sheetColumns(planColumnColumns), columns),
    tableSheet(planSheets.indicators, sheetColumns(planIndicatorColumns), indicators),
    tableSheet(planSheets.deliverables, sheetColumns(planDeliverableColumns), deliverables),
    notesSheet(planSheets.notes, [
      `本文件导出自“${plan.name}”（${plan.startYear}–${plan.endYear} 年），导出时间 ${chinaDateTime(exportedAt)}。` +
        '修改后可在“规划实施 → 规划导入”重新导入为一个新规划（另取一个规划名称）。',
      ...instructions,
    ]),
  ]);
}
