import ExcelJS from 'exceljs';
import {
  calculateLec,
  calculateLs,
  DomainError,
  findGb6441AccidentType,
  riskLevelNames,
  type RiskLevel,
  type RiskPointInput,
  type RiskUnit,
  type RiskUnitInput,
} from '@anjian/domain';
import type { AuthContext } from '../../../platform/access.ts';
import type { Clock } from '../../../platform/clock.ts';
import { chinaDateTime } from '@anjian/domain';
import { safeCell } from '../../../platform/excel.ts';
import { scopeAllows } from '../../../platform/scope-sql.ts';
import type { EnterpriseLookup } from '../../registry/index.ts';
import { noticeBoardDocx, postCardDocx } from './risk-documents.ts';
import { createRiskOverviewService } from './risk-overview.service.ts';
import type { PointWrite, RiskRepository } from './risk.repository.ts';

const measureNames = {
  engineering: '工程技术',
  management: '管理',
  training: '培训教育',
  ppe: '个体防护',
  emergency: '应急处置',
} as const;
const controlLevelNames = { company: '公司级', workshop: '车间级', team: '班组级', post: '岗位级' } as const;
const unitKindNames = { area: '区域', facility: '设施设备', activity: '作业活动', post: '岗位' } as const;

export function createRiskService(deps: {
  clock: Clock;
  risk: RiskRepository;
  enterprises: EnterpriseLookup;
}) {
  const { clock, risk, enterprises } = deps;
  const overview = createRiskOverviewService({ clock, risk });

  /** The assessment, recomputed on the server from the scores: LEC or LS, never a client's figure. */
  function assess(input: RiskPointInput, auth: AuthContext): PointWrite {
    const a = input.assessment;
    const result =
      a.method === 'lec'
        ? calculateLec({ l: a.l, e: a.e, c: a.c } as never)
        : calculateLs({ l: a.l, s: a.s } as never);
    return {
      ...input,
      value: 'd' in result ? result.d : result.r,
      level: result.level,
      colour: result.colour,
      assessedAt: clock.now(),
      assessedBy: auth.username,
    };
  }

  async function writableUnit(auth: AuthContext, id: string): Promise<RiskUnit> {
    const unit = await risk.unit(id, auth.scope);
    if (!unit) throw new DomainError('risk.unit_not_found');
    if (!scopeAllows(auth.scope, unit.county, unit.enterpriseId))
      throw new DomainError('registry.scope_outside_caller');
    return unit;
  }

  return {
    units: (auth: AuthContext, filter: { enterpriseId?: string | undefined; county?: string | undefined }) =>
      risk.units(auth.scope, filter),

    async unit(auth: AuthContext, id: string): Promise<RiskUnit> {
      const unit = await risk.unit(id, auth.scope);
      if (!unit) throw new DomainError('risk.unit_not_found');
      return unit;
    },

    async createUnit(auth: AuthContext, input: RiskUnitInput): Promise<RiskUnit> {
      const enterprise = await enterprises.findById(input.enterpriseId, auth.scope);
      if (!enterprise) throw new DomainError('enterprise.not_found');
      if (!scopeAllows(auth.scope, enterprise.county, enterprise.id))
        throw new DomainError('registry.scope_outside_caller');
      const id = await risk.insertUnit(input, enterprise.county, clock.now());
      return (await risk.unit(id, auth.scope))!;
    },

    async updateUnit(
      auth: AuthContext,
      id: string,
      input: Omit<RiskUnitInput, 'enterpriseId'>,
    ): Promise<RiskUnit> {
      await writableUnit(auth, id);
      await risk.updateUnit(id, input, clock.now());
      return (await risk.unit(id, auth.scope))!;
    },

    async deleteUnit(auth: AuthContext, id: string): Promise<void> {
      await writableUnit(auth, id);
      await risk.deleteUnit(id);
    },

    async addPoint(auth: AuthContext, unitId: string, input: RiskPointInput): Promise<RiskUnit> {
      await writableUnit(auth, unitId);
      await risk.insertPoint(unitId, assess(input, auth));
      return (await risk.unit(unitId, auth.scope))!;
    },

    async updatePoint(auth: AuthContext, pointId: string, input: RiskPointInput): Promise<RiskUnit> {
      const unit = await risk.unitOfPoint(pointId, auth.scope);
      if (!unit) throw new DomainError('risk.point_not_found');
      await writableUnit(auth, unit.id);
      await risk.updatePoint(pointId, assess(input, auth));
      return (await risk.unit(unit.id, auth.scope))!;
    },

    async deletePoint(auth: AuthContext, pointId: string): Promise<void> {
      const unit = await risk.unitOfPoint(pointId, auth.scope);
      if (!unit) throw new DomainError('risk.point_not_found');
      await writableUnit(auth, unit.id);
      await risk.deletePoint(pointId);
    },

    enterpriseLevels: (auth: AuthContext) => risk.enterpriseLevels(auth.scope),

    /** The city/county view: every enterprise's risk level, for the four-colour map and the ledger. */
    overview: overview.overview,
    overviewWorkbook: overview.workbook,

    async noticeBoard(auth: AuthContext, enterpriseId: string): Promise<{ name: string; docx: Buffer }> {
      const enterprise = await enterprises.findById(enterpriseId, auth.scope);
      if (!enterprise) throw new DomainError('enterprise.not_found');
      const units = await risk.units(auth.scope, { enterpriseId });
      return {
        name: enterprise.name,
        docx: await noticeBoardDocx(enterprise.name, units, chinaDateTime(clock.now()).slice(0, 10)),
      };
    },

    async postCard(auth: AuthContext, unitId: string): Promise<{ name: string; docx: Buffer }> {
      const unit = await risk.unit(unitId, auth.scope);
      if (!unit) throw new DomainError('risk.unit_not_found');
      return {
        name: unit.name,
        docx: await postCardDocx(unit.enterpriseName, unit, chinaDateTime(clock.now()).slice(0, 10)),
      };
    },

    /** 风险分级管控台账: one row per risk point, most severe first, as the bureau's ledger form lays it out. */
    async ledger(
      auth: AuthContext,
      filter: { enterpriseId?: string | undefined; county?: string | undefined },
    ): Promise<Buffer> {
      const units = await risk.units(auth.scope, filter);
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('风险分级管控台账');
      sheet.columns = [
        { header: '序号', key: 'no', width: 6 },
        { header: '企业', key: 'enterprise', width: 28 },
        { header: '风险单元', key: 'unit', width: 18 },
        { header: '单元类型', key: 'kind', width: 10 },
        { header: '风险点（危险源）', key: 'point', width: 24 },
        { header: '可能导致的事故类型', key: 'accidents', width: 22 },
        { header: '评价方法', key: 'method', width: 8 },
        { header: '评价取值', key: 'scores', width: 16 },
        { header: 'D/R 值', key: 'value', width: 8 },
        { header: '风险等级', key: 'level', width: 10 },
        { header: '管控措施', key: 'measures', width: 48 },
        { header: '管控层级', key: 'controlLevel', width: 10 },
        { header: '责任人', key: 'responsible', width: 10 },
        { header: '评价时间', key: 'assessedAt', width: 20 },
      ];
      sheet.getRow(1).font = { bold: true };
      const fills = { red: 'FFFF0000', orange: 'FFFFA500', yellow: 'FFFFFF00', blue: 'FF1E90FF' } as const;
      const rows = units
        .flatMap((unit) => unit.points.map((point) => ({ unit, point })))
        .sort(
          (a, b) =>
            a.point.level - b.point.level ||
            a.unit.enterpriseName.localeCompare(b.unit.enterpriseName, 'zh-CN'),
        );
      rows.forEach(({ unit, point }, index) => {
        const a = point.assessment;
        const row = sheet.addRow({
          no: index + 1,
          enterprise: safeCell(unit.enterpriseName),
          unit: safeCell(unit.name),
          kind: unitKindNames[unit.kind],
          point: safeCell(point.name),
          accidents: point.accidentTypes.map((code) => findGb6441AccidentType(code)?.zh ?? code).join('、'),
          method: a.method.toUpperCase(),
          scores: a.method === 'lec' ? `L=${a.l} E=${a.e} C=${a.c}` : `L=${a.l} S=${a.s}`,
          value: point.value,
          level: riskLevelNames[point.level as RiskLevel].zh,
          measures: safeCell(point.measures.map((m) => `【${measureNames[m.kind]}】${m.text}`).join('\n')),
          controlLevel: controlLevelNames[point.controlLevel],
          responsible: safeCell(point.responsiblePerson),
          assessedAt: chinaDateTime(new Date(point.assessedAt)),
        });
        row.getCell('level').fill = {
          type: 'pattern',
          pattern: 'solid',
          fgColor: { argb: fills[point.colour] },
        };
        row.getCell('measures').alignment = { wrapText: true, vertical: 'top' };
      });
      return Buffer.from(await workbook.xlsx.writeBuffer());
    },
  };
}

export type RiskService = ReturnType<typeof createRiskService>;
