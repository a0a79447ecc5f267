import { afterEach, describe, expect, it, vi } from 'vitest';
import { serialSchedule } from './periodic.ts';

describe('serialSchedule (the escalation workers’ timer)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('never runs after stop, not even the first run still pending from start', async () => {
    vi.useFakeTimers();
    const run = vi.fn(async () => undefined);
    const schedule = serialSchedule(run, () => undefined);
    schedule.start(60_000);
    await vi.advanceTimersByTimeAsync(2_000);
    await schedule.stop();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(run).not.toHaveBeenCalled();
  });

  it('runs first after 5 s, then every interval, skipping a tick while a run is in progress', async () => {
    vi.useFakeTimers();
    let finish: () => void = () => undefined;
    const run = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const schedule = serialSchedule(run, () => undefined);
    schedule.start(60_000);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(run).toHaveBeenCalledTimes(1);
    // The first run is still going when the interval's first tick comes: that tick is skipped.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(run).toHaveBeenCalledTimes(1);
    finish();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(run).toHaveBeenCalledTimes(2);
    finish();
    await schedule.stop();
  });

  it('waits in stop for the run in progress, and reports a failed run without stopping the schedule', async () => {
    vi.useFakeTimers();
    const errors: unknown[] = [];
    let finish: () => void = () => undefined;
    const run = vi
      .fn<() => Promise<void>>()
      .mockRejectedValueOnce(new Error('database down'))
      .mockImplementation(() => new Promise<void>((resolve) => (finish = resolve)));
    const schedule = serialSchedule(run, (error) => errors.push(error));
    schedule.start(10_000);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(errors).toEqual([new Error('database down')]);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(run).toHaveBeenCalledTimes(2);
    let stopped = false;
    const stopping = schedule.stop().then(() => (stopped = true));
    await Promise.resolve();
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(stopped).toBe(true);
  });
});
