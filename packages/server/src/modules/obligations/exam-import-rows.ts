import {
  isIdNumber,
  specialOperationNames,
  specialOperations,
  type CertificateKind,
  type Language,
  type SpecialOperation,
} from '@anjian/domain';
import type { SheetRow } from '../../platform/office/index.ts';
import { importRowReader, type ImportColumn } from './obligations-import.ts';

/**
 * 培训考试成绩导入: the columns of the template, shaped like the provincial exam platform's export
 * (one row per exam taken), and reading one row. The platform's own header names are not
 * confirmed; the template is ours and its headers are what the reader looks for.
 */
export type ExamKey =
  | 'name'
  | 'idNumber'
  | 'category'
  | 'operation'
  | 'institution'
  | 'hours'
  | 'examDate'
  | 'score'
  | 'result'
  | 'certificateNumber'
  | 'authority'
  | 'issuedOn'
  | 'expiresOn';

export const examImportColumns: readonly ImportColumn<ExamKey>[] = [
  {
    key: 'name',
    header: '姓名',
    en: 'Name',
    required: true,
    example: '示例：李焊工',
    width: 12,
    note: '与“三项岗位人员”中登记的姓名一致',
  },
  {
    key: 'idNumber',
    header: '身份证号',
    en: 'ID number',
    required: true,
    example: '530402198001010011',
    width: 22,
    asText: true,
    note: '18 位居民身份证号；按此号码找到已登记的人员（须先登记人员）',
  },
  {
    key: 'category',
    header: '考试类别',
    en: 'Exam category',
    required: true,
    example: '特种作业人员',
    width: 20,
    note: '主要负责人、安全生产管理人员或特种作业人员；含这些字样的类别名称也可，如“危险化学品生产单位主要负责人”',
  },
  {
    key: 'operation',
    header: '作业类别',
    en: 'Operation',
    required: false,
    example: '焊接与热切割作业',
    width: 20,
    note: '特种作业人员必填：11 个作业类别之一，或含类别名称的操作项目，如“熔化焊接与热切割作业”“低压电工作业”',
  },
  {
    key: 'institution',
    header: '培训机构',
    en: 'Training institution',
    required: true,
    example: '玉溪市安全生产培训中心',
    width: 24,
    note: '2–120 个字',
  },
  {
    key: 'hours',
    header: '培训学时',
    en: 'Training hours',
    required: true,
    example: 48,
    width: 10,
    note: '1–400 的整数',
  },
  {
    key: 'examDate',
    header: '考试日期',
    en: 'Exam date',
    required: true,
    example: '2026-10-15',
    width: 12,
    note: '如 2026-10-15、2026/10/15 或 Excel 日期',
  },
  {
    key: 'score',
    header: '成绩',
    en: 'Score',
    required: false,
    example: 86,
    width: 8,
    note: '0–100，可带一位小数',
  },
  {
    key: 'result',
    header: '是否合格',
    en: 'Passed',
    required: true,
    example: '合格',
    width: 10,
    note: '合格或不合格（也可填 是/否、通过/未通过；缺考按不合格）',
  },
  {
    key: 'certificateNumber',
    header: '证书编号',
    en: 'Certificate number',
    required: false,
    example: 'T530402198001010011',
    width: 22,
    asText: true,
    note: '合格并已发证时填写：新编号登记新证书，已登记的编号更新该证书（须属于同一人员）',
  },
  {
    key: 'authority',
    header: '发证机关',
    en: 'Issuing authority',
    required: false,
    example: '玉溪市应急管理局',
    width: 20,
    note: '登记新证书时必填；更新已登记的证书时不填则不变',
  },
  {
    key: 'issuedOn',
    header: '发证日期',
    en: 'Issued on',
    required: false,
    example: '2026-10-20',
    width: 12,
    note: '新证书不填按考试日期；更新已登记的证书时不填则不变',
  },
  {
    key: 'expiresOn',
    header: '有效期至',
    en: 'Valid until',
    required: false,
    example: '',
    width: 12,
    note: '不填按参数推算：特种作业操作证 6 年、每 3 年复审；主要负责人和安全生产管理人员考核合格证 3 年',
  },
];

export const examImportInstructions = [
  '每行一次考试（省考试平台导出的考试成绩，或按本模板填写）。带 * 的列必填；示例行以“示例”开头，导入时跳过。',
  '人员按身份证号匹配已登记的三项岗位人员（本人数据范围内），姓名须一致；未登记的人员请先在“三项岗位人员”中新增。',
  '每行登记一条培训考试记录；同一人员、同一考试类别、同一考试日期再次导入时更新该记录，内容相同则跳过。',
  '考试合格且填写证书编号时，登记或更新该人员的证书；不合格的考试不能填写证书编号。',
  '有错误的行不导入，其余行照常导入；结果逐行列出。修正错误行后可再次导入整个文件，已导入的行会被跳过。',
];

/** The exam as the row states it, before the person is looked up. */
export interface ExamRow {
  row: number;
  name: string;
  idNumber: string;
  kind: CertificateKind;
  operation: SpecialOperation | null;
  institution: string;
  hours: number;
  examDate: string;
  score: number | null;
  passed: boolean;
  certificate: {
    number: string;
    authority: string | null;
    issuedOn: string | null;
    expiresOn: string | null;
  } | null;
}

/** The category from the platform's wording: the three key posts, found by their names. */
export function examKindOf(text: string): CertificateKind | null {
  if (text.includes('主要负责人') || text === 'principal') return 'principal';
  if (/安全(生产)?管理人员/.test(text) || text === 'safety_manager') return 'safety_manager';
  if (text.includes('特种作业') || text === 'special_operation') return 'special_operation';
  return null;
}

/** One of the 11 categories, by its name, its code, or an operation item naming it (低压电工作业). */
export function examOperationOf(input: string): SpecialOperation | null {
  const text = input.replace(/\(/g, '（').replace(/\)/g, '）');
  const exact = specialOperations.find((op) => op === text || specialOperationNames[op].zh === text);
  if (exact) return exact;
  const named = specialOperations.filter(
    (op) => op !== 'other' && text.includes(specialOperationNames[op].zh.replace(/作业$/, '')),
  );
  return named.length === 1 ? named[0]! : null;
}

const PASSED = new Set(['合格', '是', '通过', '已通过', 'Y', 'YES', 'PASS', 'PASSED', 'TRUE']);
const FAILED = new Set(['不合格', '否', '未通过', '不通过', '缺考', 'N', 'NO', 'FAIL', 'FAILED', 'FALSE']);

/** Reads one row; `problems` lists every bad cell (then `exam` is null). */
export function readExamRow(
  row: SheetRow<ExamKey>,
  language: Language,
): { exam: ExamRow | null; problems: string[] } {
  const r = importRowReader(row, examImportColumns, language);
  const name = r.text('name', true, 2, 40);
  const idText = row.get('idNumber').replace(/\s/g, '').toUpperCase();
  if (!idText) r.fail('身份证号必填', 'ID number (身份证号) is required');
  else if (!isIdNumber(idText))
    r.fail(
      `身份证号格式或校验位不正确：${idText}`,
      `The ID number is malformed or its check digit is wrong: ${idText}`,
    );
  const categoryText = row.get('category');
  const kind = examKindOf(categoryText);
  if (!categoryText) r.fail('考试类别必填', 'Exam category (考试类别) is required');
  else if (!kind)
    r.fail(
      `考试类别应为主要负责人、安全生产管理人员或特种作业人员：${categoryText}`,
      `The exam category must name the principal, safety manager or special operation: ${categoryText}`,
    );
  const operationText = row.get('operation');
  const operation = operationText ? examOperationOf(operationText) : null;
  if (kind === 'special_operation' && !operationText)
    r.fail('特种作业人员须填写作业类别', 'A special-operation exam needs its operation (作业类别)');
  else if (kind === 'special_operation' && !operation)
    r.fail(`未知的作业类别：${operationText}`, `Unknown operation category: ${operationText}`);
  const institution = r.text('institution', true, 2, 120);
  const hours = r.number('hours', true, { min: 1, max: 400, decimals: 0 });
  const examDate = r.date('examDate', true);
  const score = r.number('score', false, { min: 0, max: 100, decimals: 1 });
  const resultText = row.get('result').toUpperCase();
  const passed = PASSED.has(resultText) ? true : FAILED.has(resultText) ? false : null;
  if (!resultText) r.fail('是否合格必填', 'Passed (是否合格) is required');
  else if (passed === null)
    r.fail(
      `是否合格应填“合格”或“不合格”：${row.get('result')}`,
      `Passed must read 合格 or 不合格: ${row.get('result')}`,
    );
  const number = r.text('certificateNumber', false, 4, 40);
  const authority = r.text('authority', false, 2, 80);
  const issuedOn = r.date('issuedOn', false);
  const expiresOn = r.date('expiresOn', false);
  if (number && passed === false)
    r.fail('不合格的考试不能登记证书编号', 'A failed exam cannot carry a certificate number');
  if (issuedOn && expiresOn && expiresOn < issuedOn)
    r.fail('有效期至不能早于发证日期', 'The validity cannot end before the issue date');
  if (r.problems.length > 0 || !kind || passed === null) return { exam: null, problems: r.problems };
  return {
    exam: {
      row: row.row,
      name: name!,
      idNumber: idText,
      kind,
      operation: kind === 'special_operation' ? operation : null,
      institution: institution!,
      hours: hours!,
      examDate: examDate!,
      score,
      passed,
      certificate: number ? { number, authority, issuedOn, expiresOn } : null,
    },
    problems: [],
  };
}

/** The course a row is stored under: the same exam imported again finds its record by it. */
export function examCourse(kind: CertificateKind, operation: SpecialOperation | null): string {
  if (kind === 'principal') return '主要负责人安全生产知识和管理能力考核';
  if (kind === 'safety_manager') return '安全生产管理人员安全生产知识和管理能力考核';
  return `特种作业操作资格考试（${specialOperationNames[operation ?? 'other'].zh}）`;
}
