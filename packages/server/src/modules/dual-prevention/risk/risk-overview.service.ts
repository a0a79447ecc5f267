import ExcelJS from 'exceljs';
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
import { safeCell } from '../../../platform/excel.ts';
import type { RiskOverviewRow, RiskRepository } from './risk.repository.ts';

function countyInScope(scope: DataScope, county: string): boolean {
  if (scope.kind === 'city') return true;
  return scope.kind === 'county' ? scope.counties.includes(county) : scope.county === county;
}

const nameIn = (entries: readonly { code: string; nameZh: string }[], code: string) =>
  entries.find((e) => e.code === code)?.nameZh ?? code;

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
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('企业安全风险分级台账');
      sheet.columns = [
        { header: '序号', key: 'no', width: 6 },
        { header: '企业', key: 'name', width: 32 },
        { header: '县（区）', key: 'county', width: 10 },
        { header: '行业代码', key: 'industry', width: 10 },
        { header: '行业领域', key: 'sectors', width: 20 },
        { header: '重点监管标签', key: 'tags', width: 24 },
        { header: '企业风险等级', key: 'level', width: 12 },
        { header: '最高风险单元等级', key: 'unitLevel', width: 14 },
        { header: '风险单元数', key: 'units', width: 10 },
        { header: '重大风险点', key: 'p1', width: 10 },
        { header: '较大风险点', key: 'p2', width: 10 },
        { header: '一般风险点', key: 'p3', width: 10 },
        { header: '低风险点', key: 'p4', width: 10 },
        { header: '百分制评分', key: 'score', width: 10 },
        { header: '评分等级', key: 'gradingLevel', width: 10 },
        { header: '评定时间', key: 'gradedAt', width: 20 },
      ];
      sheet.getRow(1).font = { bold: true };
      const fills = { red: 'FFFF0000', orange: 'FFFFA500', yellow: 'FFFFFF00', blue: 'FF1E90FF' } as const;
      const levelName = (level: RiskLevel | null) => (level ? riskLevelNames[level].zh : '—');
      items.forEach((item, index) => {
        const row = sheet.addRow({
          no: index + 1,
          name: safeCell(item.name),
          county: nameIn(yuxiCounties, item.county),
          industry: item.industryCode ?? '',
          sectors: item.sectors.map((s) => nameIn(defaultSectors, s)).join('、'),
          tags: item.keyTags.map((tag) => nameIn(keySupervisionTags, tag)).join('、'),
          level: levelName(item.level),
          unitLevel: levelName(item.unitLevel),
          units: item.units,
          p1: item.pointsByLevel[0],
          p2: item.pointsByLevel[1],
          p3: item.pointsByLevel[2],
          p4: item.pointsByLevel[3],
          score: item.grading?.score ?? '',
          gradingLevel: levelName(item.grading?.level ?? null),
          gradedAt: item.grading ? chinaDateTime(new Date(item.grading.gradedAt)) : '',
        });
        row.getCell('level').fill = {
          type: 'pattern',
          pattern: 'solid',
          fgColor: { argb: fills[item.colour] },
        };
      });
      sheet.addRow([]);
      sheet.addRow([`导出时间：${chinaDateTime(clock.now())}`]);
      return Buffer.from(await workbook.xlsx.writeBuffer());
    },
  };
}

export type RiskOverviewService = ReturnType<typeof createRiskOverviewService>;
