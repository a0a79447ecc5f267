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
    // A larger young generation: the workers allocate fast and short-lived (requests, rows, pages),
    // and V8's default 16 MiB semi-space made scavenges a tenth of their time (issue 12).
    execArgv: ['--max-semi-space-size=64'],
    // The draw's statistics are most of the suite's test time: one worker starts them, the other
    // takes the rest.
    sequence: { sequencer: slowFirst(['src/enforcement/draw-frequencies.test.ts']) },
  },
});
