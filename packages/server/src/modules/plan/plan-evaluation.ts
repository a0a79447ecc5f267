import { Document, HeadingLevel, Paragraph, Table, TableRow, WidthType } from 'docx';
import {
  assessmentGradeNames,
  chinaDate,
  type EvaluationAuthorText,
  type EvaluationKind,
  type IndicatorSummary,
} from '@anjian/domain';
import type { Db } from '../../platform/db.ts';
import { docxBuffer, docxCell, docxParagraph, docxText } from '../../platform/office/index.ts';
import type { IndicatorSource } from '../statistics/index.ts';
import { evaluationFigures, type EvaluationFigures } from './plan-evaluation.repository.ts';
import type { AssessmentService } from './assessment.service.ts';
import type { PlanService } from './plan.service.ts';

type Assessment = Awaited<ReturnType<AssessmentService['find']>>;

const statusNames = {
  on_track: '符合进度',
  at_risk: '存在风险',
  off_track: '滞后',
  no_data: '暂无数据',
} as const;

const heading = (text: string) =>
  new Paragraph({ heading: HeadingLevel.HEADING_1, children: [docxText(text, { bold: true, size: 28 })] });

function table(header: readonly string[], rows: readonly (readonly string[])[]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: header.map((h) => docxCell(h, { bold: true, shade: 'D9D9D9' })),
      }),
      ...rows.map((row) => new TableRow({ children: row.map((cell) => docxCell(cell)) })),
    ],
  });
}

const num = (value: number | null) => (value === null ? '—' : String(value));
const placeholder = '（本节由起草人填写。）';

/** An authors' section: one paragraph a line, or the placeholder while it is empty. */
function authors(text: string | undefined, empty: string | null = placeholder): Paragraph[] {
  const lines = (text ?? '').split(/\r?\n/).filter((line) => line.trim() !== '');
  if (lines.length > 0) return lines.map((line) => docxParagraph(line));
  return empty === null ? [] : [docxParagraph(empty)];
}

/**
 * The mid-term (2023) or final (2025) evaluation of the plan (seed text 五（四）), drafted from the
 * data: the indicators with their trajectory, task completion by chapter and unit, the key
 * projects, the problems (overdue milestones) and the latest yearly assessment; the text sections
 * are left for the authors.
 */
export async function evaluationDocx(input: {
  planName: string;
  kind: EvaluationKind;
  year: number;
  generatedOn: string;
  /** The authors' sections (a saved version's, or the latest one carried forward). */
  text?: EvaluationAuthorText;
  indicators: IndicatorSummary;
  figures: EvaluationFigures;
  assessment: Assessment | null;
}): Promise<Buffer> {
  const { figures, indicators, assessment } = input;
  const title = `${input.planName}${input.kind === 'mid' ? '中期' : '终期'}评估报告`;
  const children: (Paragraph | Table)[] = [
    docxParagraph(title, { bold: true, size: 36, center: true }),
    docxParagraph(`（征求意见稿 · 数据截至 ${input.generatedOn}）`, { center: true }),
    heading('一、总体评价'),
    ...authors(input.text?.overall),
    heading('二、主要指标完成情况'),
    table(
      ['指标', '基期值', '目标值', `${input.year}年进度目标`, '实际值', '状态', '历年实际'],
      indicators.indicators.map((i) => [
        i.nameZh,
        // A published baseline says so, as the indicators page does.
        i.baselineValue !== null && i.baselineSource === 'published'
          ? `${num(i.baselineValue)}（规划公布）`
          : num(i.baselineValue),
        num(i.targetValue),
        num(i.milestone),
        num(i.actual),
        statusNames[i.status],
        i.trajectory.map((p) => `${p.year}: ${num(p.actual)}`).join('；'),
      ]),
    ),
    heading('三、主要任务完成情况（按章节）'),
    table(
      ['章节', '任务数', '分解单位数', '已完成', '平均进度', '成果（已完成/总数）'],
      figures.chapters.map((c) => [
        `${c.no}. ${c.title}`,
        String(c.tasks),
        String(c.assigned),
        String(c.done),
        `${num(c.avg)}%`,
        c.deliverables === 0 ? '—' : `${c.delivered}/${c.deliverables}`,
      ]),
    ),
    heading('四、各单位任务完成情况'),
    table(
      ['单位', '承担任务', '已完成', '平均进度', '逾期节点'],
      figures.units.map((u) => [u.name, String(u.assigned), String(u.done), `${u.avg}%`, String(u.overdue)]),
    ),
    heading('五、重点工程进展'),
    table(
      ['编号', '重点工程', '牵头单位', '分解单位数', '平均进度'],
      figures.projects.map((p) => [p.code, p.title, p.lead ?? '—', String(p.assigned), `${num(p.avg)}%`]),
    ),
    heading('六、存在的问题（逾期未完成节点）'),
    figures.problems.length === 0
      ? docxParagraph('无逾期未完成节点。')
      : table(
          ['单位', '任务', '节点', '节点日期'],
          figures.problems.map((p) => [p.unit, p.task, p.milestone, p.due]),
        ),
    ...authors(input.text?.problems, null),
    heading('七、目标责任考核结果'),
    assessment
      ? table(
          ['名次', '单位', '得分', '等次', '一票否决'],
          assessment.units.map((u) => [
            String(u.rank),
            u.organisationName,
            String(u.total),
            assessmentGradeNames[u.grade].zh,
            u.veto ?? '—',
          ]),
        )
      : docxParagraph('本年度尚未开展考核。'),
    heading('八、下一步工作'),
    ...authors(input.text?.nextSteps),
  ];
  return docxBuffer(new Document({ title, sections: [{ children }] }));
}

/** The year a report evaluates: 2023 for the mid-term (start + 2), the last year for the final, never past today. */
export function evaluationYear(
  plan: { startYear: number; endYear: number },
  kind: EvaluationKind,
  today: string,
) {
  return Math.min(kind === 'mid' ? plan.startYear + 2 : plan.endYear, Number(today.slice(0, 4)));
}

/** Gathers the figures at `now` and drafts the report with the authors' `text` (if any). */
export async function draftEvaluation(
  deps: { db: Db; service: PlanService; assessments: AssessmentService; indicators: IndicatorSource },
  planId: string,
  kind: EvaluationKind,
  now: Date,
  text?: EvaluationAuthorText,
): Promise<{ body: Buffer; year: number }> {
  const plan = await deps.service.plan(planId);
  const today = chinaDate(now);
  const year = evaluationYear(plan, kind, today);
  const latest = (await deps.assessments.list()).find((a) => a.year <= year);
  const body = await evaluationDocx({
    planName: plan.name,
    kind,
    year,
    generatedOn: today,
    ...(text ? { text } : {}),
    indicators: await deps.indicators.summary({ kind: 'city' }, year),
    figures: await evaluationFigures(deps.db, plan.id, today),
    assessment: latest ? await deps.assessments.find(latest.id) : null,
  });
  return { body, year };
}
