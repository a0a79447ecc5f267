import cluster, { type Worker } from 'node:cluster';
import type { Config } from './platform/config.ts';

/** A process that stops this soon after it started serving is not restarted (a fault, not a crash). */
const RESTART_DELAY_MS = 1_000;

/**
 * `ANJIAN_PROCESSES=N` (docs/operations.md, several processes): this process has prepared the
 * database (migrations, reference and demo data, the bootstrap administrator) and keeps DATA_DIR's
 * embedded PostgreSQL; it runs N server processes (node:cluster) that share its HTTP port — the
 * operating system's connections are handed to them in turn. Each is named p1…pN (`ANJIAN_INSTANCE`:
 * its MQTT sessions carry the name, so a restarted process resumes its own). A process that dies is
 * started again under the same name; Ctrl-C or SIGTERM stops them all (each drains), then the
 * database.
 */
export async function superviseProcesses(
  config: Config,
  hooks: { ready: () => void; close: () => Promise<void> },
): Promise<void> {
  // The operating system hands each connection to a process that accepts it (SCHED_NONE). With
  // Node's round robin the supervisor accepts every connection and passes it on, and under load a
  // connection was seen left unread in the supervisor's queue (processes-supervised.test.ts).
  cluster.schedulingPolicy = cluster.SCHED_NONE;
  const members = new Map<string, Worker>();
  let stopping = false;
  let announced = false;
  const serving = new Set<string>();

  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    const exits = [...members.values()].map(
      (worker) =>
        new Promise<void>((resolve) => {
          if (worker.isDead()) return resolve();
          worker.once('exit', () => resolve());
          worker.process.kill('SIGTERM');
        }),
    );
    await Promise.all(exits);
    try {
      await hooks.close();
    } catch (error) {
      console.error(`shutdown: database failed: ${error instanceof Error ? error.message : String(error)}`);
      code = 1;
    }
    process.exit(code);
  };

  const start = (instance: string) => {
    const worker = cluster.fork({ ANJIAN_INSTANCE: instance });
    members.set(instance, worker);
    worker.once('listening', () => {
      serving.add(instance);
      if (!announced && serving.size === config.processes) {
        announced = true;
        hooks.ready();
      }
    });
    worker.once('exit', (code, signal) => {
      if (stopping) return;
      if (!serving.has(instance)) {
        // It never served (a bad port, a database it cannot reach): starting it again would loop.
        console.error(`Server process ${instance} stopped before serving (exit ${code ?? signal}).`);
        void stopAll(1);
        return;
      }
      console.error(
        `Server process ${instance} (PID ${worker.process.pid}) ended (${signal ?? `exit ${code}`}); starting it again.`,
      );
      serving.delete(instance);
      setTimeout(() => !stopping && start(instance), RESTART_DELAY_MS);
    });
  };

  // Ctrl-C in a terminal reaches the whole process group: the members stop themselves as well.
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));
  for (let index = 1; index <= config.processes; index += 1) start(`p${index}`);
}
