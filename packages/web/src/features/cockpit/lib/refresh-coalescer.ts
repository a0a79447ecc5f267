/**
 * Folds a burst of change signals into few re-reads: the first signal schedules one re-read after
 * `delayMs`; signals meanwhile join it; a signal during a re-read schedules exactly one more after
 * it. So a storm of alarm events costs one request per `delayMs` at most, never one per event.
 */
export function createRefreshCoalescer(options: {
  delayMs: number;
  refresh: () => Promise<void>;
  schedule?: (run: () => void, ms: number) => unknown;
  cancel?: (handle: unknown) => void;
}) {
  const schedule = options.schedule ?? ((run, ms) => setTimeout(run, ms));
  const cancel = options.cancel ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  let timer: unknown = null;
  let running = false;
  let again = false;
  let stopped = false;

  async function run(): Promise<void> {
    timer = null;
    running = true;
    try {
      await options.refresh();
    } catch {
      // A failed re-read is retried by the next signal or reconnection.
    } finally {
      running = false;
      if (again && !stopped) {
        again = false;
        timer = schedule(() => void run(), options.delayMs);
      }
    }
  }

  return {
    signal(): void {
      if (stopped) return;
      if (running) again = true;
      else if (timer === null) timer = schedule(() => void run(), options.delayMs);
    },
    stop(): void {
      stopped = true;
      if (timer !== null) cancel(timer);
      timer = null;
    },
  };
}
