import {
  checkCreditCode,
  parameterOn,
  type Language,
  type ObligationImportRow,
  type ObligationParameters,
} from '@anjian/domain';
import type { AuthContext } from '../../platform/access.ts';
import type { Queryable } from '../../platform/db.ts';
import { readImportSheet, type SheetRow } from '../../platform/office/index.ts';
import { scopeAllows } from '../../platform/scope-sql.ts';
import type { InsuranceRepository } from './insurance.repository.ts';
import type { ObligationsImportRepository, PolicyImportWrite } from './obligations-import.repository.ts';
import {
  importRowReader,
  inRowSavepoint,
  MAX_OBLIGATION_IMPORT_ROWS,
  reportRow,
  type ImportColumn,
} from './obligations-import.ts';

/**
 * 安责险保单导入: one row per policy, as insurers list them; the enterprise is found by its
 * 统一社会信用代码. A new policy number registers the policy, a registered one of the same
 * enterprise is updated, an unchanged one skipped.
 */
type PolicyKey =
  | 'insurer'
  | 'policyNumber'
  | 'creditCode'
  | 'enterpriseName'
  | 'startsOn'
  | 'endsOn'
  | 'insuredPersons'
  | 'perPersonYuan'
  | 'premiumYuan';

export const policyImportColumns: readonly ImportColumn<PolicyKey>[] = [
  {
    key: 'insurer',
    header: '保险机构',
    en: 'Insurer',
    required: true,
    example: '示例：中国人民财产保险股份有限公司玉溪市分公司',
    width: 30,
    note: '2–80 个字',
  },
  {
    key: 'policyNumber',
    header: '保单号',
    en: 'Policy number',
    required: true,
    example: 'PZAE202653040000000001',
    width: 26,
    asText: true,
    note: '4–60 个字，全市唯一；已登记的保单号更新该保单（须属于同一企业）',
  },
  {
    key: 'creditCode',
    header: '统一社会信用代码',
    en: 'Credit code',
    required: true,
    example: '91530402MA6K000000',
    width: 22,
    asText: true,
    note: '投保企业的 18 位统一社会信用代码，企业须已在企业名录中登记且在本人数据范围内',
  },
  {
    key: 'enterpriseName',
    header: '企业名称',
    en: 'Enterprise',
    required: false,
    example: '红塔区某某化工有限公司',
    width: 30,
    note: '便于核对，不参与匹配',
  },
  {
    key: 'startsOn',
    header: '起保日期',
    en: 'Starts on',
    required: true,
    example: '2026-01-01',
    width: 12,
    note: '如 2026-01-01、2026/1/1 或 Excel 日期',
  },
  {
    key: 'endsOn',
    header: '终保日期',
    en: 'Ends on',
    required: true,
    example: '2026-12-31',
    width: 12,
    note: '不早于起保日期',
  },
  {
    key: 'insuredPersons',
    header: '参保人数',
    en: 'Insured persons',
    required: true,
    example: 120,
    width: 10,
    note: '1–1000000 的整数',
  },
  {
    key: 'perPersonYuan',
    header: '每人限额（元）',
    en: 'Cover per person (yuan)',
    required: true,
    example: 400000,
    width: 16,
    note: '每人死亡伤残责任限额，元，最多两位小数；低于起保日适用的最低标准时照常登记并提示',
  },
  {
    key: 'premiumYuan',
    header: '保费（元）',
    en: 'Premium (yuan)',
    required: true,
    example: 36000,
    width: 14,
    note: '元，最多两位小数',
  },
];

export const policyImportInstructions = [
  '每行一份安全生产责任保险保单。带 * 的列必填；示例行以“示例”开头，导入时跳过。',
  '企业按统一社会信用代码匹配企业名录中已登记的企业（本人数据范围内）；企业名称仅供核对。',
  '新的保单号登记新保单；已登记的保单号按本行更新，内容相同则跳过。',
  '有错误的行不导入，其余行照常导入；结果逐行列出。修正错误行后可再次导入整个文件，已导入的行会被跳过。',
];

export function readPolicyFile(file: Buffer) {
  return readImportSheet(file, policyImportColumns, MAX_OBLIGATION_IMPORT_ROWS);
}

interface PolicyRow {
  row: number;
  creditCode: string;
  values: Omit<PolicyImportWrite, 'enterpriseId' | 'county'>;
}

function readPolicyRow(row: SheetRow<PolicyKey>, language: Language) {
  const r = importRowReader(row, policyImportColumns, language);
  const insurer = r.text('insurer', true, 2, 80);
  const policyNumber = r.text('policyNumber', true, 4, 60);
  const codeText = row.get('creditCode');
  const code = checkCreditCode(codeText);
  if (!codeText) r.fail('统一社会信用代码必填', 'Credit code (统一社会信用代码) is required');
  else if (!code.valid) r.fail(`统一社会信用代码不正确：${codeText}`, `Not a valid credit code: ${codeText}`);
  const startsOn = r.date('startsOn', true);
  const endsOn = r.date('endsOn', true);
  if (startsOn && endsOn && endsOn < startsOn)
    r.fail('终保日期不能早于起保日期', 'The policy cannot end before it starts');
  const insuredPersons = r.number('insuredPersons', true, { min: 1, max: 1_000_000, decimals: 0 });
  const perPersonYuan = r.number('perPersonYuan', true, { min: 0.01, max: 100_000_000, decimals: 2 });
  const premiumYuan = r.number('premiumYuan', true, { min: 0, max: 1_000_000_000, decimals: 2 });
  if (r.problems.length > 0) return { policy: null, problems: r.problems };
  const policy: PolicyRow = {
    row: row.row,
    creditCode: code.normalized,
    values: {
      insurer: insurer!,
      policyNumber: policyNumber!,
      startsOn: startsOn!,
      endsOn: endsOn!,
      insuredPersons: insuredPersons!,
      perPersonYuan: perPersonYuan!,
      premiumYuan: premiumYuan!,
    },
  };
  return { policy, problems: [] };
}

export interface PolicyImportDeps {
  policies: InsuranceRepository;
  imports: ObligationsImportRepository;
  parameters: ObligationParameters;
}

/** Writes the rows of a policies file inside the caller's transaction, one savepoint per row. */
export async function importPolicyRows(
  deps: PolicyImportDeps,
  tx: Queryable,
  auth: AuthContext,
  rows: Awaited<ReturnType<typeof readPolicyFile>>,
  options: { language: Language; now: Date },
): Promise<ObligationImportRow[]> {
  const { language, now } = options;
  const say = (zh: string, en: string) => (language === 'en' ? en : zh);
  const report: ObligationImportRow[] = [];
  const policies: PolicyRow[] = [];
  for (const row of rows) {
    const { policy, problems } = readPolicyRow(row, language);
    if (policy) policies.push(policy);
    else report.push(reportRow(row.row, 'error', row.get('policyNumber'), problems.join(say('；', '; '))));
  }
  const enterprises = await deps.imports.enterprisesByCreditCodes(tx, [
    ...new Set(policies.map((p) => p.creditCode)),
  ]);
  const seen = new Map<string, number>();
  for (const { row, creditCode, values } of policies) {
    const subject = values.policyNumber;
    const refuse = (zh: string, en: string) => report.push(reportRow(row, 'error', subject, say(zh, en)));
    const first = seen.get(values.policyNumber);
    if (first !== undefined) {
      refuse(`保单号与第 ${first} 行重复`, `The policy number repeats row ${first}`);
      continue;
    }
    seen.set(values.policyNumber, row);
    const enterprise = enterprises.get(creditCode);
    if (!enterprise || !scopeAllows(auth.scope, enterprise.county, enterprise.id)) {
      refuse(
        `企业名录中没有该统一社会信用代码的企业，或不在本人数据范围内：${creditCode}`,
        `No enterprise with this credit code in the register within your scope: ${creditCode}`,
      );
      continue;
    }
    const write: PolicyImportWrite = { ...values, enterpriseId: enterprise.id, county: enterprise.county };
    const stored = await deps.imports.policyByNumber(tx, values.policyNumber);
    if (stored && stored.enterpriseId !== enterprise.id) {
      refuse('该保单号已登记在其他企业名下', 'This policy number is registered to another enterprise');
      continue;
    }
    const changed =
      !!stored &&
      (['insurer', 'startsOn', 'endsOn', 'insuredPersons', 'perPersonYuan', 'premiumYuan'] as const).some(
        (k) => stored[k] !== write[k],
      );
    if (stored && !changed) {
      report.push(
        reportRow(row, 'skipped', subject, say('已导入过，内容相同', 'Already imported; nothing changed')),
      );
      continue;
    }
    const written = await inRowSavepoint(tx, async () => {
      if (stored) await deps.imports.updatePolicy(tx, stored.id, write, now);
      else await deps.policies.insert(tx, write, false, now);
    });
    if (!written) {
      refuse(
        '该保单号刚被他人登记，请核对后重新导入',
        'The policy number was just registered by someone else',
      );
      continue;
    }
    const minimum = parameterOn(deps.parameters.insuranceMinPerPersonYuan, values.startsOn);
    const parts = [
      stored
        ? say(`已更新${enterprise.name}的保单`, `Policy of ${enterprise.name} updated`)
        : say(`已登记${enterprise.name}的保单`, `Policy of ${enterprise.name} registered`),
    ];
    if (values.perPersonYuan < minimum)
      parts.push(
        say(
          `每人限额低于起保日适用的最低标准 ${minimum} 元`,
          `cover per person below the minimum of ${minimum} yuan in force on the start date`,
        ),
      );
    report.push(reportRow(row, stored ? 'updated' : 'created', subject, parts.join(say('；', '; '))));
  }
  return report;
}
