import { AlignmentType, Document, Paragraph, Table, TableRow, WidthType } from 'docx';
import { assessmentGradeNames, chinaDate } from '@anjian/domain';
import { docxBuffer, docxCell, docxParagraph, docxText } from '../../platform/office/index.ts';
import type { AssessmentService } from './assessment.service.ts';

type Assessment = Awaited<ReturnType<AssessmentService['find']>>;

/** The issuing unit of the notice (the 安委办, hosted by the emergency management bureau). */
export const NOTICE_ISSUER = '玉溪市安全生产委员会办公室';

const chineseDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

/**
 * The assessment's results as a notice (通报) in DOCX: title, year, the ranking with totals and
 * grades (the assessors' scores, never the self-assessments), the vetoed units with their reasons,
 * the issuing unit and date (the publication's, or today's on a draft marked as such).
 */
export async function assessmentNoticeDocx(found: Assessment, today: Date): Promise<Buffer> {
  const issuedOn = chinaDate(found.publishedAt ? new Date(found.publishedAt) : today);
  const line = (text: string) =>
    new Paragraph({ indent: { firstLine: 640 }, spacing: { line: 560 }, children: [docxText(text, {}, 32)] });
  const right = (text: string) =>
    new Paragraph({ alignment: AlignmentType.RIGHT, children: [docxText(text, {}, 32)] });
  const vetoed = found.units.filter((u) => u.veto !== null);
  const counts = Object.entries(assessmentGradeNames)
    .map(([grade, name]) => [name.zh, found.units.filter((u) => u.grade === grade).length] as const)
    .filter(([, n]) => n > 0)
    .map(([name, n]) => `${name} ${n} 个`)
    .join('，');
  const header = ['名次', '单位', '总分', '等次', '一票否决'];
  const ranking = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: header.map((h) => docxCell(h, { bold: true, shade: 'D9D9D9' })),
      }),
      ...found.units.map(
        (u) =>
          new TableRow({
            children: [
              String(u.rank),
              u.organisationName,
              String(u.total),
              assessmentGradeNames[u.grade].zh,
              u.veto === null ? '' : '是',
            ].map((cell) => docxCell(cell)),
          }),
      ),
    ],
  });
  const children: (Paragraph | Table)[] = [
    docxParagraph(NOTICE_ISSUER, { bold: true, size: 44, center: true }),
    docxParagraph(`关于${found.year}年度${found.name}结果的通报`, { bold: true, size: 36, center: true }),
    ...(found.publishedAt ? [] : [docxParagraph('（草稿：考核结果尚未通报）', { center: true }, 32)]),
    docxParagraph(''),
    docxParagraph('各有关单位：', {}, 32),
    line(
      `根据安全生产目标责任考核工作安排，市安委办对${found.units.length}个单位${found.year}年度安全生产目标责任落实情况进行了考核。现将考核结果通报如下：`,
    ),
    docxParagraph('一、考核排名', { bold: true }, 32),
    line(`考核结果：${counts}。各单位名次、总分和等次如下表。`),
    ranking,
    docxParagraph('二、一票否决情况', { bold: true }, 32),
    ...(vetoed.length === 0
      ? [line('本年度没有单位被一票否决。')]
      : vetoed.map((u) => line(`${u.organisationName}：${u.veto}。考核等次为不合格。`))),
    docxParagraph('三、有关要求', { bold: true }, 32),
    line('各单位要对照考核中发现的问题认真整改，被一票否决和考核不合格的单位要深刻分析原因，限期整改落实。'),
    docxParagraph(''),
    right(NOTICE_ISSUER),
    right(chineseDate(issuedOn)),
  ];
  return docxBuffer(
    new Document({ title: `${found.year}年度${found.name}结果通报`, sections: [{ children }] }),
  );
}
