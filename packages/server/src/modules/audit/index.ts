/** The append-only, HMAC-SM3-chained audit log: the trail hook, routes, checkpoints, retention, syslog. */
import { userInfo } from 'node:os';
import type { FastifyInstance } from 'fastify';
import type { AuditAction } from '@anjian/domain';
import type { Clock } from '../../platform/clock.ts';
import type { Config } from '../../platform/config.ts';
import type { Db, Queryable } from '../../platform/db.ts';
import { createAuditChainRepository } from './audit-chain.repository.ts';
import { createCheckpointService } from './audit-checkpoints.ts';
import { startAuditJobs, type AuditJob } from './audit-jobs.ts';
import { resolveAuditKeys } from './audit-keys.ts';
import { createAuditRetention } from './audit-retention.ts';
import { createSyslogExporter } from './audit-syslog.ts';
import { registerAuditTrail } from './audit-trail.ts';
import { verifyAuditChain } from './audit-verify.ts';
import { createAuditRepository } from './audit.repository.ts';
import { registerAuditRoutes } from './audit.routes.ts';

export { createAuditRepository, type AuditRepository } from './audit.repository.ts';
export type { VerifyResult } from './audit-verify.ts';
export { rotateAuditKeyFile } from './audit-keys.ts';

/** Who runs the command, as the operating system knows them (SUDO_USER when run through sudo). */
function operatorName(): string {
  try {
    return process.env.SUDO_USER || userInfo().username;
  } catch {
    return 'unknown';
  }
}

type AuditConfig = Pick<Config, 'dataDir' | 'audit' | 'workers'>;

/** The chain's parts without HTTP: what the CLI and the background jobs use. */
export function createAuditChain(deps: { db: Db; clock: Clock; config: AuditConfig }) {
  const { db, clock, config } = deps;
  const keys = resolveAuditKeys(config.audit.hmacKeys, config.dataDir);
  const chain = createAuditChainRepository(db);
  const checkpoints = createCheckpointService({ chain, keys, clock, file: config.audit.checkpointFile });
  const retention = createAuditRetention({ chain, keys, clock, retentionDays: config.audit.retentionDays });
  const syslog = config.audit.syslogUrl
    ? createSyslogExporter({ chain, clock, url: config.audit.syslogUrl, caFile: config.audit.syslogCaFile })
    : null;
  const entries = createAuditRepository(db, keys);
  return {
    keys,
    checkpoints,
    /**
     * An entry for an operation from the command line (backup restored, key added, fields re-sealed),
     * in the name of the operating-system user who ran it: these happen outside any HTTP request.
     */
    recordOperation: (action: AuditAction, detail: string) =>
      entries.append({
        at: clock.now(),
        actorId: null,
        actorName: `cli:${operatorName()}`,
        roles: [],
        scope: 'cli',
        action,
        target: null,
        ip: '',
        userAgent: 'npm run cli',
        outcome: 'success',
        status: 0,
        detail,
      }),
    retention,
    syslog,
    verify: (source: Queryable = db) =>
      verifyAuditChain({ chain, keys, checkpointFile: config.audit.checkpointFile }, source),
    jobs(): AuditJob[] {
      return [
        {
          name: 'checkpoint',
          everyMs: config.audit.checkpointMinutes * 60_000,
          run: () => checkpoints.take(),
        },
        { name: 'retention', everyMs: 6 * 3_600_000, run: () => retention.run() },
        ...(syslog ? [{ name: 'syslog export', everyMs: 10_000, run: () => syslog.run() }] : []),
      ];
    },
  };
}

export type AuditChain = ReturnType<typeof createAuditChain>;

export function createAuditModule(deps: { db: Db; clock: Clock; config: AuditConfig }) {
  const chain = createAuditChain(deps);
  const audit = createAuditRepository(deps.db, chain.keys);
  return {
    audit,
    chain,
    /** The trail hook must be registered before any route so every write is recorded. */
    registerTrail(app: FastifyInstance) {
      registerAuditTrail(app, audit, deps.clock);
    },
    register(app: FastifyInstance) {
      registerAuditRoutes(app, { audit, chain, clock: deps.clock, db: deps.db });
      if (!deps.config.workers) return;
      const jobs = startAuditJobs({
        db: deps.db,
        jobs: chain.jobs(),
        log: (level, message, error) => app.log[level]({ err: error }, message),
      });
      app.addHook('onClose', () => jobs.close());
    },
  };
}
