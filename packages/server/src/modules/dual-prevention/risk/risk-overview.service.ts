import {
  defaultSectors,
  DomainError,
  keySupervisionTags,
  riskColourOf,
  riskLevelNames,
  yuxiCounties,
  type DataScope,
  type RiskLevel,
  type RiskOverview,
  type RiskOverviewEnterprise,
  type RiskOverviewQuery,
} from '@anjian/domain';
import type { AuthContext } from '../../../platform/access.ts';
import type { Clock } from '../../../platform/clock.ts';
import { chinaDateTime } from '@anjian/domain';
import { RISK_COLOUR_FILLS, workbookBuffer, type SheetColumn } from '../../../platform/office/index.ts';
import type { RiskOverviewRow, RiskRepository } from './risk.repository.ts';

function countyInScope(scope: DataScope, county: string): boolean {
  if (scope.kind === 'city') return true;
  return scope.kind === 'county' ? scope.counties.includes(county) : scope.county === county;
}

const nameIn = (entries: readonly { code: string; nameZh: string }[], code: string) =>
  entries.find((e) => e.code === code)?.nameZh ?? code;

const levelName = (level: RiskLevel | null) => (level ? riskLevelNames[level].zh : '—');

/** 企业安全风险分级台账: one row per enterprise, its level in the four colours. */
const overviewColumns: SheetColumn<RiskOverviewEnterprise & { no: number }>[] = [
  { header: '序号', width: 6, value: (i) => i.no },
  { header: '企业', width: 32, value: (i) => i.name },
  { header: '县（区）', width: 10, value: (i) => nameIn(yuxiCounties, i.county) },
  { header: '行业代码', width: 10, value: (i) => i.industryCode ?? '' },
  { header: '行业领域', width: 20, value: (i) => i.sectors.map((s) => nameIn(defaultSectors, s)).join('、') },
  {
    header: '重点监管标签',
    width: 24,
    value: (i) => i.keyTags.map((tag) => nameIn(keySupervisionTags, tag)).join('、'),
  },
  {
    header: '企业风险等级',
    width: 12,
    value: (i) => levelName(i.level),
    fill: (i) => RISK_COLOUR_FILLS[i.colour],
  },
  { header: '最高风险单元等级', width: 14, value: (i) => levelName(i.unitLevel) },
  { header: '风险单元数', width: 10, value: (i) => i.units },
  { header: '重大风险点', width: 10, value: (i) => i.pointsByLevel[0] },
  { header: '较大风险点', width: 10, value: (i) => i.pointsByLevel[1] },
  { header: '一般风险点', width: 10, value: (i) => i.pointsByLevel[2] },
  { header: '低风险点', width: 10, value: (i) => i.pointsByLevel[3] },
  { header: '百分制评分', width: 10, value: (i) => i.grading?.score ?? '' },
  { header: '评分等级', width: 10, value: (i) => levelName(i.grading?.level ?? null) },
  {
    header: '评定时间',
    width: 20,
    value: (i) => (i.grading ? chinaDateTime(new Date(i.grading.gradedAt)) : ''),
  },
];

function present(row: RiskOverviewRow): RiskOverviewEnterprise {
  const level = row.level as RiskLevel;
  return {
    enterpriseId: row.enterprise_id,
    name: row.name,
    county: row.county,
    industryCode: row.industry_code,
    sectors: row.sectors,
    keyTags: row.key_tags,
    location: row.lon === null || row.lat === null ? null : { lon: row.lon, lat: row.lat },
    demo: row.demo,
    level,
    colour: riskColourOf(level),
    unitLevel: row.unit_level as RiskLevel | null,
    units: row.units,
    pointsByLevel: row.points,
    grading:
      row.grading_level === null || row.graded_at === null
        ? null
        : {
            level: row.grading_level as RiskLevel,
            score: Number(row.grading_score),
            gradedAt: row.graded_at.toISOString(),
          },
  };
}

/**
 * The bureau's city/county view of enterprise risk: each enterprise rated by its worst risk unit
 * and, where there is one, its 100-point grading (the worse of the two), for the four-colour map
 * and the ledger. A county outside the caller's scope is answered as not found.
 */
export function createRiskOverviewService(deps: { clock: Clock; risk: RiskRepository }) {
  const { clock, risk } = deps;

  async function overview(auth: AuthContext, query: RiskOverviewQuery): Promise<RiskOverview> {
    if (query.county && !countyInScope(auth.scope, query.county))
      throw new DomainError('risk.county_not_found');
    const items = (await risk.overview(auth.scope, query)).map(present);
    const count = (level: number) => items.filter((item) => item.level === level).length;
    return { items, counts: { l1: count(1), l2: count(2), l3: count(3), l4: count(4) } };
  }

  return {
    overview,

    /** 企业安全风险分级台账 as an Excel workbook, with the same filter as the page. */
    async workbook(auth: AuthContext, query: RiskOverviewQuery): Promise<Buffer> {
      const { items } = await overview(auth, query);
      const rows = items.map((item, index) => ({ ...item, no: index + 1 }));
      return workbookBuffer('企业安全风险分级台账', overviewColumns, rows, { exportedAt: clock.now() });
    },
  };
}

export type RiskOverviewService = ReturnType<typeof createRiskOverviewService>;
