import { defineConfig } from 'vitest/config';
import { reporters } from '../../vitest.reporters.ts';
import { slowFirst } from '../../vitest.sequencer.ts';

export default defineConfig({
  test: {
    reporters: reporters('server'),
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['./test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // A larger young generation: the workers allocate fast and short-lived (requests, rows, pages),
    // and V8's default 16 MiB semi-space made scavenges a tenth of their time (issue 12).
    execArgv: ['--max-semi-space-size=64'],
    // One module graph per worker, not per file: importing the app took about 430 s of the 590 s of
    // worker time when each file imported it afresh (issue 12). Each file still gets a database of
    // its own and builds its own app; files that set process.env restore or overwrite it first.
    isolate: false,
    maxWorkers: 2,
    // The longest files start first (measured; see docs/operations.md › Tests), so that the two
    // workers finish together instead of one running a long file alone at the end.
    sequence: {
      sequencer: slowFirst([
        'test/server-processes.test.ts',
        'test/processes-under-load.test.ts',
        'test/processes-supervised.test.ts',
        'src/modules/registry/registry-hostile-input.routes.test.ts',
        'src/modules/registry/registry-hostile-objects.routes.test.ts',
        'src/modules/auth/login-defences.routes.test.ts',
        'src/modules/auth/auth.routes.test.ts',
        'test/authorization-matrix',
        'src/modules/audit/audit.db.test.ts',
        'src/modules/audit/audit-chain.db.test.ts',
        'test/authorization-cross-reference.routes.test.ts',
      ]),
    },
  },
});
