/**
 * Statistics (统计分析): accident statistics over reported incidents and imported history, the
 * plan's indicators with their trajectory, yearly control numbers and the Excel imports. Owns the
 * tables statistics_*; reads incidents and enterprises as a read model (the view
 * statistics_accident_facts). Other modules read the indicators through `IndicatorSource`.
 */
import type { FastifyInstance } from 'fastify';
import type { DataScope, IndicatorSummary } from '@anjian/domain';
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

export type { SectorSuggester } from './sector-mappings.ts';

/** The plan's indicators for a scope and year (the cockpit and the big screen read it). */
export interface IndicatorSource {
  summary(scope: DataScope, year: number, divisionCode?: string | null): Promise<IndicatorSummary>;
  /** Every indicator defined (active or not) by code and name: a plan's indicators link to them. */
  names(): Promise<{ code: string; nameZh: string }[]>;
}

export function createStatisticsModule(deps: { db: Db; clock: Clock; events: EventBus }) {
  const { db, clock, events } = deps;
  const service = createStatisticsService({
    clock,
    statistics: createStatisticsRepository(db),
    cache: createStatisticsCache(events),
  });
  const indicators: IndicatorSource = {
    summary: (scope, year, divisionCode) => service.summary(scope, year, divisionCode),
    names: async () => (await readSettings(db)).map((s) => ({ code: s.code, nameZh: s.nameZh })),
  };
  return {
    indicators,
    /** The bureau's industry → sector mapping, for the first report of an accident (emergency). */
    sectors: sectorSuggester,
    register(app: FastifyInstance) {
      registerStatisticsRoutes(app, { db, clock, events, service, writer: createStatisticsWriter(db) });
      registerSectorMappingRoutes(app, { db, clock });
      registerIndicatorSettingRoutes(app, { db, clock, events });
    },
  };
}
