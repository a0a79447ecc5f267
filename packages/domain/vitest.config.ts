import { defineConfig } from 'vitest/config';
import { reporters } from '../../vitest.reporters.ts';

export default defineConfig({
  test: {
    reporters: reporters('domain'),
    include: ['src/**/*.test.ts'],
    // Pure functions with no module state: test files share one module graph per worker instead of
    // importing the domain again for each file (most of the suite's time was imports).
    isolate: false,
  },
});
