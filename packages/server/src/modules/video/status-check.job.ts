import type { Clock } from '../../platform/clock.ts';
import { inTransaction, type Db } from '../../platform/db.ts';
import { leaderLockKeys, takeRunLock } from '../../platform/leader-lock.ts';
import { startPeriodic } from '../../platform/periodic.ts';
import type { CamerasRepository } from './cameras.repository.ts';
import type { GatewayRegistry } from './gateways.ts';

const PARALLEL = 8;

/**
 * The cameras' online check: every camera's gateway is asked whether its stream is up (eight at a
 * time, each ask bounded by the adapter's timeout) and the answers written with the time. Safe with
 * several processes: a run holds a transaction-level advisory lock, and a process that does not get
 * it does nothing. Answers the counts, or null when another process was running the check.
 */
export async function checkCameraStatuses(deps: {
  db: Db;
  clock: Clock;
  cameras: Pick<CamerasRepository, 'targets' | 'recordStatuses'>;
  gateways: GatewayRegistry;
}): Promise<{ checked: number; online: number } | null> {
  return inTransaction(deps.db, async (tx) => {
    if (!(await takeRunLock(tx, leaderLockKeys.videoStatus))) return null;
    const targets = await deps.cameras.targets(tx);
    const results: { id: string; online: boolean }[] = [];
    for (let i = 0; i < targets.length; i += PARALLEL) {
      const batch = targets.slice(i, i + PARALLEL);
      results.push(
        ...(await Promise.all(
          batch.map(async (t) => {
            const gateway = deps.gateways.get(t.gatewayId);
            const online = gateway ? await gateway.probe(t).catch(() => false) : false;
            return { id: t.id, online };
          }),
        )),
      );
    }
    await deps.cameras.recordStatuses(tx, results, deps.clock.now());
    return { checked: results.length, online: results.filter((r) => r.online).length };
  });
}

/** Runs the check every `everyMs` (a minute by default), the first after `firstMs`; answers the stop. */
export function startCameraStatusJob(
  deps: Parameters<typeof checkCameraStatuses>[0] & { log: (message: string, error?: unknown) => void },
  everyMs = 60_000,
  firstMs = 5_000,
): () => void {
  return startPeriodic(() => checkCameraStatuses(deps), {
    firstMs,
    everyMs,
    onError: (error) => deps.log('video: the cameras’ online check failed; the next run tries again', error),
  });
}
