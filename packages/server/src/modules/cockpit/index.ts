import type { FastifyInstance } from 'fastify';
import type { DataScope, PlanTarget } from '@anjian/domain';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import type { EventBus } from '../../platform/events/index.ts';
import { createCockpitTargetsRepository } from './cockpit-targets.repository.ts';
import { createCockpitRepository } from './cockpit.repository.ts';
import { registerCockpitRoutes } from './cockpit.routes.ts';
import { registerPlanTargetSettingRoutes } from './plan-target-settings.ts';
import { createCockpitService, type IndicatorSource } from './cockpit.service.ts';

export type { IndicatorSource } from './cockpit.service.ts';

/** The plan targets' figures of an area (monitoring online, major hazards open, drills held). */
export interface PlanTargetFigures {
  ofArea(scope: DataScope): Promise<PlanTarget[]>;
}

/**
 * The leaders' cockpit (领导驾驶舱) and the big screen (大屏): GET /api/v1/cockpit (every figure in one
 * scoped round trip) and GET /api/v1/cockpit/stream (which figures changed). The plan's indicators
 * come from the statistics module through the `IndicatorSource` port; the plan targets' figures of
 * an area go to the plan module through `PlanTargetFigures`.
 */
export function createCockpitModule({
  db,
  clock,
  events,
  indicators,
}: {
  db: Db;
  clock: Clock;
  events: EventBus;
  indicators: IndicatorSource;
}) {
  const cockpit = createCockpitService({
    clock,
    cockpit: createCockpitRepository(db),
    targets: createCockpitTargetsRepository(db),
    indicators,
  });
  const targetFigures: PlanTargetFigures = { ofArea: (scope) => cockpit.targetFigures(scope) };
  return {
    /** The plan targets' figures by area (the plan module's suggested progress). */
    targetFigures,
    register(app: FastifyInstance): void {
      registerCockpitRoutes(app, { cockpit, events });
      registerPlanTargetSettingRoutes(app, { db, clock, events });
    },
  };
}
