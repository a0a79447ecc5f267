import {
  calculateLec,
  calculateLs,
  controlLevelNames,
  controlMeasureKindNames,
  DomainError,
  findGb6441AccidentType,
  riskLevelNames,
  riskUnitKindNames,
  type RiskLevel,
  type RiskPointInput,
  type RiskUnit,
  type RiskUnitInput,
} from '@anjian/domain';
import type { AuthContext } from '../../../platform/access.ts';
import type { Clock } from '../../../platform/clock.ts';
import { chinaDateTime } from '@anjian/domain';
import { RISK_COLOUR_FILLS, workbookBuffer, type SheetColumn } from '../../../platform/office/index.ts';
import { scopeAllows } from '../../../platform/scope-sql.ts';
import type { EnterpriseLookup } from '../../registry/index.ts';
import { noticeBoardDocx, postCardDocx } from './risk-documents.ts';
import { createRiskOverviewService } from './risk-overview.service.ts';
import type { PointWrite, RiskRepository } from './risk.repository.ts';

type LedgerRow = { no: number; unit: RiskUnit; point: RiskUnit['points'][number] };

/** 风险分级管控台账: one row per risk point, as the bureau's ledger form lays it out. */
const ledgerColumns: SheetColumn<LedgerRow>[] = [
  { header: '序号', width: 6, value: (r) => r.no },
  { header: '企业', width: 28, value: (r) => r.unit.enterpriseName },
  { header: '风险单元', width: 18, value: (r) => r.unit.name },
  { header: '单元类型', width: 10, value: (r) => riskUnitKindNames[r.unit.kind].zh },
  { header: '风险点（危险源）', width: 24, value: (r) => r.point.name },
  {
    header: '可能导致的事故类型',
    width: 22,
    value: (r) => r.point.accidentTypes.map((code) => findGb6441AccidentType(code)?.zh ?? code).join('、'),
  },
  { header: '评价方法', width: 8, value: (r) => r.point.assessment.method.toUpperCase() },
  { header: '评价取值', width: 16, value: (r) => scoresOf(r.point.assessment) },
  { header: 'D/R 值', width: 8, value: (r) => r.point.value },
  {
    header: '风险等级',
    width: 10,
    value: (r) => riskLevelNames[r.point.level as RiskLevel].zh,
    fill: (r) => RISK_COLOUR_FILLS[r.point.colour],
  },
  {
    header: '管控措施',
    width: 48,
    wrap: true,
    value: (r) =>
      r.point.measures.map((m) => `【${controlMeasureKindNames[m.kind].zh}】${m.text}`).join('\n'),
  },
  { header: '管控层级', width: 10, value: (r) => controlLevelNames[r.point.controlLevel].zh },
  { header: '责任人', width: 10, value: (r) => r.point.responsiblePerson },
  { header: '评价时间', width: 20, value: (r) => chinaDateTime(new Date(r.point.assessedAt)) },
];

function scoresOf(a: RiskUnit['points'][number]['assessment']): string {
  return a.method === 'lec' ? `L=${a.l} E=${a.e} C=${a.c}` : `L=${a.l} S=${a.s}`;
}

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
      const rows = units
        .flatMap((unit) => unit.points.map((point) => ({ unit, point })))
        .sort(
          (a, b) =>
            a.point.level - b.point.level ||
            a.unit.enterpriseName.localeCompare(b.unit.enterpriseName, 'zh-CN'),
        )
        .map((row, index) => ({ ...row, no: index + 1 }));
      return workbookBuffer('风险分级管控台账', ledgerColumns, rows);
    },
  };
}

export type RiskService = ReturnType<typeof createRiskService>;
