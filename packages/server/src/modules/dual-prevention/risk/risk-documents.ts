import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Paragraph,
  Table,
  TableRow,
  WidthType,
} from 'docx';
import {
  controlMeasureKindNames,
  findGb6441AccidentType,
  riskLevelNames,
  type RiskLevel,
  type RiskUnit,
} from '@anjian/domain';
import { docxBuffer, docxCell, docxText, RISK_COLOUR_SHADES } from '../../../platform/office/index.ts';

/**
 * The printable outputs of the risk register (两单一卡): the notice board (安全风险公告栏) of an
 * enterprise and the risk card of one post (岗位安全风险告知卡), as DOCX so that the bureau's Word
 * lays them out with its own fonts (宋体/仿宋 cannot be shipped). Colours follow the four-colour
 * convention: 红 重大, 橙 较大, 黄 一般, 蓝 低.
 */
const cell = docxCell;
const text = docxText;

const title = (value: string) =>
  new Paragraph({
    heading: HeadingLevel.TITLE,
    alignment: AlignmentType.CENTER,
    children: [text(value, { bold: true, size: 36 })],
  });
const line = (value: string) => new Paragraph({ children: [text(value)] });

const accidents = (codes: readonly string[]) =>
  codes.map((code) => findGb6441AccidentType(code)?.zh ?? code).join('、');
const levelName = (level: number) => riskLevelNames[level as RiskLevel].zh;

export async function noticeBoardDocx(
  enterpriseName: string,
  units: readonly RiskUnit[],
  printedAt: string,
): Promise<Buffer> {
  const header = new TableRow({
    tableHeader: true,
    children: [
      '风险单元',
      '风险等级',
      '主要风险点',
      '可能导致的事故',
      '主要管控措施',
      '管控层级与责任人',
    ].map((h) => cell(h, { bold: true })),
  });
  const rows = [...units]
    .filter((unit) => unit.points.length > 0)
    .sort((a, b) => (a.level ?? 9) - (b.level ?? 9))
    .map((unit) => {
      const worst = unit.points.filter((p) => p.level === unit.level);
      return new TableRow({
        children: [
          cell(unit.name),
          cell(levelName(unit.level!), { bold: true, shade: RISK_COLOUR_SHADES[unit.colour!] }),
          cell(unit.points.map((p) => p.name).join('\n')),
          cell(accidents([...new Set(unit.points.flatMap((p) => p.accidentTypes))])),
          cell(worst.flatMap((p) => p.measures.map((m) => m.text)).join('\n')),
          cell(worst.map((p) => `${p.responsiblePerson}`).join('、')),
        ],
      });
    });
  const doc = new Document({
    creator: 'Anjian',
    title: `${enterpriseName} 安全风险公告栏`,
    sections: [
      {
        children: [
          title('安全风险公告栏'),
          line(`企业名称：${enterpriseName}`),
          line(
            `风险单元 ${units.length} 个；重大风险 ${units.filter((u) => u.level === 1).length} 个，较大风险 ${units.filter((u) => u.level === 2).length} 个。`,
          ),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            borders: { top: { style: BorderStyle.SINGLE, size: 4, color: '000000' } },
            rows: [header, ...rows],
          }),
          line('风险等级：红色—重大风险，橙色—较大风险，黄色—一般风险，蓝色—低风险。'),
          line('发现事故隐患或险情，请立即报告。安全生产举报电话：12350。'),
          line(`制表日期：${printedAt}`),
        ],
      },
    ],
  });
  return docxBuffer(doc);
}

export async function postCardDocx(
  enterpriseName: string,
  unit: RiskUnit,
  printedAt: string,
): Promise<Buffer> {
  const worst = unit.level ? levelName(unit.level) : '未评价';
  const measures = Object.entries(controlMeasureKindNames).map(([kind, { zh: name }]) => {
    const items = unit.points.flatMap((p) => p.measures.filter((m) => m.kind === kind).map((m) => m.text));
    return new TableRow({
      children: [cell(name, { bold: true, widthPercent: 25 }), cell(items.length ? items.join('\n') : '—')],
    });
  });
  const doc = new Document({
    creator: 'Anjian',
    title: `${unit.name} 岗位安全风险告知卡`,
    sections: [
      {
        children: [
          title('岗位安全风险告知卡'),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [
              new TableRow({
                children: [cell('企业名称', { bold: true, widthPercent: 25 }), cell(enterpriseName)],
              }),
              new TableRow({ children: [cell('岗位/区域', { bold: true }), cell(unit.name)] }),
              new TableRow({
                children: [
                  cell('风险等级', { bold: true }),
                  cell(worst, {
                    bold: true,
                    ...(unit.colour ? { shade: RISK_COLOUR_SHADES[unit.colour] } : {}),
                  }),
                ],
              }),
              new TableRow({
                children: [
                  cell('主要风险点', { bold: true }),
                  cell(unit.points.map((p) => `${p.name}（${levelName(p.level)}）`).join('\n') || '—'),
                ],
              }),
              new TableRow({
                children: [
                  cell('可能导致的事故', { bold: true }),
                  cell(accidents([...new Set(unit.points.flatMap((p) => p.accidentTypes))]) || '—'),
                ],
              }),
              ...measures,
              new TableRow({
                children: [
                  cell('责任人', { bold: true }),
                  cell([...new Set(unit.points.map((p) => p.responsiblePerson))].join('、') || '—'),
                ],
              }),
              new TableRow({
                children: [cell('应急电话', { bold: true }), cell('火警 119　急救 120　安全生产举报 12350')],
              }),
            ],
          }),
          line(`制卡日期：${printedAt}`),
        ],
      },
    ],
  });
  return docxBuffer(doc);
}
