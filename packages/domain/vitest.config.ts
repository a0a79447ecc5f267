import { defineConfig } from 'vitest/config';
import { reporters } from '../../vitest.reporters.ts';
import { slowFirst } from '../../vitest.sequencer.ts';

export default defineConfig({
  test: {
    reporters: reporters('domain'),
    include: ['src/**/*.test.ts'],
    // Pure functions with no module state: test files share one module graph per worker instead of
    // importing the domain again for each file (most of the suite's time was imports).
    isolate: false,
    // The draw's statistics are most of the suite's test time: one worker starts them, the other
    // takes the rest.
    sequence: { sequencer: slowFirst(['src/enforcement/draw-frequencies.test.ts']) },
  },
});
