import {
  AccidentError,
  STATISTICS_FIRST_YEAR,
  accidentSectorNames,
  accidentSectors,
  accidentTypeVersionFor,
  checkAccidentType,
  checkIndustryCode,
  chinaDate,
  chinaIso,
  classifyAccident,
  suggestSector,
  type SectorMapping,
  yuxiCounties,
  type AccidentLevel,
  type AccidentSector,
  type Language,
} from '@anjian/domain';
import { CITY_CODE } from './statistics.repository.ts';
import type { SheetRow } from './statistics-excel.ts';

/** A problem of one cell, in the caller's language. */
export interface RowProblem {
  row: number;
  column: string;
  message: string;
}

export interface AccidentRow {
  occurredAt: Date;
  /** The registered enterprise, when known (demo history links them; imports name the unit). */
  enterpriseId?: string | null;
  county: string;
  township: string | null;
  enterpriseName: string | null;
  location: string;
  sector: AccidentSector;
  industryCode: string | null;
  accidentType: string;
  level: AccidentLevel;
  deaths: number;
  missing: number;
  seriousInjuries: number;
  lossWan: string;
}

export interface DenominatorRow {
  year: number;
  county: string;
  gdpYi: string | null;
  workers: number | null;
}

export interface ControlNumberRow {
  year: number;
  county: string;
  deaths: number;
}

/** Checks of one row: each failed one adds a zh/en problem naming its column. */
export function rowChecker(row: SheetRow, headers: Record<string, string>, language: Language) {
  const problems: RowProblem[] = [];
  const fail = (key: string, zh: string, en: string) =>
    problems.push({ row: row.row, column: headers[key] ?? key, message: language === 'en' ? en : zh });
  const shown = (key: string) => (row.get(key).length > 30 ? `${row.get(key).slice(0, 30)}…` : row.get(key));
  return {
    problems,
    fail,
    county(key: string, allowCity = false): string | null {
      const text = row.get(key);
      if (allowCity && (text === '玉溪市' || text === CITY_CODE)) return CITY_CODE;
      const county = yuxiCounties.find((c) => c.nameZh === text || c.code === text)?.code;
      if (!county)
        fail(key, `不是玉溪市的县（市、区）：${shown(key)}`, `Not a county of Yuxi: ${shown(key)}`);
      return county ?? null;
    },
    /** A head count: a whole number ≥ 0; blank = 0 unless required. */
    count(key: string, required: boolean, unitHintZh = '', unitHintEn = ''): number | null {
      const text = row.get(key);
      if (text === '') {
        if (required) fail(key, '必填', 'Required');
        return required ? null : 0;
      }
      const value = Number(text);
      if (!Number.isFinite(value)) fail(key, `不是数字：${shown(key)}`, `Not a number: ${shown(key)}`);
      else if (value < 0) fail(key, `不能为负数：${text}`, `Cannot be negative: ${text}`);
      else if (!Number.isInteger(value))
        fail(key, `须为整数${unitHintZh}：${text}`, `Must be a whole number${unitHintEn}: ${text}`);
      else return value;
      return null;
    },
    /** A decimal amount ≥ 0 with at most 4 decimals, below `max` (a larger one means the wrong unit). */
    amount(key: string, max: number, unitZh: string, unitEn: string): string | null {
      const text = row.get(key);
      if (text === '') return null;
      const value = Number(text);
      if (!Number.isFinite(value)) fail(key, `不是数字：${shown(key)}`, `Not a number: ${shown(key)}`);
      else if (value < 0) fail(key, `不能为负数：${text}`, `Cannot be negative: ${text}`);
      else if (value >= max)
        fail(key, `数值过大，请按${unitZh}填写：${text}`, `Too large: give it in ${unitEn}: ${text}`);
      else return String(Math.round(value * 10_000) / 10_000);
      return null;
    },
    year(key: string, lastYear: number): number | null {
      const text = row.get(key);
      const year = Number(text);
      if (!/^\d{4}$/.test(text) || year < STATISTICS_FIRST_YEAR || year > lastYear) {
        fail(
          key,
          `年份须在 ${STATISTICS_FIRST_YEAR} 至 ${lastYear} 年之间：${shown(key)}`,
          `The year must be between ${STATISTICS_FIRST_YEAR} and ${lastYear}: ${shown(key)}`,
        );
        return null;
      }
      return year;
    },
  };
}

/** An Excel date cell holds the wall time as if UTC; a text cell is read as China time. */
function accidentTime(row: SheetRow): Date | null {
  const cell = row.date('occurredAt');
  if (cell) return new Date(chinaIso(cell.toISOString().slice(0, 19)));
  const text = row.get('occurredAt').replace(/\//g, '-');
  const match = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{1,2}):(\d{2}))?$/.exec(text);
  if (!match) return null;
  const at = new Date(chinaIso(`${match[1]} ${(match[2] ?? '00').padStart(2, '0')}:${match[3] ?? '00'}:00`));
  return Number.isNaN(at.getTime()) ? null : at;
}

const sectorByName = (text: string): AccidentSector | undefined =>
  accidentSectors.find((s) => accidentSectorNames[s].zh === text || s === text);

/** The type code from a code or a name, of the GB 6441 version the accident date selects. */
function accidentTypeCode(text: string, occurredAt: Date): string {
  const version = accidentTypeVersionFor(occurredAt);
  return version.types.find((t) => t.zh === text)?.code ?? text.toUpperCase();
}

export function parseAccidentRow(
  row: SheetRow,
  headers: Record<string, string>,
  language: Language,
  now: Date,
  mappings: readonly SectorMapping[],
): { value: AccidentRow | null; problems: RowProblem[] } {
  const check = rowChecker(row, headers, language);
  const occurredAt = accidentTime(row);
  if (!occurredAt)
    check.fail('occurredAt', '发生时间格式应为 2019-05-12 14:30', 'Time should read 2019-05-12 14:30');
  else if (occurredAt > now || Number(chinaDate(occurredAt).slice(0, 4)) < STATISTICS_FIRST_YEAR)
    check.fail(
      'occurredAt',
      `发生时间须在 ${STATISTICS_FIRST_YEAR} 年至今之间`,
      `The time must lie between ${STATISTICS_FIRST_YEAR} and now`,
    );
  const county = check.county('county');
  const location = row.get('location');
  if (location.length < 2 || location.length > 200)
    check.fail('location', '发生地点须为 2–200 个字', 'The place must have 2–200 characters');
  const industryText = row.get('industryCode');
  const industry = industryText ? checkIndustryCode(industryText) : null;
  if (industry && !industry.valid)
    check.fail(
      'industryCode',
      `不是有效的国民经济行业代码：${industryText}`,
      `Not a GB/T 4754 code: ${industryText}`,
    );
  const industryCode = industry?.valid ? industry.code : null;
  const sectorText = row.get('sector');
  const sector = sectorText ? sectorByName(sectorText) : suggestSector(industryCode, mappings);
  if (!sector) check.fail('sector', `未知的行业领域：${sectorText}`, `Unknown sector: ${sectorText}`);
  let accidentType = '';
  if (occurredAt) {
    accidentType = accidentTypeCode(row.get('accidentType'), occurredAt);
    try {
      checkAccidentType(accidentType, occurredAt);
    } catch (error) {
      if (!(error instanceof AccidentError)) throw error;
      check.fail(
        'accidentType',
        `事故类别不属于发生日期适用的 GB 6441 版本：${row.get('accidentType')}`,
        `Not an accident type of the GB 6441 version for that date: ${row.get('accidentType')}`,
      );
    }
  }
  const deaths = check.count('deaths', true);
  const missing = check.count('missing', false);
  const seriousInjuries = check.count('seriousInjuries', false);
  // 100 亿元 = 1,000,000 万元: a loss above it was typed in 元.
  const lossWan = check.amount('lossWan', 1_000_000, '万元', '万元 (10,000 yuan)') ?? '0';
  if (check.problems.length > 0 || !occurredAt || !county || !sector || deaths === null)
    return { value: null, problems: check.problems };
  const figures = { deaths: deaths + missing!, seriousInjuries: seriousInjuries!, directLossWan: lossWan };
  return {
    value: {
      occurredAt,
      county,
      township: row.get('township') || null,
      enterpriseName: row.get('enterpriseName') || null,
      location,
      sector,
      industryCode,
      accidentType,
      level: classifyAccident(figures).level,
      deaths,
      missing: missing!,
      seriousInjuries: seriousInjuries!,
      lossWan,
    },
    problems: [],
  };
}

export function parseDenominatorRow(
  row: SheetRow,
  headers: Record<string, string>,
  language: Language,
  lastYear: number,
): { value: DenominatorRow | null; problems: RowProblem[] } {
  const check = rowChecker(row, headers, language);
  const year = check.year('year', lastYear);
  const county = check.county('county', true);
  // Yuxi's GDP is ~2,500 亿元; 100,000 亿元 is the national scale: a larger figure was typed in 万元.
  const gdpYi = check.amount('gdpYi', 100_000, '亿元', '亿元 (100 million yuan)');
  const workers =
    row.get('workers') === ''
      ? null
      : check.count('workers', true, '（人），疑似按万人填写', ' of persons (given in 万人?)');
  if (row.get('gdpYi') === '' && row.get('workers') === '')
    check.fail('gdpYi', '地区生产总值和就业人员至少填一项', 'Give the GDP, the employment or both');
  if (check.problems.length > 0 || year === null || !county) return { value: null, problems: check.problems };
  return { value: { year, county, gdpYi, workers }, problems: [] };
}

export function parseControlNumberRow(
  row: SheetRow,
  headers: Record<string, string>,
  language: Language,
  lastYear: number,
): { value: ControlNumberRow | null; problems: RowProblem[] } {
  const check = rowChecker(row, headers, language);
  const year = check.year('year', lastYear);
  const county = check.county('county');
  const deaths = check.count('deaths', true);
  if (check.problems.length > 0 || year === null || !county || deaths === null)
    return { value: null, problems: check.problems };
  return { value: { year, county, deaths }, problems: [] };
}
