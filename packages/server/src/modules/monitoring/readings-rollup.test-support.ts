import type { RollupSettings } from './readings-rollup.ts';

/** The roll-up's settings in tests: the defaults of the configuration, a short wait for writers. */
export const rollupTestSettings: RollupSettings = {
  graceMs: 60_000,
  chunkMs: 10 * 60_000,
  dirtyPerRun: 20_000,
  rawDays: 90,
  minuteDays: 90,
  waitMs: 5_000,
};
