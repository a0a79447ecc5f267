import {
  accidentLevelNames,
  accidentLevels,
  accidentSectorNames,
  accidentSectors,
  findAccidentType,
  isIndustrialSector,
  yearOnYear,
  yuxiCounties,
  type AccidentSector,
  type ReportRow,
} from '@anjian/domain';
import type { GroupCounts } from './statistics.repository.ts';

interface Figures {
  accidents: number;
  deaths: number;
  seriousInjuries: number;
  lossWan: number;
}

const zero = (): Figures => ({ accidents: 0, deaths: 0, seriousInjuries: 0, lossWan: 0 });

function add(into: Figures, group: GroupCounts): void {
  into.accidents += group.accidents;
  into.deaths += group.deaths;
  into.seriousInjuries += group.seriousInjuries;
  into.lossWan = Math.round((into.lossWan + group.lossWan) * 10_000) / 10_000;
}

function compare(current: Figures, previous: Figures) {
  return {
    accidents: yearOnYear(current.accidents, previous.accidents),
    deaths: yearOnYear(current.deaths, previous.deaths),
    seriousInjuries: yearOnYear(current.seriousInjuries, previous.seriousInjuries),
    lossWan: yearOnYear(current.lossWan, previous.lossWan),
  };
}

/**
 * One row of the monthly 生产安全事故统计报表: 本月 and 1–N月累计 with 上年同期 and 增减 (同比), over the
 * groups that `belongs` selects.
 */
function row(
  key: string,
  label: { zh: string; en: string },
  groups: readonly GroupCounts[],
  year: number,
  belongs: (g: GroupCounts) => boolean,
): ReportRow {
  const [month, cumulative, lastMonth, lastCumulative] = [zero(), zero(), zero(), zero()];
  for (const g of groups) {
    if (!belongs(g)) continue;
    const thisYear = g.year === year;
    add(thisYear ? cumulative : lastCumulative, g);
    if (g.inMonth) add(thisYear ? month : lastMonth, g);
  }
  return {
    key,
    labelZh: label.zh,
    labelEn: label.en,
    month,
    cumulative,
    monthYoy: compare(month, lastMonth),
    cumulativeYoy: compare(cumulative, lastCumulative),
  };
}

const all = () => true;

/** Rows by sector, in the published order: 合计, 较大及以上, 工矿商贸 with its sectors, then the rest. */
export function sectorRows(groups: readonly GroupCounts[], year: number): ReportRow[] {
  const industrial = accidentSectors.filter(isIndustrialSector);
  const others = accidentSectors.filter((s) => !isIndustrialSector(s));
  const bySector = (s: AccidentSector) => row(s, accidentSectorNames[s], groups, year, (g) => g.sector === s);
  return [
    row('total', { zh: '合计', en: 'Total' }, groups, year, all),
    row(
      'larger_plus',
      { zh: '较大及以上', en: 'Larger and above' },
      groups,
      year,
      (g) => g.level !== 'general',
    ),
    row('industrial', { zh: '工矿商贸', en: 'Industry, mining and trade' }, groups, year, (g) =>
      isIndustrialSector(g.sector as AccidentSector),
    ),
    ...industrial.map(bySector),
    ...others.map(bySector),
  ];
}

export function countyRows(
  groups: readonly GroupCounts[],
  year: number,
  counties: readonly string[],
): ReportRow[] {
  return yuxiCounties
    .filter((c) => counties.includes(c.code))
    .map((c) => row(c.code, { zh: c.nameZh, en: c.nameEn }, groups, year, (g) => g.county === c.code));
}

export function typeRows(groups: readonly GroupCounts[], year: number): ReportRow[] {
  const codes = [...new Set(groups.map((g) => g.accidentType))].sort();
  return codes.map((code) => {
    const type = findAccidentType(code)?.type;
    return row(
      code,
      { zh: type?.zh ?? '其他', en: type?.en ?? 'Other' },
      groups,
      year,
      (g) => g.accidentType === code,
    );
  });
}

export function classRows(groups: readonly GroupCounts[], year: number): ReportRow[] {
  return accidentLevels.map((level) =>
    row(level, accidentLevelNames[level], groups, year, (g) => g.level === level),
  );
}
