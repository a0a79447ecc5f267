/** The append-only, SM3-chained audit log (table audit_log): the trail hook, the routes, verification. */
import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import { registerAuditTrail } from './audit-trail.ts';
import { createAuditRepository } from './audit.repository.ts';
import { registerAuditRoutes } from './audit.routes.ts';

export { createAuditRepository, type AuditRepository, type VerifyResult } from './audit.repository.ts';

export function createAuditModule(deps: { db: Db; clock: Clock }) {
  const audit = createAuditRepository(deps.db);
  return {
    audit,
    /** The trail hook must be registered before any route so every write is recorded. */
    registerTrail(app: FastifyInstance) {
      registerAuditTrail(app, audit, deps.clock);
    },
    register(app: FastifyInstance) {
      registerAuditRoutes(app, { audit, clock: deps.clock, db: deps.db });
    },
  };
}
