import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';
import { reporters } from '../../vitest.reporters.ts';

// Unit tests of the web app's pure helpers and shared components (*.test.ts; a component test
// names its DOM with `// @vitest-environment happy-dom`).
export default defineConfig({
  plugins: [vue()],
  define: {
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  test: {
    reporters: reporters('web'),
    include: ['src/**/*.test.ts'],
    // Files share one module graph per worker (each test mounts its own app, store and i18n):
    // importing the domain and Element Plus once instead of per file took the suite from 37 s to
    // 10 s here; checked order-independent with --sequence.shuffle.files.
    isolate: false,
    // A larger young generation: the workers allocate fast and short-lived (requests, rows, pages),
    // and V8's default 16 MiB semi-space made scavenges a tenth of their time (issue 12).
    execArgv: ['--max-semi-space-size=64'],
    // A page test mounts a whole page with Element Plus under happy-dom: about a second on an idle
    // machine, but past the default 5 s when the two cores are shared with other builds and tests.
    testTimeout: 20_000,
  },
});
