import {
  accidentSectors,
  isIndustrialSector,
  type DataScope,
  type IndicatorDefinition,
  type IndicatorFormula,
  type ReportingFinding,
} from '@anjian/domain';
import type { Db } from '../../platform/db.ts';
import { scopeCondition } from '../../platform/scope-sql.ts';

/** The city's own code: a denominator row for 530400 is the published city total. */
export const CITY_CODE = '530400';

const industrialSectors = accidentSectors.filter(isIndustrialSector);

/** Where the figures are read: the caller's scope, narrowed to one county when asked. */
export interface Area {
  scope: DataScope;
  county: string | null;
}

function areaCondition(area: Area, params: unknown[]): string {
  const conditions = [
    scopeCondition(area.scope, { county: 'f.county', enterprise: 'f.enterprise_id' }, params),
  ];
  if (area.county) {
    params.push(area.county);
    conditions.push(`f.county = $${params.length}`);
  }
  return conditions.join(' AND ');
}

/** Start of a China-time calendar date given as a parameter. */
const chinaStart = (n: number) => `($${n}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`;

export interface CountyYearCounts {
  year: number;
  county: string;
  deaths: number;
  industrialDeaths: number;
  largerAccidents: number;
}

export interface Denominator {
  year: number;
  county: string;
  gdpYi: number | null;
  industrialWorkers: number | null;
}

export interface GroupCounts {
  year: number;
  inMonth: boolean;
  sector: string;
  county: string;
  accidentType: string;
  level: string;
  accidents: number;
  deaths: number;
  seriousInjuries: number;
  lossWan: number;
}

export interface FactRow {
  id: string;
  source: string;
  occurredAt: Date;
  county: string;
  enterpriseId: string | null;
  enterpriseName: string | null;
  location: string;
  sector: string;
  accidentType: string;
  level: string;
  deaths: number;
  seriousInjuries: number;
  lossWan: number;
  demo: boolean;
  /** 瞒报 / 谎报 / 迟报 found by the statistics staff (reporting-findings.ts), else null. */
  reportingFinding: ReportingFinding | null;
}

interface IndicatorRow {
  code: string;
  name_zh: string;
  name_en: string;
  unit: string;
  kind: 'binding' | 'expected';
  formula: IndicatorFormula;
  comparison: 'point' | 'period_average';
  baseline_from: number;
  baseline_to: number;
  target_year: number;
  target_change: string;
  decimals: number;
  published_baseline: string | null;
  published_baseline_note: string | null;
}

export function createStatisticsRepository(db: Db) {
  return {
    async indicators(): Promise<IndicatorDefinition[]> {
      const rows = await db.query<IndicatorRow>(
        'SELECT * FROM statistics_indicators WHERE active ORDER BY position, code',
      );
      return rows.rows.map((r) => ({
        code: r.code,
        nameZh: r.name_zh,
        nameEn: r.name_en,
        unit: r.unit,
        kind: r.kind,
        formula: r.formula,
        comparison: r.comparison,
        baselineFrom: r.baseline_from,
        baselineTo: r.baseline_to,
        targetYear: r.target_year,
        targetChange: Number(r.target_change),
        decimals: r.decimals,
        publishedBaseline: r.published_baseline === null ? null : Number(r.published_baseline),
        publishedBaselineNote: r.published_baseline_note,
      }));
    },

    /** Deaths, 工矿商贸 deaths and 较大 accidents by year and county, `from`..`to` years inclusive. */
    async countyYearCounts(area: Area, from: number, to: number): Promise<CountyYearCounts[]> {
      const params: unknown[] = [from, to, industrialSectors];
      const rows = await db.query<CountyYearCounts>(
        `SELECT f.year::int AS year, f.county,
                sum(f.deaths)::int AS "deaths",
                coalesce(sum(f.deaths) FILTER (WHERE f.sector = ANY ($3::text[])), 0)::int AS "industrialDeaths",
                (count(*) FILTER (WHERE f.level = 'larger'))::int AS "largerAccidents"
           FROM statistics_accident_facts f
          WHERE f.year BETWEEN $1 AND $2 AND ${areaCondition(area, params)}
          GROUP BY 1, 2`,
        params,
      );
      return rows.rows;
    },

    async denominators(from: number, to: number): Promise<Denominator[]> {
      const rows = await db.query<{
        year: number;
        county: string;
        gdp_yi: string | null;
        industrial_workers: number | null;
      }>(
        'SELECT year, county, gdp_yi, industrial_workers FROM statistics_denominators WHERE year BETWEEN $1 AND $2',
        [from, to],
      );
      return rows.rows.map((r) => ({
        year: r.year,
        county: r.county,
        gdpYi: r.gdp_yi === null ? null : Number(r.gdp_yi),
        industrialWorkers: r.industrial_workers,
      }));
    },

    /** Counts of this year and last, 1 January to the end of `month`, split by the month itself. */
    async monthGroups(area: Area, year: number, month: number): Promise<GroupCounts[]> {
      const params: unknown[] = [year - 1, year, month];
      const rows = await db.query<GroupCounts & { lossWan: string }>(
        `SELECT f.year::int AS year, f.month = $3 AS "inMonth",
                f.sector, f.county, f.accident_type AS "accidentType", f.level,
                count(*)::int AS accidents, sum(f.deaths)::int AS deaths,
                sum(f.serious_injuries)::int AS "seriousInjuries", sum(f.direct_loss_wan) AS "lossWan"
           FROM statistics_accident_facts f
          WHERE f.year BETWEEN $1 AND $2 AND f.month <= $3 AND ${areaCondition(area, params)}
          GROUP BY 1, 2, 3, 4, 5, 6`,
        params,
      );
      return rows.rows.map((r) => ({ ...r, lossWan: Number(r.lossWan) }));
    },

    /** Accidents of an area and period, newest first (the drill-down's last step, the 较大 list). */
    async facts(
      area: Area,
      filter: { from: string; to: string; enterpriseId?: string; levels?: string[]; findings?: string[] },
      limit = 500,
    ): Promise<FactRow[]> {
      const params: unknown[] = [filter.from, filter.to];
      const conditions = [
        `f.occurred_at >= ${chinaStart(1)}`,
        `f.occurred_at < ${chinaStart(2)}`,
        areaCondition(area, params),
      ];
      if (filter.enterpriseId) {
        params.push(filter.enterpriseId);
        conditions.push(`f.enterprise_id = $${params.length}`);
      }
      if (filter.levels) {
        params.push(filter.levels);
        conditions.push(`f.level = ANY ($${params.length}::text[])`);
      }
      if (filter.findings) {
        params.push(filter.findings);
        conditions.push(`rf.finding = ANY ($${params.length}::text[])`);
      }
      params.push(limit);
      const rows = await db.query<FactRow & { lossWan: string }>(
        `SELECT f.id, f.source, f.occurred_at AS "occurredAt", f.county, f.enterprise_id AS "enterpriseId",
                f.enterprise_name AS "enterpriseName", f.location, f.sector, f.accident_type AS "accidentType",
                f.level, f.deaths, f.serious_injuries AS "seriousInjuries", f.direct_loss_wan AS "lossWan", f.demo,
                rf.finding AS "reportingFinding"
           FROM statistics_accident_facts f LEFT JOIN statistics_reporting_findings rf ON rf.accident_id = f.id
          WHERE ${conditions.join(' AND ')}
          ORDER BY f.occurred_at DESC LIMIT $${params.length}`,
        params,
      );
      return rows.rows.map((r) => ({ ...r, lossWan: Number(r.lossWan) }));
    },

    /** Accidents and deaths by enterprise in an area and period (drill-down county → enterprise). */
    async byEnterprise(area: Area, from: string, to: string) {
      const params: unknown[] = [from, to];
      const rows = await db.query<{
        enterpriseId: string | null;
        enterpriseName: string | null;
        accidents: number;
        deaths: number;
      }>(
        `SELECT f.enterprise_id AS "enterpriseId", max(f.enterprise_name) AS "enterpriseName",
                count(*)::int AS accidents, sum(f.deaths)::int AS deaths
           FROM statistics_accident_facts f
          WHERE f.occurred_at >= ${chinaStart(1)} AND f.occurred_at < ${chinaStart(2)} AND ${areaCondition(area, params)}
          GROUP BY f.enterprise_id, CASE WHEN f.enterprise_id IS NULL THEN f.enterprise_name END
          ORDER BY deaths DESC, accidents DESC LIMIT 200`,
        params,
      );
      return rows.rows;
    },

    async controlNumbers(year: number): Promise<Map<string, number>> {
      const rows = await db.query<{ county: string; deaths: number }>(
        'SELECT county, deaths FROM statistics_control_numbers WHERE year = $1',
        [year],
      );
      return new Map(rows.rows.map((r) => [r.county, r.deaths]));
    },

    /** Whether demo (演示) records feed the figures of the area. */
    async includesDemo(area: Area): Promise<boolean> {
      const params: unknown[] = [];
      const rows = await db.query<{ demo: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM statistics_accidents f WHERE f.demo AND ${areaCondition(area, params)})
             OR EXISTS (SELECT 1 FROM statistics_denominators WHERE demo) AS demo`,
        params,
      );
      return rows.rows[0]!.demo;
    },
  };
}

export type StatisticsRepository = ReturnType<typeof createStatisticsRepository>;
