import { defineConfig } from 'vitest/config';
import { reporters } from '../../vitest.reporters.ts';

export default defineConfig({
  test: {
    reporters: reporters('server'),
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['./test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
