/**
 * Runs `run` once after `firstMs` and then every `everyMs`; a failed run is logged through `onError`
 * and the next one tries again. The timers do not keep the process alive. Answers the stop function.
 */
export function startPeriodic(
  run: () => Promise<unknown>,
  options: { firstMs: number; everyMs: number; onError: (error: unknown) => void },
): () => void {
  const tick = () => void run().catch(options.onError);
  const first = setTimeout(tick, options.firstMs);
  const timer = setInterval(tick, options.everyMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}

/** A background run on a schedule that never overlaps itself and can be stopped cleanly. */
export interface SerialSchedule {
  /** Runs every `intervalMs`, the first time after at most 5 s (to catch up after a restart). */
  start(intervalMs: number): void;
  /** Clears both timers — the first run's too — and waits for a run in progress. */
  stop(): Promise<void>;
}

/**
 * The schedule of the escalation workers (hazards, plan milestones, whistleblowing reports): a tick
 * while a run is in progress is skipped, and after `stop()` nothing runs again — a first run still
 * pending when the app closed had run against the closed pool ("Cannot use a pool after calling end
 * on the pool") when a server stopped within 5 s of starting.
 */
export function serialSchedule(
  run: () => Promise<unknown>,
  onError: (error: unknown) => void,
): SerialSchedule {
  let first: NodeJS.Timeout | null = null;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return;
    running = run()
      .catch(onError)
      .finally(() => {
        running = null;
      });
  };
  return {
    start(intervalMs) {
      if (timer || intervalMs <= 0) return;
      first = setTimeout(tick, Math.min(intervalMs, 5_000));
      first.unref();
      timer = setInterval(tick, intervalMs);
      timer.unref();
    },
    async stop() {
      if (first) clearTimeout(first);
      if (timer) clearInterval(timer);
      first = null;
      timer = null;
      await running;
    },
  };
}
