/**
 * Natural-disaster events (自然灾害): events of configurable kinds beside the work-safety accidents,
 * their affected townships and per township the 初报/续报/核报 figures (append-only), the 灾情快报
 * and the 快报表 workbook. Owns disaster_events and disaster_reports.
 */
import type { FastifyInstance } from 'fastify';
import { defaultDisasterRules, type DisasterRules } from '@anjian/domain';
import type { Clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { createDisastersRepository } from './disasters.repository.ts';
import { registerDisastersRoutes } from './disasters.routes.ts';
import { createDisastersService } from './disasters.service.ts';

export { createDisastersRepository } from './disasters.repository.ts';

export function registerDisasters(
  app: FastifyInstance,
  deps: { db: Db; clock: Clock; rules?: DisasterRules },
): void {
  const disasters = createDisastersService({
    db: deps.db,
    clock: deps.clock,
    disasters: createDisastersRepository(deps.db),
    rules: deps.rules ?? defaultDisasterRules,
  });
  registerDisastersRoutes(app, { disasters, clock: deps.clock });
}
