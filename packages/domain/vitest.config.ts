import { defineConfig } from 'vitest/config';
import { reporters } from '../../vitest.reporters.ts';

export default defineConfig({
  test: {
    reporters: reporters('domain'),
    include: ['src/**/*.test.ts'],
  },
});
