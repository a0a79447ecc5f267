import ExcelJS from 'exceljs';
import { type StatisticsImportKind } from '@anjian/domain';
import { readImportSheet as readSheet, type SheetRow } from '../../platform/office/index.ts';

export const MAX_IMPORT_ROWS = 50_000;

/** One column of an import template: its header (key by header text) and an example value. */
export interface ImportColumn {
  key: string;
  header: string;
  required: boolean;
  example: string | number;
  width: number;
}

export const importColumns: Record<StatisticsImportKind, readonly ImportColumn[]> = {
  accidents: [
    { key: 'occurredAt', header: '发生时间', required: true, example: '2019-05-12 14:30', width: 18 },
    { key: 'county', header: '县（市、区）', required: true, example: '红塔区', width: 14 },
    { key: 'township', header: '乡镇（街道）', required: false, example: '研和街道', width: 14 },
    {
      key: 'enterpriseName',
      header: '事故单位',
      required: false,
      example: '示例：玉溪某某建材有限公司',
      width: 28,
    },
    { key: 'location', header: '发生地点', required: true, example: '红塔区研和街道某某路', width: 28 },
    { key: 'sector', header: '行业领域', required: true, example: '工贸行业', width: 16 },
    { key: 'industryCode', header: '国民经济行业代码', required: false, example: 'C3011', width: 14 },
    { key: 'accidentType', header: '事故类别', required: true, example: '物体打击', width: 14 },
    { key: 'deaths', header: '死亡人数', required: true, example: 1, width: 10 },
    { key: 'missing', header: '下落不明人数', required: false, example: 0, width: 12 },
    { key: 'seriousInjuries', header: '重伤人数', required: false, example: 0, width: 10 },
    { key: 'lossWan', header: '直接经济损失（万元）', required: false, example: 85.5, width: 18 },
  ],
  denominators: [
    { key: 'year', header: '年份', required: true, example: 2020, width: 8 },
    { key: 'county', header: '县（市、区）', required: true, example: '红塔区', width: 16 },
    { key: 'gdpYi', header: '地区生产总值（亿元）', required: false, example: 812.3, width: 20 },
    { key: 'workers', header: '工矿商贸就业人员（人）', required: false, example: 98000, width: 22 },
  ],
  'control-numbers': [
    { key: 'year', header: '年份', required: true, example: 2025, width: 8 },
    { key: 'county', header: '县（市、区）', required: true, example: '红塔区', width: 16 },
    { key: 'deaths', header: '死亡人数控制指标（人）', required: true, example: 12, width: 22 },
  ],
};

const instructions: Record<StatisticsImportKind, readonly string[]> = {
  accidents: [
    '每行一起生产安全事故（2016 年以来的历史事故）。带 * 的列必填；示例行以“示例”开头，导入时跳过。',
    '发生时间为北京时间，格式 2019-05-12 14:30；年份须在 2016 年至今年之间。',
    '县（市、区）填名称（如 红塔区）或代码（如 530402）。',
    '行业领域填：煤矿、金属非金属矿山、化工和危险化学品、烟花爆竹、建筑业、工贸行业、工矿商贸其他、道路运输、水上交通、铁路运输、民航飞行、农业机械、渔业船舶、火灾、其他。',
    '事故类别填 GB 6441 的名称或代码：2026-07-01 以前发生的按 GB 6441-1986，此后按 GB 6441-2025。',
    '人数为非负整数；直接经济损失以万元计（如 85.5 表示 85.5 万元），不要填元。',
    '同一发生时间、县区、地点和事故单位视为同一起事故，重复行不会导入。',
    '有任何错误行时默认不导入任何数据；可选择“仅导入正确的行”。',
  ],
  denominators: [
    '每行一个县（市、区）一年的分母数据；县区填“玉溪市”或 530400 表示全市公布的合计数。',
    '地区生产总值以亿元计（现价），如 812.3；不要填万元或元。',
    '工矿商贸就业人员以人计（整数），如 98000；不要填万人。',
    '年份须在 2016 年至今年之间；同一年同一县区重复导入时以新值覆盖。',
  ],
  'control-numbers': [
    '每行一个县（市、区）一年的省下达年度控制考核指标（死亡人数，人）。',
    '年份须在 2016 年至明年之间；同一年同一县区重复导入时以新值覆盖。',
  ],
};

const sheetNames: Record<StatisticsImportKind, string> = {
  accidents: '历史事故',
  denominators: '分母数据',
  'control-numbers': '控制考核指标',
};

export async function buildImportTemplate(kind: StatisticsImportKind): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetNames[kind]);
  const columns = importColumns[kind];
  sheet.columns = columns.map((c) => ({
    header: c.required ? `${c.header}*` : c.header,
    key: c.key,
    width: c.width,
  }));
  sheet.getRow(1).font = { bold: true };
  const example = Object.fromEntries(columns.map((c) => [c.key, c.example]));
  if (kind !== 'accidents') example.county = '示例：红塔区';
  sheet.addRow(example);
  const notes = workbook.addWorksheet('填写说明');
  notes.getColumn(1).width = 120;
  instructions[kind].forEach((line) => notes.addRow([line]));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export type { SheetRow } from '../../platform/office/index.ts';

/** The first sheet's rows by column key (headers matched with or without *), example rows skipped. */
export function readImportSheet(file: Buffer, kind: StatisticsImportKind): Promise<SheetRow[]> {
  return readSheet(file, importColumns[kind], MAX_IMPORT_ROWS);
}
