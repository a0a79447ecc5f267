import {
  chinaDate,
  projectNatureNames,
  projectNatures,
  type Language,
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
import type { RegisterImportRepository, StoredProject } from './register-import.repository.ts';

/**
 * 建设项目三同时导入: one construction project per row. The key is the enterprise and the project's
 * name: a project already registered under that name is updated (nature, production date) or
 * skipped when nothing changed. The four 三同时 steps are recorded on the projects page, with their
 * documents and agency, not imported.
 */
type ProjectKey = 'name' | 'creditCode' | 'enterpriseName' | 'nature' | 'productionStartedOn';
type Nature = (typeof projectNatures)[number];

export const projectImportColumns: readonly ImportColumn<ProjectKey>[] = [
  {
    key: 'name',
    header: '项目名称',
    en: 'Project',
    required: true,
    example: '示例：年产 2 万吨硫酸扩建项目',
    width: 32,
    note: '2–120 个字；同一建设单位的项目名称不重复，已登记的项目按本行更新',
  },
  ...enterpriseColumns('建设单位'),
  {
    key: 'nature',
    header: '建设性质',
    en: 'Nature',
    required: true,
    example: '扩建',
    width: 10,
    note: '新建、改建或扩建',
  },
  {
    key: 'productionStartedOn',
    header: '投产日期',
    en: 'Production started on',
    required: false,
    example: '',
    width: 12,
    note: '已投入生产（使用）时填写，不能晚于今天；未通过竣工验收即投产的项目标“未验收先投产”。不填则保留已登记的日期',
  },
];

export const projectImportInstructions = [
  '每行一个建设项目。带 * 的列必填；示例行以“示例”开头，导入时跳过。',
  '建设单位按统一社会信用代码匹配；未填代码时按企业名称匹配（须与企业名录一致）。企业须在本人数据范围内。',
  '同一建设单位、同一项目名称的项目已登记时按本行更新，内容相同则跳过，因此同一文件可以重复导入。',
  '三同时各环节（安全预评价、安全设施设计审查、施工、竣工验收）在“建设项目三同时”页登记。',
];

export function readProjectFile(file: Buffer) {
  return readImportSheet(file, projectImportColumns, MAX_OBLIGATION_IMPORT_ROWS);
}

interface ProjectRow {
  row: number;
  ref: EnterpriseRef;
  name: string;
  nature: Nature;
  productionStartedOn: string | null;
}

function readProjectRow(row: SheetRow<ProjectKey>, language: Language, today: string) {
  const r = importRowReader(row, projectImportColumns, language);
  const name = r.text('name', true, 2, 120);
  const ref = readEnterpriseRef(row.get('creditCode'), row.get('enterpriseName'), r.fail);
  const natureText = r.text('nature', true, 1, 10);
  const nature = natureText
    ? (projectNatures.find((n) => [projectNatureNames[n].zh, n].includes(natureText.toLowerCase())) ?? null)
    : null;
  if (natureText && !nature)
    r.fail(
      `建设性质应为新建、改建或扩建：${natureText}`,
      `Nature must be new, rebuilt or expanded: ${natureText}`,
    );
  const productionStartedOn = r.date('productionStartedOn', false);
  if (productionStartedOn && productionStartedOn > today)
    r.fail(
      `投产日期不能晚于今天：${productionStartedOn}`,
      `The production date cannot be later than today: ${productionStartedOn}`,
    );
  if (r.problems.length > 0) return { project: null, problems: r.problems };
  const project: ProjectRow = { row: row.row, ref, name: name!, nature: nature!, productionStartedOn };
  return { project, problems: [] };
}

export interface ProjectImportDeps {
  papers: PapersRepository;
  registerImports: RegisterImportRepository;
}

/** Writes the rows of a projects file inside the caller's transaction, a savepoint per row. */
export async function importProjectRows(
  deps: ProjectImportDeps,
  tx: Queryable,
  auth: AuthContext,
  rows: Awaited<ReturnType<typeof readProjectFile>>,
  options: { language: Language; now: Date },
): Promise<ObligationImportRow[]> {
  const { language, now } = options;
  const say = (zh: string, en: string) => (language === 'en' ? en : zh);
  const report: ObligationImportRow[] = [];
  const projects: ProjectRow[] = [];
  for (const row of rows) {
    const { project, problems } = readProjectRow(row, language, chinaDate(now));
    if (project) projects.push(project);
    else report.push(reportRow(row.row, 'error', row.get('name'), problems.join(say('；', '; '))));
  }
  const match = await enterpriseMatcher(
    deps.registerImports,
    tx,
    auth,
    projects.map((p) => p.ref),
    say,
  );
  const seen = new Map<string, number>();
  for (const project of projects) {
    const { row, name: subject } = project;
    const found = match(project.ref);
    if (!found.enterprise) {
      report.push(reportRow(row, 'error', subject, found.problem));
      continue;
    }
    const enterprise = found.enterprise;
    const key = `${enterprise.id}|${project.name}`;
    const first = seen.get(key);
    if (first !== undefined) {
      report.push(
        reportRow(
          row,
          'error',
          subject,
          say(`与第 ${first} 行是同一项目`, `The same project as row ${first}`),
        ),
      );
      continue;
    }
    seen.set(key, row);
    const stored = await deps.registerImports.projectNamed(tx, enterprise.id, project.name);
    const wanted: Omit<StoredProject, 'id'> = {
      nature: project.nature,
      productionStartedOn: project.productionStartedOn ?? stored?.productionStartedOn ?? null,
    };
    if (
      stored &&
      stored.nature === wanted.nature &&
      stored.productionStartedOn === wanted.productionStartedOn
    ) {
      report.push(
        reportRow(row, 'skipped', subject, say('已导入过，内容相同', 'Already imported; nothing changed')),
      );
      continue;
    }
    await inRowSavepoint(tx, async () => {
      if (stored) await deps.registerImports.updateProject(tx, stored.id, wanted, now);
      else
        await deps.papers.insertProject(
          tx,
          { ...wanted, enterpriseId: enterprise.id, county: enterprise.county, name: project.name },
          false,
          now,
        );
    });
    report.push(
      reportRow(
        row,
        stored ? 'updated' : 'created',
        subject,
        stored
          ? say(`已更新${enterprise.name}的项目`, `Project of ${enterprise.name} updated`)
          : say(`已登记${enterprise.name}的项目`, `Project of ${enterprise.name} registered`),
      ),
    );
  }
  return report;
}
