import type { FieldProblem, Language } from '@anjian/domain';
import { inTransaction, type Db } from '../../../platform/db.ts';
import { scopeAllows } from '../../../platform/scope-sql.ts';
import { enterpriseColumns, type Dictionaries } from './enterprise-columns.ts';
import { parseImport } from './enterprise-excel.ts';
import type { EnterprisesRepository } from './enterprises.repository.ts';
import type { Actor, EnterprisesService } from './enterprises.service.ts';

export interface ImportReport {
  committed: boolean;
  totalRows: number;
  created: number;
  updated: number;
  unchanged: number;
  invalidRows: number;
  errors: { row: number; column: string; message: string }[];
}

const pathToColumn: Record<string, string> = {
  legalRepresentative: 'legalName',
  principal: 'principalName',
  safetyManager: 'safetyName',
  location: 'lon',
  responsibleDepartment: 'department',
};

function columnHeader(path: string): string {
  const key = pathToColumn[path] ?? path;
  return enterpriseColumns.find((c) => c.key === key)?.header ?? path;
}

/**
 * Imports a workbook idempotently by credit code: a known code updates its enterprise (with
 * history), a new one creates it. With any invalid row nothing is stored, unless the caller asks
 * to import the valid rows; the report names every invalid row and why.
 */
export async function importEnterprises(
  deps: { db: Db; enterprises: EnterprisesRepository; service: EnterprisesService },
  actor: Actor,
  file: Buffer,
  dictionaries: Dictionaries,
  options: { validOnly: boolean; language?: Language },
): Promise<ImportReport> {
  const language = options.language ?? 'zh-CN';
  const say = (zh: string, en: string) => (language === 'en' ? en : zh);
  const rows = await parseImport(file, dictionaries, language);
  const errors: ImportReport['errors'] = [];
  const add = (row: number, problems: FieldProblem[]) =>
    problems.forEach((p) => errors.push({ row, column: columnHeader(p.path), message: p.message }));

  const seen = new Map<string, number>();
  const valid = rows.filter((row) => {
    if (!row.input) {
      add(row.row, row.errors);
      return false;
    }
    const first = seen.get(row.input.creditCode);
    if (first !== undefined) {
      add(row.row, [
        {
          path: 'creditCode',
          code: 'duplicate',
          message: say(`与第 ${first} 行的统一社会信用代码重复`, `Same credit code as row ${first}`),
        },
      ]);
      return false;
    }
    seen.set(row.input.creditCode, row.row);
    if (!scopeAllows(actor.scope, row.input.county, null)) {
      add(row.row, [
        {
          path: 'county',
          code: 'scope',
          message: say('所属县区不在本人数据范围内', 'The county is outside your data scope'),
        },
      ]);
      return false;
    }
    return true;
  });
  const existing = await deps.enterprises.findByCreditCodes(valid.map((row) => row.input!.creditCode));
  const importable = valid.filter((row) => {
    const known = existing.get(row.input!.creditCode);
    if (known && !scopeAllows(actor.scope, known.county, known.id)) {
      add(row.row, [
        {
          path: 'creditCode',
          code: 'scope',
          message: say(
            '该统一社会信用代码已在本人数据范围以外登记',
            'This credit code is registered outside your data scope',
          ),
        },
      ]);
      return false;
    }
    return true;
  });
  errors.sort((a, b) => a.row - b.row);
  const invalidRows = new Set(errors.map((e) => e.row)).size;
  const report: ImportReport = {
    committed: false,
    totalRows: rows.length,
    created: 0,
    updated: 0,
    unchanged: 0,
    invalidRows,
    errors,
  };
  if (errors.length > 0 && !options.validOnly) return report;

  await inTransaction(deps.db, async (tx) => {
    for (const row of importable) {
      const input = row.input!;
      const { outcome } = await deps.service.save(tx, actor, input, existing.get(input.creditCode) ?? null);
      report[outcome] += 1;
    }
  });
  report.committed = true;
  return report;
}
