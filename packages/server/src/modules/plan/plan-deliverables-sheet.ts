import { deliverableKindOf, type PlanDeliverableDefinition } from '@anjian/domain';
import type { SheetRow } from '../../platform/office/index.ts';
import { problemRecorder, smallNumber, type Problem, type Say } from './plan-import-checks.ts';
import { planDeliverableColumns, planSheets, type DeliverableKey } from './plan-workbook.ts';

/**
 * Sheet 成果 of a plan workbook: one deliverable a row — the task it belongs to (a task of the
 * same workbook), the 专栏 listing it (one of the workbook's, or none), what, its kind, a target count
 * (a positive whole number, or empty) and the year it is due (within the plan's years).
 */
export function checkDeliverables(
  rows: SheetRow<DeliverableKey>[],
  known: { taskCodes: ReadonlySet<string>; columnNos: ReadonlySet<number> },
  options: { startYear: number; endYear: number },
  problems: Problem[],
  say: Say,
): PlanDeliverableDefinition[] {
  const check = problemRecorder(problems, planSheets.deliverables, planDeliverableColumns, say);
  const valid: PlanDeliverableDefinition[] = [];
  for (const row of rows) {
    const { fail, clean } = check(row);
    const taskCode = row.get('taskCode');
    if (!taskCode) fail('taskCode', '任务编号必填', 'The task number is required');
    else if (!known.taskCodes.has(taskCode))
      fail(
        'taskCode',
        `本规划没有此任务编号：${taskCode}`,
        `No task of this plan has the number ${taskCode}`,
      );
    const columnText = row.get('columnNo');
    const columnNo = columnText
      ? smallNumber(columnText, (zh, en) => fail('columnNo', zh, en), ['专栏序号', '专栏 number'])
      : null;
    if (columnNo !== null && !known.columnNos.has(columnNo))
      fail('columnNo', `本规划没有此专栏：${columnNo}`, `No 专栏 of this plan has the number ${columnNo}`);
    const what = row.get('what');
    if (!what) fail('what', '成果必填', 'What is to be delivered is required');
    else if (what.length > 500) fail('what', '成果不超过 500 个字', 'At most 500 characters');
    const kind = deliverableKindOf(row.get('kind'));
    if (!kind)
      fail(
        'kind',
        `成果类型应为“文件/制度”“场所/设施建设”“平台/系统”或“其他”：${row.get('kind')}`,
        `The kind must be 文件/制度 (document), 场所/设施建设 (site), 平台/系统 (platform) or 其他 (other): ${row.get('kind')}`,
      );
    const countText = row.get('targetCount');
    const targetCount = countText ? Number(countText) : null;
    if (targetCount !== null && !(/^\d{1,6}$/.test(countText) && targetCount >= 1))
      fail(
        'targetCount',
        `目标数量须为正整数：${countText}`,
        `The target count must be a positive whole number: ${countText}`,
      );
    const yearText = row.get('dueYear');
    const dueYear = Number(yearText);
    if (!/^\d{4}$/.test(yearText) || dueYear < options.startYear || dueYear > options.endYear)
      fail(
        'dueYear',
        `完成年份须在 ${options.startYear} 至 ${options.endYear} 年之间：${yearText}`,
        `The year due must lie within the plan (${options.startYear}–${options.endYear}): ${yearText}`,
      );
    if (clean()) valid.push({ taskCode, columnNo, what, kind: kind!, targetCount, dueYear });
  }
  return valid;
}
