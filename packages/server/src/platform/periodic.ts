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
