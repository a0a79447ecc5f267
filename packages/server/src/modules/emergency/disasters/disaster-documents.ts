import { Document, Paragraph, Table, TableRow, WidthType } from 'docx';
import {
  chinaDateTime,
  disasterFieldLabels,
  disasterFigureFields,
  disasterKindLabel,
  disasterStageLabels,
  yuxiCounties,
  type DisasterDetail,
  type DisasterEvent,
  type DisasterFigures,
} from '@anjian/domain';
import {
  cell,
  docxBuffer,
  docxCell,
  docxParagraph,
  workbookBuffer,
  type ExportColumn,
  type SheetColumn,
} from '../../../platform/office/index.ts';

const countyName = (code: string) => yuxiCounties.find((c) => c.code === code)?.nameZh ?? code;
const at = (iso: string | null) => (iso ? chinaDateTime(new Date(iso)).slice(0, 16) : '—');
const figure = (figures: DisasterFigures, field: (typeof disasterFigureFields)[number]) =>
  String(figures[field]);

/** One row of the 快报表: a township's current figures, or the total. */
interface SheetRow {
  township: string;
  stage: string;
  reportedAt: string;
  reporter: string;
  figures: DisasterFigures;
}

function sheetRows(detail: DisasterDetail): SheetRow[] {
  const rows: SheetRow[] = detail.townships
    .filter((t) => t.latest)
    .map((t) => ({
      township: t.nameZh,
      stage: disasterStageLabels[t.latest!.stage].zh,
      reportedAt: at(t.latest!.reportedAt),
      reporter: t.latest!.reporter,
      figures: t.latest!.figures,
    }));
  return [...rows, { township: '合计', stage: '', reportedAt: '', reporter: '', figures: detail.totals }];
}

const sheetColumns: SheetColumn<SheetRow>[] = [
  { header: '乡（镇、街道）', width: 18, value: (r) => r.township },
  ...disasterFigureFields.map((field): SheetColumn<SheetRow> => ({
    header: `${disasterFieldLabels[field].zh}（${disasterFieldLabels[field].unitZh}）`,
    width: 14,
    value: (r) =>
      field === 'cropsHectares' || field === 'directLossWan' ? Number(r.figures[field]) : r.figures[field],
  })),
  { header: '报送阶段', width: 10, value: (r) => r.stage },
  { header: '数据截至', width: 18, value: (r) => r.reportedAt },
  { header: '报送人', width: 16, value: (r) => r.reporter },
];

/** The Excel workbook in the 快报表 layout: one row per township (current figures) and the total. */
export function disasterWorkbook(detail: DisasterDetail, now: Date): Promise<Buffer> {
  return workbookBuffer('灾情统计', sheetColumns, sheetRows(detail), { exportedAt: now });
}

/** The one-page 灾情快报 (situation bulletin) from the figures. */
export function disasterBulletin(detail: DisasterDetail, now: Date): Promise<Buffer> {
  const t = detail.totals;
  const kind = disasterKindLabel(detail.kind);
  const reported = detail.townships.filter((township) => township.latest);
  const lead =
    `${at(detail.occurredAt)}，${countyName(detail.county)}发生${kind}灾害（${detail.name}）。` +
    `截至${at(detail.lastReportAt)}，${reported.length}个乡（镇、街道）报送灾情：` +
    `受灾人口${t.affected}人次，紧急转移安置${t.relocated}人次，需紧急生活救助${t.needingAid}人次，` +
    `因灾死亡${t.deaths}人、失踪${t.missing}人；倒塌房屋${t.housesCollapsed}间，严重损坏${t.housesSeverelyDamaged}间，` +
    `一般损坏${t.housesDamaged}间；农作物受灾面积${t.cropsHectares}公顷；直接经济损失${t.directLossWan}万元。`;
  const short = [
    'affected',
    'relocated',
    'needingAid',
    'deaths',
    'missing',
    'housesCollapsed',
    'directLossWan',
  ] as const;
  const header = ['乡（镇、街道）', ...short.map((f) => disasterFieldLabels[f].zh), '阶段'];
  const rowOf = (name: string, figures: DisasterFigures, stage: string) => [
    name,
    ...short.map((f) => figure(figures, f)),
    stage,
  ];
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: header.map((h) => docxCell(h, { bold: true, shade: 'D9D9D9', size: 18 })),
      }),
      ...reported.map(
        (township) =>
          new TableRow({
            children: rowOf(
              township.nameZh,
              township.latest!.figures,
              disasterStageLabels[township.latest!.stage].zh,
            ).map((cell) => docxCell(cell, { size: 18 })),
          }),
      ),
      new TableRow({
        children: rowOf('合计', t, '').map((cell) => docxCell(cell, { bold: true, size: 18 })),
      }),
    ],
  });
  const late = detail.deadlines.filter((d) => d.overdue).length;
  const children = [
    docxParagraph('灾 情 快 报', { bold: true, size: 36, center: true }),
    docxParagraph(`${countyName(detail.county)}应急管理局\u3000\u3000${at(now.toISOString())}`, {
      center: true,
    }),
    new Paragraph({ children: [] }),
    docxParagraph(`${detail.name}（${kind}）`, { bold: true, size: 28 }),
    docxParagraph(lead),
    new Paragraph({ children: [] }),
    table,
    new Paragraph({ children: [] }),
    docxParagraph(
      detail.stabilisedAt
        ? `灾情已于${at(detail.stabilisedAt)}确认稳定，转入核报。`
        : '灾情尚未稳定，按日续报。',
    ),
    ...(late > 0 ? [docxParagraph(`有${late}项报送已超过时限。`)] : []),
    ...(detail.demo ? [docxParagraph('（演示数据）', { bold: true })] : []),
  ];
  return docxBuffer(new Document({ title: `灾情快报 ${detail.name}`, sections: [{ children }] }));
}

/** The disaster list's columns: each event with its current totals. */
export const disasterListColumns: ExportColumn<DisasterEvent>[] = [
  { header: '发生时间', width: 18, value: (e) => cell.dateTime(e.occurredAt) },
  { header: '事件名称', width: 30, value: (e) => e.name },
  { header: '灾种', width: 10, value: (e) => disasterKindLabel(e.kind) },
  { header: '县（市、区）', width: 18, value: (e) => countyName(e.county) },
  { header: '受灾乡镇数', width: 10, value: (e) => e.townshipCount },
  ...disasterFigureFields.map((field): ExportColumn<DisasterEvent> => ({
    header: `${disasterFieldLabels[field].zh}（${disasterFieldLabels[field].unitZh}）`,
    width: 14,
    value: (e) =>
      field === 'cropsHectares' || field === 'directLossWan' ? Number(e.totals[field]) : e.totals[field],
  })),
  { header: '灾情稳定时间', width: 18, value: (e) => cell.dateTime(e.stabilisedAt) },
  { header: '最近报送', width: 18, value: (e) => cell.dateTime(e.lastReportAt) },
  { header: '演示', width: 8, value: (e) => cell.demo(e.demo) },
];
