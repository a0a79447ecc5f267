import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { precompress, vantIconFontLocal } from './vite-plugins.ts';

// The server serves dist/ and falls back to index.html for client routes (HTML5 history).
export default defineConfig({
  plugins: [vue(), vantIconFontLocal(), precompress()],
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
    rolldownOptions: {
      output: {
        // Libraries in chunks of their own: the app's code changes with every release, they do not,
        // so browsers keep them; the charts and the map load only with the pages that draw them.
        codeSplitting: {
          groups: [
            {
              name: 'element-plus',
              test: /node_modules[\\/](element-plus|@element-plus|lodash-es|lodash-unified|async-validator|@ctrl|@popperjs|@floating-ui|dayjs|memoize-one|normalize-wheel-es|@vueuse)[\\/]/,
            },
            { name: 'vue', test: /node_modules[\\/](@vue|vue|vue-router|pinia|vue-i18n|@intlify)[\\/]/ },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender|tslib)[\\/]/ },
            { name: 'leaflet', test: /node_modules[\\/](leaflet|leaflet\.markercluster|gcoord)[\\/]/ },
            { name: 'vant', test: /node_modules[\\/](vant|@vant)[\\/]/ },
          ],
        },
      },
    },
  },
});
