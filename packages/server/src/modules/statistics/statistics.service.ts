import {
  DomainError,
  STATISTICS_FIRST_YEAR,
  chinaDate,
  controlNumberUse,
  indicatorStatus,
  yuxiCounties,
  type DataScope,
  type IndicatorDefinition,
  type IndicatorSummary,
  type MonthlyReport,
  type YearFigures,
  type YearProgress,
} from '@anjian/domain';
import type { Clock } from '../../platform/clock.ts';
import type { StatisticsCache } from './statistics-cache.ts';
import { classRows, countyRows, sectorRows, typeRows } from './report-table.ts';
import {
  CITY_CODE,
  type Area,
  type CountyYearCounts,
  type Denominator,
  type StatisticsRepository,
} from './statistics.repository.ts';

const DAY_MS = 86_400_000;

/** The counties a scope sees (an enterprise account sees none: statistics are the bureau's). */
export function scopeCounties(scope: DataScope): string[] {
  if (scope.kind === 'city') return yuxiCounties.map((c) => c.code);
  if (scope.kind === 'county') return [...scope.counties];
  return [];
}

/** The area asked for: one county (which must lie in the scope) or the whole scope. */
export function resolveArea(scope: DataScope, divisionCode: string | undefined | null): Area {
  if (!divisionCode) {
    const counties = scopeCounties(scope);
    return { scope, county: scope.kind === 'county' && counties.length === 1 ? counties[0]! : null };
  }
  if (!scopeCounties(scope).includes(divisionCode)) throw new DomainError('registry.scope_outside_caller');
  return { scope, county: divisionCode };
}

/** Day of the year so far (China calendar, today counted) or null for a finished year. */
export function yearProgress(year: number, now: Date): YearProgress | null {
  const today = chinaDate(now);
  const currentYear = Number(today.slice(0, 4));
  if (year < currentYear) return null;
  const daysInYear = (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / DAY_MS;
  if (year > currentYear) return { elapsedDays: 0, daysInYear };
  const elapsedDays = (Date.parse(`${today}T00:00:00Z`) - Date.UTC(year, 0, 1)) / DAY_MS + 1;
  return { elapsedDays, daysInYear };
}

/**
 * The denominator of an area: one county's row; for several counties the city's own row (530400)
 * when the area is the whole city, else the sum of its counties when every one of them has a value.
 */
function denominatorOf(
  rows: readonly Denominator[],
  year: number,
  counties: readonly string[],
  wholeCity: boolean,
  pick: (d: Denominator) => number | null,
): number | null {
  const ofYear = rows.filter((r) => r.year === year);
  if (wholeCity) {
    const city = ofYear.find((r) => r.county === CITY_CODE);
    if (city && pick(city) !== null) return pick(city);
  }
  let sum = 0;
  for (const county of counties) {
    const value = ofYear.find((r) => r.county === county);
    if (!value || pick(value) === null) return null;
    sum += pick(value)!;
  }
  return sum;
}

function yearFigures(
  counts: readonly CountyYearCounts[],
  denominators: readonly Denominator[],
  counties: readonly string[],
  wholeCity: boolean,
  from: number,
  to: number,
): Map<number, YearFigures> {
  const figures = new Map<number, YearFigures>();
  for (let year = from; year <= to; year++) {
    const ofYear = counts.filter((c) => c.year === year && counties.includes(c.county));
    figures.set(year, {
      year,
      deaths: ofYear.reduce((s, c) => s + c.deaths, 0),
      industrialDeaths: ofYear.reduce((s, c) => s + c.industrialDeaths, 0),
      largerAccidents: ofYear.reduce((s, c) => s + c.largerAccidents, 0),
      gdpYi: denominatorOf(denominators, year, counties, wholeCity, (d) => d.gdpYi),
      industrialWorkers: denominatorOf(denominators, year, counties, wholeCity, (d) => d.industrialWorkers),
    });
  }
  return figures;
}

const firstYear = (definitions: readonly IndicatorDefinition[]) =>
  Math.min(STATISTICS_FIRST_YEAR, ...definitions.map((d) => d.baselineFrom));

export function createStatisticsService(deps: {
  clock: Clock;
  statistics: StatisticsRepository;
  cache: StatisticsCache;
}) {
  const { clock, statistics, cache } = deps;
  const city = { scope: { kind: 'city' as const }, county: null };

  /** City-wide counts by county and year (cached); callers keep their own counties. */
  const countsByCounty = (from: number, to: number) =>
    cache.memo(`counts:${from}:${to}`, () => statistics.countyYearCounts(city, from, to));
  const denominators = (from: number, to: number) =>
    cache.memo(`denominators:${from}:${to}`, () => statistics.denominators(from, to));
  const definitions = () => cache.memo('indicators', () => statistics.indicators());
  /** The monthly groups of one area: city-wide (cached), then the area's counties. */
  async function monthGroups(area: Area, year: number, month: number) {
    if (area.scope.kind === 'enterprise') return [];
    const all = await cache.memo(`month:${year}:${month}`, () => statistics.monthGroups(city, year, month));
    const counties = area.county ? [area.county] : scopeCounties(area.scope);
    return all.filter((g) => counties.includes(g.county));
  }

  /** Indicator statuses of each area (one county each, or the scope as a whole), two queries in all. */
  async function summaries(scope: DataScope, year: number, areas: readonly (string | null)[]) {
    const indicators = await definitions();
    const from = firstYear(indicators);
    const [counts, rows] = await Promise.all([countsByCounty(from, year), denominators(from, year)]);
    const progress = yearProgress(year, clock.now());
    return areas.map((county) => {
      const counties = county ? [county] : scopeCounties(scope);
      const wholeCity = county === null && scope.kind === 'city';
      const figures = yearFigures(counts, rows, counties, wholeCity, from, year);
      // The plan's published baseline is the city's figure: only the whole city is judged against it.
      return indicators.map((definition) =>
        indicatorStatus({ definition, figures, year, progress, wholeCity }),
      );
    });
  }

  return {
    /** GET /statistics/indicators: the contract the cockpit reads (IndicatorSource). */
    async summary(scope: DataScope, year: number, divisionCode?: string | null): Promise<IndicatorSummary> {
      const area = resolveArea(scope, divisionCode);
      const [indicators] = await summaries(scope, year, [area.county]);
      return {
        year,
        divisionCode: area.county,
        includesDemo: await statistics.includesDemo(area),
        indicators: indicators!,
      };
    },

    /** Every county of the scope: its indicators and trajectory (the all-county view). */
    async countySummaries(scope: DataScope, year: number) {
      const counties = scopeCounties(scope);
      const results = await summaries(scope, year, counties);
      return {
        year,
        includesDemo: await statistics.includesDemo({ scope, county: null }),
        counties: counties.map((code, index) => ({ divisionCode: code, indicators: results[index]! })),
      };
    },

    async monthly(scope: DataScope, query: { year: number; month: number; divisionCode?: string }) {
      const area = resolveArea(scope, query.divisionCode);
      const groups = await monthGroups(area, query.year, query.month);
      const counties = area.county ? [area.county] : scopeCounties(scope);
      const end = query.month === 12 ? `${query.year + 1}-01-01` : `${query.year}-${pad(query.month + 1)}-01`;
      const larger = await statistics.facts(
        area,
        { from: `${query.year}-01-01`, to: end, levels: ['larger', 'major', 'especially_major'] },
        100,
      );
      const report: MonthlyReport = {
        year: query.year,
        month: query.month,
        divisionCode: area.county,
        includesDemo: await statistics.includesDemo(area),
        bySector: sectorRows(groups, query.year),
        byCounty: countyRows(groups, query.year, counties),
        byType: typeRows(groups, query.year),
        byClass: classRows(groups, query.year),
        largerAccidents: larger.map((f) => ({
          id: f.id,
          occurredAt: f.occurredAt.toISOString(),
          county: f.county,
          location: f.location,
          deaths: f.deaths,
        })),
      };
      return report;
    },

    /** county → enterprise → accident: the level below the one given. */
    async drill(
      scope: DataScope,
      query: { year: number; month?: number; divisionCode?: string; enterpriseId?: string },
    ) {
      const area = resolveArea(scope, query.divisionCode);
      const [from, to] = query.month
        ? [
            `${query.year}-${pad(query.month)}-01`,
            query.month === 12 ? `${query.year + 1}-01-01` : `${query.year}-${pad(query.month + 1)}-01`,
          ]
        : [`${query.year}-01-01`, `${query.year + 1}-01-01`];
      if (!query.divisionCode && !query.enterpriseId) {
        const counts = await monthGroups(area, query.year, query.month ?? 12);
        const inPeriod = counts.filter((g) => g.year === query.year && (query.month ? g.inMonth : true));
        return {
          counties: scopeCounties(scope).map((code) => ({
            divisionCode: code,
            accidents: inPeriod.filter((g) => g.county === code).reduce((s, g) => s + g.accidents, 0),
            deaths: inPeriod.filter((g) => g.county === code).reduce((s, g) => s + g.deaths, 0),
          })),
          enterprises: [],
          accidents: [],
        };
      }
      if (!query.enterpriseId)
        return { counties: [], enterprises: await statistics.byEnterprise(area, from, to), accidents: [] };
      const facts = await statistics.facts(area, { from, to, enterpriseId: query.enterpriseId });
      return {
        counties: [],
        enterprises: [],
        accidents: facts.map((f) => ({ ...f, occurredAt: f.occurredAt.toISOString() })),
      };
    },

    /** 年度控制考核指标: each county's deaths so far against its limit, warned at 80 % and 100 %. */
    async controlNumbers(scope: DataScope, year: number) {
      const [limits, counts] = await Promise.all([
        statistics.controlNumbers(year),
        countsByCounty(year, year),
      ]);
      const items = yuxiCounties
        .filter((c) => scopeCounties(scope).includes(c.code) && limits.has(c.code))
        .map((c) => {
          const used = counts.filter((x) => x.county === c.code).reduce((s, x) => s + x.deaths, 0);
          return {
            county: c.code,
            countyZh: c.nameZh,
            countyEn: c.nameEn,
            ...controlNumberUse(used, limits.get(c.code)!),
          };
        });
      return { year, items };
    },
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

export type StatisticsService = ReturnType<typeof createStatisticsService>;
