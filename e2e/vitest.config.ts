import { defineConfig } from 'vitest/config';
import { reporters } from '../vitest.reporters.ts';

// Browser journeys against the real server and a real embedded PostgreSQL, one file at a time.
export default defineConfig({
  test: {
    reporters: reporters('e2e'),
    include: ['**/*.e2e.test.ts'],
    globalSetup: ['./global-setup.ts'],
    testTimeout: 360_000,
    hookTimeout: 300_000,
    teardownTimeout: 60_000,
    fileParallelism: false,
    maxWorkers: 1,
    pool: 'forks',
    retry: 0,
  },
});
