/**
 * Statistics (统计分析): accident statistics over reported incidents and imported history, the
 * plan's indicators with their trajectory, yearly control numbers and the Excel imports. Owns the
 * tables statistics_*; reads incidents and enterprises as a read model (the view
 * statistics_accident_facts). Other modules read the indicators through `IndicatorSource` and the
 * accident records through `AccidentRecords`.
 */
import type { FastifyInstance } from 'fastify';
import type { AccidentLevel, DataScope, IndicatorSummary, ReportingFinding } from '@anjian/domain';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import type { EventBus } from '../../platform/events/index.ts';
import { createStatisticsCache } from './statistics-cache.ts';
import { createStatisticsRepository } from './statistics.repository.ts';
import { registerStatisticsRoutes } from './statistics.routes.ts';
import { createStatisticsService } from './statistics.service.ts';
import { createStatisticsWriter } from './statistics-writer.ts';
import { registerSectorMappingRoutes, sectorSuggester } from './sector-mappings.ts';
import { readSettings, registerIndicatorSettingRoutes } from './indicator-settings.ts';
import { registerReportingFindingRoutes } from './reporting-findings.ts';

export type { SectorSuggester } from './sector-mappings.ts';

/** The plan's indicators for a scope and year (the cockpit and the big screen read it). */
export interface IndicatorSource {
  summary(scope: DataScope, year: number, divisionCode?: string | null): Promise<IndicatorSummary>;
  /** Every indicator defined (active or not) by code and name: a plan's indicators link to them. */
  names(): Promise<{ code: string; nameZh: string }[]>;
}

/** An accident record as the statistics count it (reported incidents and imported history). */
export interface AccidentRecord {
  occurredAt: Date;
  /** County division code. */
  county: string;
  location: string;
  level: AccidentLevel;
  /** 瞒报 / 谎报 / 迟报 found by the statistics staff, else null. */
  reportingFinding: ReportingFinding | null;
}

/** The counted accidents of a year (China time) of the given classes, city-wide: the plan's vetoes read it. */
export interface AccidentRecords {
  ofYear(year: number, levels: readonly AccidentLevel[]): Promise<AccidentRecord[]>;
  /** The year's accidents of any class with one of these reporting findings (瞒报, 谎报: the vetoes). */
  foundOfYear(year: number, findings: readonly ReportingFinding[]): Promise<AccidentRecord[]>;
}

export function createStatisticsModule(deps: { db: Db; clock: Clock; events: EventBus }) {
  const { db, clock, events } = deps;
  const repository = createStatisticsRepository(db);
  const service = createStatisticsService({
    clock,
    statistics: repository,
    cache: createStatisticsCache(events),
  });
  const indicators: IndicatorSource = {
    summary: (scope, year, divisionCode) => service.summary(scope, year, divisionCode),
    names: async () => (await readSettings(db)).map((s) => ({ code: s.code, nameZh: s.nameZh })),
  };
  const records = async (year: number, filter: { levels?: string[]; findings?: string[] }) =>
    (
      await repository.facts(
        { scope: { kind: 'city' }, county: null },
        { from: `${year}-01-01`, to: `${year + 1}-01-01`, ...filter },
        5000,
      )
    ).map((r) => ({
      occurredAt: r.occurredAt,
      county: r.county,
      location: r.location,
      level: r.level as AccidentLevel,
      reportingFinding: r.reportingFinding,
    }));
  const accidents: AccidentRecords = {
    ofYear: (year, levels) => records(year, { levels: [...levels] }),
    foundOfYear: (year, findings) => records(year, { findings: [...findings] }),
  };
  return {
    indicators,
    /** Accident records by year and class (the plan's automatic vetoes). */
    accidents,
    /** The bureau's industry → sector mapping, for the first report of an accident (emergency). */
    sectors: sectorSuggester,
    register(app: FastifyInstance) {
      registerStatisticsRoutes(app, { db, clock, events, service, writer: createStatisticsWriter(db) });
      registerSectorMappingRoutes(app, { db, clock });
      registerIndicatorSettingRoutes(app, { db, clock, events });
      registerReportingFindingRoutes(app, { db, clock });
    },
  };
}
