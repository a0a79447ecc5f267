import ExcelJS from 'exceljs';
import type { Readable } from 'node:stream';
import {
  yuxiCounties,
  type Enterprise,
  type EnterpriseInput,
  type FieldProblem,
  type Language,
} from '@anjian/domain';
import { DomainError, enterpriseInputSchema } from '@anjian/domain';
import { streamWorkbook, styleHeader, type SheetColumn } from '../../../platform/office/index.ts';
import { fieldProblems } from '../../../platform/http-errors.ts';
import {
  enterpriseColumns,
  scaleLabels,
  statusLabels,
  townshipCodeOf,
  type Dictionaries,
} from './enterprise-columns.ts';

export const MAX_IMPORT_ROWS = 50_000;

export async function buildTemplate(dictionaries: Dictionaries): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('企业信息');
  sheet.columns = enterpriseColumns.map((c) => ({
    header: c.required ? `${c.header}*` : c.header,
    key: c.key,
    width: c.width,
  }));
  styleHeader(sheet.getRow(1));
  sheet.addRow({
    name: '示例：玉溪某某化工有限公司（导入前请删除本行）',
    creditCode: '91530402MA6K00014R',
    county: '红塔区',
    township: '研和街道',
    address: '玉溪市红塔区研和街道某某路1号',
    lon: 102.55,
    lat: 24.3,
    industryCode: 'C2614',
    sectors: '危险化学品生产、危险化学品储存',
    scale: '中型',
    employees: 120,
    legalName: '张三',
    legalPhone: '13800000000',
    status: '在营',
    department: '应急管理局',
  });
  const lists = workbook.addWorksheet('选项', { state: 'veryHidden' });
  enterpriseColumns.forEach((column, index) => {
    const choices = column.choices?.(dictionaries);
    if (!choices) return;
    const letter = String.fromCharCode(65 + (index % 26));
    choices.forEach((choice, row) => (lists.getCell(`${letter}${row + 1}`).value = choice));
    const columnLetter = sheet.getColumn(index + 1).letter;
    for (let row = 2; row <= 1000; row++) {
      sheet.getCell(`${columnLetter}${row}`).dataValidation = {
        type: 'list',
        // Multi-value columns (sectors) accept other text too: several names joined by 、.
        allowBlank: true,
        showErrorMessage: column.key !== 'sectors',
        formulae: [`'选项'!$${letter}$1:$${letter}$${choices.length}`],
      };
    }
  });
  const notes = workbook.addWorksheet('填写说明');
  [
    '带 * 的列必填。统一社会信用代码为 18 位，按 GB 32100 校验。',
    '所属县（市、区）填名称（如 江川区）或代码（如 530403）；乡镇（街道）须属于该县区。',
    '经纬度为 WGS-84 / CGCS2000 坐标（天地图坐标系）。',
    '监管行业可填多个，用顿号“、”分隔。',
    '按统一社会信用代码识别：已登记的企业将被更新，不会重复创建。',
  ].forEach((line) => notes.addRow([line]));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export interface ParsedRow {
  row: number;
  input: EnterpriseInput | null;
  errors: FieldProblem[];
}

function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if ('richText' in value)
      return value.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('text' in value) return String(value.text).trim();
    if ('result' in value) return String(value.result ?? '').trim();
    if (value instanceof Date) return value.toISOString().slice(0, 10);
  }
  return String(value).trim();
}

function byName<T extends string>(labels: Record<T, string>, text: string): T | undefined {
  return (Object.entries(labels) as [T, string][]).find(([, name]) => name === text)?.[0];
}

/**
 * Reads an uploaded workbook: the first sheet, headers in row 1 (with or without *), one
 * enterprise per row. Returns each row's input or the problems found, with Excel row numbers.
 */
export async function parseImport(
  file: Buffer,
  dictionaries: Dictionaries,
  language: Language = 'zh-CN',
): Promise<ParsedRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw new DomainError('import.file_invalid');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new DomainError('import.file_invalid');
  if (sheet.rowCount > MAX_IMPORT_ROWS + 1) throw new DomainError('import.too_many_rows');
  const headerIndex = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    const header = cellText(cell).replace(/\*$/, '');
    const column = enterpriseColumns.find((c) => c.header === header);
    if (column) headerIndex.set(column.key, col);
  });
  if (enterpriseColumns.some((c) => c.required && !headerIndex.has(c.key)))
    throw new DomainError('import.missing_columns');

  const rows: ParsedRow[] = [];
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const get = (key: string) => {
      const col = headerIndex.get(key);
      return col ? cellText(row.getCell(col)) : '';
    };
    if (enterpriseColumns.every((c) => get(c.key) === '')) return;
    if (get('name').startsWith('示例')) return;
    rows.push(parseRow(rowNumber, get, dictionaries, language));
  });
  return rows;
}

function parseRow(
  row: number,
  get: (key: string) => string,
  dictionaries: Dictionaries,
  language: Language,
): ParsedRow {
  const errors: FieldProblem[] = [];
  const problem = (path: string, zh: string, en: string) =>
    errors.push({ path, code: 'invalid', message: language === 'en' ? en : zh });
  // The cell as typed, shortened: a report line is not the place for 10,000 characters.
  const cell = (key: string) => (get(key).length > 40 ? `${get(key).slice(0, 40)}…` : get(key));
  const countyText = get('county');
  const county = yuxiCounties.find((c) => c.nameZh === countyText || c.code === countyText)?.code;
  if (countyText && !county)
    problem(
      'county',
      `不是玉溪市的县（市、区）：${cell('county')}`,
      `Not a county of Yuxi: ${cell('county')}`,
    );
  const townshipText = get('township');
  const township = townshipText && county ? townshipCodeOf(county, townshipText) : undefined;
  if (townshipText && county && !township)
    problem(
      'township',
      `不是该县区的乡镇（街道）：${cell('township')}`,
      `Not a township of that county: ${cell('township')}`,
    );
  const sectorNames = get('sectors')
    ? get('sectors')
        .split(/[、,，;；]/)
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
  const sectors = sectorNames.map((name) => {
    const code = dictionaries.sector.find((s) => s.nameZh === name || s.code === name)?.code;
    if (!code)
      problem(
        'sectors',
        `未知的监管行业：${name.slice(0, 40)}`,
        `Unknown regulatory sector: ${name.slice(0, 40)}`,
      );
    return code ?? name;
  });
  const departmentText = get('department');
  const department = departmentText
    ? dictionaries.department.find((d) => d.nameZh === departmentText || d.code === departmentText)?.code
    : undefined;
  if (departmentText && !department)
    problem(
      'department',
      `未知的行业主管部门：${cell('department')}`,
      `Unknown supervising department: ${cell('department')}`,
    );
  const number = (key: string) => (get(key) === '' ? undefined : Number(get(key)));
  const contact = (nameKey: string, phoneKey: string) =>
    get(nameKey) ? { name: get(nameKey), ...(get(phoneKey) ? { phone: get(phoneKey) } : {}) } : undefined;
  const lon = number('lon');
  const lat = number('lat');
  const scaleText = get('scale');
  const statusText = get('status');
  const scale = scaleText ? byName(scaleLabels, scaleText) : undefined;
  if (scaleText && !scale)
    problem(
      'scale',
      `企业规模应为 大型/中型/小型/微型：${cell('scale')}`,
      `Scale must be 大型/中型/小型/微型 (large/medium/small/micro): ${cell('scale')}`,
    );
  const status = statusText ? byName(statusLabels, statusText) : undefined;
  if (statusText && !status)
    problem(
      'status',
      `经营状态应为 在营/停产停业/关闭：${cell('status')}`,
      `Status must be 在营/停产停业/关闭 (operating/suspended/closed): ${cell('status')}`,
    );

  const candidate = {
    name: get('name'),
    creditCode: get('creditCode'),
    county: county ?? countyText,
    ...(township ? { township } : {}),
    ...(get('address') ? { address: get('address') } : {}),
    ...(lon !== undefined || lat !== undefined ? { location: { lon, lat } } : {}),
    ...(get('industryCode') ? { industryCode: get('industryCode') } : {}),
    sectors,
    ...(scale ? { scale } : {}),
    ...(number('employees') !== undefined ? { employees: number('employees') } : {}),
    ...(contact('legalName', 'legalPhone')
      ? { legalRepresentative: contact('legalName', 'legalPhone') }
      : {}),
    ...(contact('principalName', 'principalPhone')
      ? { principal: contact('principalName', 'principalPhone') }
      : {}),
    ...(contact('safetyName', 'safetyPhone') ? { safetyManager: contact('safetyName', 'safetyPhone') } : {}),
    ...(status ? { status } : {}),
    ...(department ? { responsibleDepartment: department } : {}),
  };
  const parsed = enterpriseInputSchema.safeParse(candidate);
  if (!parsed.success) {
    const known = new Set(errors.map((e) => e.path));
    for (const issue of fieldProblems(parsed.error.issues, language)) {
      const path = issue.path.split('.')[0] ?? '';
      if (!known.has(path)) errors.push({ ...issue, path });
    }
  }
  return { row, input: errors.length === 0 && parsed.success ? parsed.data : null, errors };
}

/** The export's columns: the import's layout, dictionary labels not codes, and the 演示 mark. */
function exportColumns(dictionaries: Dictionaries): SheetColumn<Enterprise>[] {
  return [
    ...enterpriseColumns.map((c) => ({
      header: c.header,
      width: c.width,
      value: (e: Enterprise) => c.exportValue(e, dictionaries),
    })),
    { header: '数据来源', width: 10, value: (e) => (e.demo ? '演示' : '') },
  ];
}

/** The filtered list as a streamed workbook, one batch at a time. */
export function streamExport(batches: AsyncIterable<Enterprise[]>, dictionaries: Dictionaries): Readable {
  return streamWorkbook('企业信息', exportColumns(dictionaries), batches);
}
