import { defineConfig } from 'vitest/config';
import { reporters } from '../../vitest.reporters.ts';

// Unit tests of the web app's pure helpers (formatting, menu, scope drafts, redirects).
export default defineConfig({
  test: {
    reporters: reporters('web'),
    include: ['src/**/*.test.ts'],
  },
});
