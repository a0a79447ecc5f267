import {
  chinaDate,
  defaultLicenceTypes,
  licenceApplicationKindNames,
  type Language,
  type LicenceApplicationKind,
  type ObligationImportRow,
} from '@anjian/domain';
import type { AuthContext } from '../../platform/access.ts';
import type { Queryable } from '../../platform/db.ts';
import { readImportSheet, type SheetRow } from '../../platform/office/index.ts';
import {
  enterpriseColumns,
  enterpriseMatcher,
  readEnterpriseRef,
  type EnterpriseRef,
} from './import-enterprise-match.ts';
import {
  importRowReader,
  inRowSavepoint,
  MAX_OBLIGATION_IMPORT_ROWS,
  reportRow,
  type ImportColumn,
} from './obligations-import.ts';
import type { PapersRepository } from './papers.repository.ts';
import type { RegisterImportRepository } from './register-import.repository.ts';

/**
 * 行政许可申请导入: one application per row (applications received before the platform, or from
 * the government service hall's list). The key is the enterprise, licence type, kind and date: a
 * row naming an application already registered is skipped, so a file imports again without
 * duplicates. An imported application starts at 已申请 and walks its steps on the licences page.
 */
type LicenceKey = 'creditCode' | 'enterpriseName' | 'licenceType' | 'kind' | 'submittedOn' | 'notes';

export const licenceImportColumns: readonly ImportColumn<LicenceKey>[] = [
  ...enterpriseColumns('企业名称'),
  {
    key: 'licenceType',
    header: '许可类别',
    en: 'Licence type',
    required: true,
    example: '危险化学品经营许可证',
    width: 26,
    note: `${defaultLicenceTypes.map((t) => t.nameZh).join('、')}之一（含这些名称的写法也可，如“安全生产许可证（非煤矿山）”）`,
  },
  {
    key: 'kind',
    header: '申请类型',
    en: 'Kind',
    required: true,
    example: '延期换证',
    width: 12,
    note: '首次申请、延期换证或变更（也可填 首次、延期、换证、延续）',
  },
  {
    key: 'submittedOn',
    header: '申请日期',
    en: 'Submitted on',
    required: true,
    example: '2026-11-02',
    width: 12,
    note: '如 2026-11-02、2026/11/2、2026年11月2日或 Excel 日期；不能晚于今天。受理和决定期限由此按工作日计算',
  },
  { key: 'notes', header: '备注', en: 'Notes', required: false, example: '', width: 30, note: '最多 500 字' },
];

export const licenceImportInstructions = [
  '每行一件行政许可申请。带 * 的列必填；示例行以“示例”开头，导入时跳过。',
  '企业按统一社会信用代码匹配；未填代码时按企业名称匹配（须与企业名录一致）。企业须在本人数据范围内。',
  '同一企业、同一许可类别、同一申请类型和申请日期的申请已登记时跳过，因此同一文件可以重复导入。',
  '导入的申请处于“已申请”环节，在“行政许可”页按环节办理。有错误的行不导入，其余行照常导入。',
];

export function readLicenceFile(file: Buffer) {
  return readImportSheet(file, licenceImportColumns, MAX_OBLIGATION_IMPORT_ROWS);
}

const kindWords: [RegExp, LicenceApplicationKind][] = [
  [/^(首次申请|首次|新申请|新办|new)$/i, 'new'],
  [/^(延期换证|延期|换证|延续|renewal)$/i, 'renewal'],
  [/^(变更|change)$/i, 'change'],
];

/** A licence type by its name (or a name containing it, longest first) or its code. */
export function licenceTypeOf(text: string): string | null {
  const lower = text.toLowerCase();
  const exact = defaultLicenceTypes.find(
    (t) => t.nameZh === text || t.nameEn.toLowerCase() === lower || t.code === lower,
  );
  if (exact) return exact.code;
  const containing = [...defaultLicenceTypes]
    .sort((a, b) => b.nameZh.length - a.nameZh.length)
    .find((t) => t.code !== 'other' && text.includes(t.nameZh));
  return containing?.code ?? null;
}

interface LicenceRow {
  row: number;
  ref: EnterpriseRef;
  licenceType: string;
  kind: LicenceApplicationKind;
  submittedOn: string;
  notes: string | null;
}

function readLicenceRow(row: SheetRow<LicenceKey>, language: Language, today: string) {
  const r = importRowReader(row, licenceImportColumns, language);
  const ref = readEnterpriseRef(row.get('creditCode'), row.get('enterpriseName'), r.fail);
  const typeText = r.text('licenceType', true, 1, 60);
  const licenceType = typeText ? licenceTypeOf(typeText) : null;
  if (typeText && !licenceType)
    r.fail(`许可类别不在许可证类别中：${typeText}`, `Unknown licence type: ${typeText}`);
  const kindText = r.text('kind', true, 1, 20);
  const kind = kindText ? (kindWords.find(([w]) => w.test(kindText))?.[1] ?? null) : null;
  if (kindText && !kind)
    r.fail(
      `申请类型应为首次申请、延期换证或变更：${kindText}`,
      `Kind must be new, renewal or change: ${kindText}`,
    );
  const submittedOn = r.date('submittedOn', true);
  if (submittedOn && submittedOn > today)
    r.fail(
      `申请日期不能晚于今天：${submittedOn}`,
      `The submission date cannot be later than today: ${submittedOn}`,
    );
  const notes = r.text('notes', false, 1, 500);
  if (r.problems.length > 0) return { licence: null, problems: r.problems };
  const licence: LicenceRow = {
    row: row.row,
    ref,
    licenceType: licenceType!,
    kind: kind!,
    submittedOn: submittedOn!,
    notes,
  };
  return { licence, problems: [] };
}

export interface LicenceImportDeps {
  papers: PapersRepository;
  registerImports: RegisterImportRepository;
}

/** Writes the rows of a licence-applications file inside the caller's transaction, a savepoint per row. */
export async function importLicenceRows(
  deps: LicenceImportDeps,
  tx: Queryable,
  auth: AuthContext,
  rows: Awaited<ReturnType<typeof readLicenceFile>>,
  options: { language: Language; now: Date },
): Promise<ObligationImportRow[]> {
  const { language, now } = options;
  const say = (zh: string, en: string) => (language === 'en' ? en : zh);
  const subjectOf = (row: SheetRow<LicenceKey>) => row.get('enterpriseName') || row.get('creditCode');
  const report: ObligationImportRow[] = [];
  const licences: LicenceRow[] = [];
  for (const row of rows) {
    const { licence, problems } = readLicenceRow(row, language, chinaDate(now));
    if (licence) licences.push(licence);
    else report.push(reportRow(row.row, 'error', subjectOf(row), problems.join(say('；', '; '))));
  }
  const match = await enterpriseMatcher(
    deps.registerImports,
    tx,
    auth,
    licences.map((l) => l.ref),
    say,
  );
  const seen = new Map<string, number>();
  for (const licence of licences) {
    const { row } = licence;
    const found = match(licence.ref);
    const subject = found.enterprise
      ? found.enterprise.name
      : (licence.ref.name ?? licence.ref.creditCode ?? '');
    if (!found.enterprise) {
      report.push(reportRow(row, 'error', subject, found.problem));
      continue;
    }
    const enterprise = found.enterprise;
    const key = [enterprise.id, licence.licenceType, licence.kind, licence.submittedOn].join('|');
    const first = seen.get(key);
    if (first !== undefined) {
      report.push(
        reportRow(
          row,
          'error',
          subject,
          say(`与第 ${first} 行是同一件申请`, `The same application as row ${first}`),
        ),
      );
      continue;
    }
    seen.set(key, row);
    const keyFields = {
      enterpriseId: enterprise.id,
      licenceType: licence.licenceType,
      kind: licence.kind,
      submittedOn: licence.submittedOn,
    };
    if (await deps.registerImports.applicationExists(tx, keyFields)) {
      report.push(
        reportRow(
          row,
          'skipped',
          subject,
          say(
            '该申请已登记（同一企业、许可类别、申请类型和日期）',
            'Already registered (same enterprise, licence type, kind and date)',
          ),
        ),
      );
      continue;
    }
    let number = '';
    const written = await inRowSavepoint(tx, async () => {
      const id = await deps.papers.insertApplication(
        tx,
        { ...keyFields, county: enterprise.county, notes: licence.notes },
        false,
        now,
      );
      number = (await deps.papers.findApplication(id, auth.scope, tx))?.number ?? '';
    });
    if (!written) {
      report.push(
        reportRow(row, 'error', subject, say('申请编号冲突，请重新导入', 'Numbering conflict; import again')),
      );
      continue;
    }
    const kindName = licenceApplicationKindNames[licence.kind];
    report.push(
      reportRow(
        row,
        'created',
        subject,
        say(`已登记${kindName.zh} ${number}`, `${kindName.en} application ${number} registered`),
      ),
    );
  }
  return report;
}
