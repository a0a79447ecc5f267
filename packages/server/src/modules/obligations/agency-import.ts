import {
  agencyFieldNames,
  agencyFields,
  agencyQualificationNames,
  agencyQualifications,
  checkCreditCode,
  defaultAgencyValidUntil,
  type AgencyField,
  type AgencyQualification,
  type Language,
  type ObligationImportRow,
  type ObligationParameters,
} from '@anjian/domain';
import type { Queryable } from '../../platform/db.ts';
import { readImportSheet, type SheetRow } from '../../platform/office/index.ts';
import type { AgenciesRepository } from './agencies.repository.ts';
import {
  importRowReader,
  inRowSavepoint,
  MAX_OBLIGATION_IMPORT_ROWS,
  reportRow,
  type ImportColumn,
} from './obligations-import.ts';
import type { AgencyImportWrite, RegisterImportRepository } from './register-import.repository.ts';

/**
 * 安全评价检测检验机构导入: one agency per row, as the province's qualification list gives them. The
 * key is the agency's 统一社会信用代码: a registered agency is updated from the row (its
 * qualification renewed, its scope changed) or skipped when nothing changed. The register is
 * city-wide, like the agencies page.
 */
type AgencyKey =
  | 'name'
  | 'creditCode'
  | 'qualification'
  | 'qualificationNumber'
  | 'fields'
  | 'authority'
  | 'validFrom'
  | 'validUntil';

const fieldList = agencyFields.map((f) => agencyFieldNames[f].zh).join('；');

export const agencyImportColumns: readonly ImportColumn<AgencyKey>[] = [
  {
    key: 'name',
    header: '机构名称',
    en: 'Agency',
    required: true,
    example: '示例：云南某某安全评价有限公司',
    width: 30,
    note: '2–120 个字',
  },
  {
    key: 'creditCode',
    header: '统一社会信用代码',
    en: 'Credit code',
    required: true,
    example: '91530100MA6K000000',
    width: 22,
    asText: true,
    note: '机构的 18 位统一社会信用代码（校验 GB 32100）；已登记的机构按本行更新',
  },
  {
    key: 'qualification',
    header: '资质类型',
    en: 'Qualification',
    required: true,
    example: '安全评价',
    width: 16,
    note: '安全评价或安全生产检测检验（也可填 检测检验）',
  },
  {
    key: 'qualificationNumber',
    header: '资质证书编号',
    en: 'Qualification number',
    required: true,
    example: 'APJ-（滇）-001',
    width: 20,
    asText: true,
    note: '2–60 个字，不能与其他机构重复',
  },
  {
    key: 'fields',
    header: '业务范围',
    en: 'Scope',
    required: true,
    example: '矿山、金属冶炼',
    width: 36,
    note: `以下领域中的一个或多个，用顿号、逗号或分号隔开：${fieldList}（“危险物品”也可）`,
  },
  {
    key: 'authority',
    header: '资质认可机关',
    en: 'Approving authority',
    required: true,
    example: '云南省应急管理厅',
    width: 20,
    note: '2–80 个字',
  },
  {
    key: 'validFrom',
    header: '有效期起',
    en: 'Valid from',
    required: true,
    example: '2024-03-01',
    width: 12,
    note: '如 2024-03-01、2024/3/1 或 Excel 日期',
  },
  {
    key: 'validUntil',
    header: '有效期至',
    en: 'Valid until',
    required: false,
    example: '',
    width: 12,
    note: '不早于有效期起；不填按参数推算（资质证书有效期 5 年，应急管理部令第1号）',
  },
];

export const agencyImportInstructions = [
  '每行一家安全评价或检测检验机构。带 * 的列必填；示例行以“示例”开头，导入时跳过。',
  '按统一社会信用代码匹配已登记的机构：已登记的按本行更新，内容相同则跳过，因此同一文件可以重复导入。',
  '机构的评价师、技术人员和出具的报告在“技术服务机构”页登记。',
];

export function readAgencyFile(file: Buffer) {
  return readImportSheet(file, agencyImportColumns, MAX_OBLIGATION_IMPORT_ROWS);
}

const fieldWords = [
  ...agencyFields.map((f): [string, AgencyField] => [agencyFieldNames[f].zh, f]),
  ['危险物品', 'dangerous_goods'] as [string, AgencyField],
].sort(([a], [b]) => b.length - a.length);

/** The fields a scope text names (longest names first, so 矿山井下特种设备 is not read as 矿山). */
export function agencyFieldsOf(text: string): { fields: AgencyField[]; rest: string } {
  let rest = text;
  const fields = new Set<AgencyField>();
  for (const [word, field] of fieldWords)
    if (rest.includes(word)) {
      rest = rest.split(word).join(' ');
      fields.add(field);
    }
  return { fields: agencyFields.filter((f) => fields.has(f)), rest: rest.replace(/[、,，;；\s]+/g, '') };
}

const qualificationOf = (text: string): AgencyQualification | null =>
  agencyQualifications.find((q) => agencyQualificationNames[q].zh === text || q === text) ??
  (text === '检测检验' ? 'testing_inspection' : null);

function readAgencyRow(row: SheetRow<AgencyKey>, language: Language, parameters: ObligationParameters) {
  const r = importRowReader(row, agencyImportColumns, language);
  const name = r.text('name', true, 2, 120);
  const codeText = row.get('creditCode');
  const code = checkCreditCode(codeText);
  if (!codeText) r.fail('统一社会信用代码必填', 'Credit code (统一社会信用代码) is required');
  else if (!code.valid) r.fail(`统一社会信用代码不正确：${codeText}`, `Not a valid credit code: ${codeText}`);
  const qualificationText = r.text('qualification', true, 1, 20);
  const qualification = qualificationText ? qualificationOf(qualificationText) : null;
  if (qualificationText && !qualification)
    r.fail(
      `资质类型应为安全评价或安全生产检测检验：${qualificationText}`,
      `Qualification must be safety assessment or testing and inspection: ${qualificationText}`,
    );
  const qualificationNumber = r.text('qualificationNumber', true, 2, 60);
  const fieldsText = r.text('fields', true, 1, 200);
  const scope = fieldsText ? agencyFieldsOf(fieldsText) : null;
  if (scope && (scope.rest || scope.fields.length === 0))
    r.fail(
      `业务范围只能是 ${fieldList}：${fieldsText}`,
      `The scope may only name mines, metal smelting, dangerous goods or mine underground special equipment: ${fieldsText}`,
    );
  const authority = r.text('authority', true, 2, 80);
  const validFrom = r.date('validFrom', true);
  const validUntilGiven = r.date('validUntil', false);
  if (validFrom && validUntilGiven && validUntilGiven < validFrom)
    r.fail('有效期至不能早于有效期起', 'The qualification cannot end before it starts');
  if (r.problems.length > 0) return { agency: null, problems: r.problems };
  const agency: AgencyImportWrite & { row: number } = {
    row: row.row,
    name: name!,
    creditCode: code.normalized,
    qualification: qualification!,
    qualificationNumber: qualificationNumber!,
    fields: scope!.fields,
    authority: authority!,
    validFrom: validFrom!,
    validUntil: validUntilGiven ?? defaultAgencyValidUntil(validFrom!, parameters),
  };
  return { agency, problems: [] };
}

export interface AgencyImportDeps {
  agencies: AgenciesRepository;
  registerImports: RegisterImportRepository;
  parameters: ObligationParameters;
}

const sameAgency = (a: AgencyImportWrite, b: AgencyImportWrite) =>
  (['name', 'qualification', 'qualificationNumber', 'authority', 'validFrom', 'validUntil'] as const).every(
    (k) => a[k] === b[k],
  ) && a.fields.join() === b.fields.join();

/** Writes the rows of an agencies file inside the caller's transaction, a savepoint per row. */
export async function importAgencyRows(
  deps: AgencyImportDeps,
  tx: Queryable,
  rows: Awaited<ReturnType<typeof readAgencyFile>>,
  options: { language: Language; now: Date },
): Promise<ObligationImportRow[]> {
  const { language, now } = options;
  const say = (zh: string, en: string) => (language === 'en' ? en : zh);
  const report: ObligationImportRow[] = [];
  const seenCodes = new Map<string, number>();
  const seenNumbers = new Map<string, number>();
  for (const sheetRow of rows) {
    const { agency, problems } = readAgencyRow(sheetRow, language, deps.parameters);
    const subject = sheetRow.get('name');
    const refuse = (text: string) => report.push(reportRow(sheetRow.row, 'error', subject, text));
    if (!agency) {
      refuse(problems.join(say('；', '; ')));
      continue;
    }
    const { row, ...write } = agency;
    const repeated = seenCodes.get(write.creditCode) ?? seenNumbers.get(write.qualificationNumber);
    if (repeated !== undefined) {
      refuse(
        say(
          `与第 ${repeated} 行是同一机构或同一资质证书`,
          `The same agency or qualification as row ${repeated}`,
        ),
      );
      continue;
    }
    seenCodes.set(write.creditCode, row);
    seenNumbers.set(write.qualificationNumber, row);
    const holder = await deps.registerImports.agencyWithQualification(tx, write.qualificationNumber);
    if (holder && holder !== write.creditCode) {
      refuse(
        say(
          '该资质证书编号已登记在其他机构名下',
          'This qualification number is registered to another agency',
        ),
      );
      continue;
    }
    const stored = await deps.registerImports.agencyByCreditCode(tx, write.creditCode);
    if (stored && sameAgency(stored, write)) {
      report.push(
        reportRow(row, 'skipped', subject, say('已导入过，内容相同', 'Already imported; nothing changed')),
      );
      continue;
    }
    const written = await inRowSavepoint(tx, async () => {
      if (stored) await deps.registerImports.updateAgency(tx, stored.id, write, now);
      else await deps.agencies.insertAgency(tx, write, false, now);
    });
    if (!written) {
      refuse(say('该机构刚被他人登记，请核对后重新导入', 'The agency was just registered by someone else'));
      continue;
    }
    const created = say(
      `已登记，资质有效期至 ${write.validUntil}`,
      `Registered; qualified until ${write.validUntil}`,
    );
    const updated = say(
      `已更新，资质有效期至 ${write.validUntil}`,
      `Updated; qualified until ${write.validUntil}`,
    );
    report.push(reportRow(row, stored ? 'updated' : 'created', subject, stored ? updated : created));
  }
  return report;
}
