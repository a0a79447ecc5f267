import { gb18218Table1, type Gb18218Table1Row } from './gb18218-table1.ts';
import { gb18218Table2, type Gb18218CategoryCode, type Gb18218Table2Row } from './gb18218-table2.ts';
import { MajorHazardError } from './major-hazard.errors.ts';
import { Rational } from './rational.ts';

/**
 * Finds the GB 18218-2018 row a user means. A substance is given as:
 * - a Table 1 row code `T1-<row>` (e.g. T1-12, T1-37), the unambiguous form the UI sends;
 * - a Table 2 category code (J1…W11, see gb18218-table2.ts);
 * - a CAS number (spaces, full-width characters and dash variants are tolerated; digits only are
 *   re-hyphenated);
 * - a Chinese name: the table's full name, an alias, a name the row text covers, or the name
 *   without its bracketed condition (甲醛 for 甲醛(含量>90%)).
 */
export type Gb18218Match = 'row_code' | 'category_code' | 'cas' | 'name' | 'base_name';

export type Gb18218Substance =
  | {
      readonly kind: 'table1';
      readonly code: string;
      readonly row: Gb18218Table1Row;
      readonly matchedBy: Gb18218Match;
    }
  | {
      readonly kind: 'table2';
      readonly code: Gb18218CategoryCode;
      readonly row: Gb18218Table2Row;
      readonly matchedBy: 'category_code';
    };

/** The stable code of a Table 1 row, e.g. T1-12 for 氯. */
export function gb18218RowCode(row: number): string {
  return `T1-${String(row).padStart(2, '0')}`;
}

function normaliseText(input: string): string {
  return input.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/** "7782-50-5" for "7782 50 5", "７７８２－５０－５" or "7782505"; null when it is not CAS-shaped. */
export function normaliseCasNumber(input: string): string | null {
  const text = input
    .normalize('NFKC')
    .trim()
    .replace(/[\u2010-\u2015\u2212\uFE63]/g, '-')
    .replace(/\s+/g, '-')
    .replace(/-+/g, '-');
  if (/^\d{2,7}-\d{2}-\d$/.test(text)) return text;
  if (/^\d{5,10}$/.test(text)) return `${text.slice(0, -3)}-${text.slice(-3, -1)}-${text.slice(-1)}`;
  return null;
}

function baseName(name: string): string {
  return name.replace(/[([].*$/, '');
}

function indexBy(keysOf: (row: Gb18218Table1Row) => readonly string[]): Map<string, Gb18218Table1Row[]> {
  const index = new Map<string, Gb18218Table1Row[]>();
  for (const row of gb18218Table1) {
    for (const key of new Set(keysOf(row).map(normaliseText))) {
      index.set(key, [...(index.get(key) ?? []), row]);
    }
  }
  return index;
}

const byName = indexBy((row) => [row.nameZh, ...row.aliases, ...(row.coveredNames ?? [])]);
const byBaseName = indexBy((row) => [baseName(row.nameZh)]);
const byCas = indexBy((row) => row.cas);
const categoryByKey = new Map(gb18218Table2.map((row) => [normaliseText(row.code), row]));

export function findGb18218Category(code: string): Gb18218Table2Row | undefined {
  return categoryByKey.get(normaliseText(code));
}

/** Rows whose full name, alias or covered name is `name`; failing that, rows with that bare name. */
export function findGb18218ChemicalsByName(name: string): readonly Gb18218Table1Row[] {
  const key = normaliseText(name);
  return byName.get(key) ?? byBaseName.get(key) ?? [];
}

export function findGb18218ChemicalsByCas(cas: string): readonly Gb18218Table1Row[] {
  const normalised = normaliseCasNumber(cas);
  return normalised === null ? [] : (byCas.get(normalised) ?? []);
}

function findByRowCode(input: string): Gb18218Table1Row | undefined {
  const match = /^T1-?(\d{1,2})$/.exec(normaliseText(input));
  return match ? gb18218Table1.find((row) => row.row === Number(match[1])) : undefined;
}

function single(input: string, rows: readonly Gb18218Table1Row[], matchedBy: Gb18218Match): Gb18218Substance {
  const [row] = rows;
  if (!row) throw new MajorHazardError('major_hazard.unknown_substance', { input });
  if (rows.length > 1) {
    const candidates = rows.map((candidate) => ({
      code: gb18218RowCode(candidate.row),
      nameZh: candidate.nameZh,
      nameEn: candidate.nameEn,
    }));
    throw new MajorHazardError('major_hazard.ambiguous_substance', { input, candidates });
  }
  return { kind: 'table1', code: gb18218RowCode(row.row), row, matchedBy };
}

/** The Table 1 row or Table 2 category `input` names; throws unknown/ambiguous substance errors. */
export function resolveGb18218Substance(input: string): Gb18218Substance {
  const rowByCode = findByRowCode(input);
  if (rowByCode) return single(input, [rowByCode], 'row_code');
  const category = findGb18218Category(input);
  if (category) return { kind: 'table2', code: category.code, row: category, matchedBy: 'category_code' };
  if (normaliseCasNumber(input) !== null) return single(input, findGb18218ChemicalsByCas(input), 'cas');
  const key = normaliseText(input);
  const named = byName.get(key);
  return named ? single(input, named, 'name') : single(input, byBaseName.get(key) ?? [], 'base_name');
}

/**
 * The category that sets Q for a chemical with several hazard categories: the one with the lowest
 * Q (standards.md §1.2 rule 3). On equal Q the higher β wins, our conservative choice.
 */
export function selectGoverningCategory(codes: readonly string[]): Gb18218Table2Row {
  const rows = codes.map((code) => {
    const row = findGb18218Category(code);
    if (!row) throw new MajorHazardError('major_hazard.unknown_category', { input: code });
    return row;
  });
  const [first, ...rest] = rows;
  if (!first) throw new MajorHazardError('major_hazard.unknown_category', { input: '' });
  return rest.reduce((best, row) => {
    const byQ = Rational.fromDecimal(row.criticalQuantityTonnes).compare(
      Rational.fromDecimal(best.criticalQuantityTonnes),
    );
    if (byQ !== 0) return byQ < 0 ? row : best;
    return Rational.fromDecimal(row.beta).compare(Rational.fromDecimal(best.beta)) > 0 ? row : best;
  }, first);
}
