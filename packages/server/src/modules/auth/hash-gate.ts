import { DomainError } from '@anjian/domain';

/**
 * A semaphore in front of password hashing (scrypt, 32 MiB and tens of milliseconds each): at most
 * `concurrency` hashes run at once, the rest wait in two queues. Sign-ins for a username without
 * recent failures go first, so a flood of bogus attempts cannot starve a real one (issue 19,
 * defect 6: 64 concurrent bogus sign-ins took a real one from 0.3 s to 7.8 s). A full queue answers
 * `auth.busy` (503) for the suspect queue; the clean queue has a bound of its own.
 *
 * Attempts that hash nothing (unknown or locked accounts) wait `imitate()`: about as long as a
 * hash takes, without spending the CPU, so the answer time does not tell them apart.
 */
export type HashPriority = 'clean' | 'suspect';

export interface HashGate {
  run<T>(priority: HashPriority, work: () => Promise<T>): Promise<T>;
  imitate(): Promise<void>;
  readonly stats: { readonly running: number; readonly waiting: number; readonly averageMs: number };
}

export function createHashGate(options: { concurrency: number; queueLimit: number }): HashGate {
  let running = 0;
  let averageMs = 60;
  const queues: Record<HashPriority, (() => void)[]> = { clean: [], suspect: [] };

  function release(): void {
    const next = queues.clean.shift() ?? queues.suspect.shift();
    if (next) next();
    else running -= 1;
  }

  async function acquire(priority: HashPriority): Promise<void> {
    if (running < options.concurrency) {
      running += 1;
      return;
    }
    if (queues[priority].length >= options.queueLimit) throw new DomainError('auth.busy');
    await new Promise<void>((resolve) => queues[priority].push(resolve));
  }

  return {
    async run(priority, work) {
      await acquire(priority);
      const started = performance.now();
      try {
        return await work();
      } finally {
        // An exponential average of the real hashing time, for imitate().
        averageMs = averageMs * 0.8 + (performance.now() - started) * 0.2;
        release();
      }
    },
    imitate() {
      const ms = averageMs * (0.9 + Math.random() * 0.2);
      return new Promise((resolve) => setTimeout(resolve, ms));
    },
    get stats() {
      return { running, waiting: queues.clean.length + queues.suspect.length, averageMs };
    },
  };
}
