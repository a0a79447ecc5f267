import {
  preventionServiceKindNames,
  preventionServiceKinds,
  type Language,
  type ObligationImportRow,
  type PreventionServiceKind,
} from '@anjian/domain';
import { randomUUID } from 'node:crypto';
import type { AuthContext } from '../../platform/access.ts';
import type { Queryable } from '../../platform/db.ts';
import { readImportSheet, type SheetRow } from '../../platform/office/index.ts';
import type { InsuranceRepository } from './insurance.repository.ts';
import {
  importRowReader,
  inRowSavepoint,
  MAX_OBLIGATION_IMPORT_ROWS,
  reportRow,
  type ImportColumn,
} from './obligations-import.ts';
import type { PreventionServicesRepository } from './prevention-services.repository.ts';

/**
 * 事故预防服务导入: one row per visit, as insurers keep their service ledgers; the policy (and
 * through it the enterprise and the insurer) is found by its number. Findings are recorded as
 * text; opening or linking hidden hazards is done on the page, one finding at a time.
 */
type ServiceKey = 'policyNumber' | 'servedOn' | 'kind' | 'costYuan' | 'summary' | 'findings';

const kindList = preventionServiceKinds.map((k) => preventionServiceKindNames[k].zh).join('、');

export const serviceImportColumns: readonly ImportColumn<ServiceKey>[] = [
  {
    key: 'policyNumber',
    header: '保单号',
    en: 'Policy number',
    required: true,
    example: '示例：PZAE202653040000000001',
    width: 26,
    asText: true,
    note: '已登记的安责险保单号，须在本人数据范围内',
  },
  {
    key: 'servedOn',
    header: '服务日期',
    en: 'Date',
    required: true,
    example: '2026-06-18',
    width: 12,
    note: '如 2026-06-18',
  },
  {
    key: 'kind',
    header: '服务类型',
    en: 'Service',
    required: true,
    example: '隐患排查',
    width: 14,
    note: kindList,
  },
  {
    key: 'costYuan',
    header: '费用（元）',
    en: 'Cost (yuan)',
    required: true,
    example: 12000,
    width: 12,
    note: '元，最多两位小数',
  },
  {
    key: 'summary',
    header: '服务情况',
    en: 'Summary',
    required: false,
    example: '井下专项排查',
    width: 30,
    note: '最多 2000 字',
  },
  {
    key: 'findings',
    header: '发现问题',
    en: 'Findings',
    required: false,
    example: '主井提升机制动闸瓦磨损超限',
    width: 40,
    note: '每个问题一行，或以“；”分隔；登记为隐患请在页面上办理',
  },
];

export const serviceImportInstructions = [
  '每行一次保险机构事故预防服务。带 * 的列必填；示例行以“示例”开头，导入时跳过。',
  '保单按保单号匹配已登记的安责险保单，服务企业和保险机构取自保单。',
  '同一保单、同一日期、同一服务类型已登记的行跳过。',
  '有错误的行不导入，其余行照常导入；结果逐行列出。',
];

export function readServiceFile(file: Buffer) {
  return readImportSheet(file, serviceImportColumns, MAX_OBLIGATION_IMPORT_ROWS);
}

const kindByName = new Map<string, PreventionServiceKind>(
  preventionServiceKinds.flatMap((k) => [
    [preventionServiceKindNames[k].zh, k],
    [preventionServiceKindNames[k].en.toLowerCase(), k],
  ]),
);

function readServiceRow(row: SheetRow<ServiceKey>, language: Language) {
  const r = importRowReader(row, serviceImportColumns, language);
  const policyNumber = r.text('policyNumber', true, 4, 60);
  const servedOn = r.date('servedOn', true);
  const kindText = row.get('kind');
  const kind = kindByName.get(kindText) ?? kindByName.get(kindText.toLowerCase());
  if (!kindText) r.fail('服务类型必填', 'Service (服务类型) is required');
  else if (!kind) r.fail(`服务类型应为${kindList}之一：${kindText}`, `Unknown service: ${kindText}`);
  const costYuan = r.number('costYuan', true, { min: 0, max: 100_000_000, decimals: 2 });
  const summary = r.text('summary', false, 1, 2000);
  const findings = row
    .get('findings')
    .split(/[\n；;]/)
    .map((f) => f.trim())
    .filter(Boolean);
  if (findings.some((f) => f.length < 5 || f.length > 2000))
    r.fail('每个问题应为 5–2000 个字', 'Each finding must be 5–2000 characters');
  if (r.problems.length > 0) return { service: null, problems: r.problems };
  return {
    service: {
      policyNumber: policyNumber!,
      servedOn: servedOn!,
      kind: kind!,
      costYuan: costYuan!,
      summary,
      findings,
    },
    problems: [],
  };
}

/** Writes the rows of a services file inside the caller's transaction, one savepoint per row. */
export async function importServiceRows(
  deps: { policies: InsuranceRepository; services: PreventionServicesRepository },
  tx: Queryable,
  auth: AuthContext,
  rows: Awaited<ReturnType<typeof readServiceFile>>,
  options: { language: Language; now: Date },
): Promise<ObligationImportRow[]> {
  const say = (zh: string, en: string) => (options.language === 'en' ? en : zh);
  const report: ObligationImportRow[] = [];
  for (const row of rows) {
    const subject = row.get('policyNumber');
    const { service, problems } = readServiceRow(row, options.language);
    if (!service) {
      report.push(reportRow(row.row, 'error', subject, problems.join(say('；', '; '))));
      continue;
    }
    const policy = await deps.policies.findByNumber(tx, service.policyNumber, auth.scope);
    if (!policy) {
      report.push(
        reportRow(
          row.row,
          'error',
          subject,
          say('保单号未登记或不在本人数据范围内', 'No such policy within your scope'),
        ),
      );
      continue;
    }
    if (await deps.services.exists(tx, policy.id, service.servedOn, service.kind)) {
      report.push(reportRow(row.row, 'skipped', subject, say('已导入过', 'Already imported')));
      continue;
    }
    const written = await inRowSavepoint(tx, () =>
      deps.services
        .insertWithId(
          tx,
          randomUUID(),
          {
            policyId: policy.id,
            enterpriseId: policy.enterpriseId,
            county: policy.county,
            insurer: policy.insurer,
            servedOn: service.servedOn,
            kind: service.kind,
            costYuan: service.costYuan,
            summary: service.summary,
            findings: service.findings.map((description) => ({
              description,
              hazardId: null,
              hazardOpened: false,
            })),
          },
          false,
          options.now,
        )
        .then(() => undefined),
    );
    if (!written) {
      report.push(reportRow(row.row, 'error', subject, say('该行未能保存', 'The row could not be saved')));
      continue;
    }
    report.push(
      reportRow(
        row.row,
        'created',
        subject,
        say(`已登记${policy.enterpriseName}的服务`, `Service at ${policy.enterpriseName} recorded`),
      ),
    );
  }
  return report;
}
