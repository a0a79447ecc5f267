import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// The server serves dist/ and falls back to index.html for client routes (HTML5 history).
export default defineConfig({
  plugins: [vue()],
  define: {
    // vue-i18n: composition API only, no devtools in production builds.
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:8080', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Element Plus is imported whole (every admin page uses it), so its chunk is large by design.
    chunkSizeWarningLimit: 1500,
  },
});
