import type { Db } from '../../platform/db.ts';
import { startLeaderLock } from '../../platform/leader-lock.ts';

// One process at a time runs the audit jobs (checkpoints, retention, central log).
export const AUDIT_JOBS_LOCK = 0x616e_6a00_a1;

export interface AuditJob {
  name: string;
  everyMs: number;
  run(): Promise<unknown>;
}

/** Runs each job on its own interval, only in the process that holds the audit leader lock. */
export function startAuditJobs(deps: {
  db: Db;
  jobs: AuditJob[];
  log: (level: 'info' | 'warn', message: string, error?: unknown) => void;
}): { close(): Promise<void> } {
  const lock = startLeaderLock({ db: deps.db, key: AUDIT_JOBS_LOCK, name: 'audit jobs', log: deps.log });
  const running = new Set<Promise<unknown>>();
  const timers = deps.jobs.map((job) => {
    let busy = false;
    const timer = setInterval(() => {
      if (busy || !lock.held) return;
      busy = true;
      const work = job
        .run()
        .catch((error: unknown) => deps.log('warn', `audit ${job.name} failed; tried again later`, error))
        .finally(() => {
          busy = false;
          running.delete(work);
        });
      running.add(work);
    }, job.everyMs);
    timer.unref();
    return timer;
  });
  return {
    async close() {
      for (const timer of timers) clearInterval(timer);
      await Promise.all(running);
      await lock.close();
    },
  };
}
