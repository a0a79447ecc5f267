import {
  chinaDate,
  checkClaimStep,
  claimStatuses,
  claimStatusNames,
  policyInForceOn,
  type ClaimStatus,
  type Language,
  type ObligationImportRow,
} from '@anjian/domain';
import type { AuthContext } from '../../platform/access.ts';
import type { Queryable } from '../../platform/db.ts';
import { readImportSheet, type SheetRow } from '../../platform/office/index.ts';
import type { AccidentFacts, AccidentFactsPort } from '../emergency/index.ts';
import type { ClaimsRepository } from './insurance-claims.repository.ts';
import type { InsuranceRepository } from './insurance.repository.ts';
import {
  importRowReader,
  inRowSavepoint,
  MAX_OBLIGATION_IMPORT_ROWS,
  reportRow,
  type ImportColumn,
} from './obligations-import.ts';

/**
 * 安责险理赔导入: one row per claim, as insurers keep their claim ledgers. A sheet carries no incident
 * number, so the incident is found as the one accident of the policy's enterprise on the incident
 * date (emergency's port), narrowed by its place when there are several.
 */
type ClaimKey =
  | 'policyNumber'
  | 'claimNumber'
  | 'incidentOn'
  | 'incidentPlace'
  | 'reportedOn'
  | 'deaths'
  | 'injuries'
  | 'claimedYuan'
  | 'status'
  | 'acceptedOn'
  | 'paidOn'
  | 'paidYuan'
  | 'rejectedOn'
  | 'rejectionReason';

const statusList = claimStatuses.map((s) => claimStatusNames[s].zh).join('、');
const dateNote = '如 2026-10-15、2026/10/15 或 Excel 日期';

export const claimImportColumns: readonly ImportColumn<ClaimKey>[] = [
  {
    key: 'policyNumber',
    header: '保单号',
    en: 'Policy number',
    required: true,
    example: '示例：PZAE202653040000000001',
    width: 26,
    asText: true,
    note: '已登记的安责险保单号，须在本人数据范围内，且事故发生日在保险期间内',
  },
  {
    key: 'claimNumber',
    header: '理赔案件号',
    en: 'Claim number',
    required: true,
    example: 'LP2026000001',
    width: 20,
    asText: true,
    note: '3–60 个字，全市唯一；已登记在同一保单下的案件号跳过',
  },
  {
    key: 'incidentOn',
    header: '事故日期',
    en: 'Incident date',
    required: true,
    example: '2026-10-10',
    width: 12,
    note: `按投保企业当日的事故匹配应急模块登记的事故；${dateNote}`,
  },
  {
    key: 'incidentPlace',
    header: '事故地点',
    en: 'Incident place',
    required: false,
    example: '主井井口',
    width: 24,
    note: '该企业当日有多起事故时必填，按事故地点（或其中一段文字）区分',
  },
  {
    key: 'reportedOn',
    header: '报案日期',
    en: 'Reported on',
    required: true,
    example: '2026-10-12',
    width: 12,
    note: '不早于事故日期',
  },
  {
    key: 'deaths',
    header: '死亡人数',
    en: 'Deaths',
    required: true,
    example: 0,
    width: 10,
    note: '0–10000 的整数',
  },
  {
    key: 'injuries',
    header: '受伤人数',
    en: 'Injuries',
    required: true,
    example: 2,
    width: 10,
    note: '0–10000 的整数',
  },
  {
    key: 'claimedYuan',
    header: '索赔金额（元）',
    en: 'Claimed (yuan)',
    required: true,
    example: 180000,
    width: 14,
    note: '元，最多两位小数',
  },
  {
    key: 'status',
    header: '案件状态',
    en: 'Status',
    required: false,
    example: '受理',
    width: 10,
    note: `${statusList}之一，不填为报案`,
  },
  {
    key: 'acceptedOn',
    header: '受理日期',
    en: 'Accepted on',
    required: false,
    example: '2026-10-20',
    width: 12,
    note: '状态为受理、已赔付时必填，不早于报案日期',
  },
  {
    key: 'paidOn',
    header: '赔付日期',
    en: 'Paid on',
    required: false,
    example: '',
    width: 12,
    note: '状态为已赔付时必填，不早于受理日期',
  },
  {
    key: 'paidYuan',
    header: '赔付金额（元）',
    en: 'Paid (yuan)',
    required: false,
    example: '',
    width: 14,
    note: '状态为已赔付时必填，元，最多两位小数',
  },
  {
    key: 'rejectedOn',
    header: '拒赔日期',
    en: 'Rejected on',
    required: false,
    example: '',
    width: 12,
    note: '状态为拒赔时必填，不早于受理日期（未受理时不早于报案日期）',
  },
  {
    key: 'rejectionReason',
    header: '拒赔理由',
    en: 'Rejection reason',
    required: false,
    example: '',
    width: 30,
    note: '状态为拒赔时必填，2–500 个字',
  },
];

export const claimImportInstructions = [
  '每行一件安全生产责任保险理赔案件。带 * 的列必填；示例行以“示例”开头，导入时跳过。',
  '保单按保单号匹配已登记的安责险保单；事故按投保企业在事故日期当天发生的事故匹配（应急模块登记的事故），当天有多起时按事故地点区分。',
  '案件状态按报案 → 受理 → 已赔付或拒赔填写，各环节日期不早于上一环节。',
  '同一保单下已登记的理赔案件号跳过。有错误的行不导入，其余行照常导入；结果逐行列出。',
];

export function readClaimFile(file: Buffer) {
  return readImportSheet(file, claimImportColumns, MAX_OBLIGATION_IMPORT_ROWS);
}

const statusByName = new Map<string, ClaimStatus>(
  claimStatuses.flatMap((s) => [
    [claimStatusNames[s].zh, s],
    [claimStatusNames[s].en.toLowerCase(), s],
  ]),
);

type ClaimRow = NonNullable<ReturnType<typeof readClaimRow>['claim']>;

/** The steps the row's status implies, each checked against the one before (报案 → 受理 → 赔付/拒赔). */
function checkSteps(r: ReturnType<typeof importRowReader<ClaimKey>>, claim: ClaimRow) {
  const { status, reportedOn, acceptedOn, paidOn, paidYuan, rejectedOn, rejectionReason } = claim;
  const steps: { step: 'accepted' | 'paid' | 'rejected'; on: string; paidYuan?: number; reason?: string }[] =
    [];
  if (status === 'accepted' || status === 'paid' || (status === 'rejected' && acceptedOn)) {
    if (!acceptedOn)
      r.fail('案件状态为受理或已赔付时，受理日期必填', 'Accepted on is required for this status');
    else steps.push({ step: 'accepted', on: acceptedOn });
  }
  if (status === 'paid') {
    if (!paidOn) r.fail('案件状态为已赔付时，赔付日期必填', 'Paid on is required when paid');
    if (paidYuan === null)
      r.fail('案件状态为已赔付时，赔付金额（元）必填', 'Paid (yuan) is required when paid');
    if (paidOn && paidYuan !== null) steps.push({ step: 'paid', on: paidOn, paidYuan });
  }
  if (status === 'rejected') {
    if (!rejectedOn) r.fail('案件状态为拒赔时，拒赔日期必填', 'Rejected on is required when rejected');
    if (!rejectionReason) r.fail('案件状态为拒赔时，拒赔理由必填', 'A rejection reason is required');
    if (rejectedOn && rejectionReason)
      steps.push({ step: 'rejected', on: rejectedOn, reason: rejectionReason });
  }
  let last = { status: 'reported' as ClaimStatus, lastStepOn: reportedOn };
  for (const step of steps) {
    if (checkClaimStep(last, step) === 'obligations.claim_step_before_previous') {
      const named = { accepted: '受理日期', paid: '赔付日期', rejected: '拒赔日期' }[step.step];
      const before = last.status === 'reported' ? '报案日期' : '受理日期';
      r.fail(`${named}不能早于${before}`, `A step cannot be dated before the previous one (${named})`);
    }
    last = { status: step.step, lastStepOn: step.on };
  }
  return steps;
}

function readClaimRow(row: SheetRow<ClaimKey>, language: Language) {
  const r = importRowReader(row, claimImportColumns, language);
  const policyNumber = r.text('policyNumber', true, 4, 60);
  const claimNumber = r.text('claimNumber', true, 3, 60);
  const incidentOn = r.date('incidentOn', true);
  const incidentPlace = r.text('incidentPlace', false, 1, 200);
  const reportedOn = r.date('reportedOn', true);
  if (incidentOn && reportedOn && reportedOn < incidentOn)
    r.fail('报案日期不能早于事故日期', 'The claim cannot be reported before the incident');
  const deaths = r.number('deaths', true, { min: 0, max: 10_000, decimals: 0 });
  const injuries = r.number('injuries', true, { min: 0, max: 10_000, decimals: 0 });
  const claimedYuan = r.number('claimedYuan', true, { min: 0, max: 1_000_000_000, decimals: 2 });
  const statusText = row.get('status');
  const status = statusText
    ? (statusByName.get(statusText) ?? statusByName.get(statusText.toLowerCase()))
    : 'reported';
  if (!status) r.fail(`案件状态应为${statusList}之一：${statusText}`, `Unknown status: ${statusText}`);
  const claim = {
    policyNumber: policyNumber!,
    claimNumber: claimNumber!,
    incidentOn: incidentOn!,
    incidentPlace,
    reportedOn: reportedOn!,
    deaths: deaths!,
    injuries: injuries!,
    claimedYuan: claimedYuan!,
    status: status ?? 'reported',
    acceptedOn: r.date('acceptedOn', false),
    paidOn: r.date('paidOn', false),
    paidYuan: r.number('paidYuan', false, { min: 0, max: 1_000_000_000, decimals: 2 }),
    rejectedOn: r.date('rejectedOn', false),
    rejectionReason: r.text('rejectionReason', false, 2, 500),
  };
  if (r.problems.length > 0) return { claim: null, steps: [], problems: r.problems };
  const steps = checkSteps(r, claim);
  if (r.problems.length > 0) return { claim: null, steps: [], problems: r.problems };
  return { claim, steps, problems: [] };
}

/** The one accident the row names: that day's only one, or the only one whose place matches. */
function pickAccident(accidents: AccidentFacts[], place: string | null) {
  const matching = place
    ? accidents.filter((a) => a.location.includes(place) || place.includes(a.location))
    : accidents;
  return matching.length === 1 ? matching[0]! : { count: matching.length, placed: !!place };
}

export interface ClaimImportDeps {
  policies: InsuranceRepository;
  claims: ClaimsRepository;
  incidents: AccidentFactsPort;
}

/** Writes the rows of a claims file inside the caller's transaction, one savepoint per row. */
export async function importClaimRows(
  deps: ClaimImportDeps,
  tx: Queryable,
  auth: AuthContext,
  rows: Awaited<ReturnType<typeof readClaimFile>>,
  options: { language: Language; now: Date },
): Promise<ObligationImportRow[]> {
  const say = (zh: string, en: string) => (options.language === 'en' ? en : zh);
  const report: ObligationImportRow[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const subject = row.get('claimNumber');
    const refuse = (zh: string, en: string) => report.push(reportRow(row.row, 'error', subject, say(zh, en)));
    const { claim, steps, problems } = readClaimRow(row, options.language);
    if (!claim) {
      report.push(reportRow(row.row, 'error', subject, problems.join(say('；', '; '))));
      continue;
    }
    const first = seen.get(claim.claimNumber);
    if (first !== undefined) {
      refuse(`理赔案件号与第 ${first} 行重复`, `The claim number repeats row ${first}`);
      continue;
    }
    seen.set(claim.claimNumber, row.row);
    const policy = await deps.policies.findByNumber(tx, claim.policyNumber, auth.scope);
    if (!policy) {
      refuse(`保单号未登记或不在本人数据范围内：${claim.policyNumber}`, 'No such policy within your scope');
      continue;
    }
    const registeredOn = await deps.claims.policyOfNumber(claim.claimNumber, tx);
    if (registeredOn === policy.id) {
      report.push(reportRow(row.row, 'skipped', subject, say('已导入过', 'Already imported')));
      continue;
    }
    if (registeredOn) {
      refuse('理赔案件号已登记在其他保单下', 'This claim number is registered on another policy');
      continue;
    }
    // 应急〔2025〕27号: the policy answers for accidents within its period of insurance.
    if (!policyInForceOn(policy, claim.incidentOn)) {
      refuse(
        `事故日期不在该保单的保险期间（${policy.startsOn} 至 ${policy.endsOn}）内`,
        `The incident date is outside the policy's period (${policy.startsOn} to ${policy.endsOn})`,
      );
      continue;
    }
    const accidents = await deps.incidents.accidentsOn(auth.scope, policy.enterpriseId, claim.incidentOn);
    const accident = pickAccident(accidents, claim.incidentPlace);
    if ('count' in accident) {
      if (accident.count === 0 && !accident.placed)
        refuse(
          '事故日期：未找到该企业当日的事故',
          'Incident date: no accident of the enterprise on that day',
        );
      else if (accident.count === 0)
        refuse('事故地点：未找到该企业当日在该地点的事故', 'Incident place: no accident there on that day');
      else
        refuse(
          '事故日期：该企业当日有多起事故，请在“事故地点”列填写地点以区分',
          'Incident date: the enterprise had several accidents that day; fill in the incident place',
        );
      continue;
    }
    const written = await inRowSavepoint(tx, async () => {
      const id = await deps.claims.insert(
        tx,
        {
          policyId: policy.id,
          enterpriseId: policy.enterpriseId,
          county: policy.county,
          claimNumber: claim.claimNumber,
          incidentId: accident.id,
          incidentOn: chinaDate(accident.occurredAt),
          incidentLocation: accident.location,
          reportedOn: claim.reportedOn,
          deaths: claim.deaths,
          injuries: claim.injuries,
          claimedYuan: claim.claimedYuan,
        },
        false,
        options.now,
      );
      for (const step of steps) await deps.claims.step(tx, id, step, options.now);
    });
    if (!written) {
      refuse(
        '该理赔案件号刚被他人登记，请核对后重新导入',
        'The claim number was just registered by someone else',
      );
      continue;
    }
    report.push(
      reportRow(
        row.row,
        'created',
        subject,
        say(
          `已登记${policy.enterpriseName}的理赔（${accident.location}）`,
          `Claim of ${policy.enterpriseName} recorded (${accident.location})`,
        ),
      ),
    );
  }
  return report;
}
