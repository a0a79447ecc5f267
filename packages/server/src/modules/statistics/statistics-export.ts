import ExcelJS from 'exceljs';
import { describeYearOnYear, type MonthlyReport, type ReportRow, type YearOnYear } from '@anjian/domain';
import { safeCell } from '../../platform/office/index.ts';

const measures = [
  ['accidents', '起数'],
  ['deaths', '死亡（含下落不明）'],
  ['seriousInjuries', '重伤'],
  ['lossWan', '直接经济损失（万元）'],
] as const;

const rate = (y: YearOnYear) =>
  y.kind === 'net_increase' || y.kind === 'flat'
    ? describeYearOnYear(y, 'zh-CN')
    : `${y.ratePercent!.toFixed(2)}%`;

function addSheet(
  workbook: ExcelJS.Workbook,
  title: string,
  heading: string,
  first: string,
  rows: ReportRow[],
  month: number,
) {
  const sheet = workbook.addWorksheet(title);
  sheet.addRow([heading]).font = { bold: true, size: 14 };
  const top = [first];
  const second = [''];
  for (const [, name] of measures) {
    top.push(name, '', '', '', '', '', '');
    second.push('本月', '上年同月', `1–${month}月累计`, '上年同期', '增减数', '增减率', '');
  }
  sheet.addRow(top).font = { bold: true };
  sheet.addRow(second).font = { bold: true };
  for (const r of rows) {
    const cells: (string | number | null)[] = [safeCell(r.labelZh)];
    for (const [key] of measures) {
      const y = r.cumulativeYoy[key];
      cells.push(
        r.month[key],
        r.monthYoy[key].previous,
        r.cumulative[key],
        y.previous,
        y.change,
        rate(y),
        null,
      );
    }
    sheet.addRow(cells);
  }
  sheet.getColumn(1).width = 22;
}

/** The monthly 生产安全事故统计报表 as a workbook: one sheet per breakdown, the published columns. */
export async function monthlyReportWorkbook(report: MonthlyReport, areaName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const heading = `${areaName}生产安全事故统计报表（${report.year}年${report.month}月）${report.includesDemo ? '（含演示数据）' : ''}`;
  addSheet(workbook, '按行业领域', heading, '行业领域', report.bySector, report.month);
  addSheet(workbook, '按县区', heading, '县（市、区）', report.byCounty, report.month);
  addSheet(workbook, '按事故类别', heading, '事故类别', report.byType, report.month);
  addSheet(workbook, '按事故等级', heading, '事故等级', report.byClass, report.month);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
