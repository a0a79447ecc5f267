import {
  chinaDate,
  type Language,
  type StatisticsImportKind,
  type StatisticsImportReport,
} from '@anjian/domain';
import type { AuthContext } from '../../platform/access.ts';
import { inTransactionWithEvents, type EventBus } from '../../platform/events/index.ts';
import type { Db, Queryable } from '../../platform/db.ts';
import { scopeAllows } from '../../platform/scope-sql.ts';
import { importColumns, readImportSheet } from './statistics-excel.ts';
import {
  parseAccidentRow,
  parseControlNumberRow,
  parseDenominatorRow,
  type AccidentRow,
  type RowProblem,
} from './statistics-import-rows.ts';
import { CITY_CODE } from './statistics.repository.ts';
import { readSectorMappings } from './sector-mappings.ts';
import type { createStatisticsWriter } from './statistics-writer.ts';

type Writer = ReturnType<typeof createStatisticsWriter>;

const headersOf = (kind: StatisticsImportKind) =>
  Object.fromEntries(importColumns[kind].map((c) => [c.key, c.header]));

/** Same time, county, place and enterprise: the duplicate rule of the accident import. */
const accidentKey = (a: Pick<AccidentRow, 'occurredAt' | 'county' | 'location' | 'enterpriseName'>) =>
  `${a.occurredAt.toISOString()}|${a.county}|${a.location}|${a.enterpriseName ?? ''}`;

interface Parsed<T> {
  row: number;
  value: T;
}

/**
 * Imports a filled-in template: every row is checked and reported (zh/en). With any invalid row
 * nothing is stored unless the caller asks for the valid rows; the rows that are stored are stored
 * in one transaction, and 'statistics.changed' is published for each county touched.
 */
export async function importStatistics(
  deps: { db: Db; events: EventBus; writer: Writer },
  auth: AuthContext,
  kind: StatisticsImportKind,
  file: Buffer,
  options: { validOnly: boolean; language: Language; now: Date },
): Promise<StatisticsImportReport> {
  const { language, now } = options;
  const say = (zh: string, en: string) => (language === 'en' ? en : zh);
  const headers = headersOf(kind);
  const rows = await readImportSheet(file, kind);
  const mappings = kind === 'accidents' ? await readSectorMappings(deps.db) : [];
  const thisYear = Number(chinaDate(now).slice(0, 4));
  const problems: RowProblem[] = [];
  const valid: Parsed<unknown>[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const parsed =
      kind === 'accidents'
        ? parseAccidentRow(row, headers, language, now, mappings)
        : kind === 'denominators'
          ? parseDenominatorRow(row, headers, language, thisYear)
          : parseControlNumberRow(row, headers, language, thisYear + 1);
    if (!parsed.value) {
      problems.push(...parsed.problems);
      continue;
    }
    const county = (parsed.value as { county: string }).county;
    if (!(county === CITY_CODE ? auth.scope.kind === 'city' : scopeAllows(auth.scope, county, null))) {
      problems.push({
        row: row.row,
        column: headers.county!,
        message: say('县（市、区）不在本人数据范围内', 'The county is outside your data scope'),
      });
      continue;
    }
    const key =
      kind === 'accidents'
        ? accidentKey(parsed.value as AccidentRow)
        : `${(parsed.value as { year: number }).year}|${county}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({
        row: row.row,
        column: headers[kind === 'accidents' ? 'occurredAt' : 'year']!,
        message:
          kind === 'accidents'
            ? say(
                `与第 ${first} 行是同一起事故（时间、地点、单位相同）`,
                `The same accident as row ${first} (time, place, unit)`,
              )
            : say(`与第 ${first} 行的年份和县区重复`, `Same year and county as row ${first}`),
      });
      continue;
    }
    seen.set(key, row.row);
    valid.push({ row: row.row, value: parsed.value });
  }
  if (kind === 'accidents') {
    const known = await deps.writer.knownAccidents(valid.map((v) => v.value as AccidentRow));
    for (const entry of [...valid]) {
      if (!known.has(accidentKey(entry.value as AccidentRow))) continue;
      problems.push({
        row: entry.row,
        column: headers.occurredAt!,
        message: say(
          '该事故已导入（时间、地点、单位相同）',
          'This accident is already recorded (time, place, unit)',
        ),
      });
      valid.splice(valid.indexOf(entry), 1);
    }
  }
  problems.sort((a, b) => a.row - b.row);
  const report: StatisticsImportReport = {
    committed: false,
    totalRows: rows.length,
    imported: 0,
    invalidRows: new Set(problems.map((p) => p.row)).size,
    errors: problems,
  };
  if ((problems.length > 0 && !options.validOnly) || valid.length === 0) return report;
  await inTransactionWithEvents(deps.db, deps.events, async (tx: Queryable, published) => {
    const counties = new Set<string>();
    for (const { value } of valid) {
      await deps.writer.write(tx, kind, value, auth.userId, now);
      counties.add((value as { county: string }).county);
    }
    for (const county of counties)
      published.publish('statistics.changed', { divisionCode: county === CITY_CODE ? null : county });
  });
  report.imported = valid.length;
  report.committed = true;
  return report;
}
