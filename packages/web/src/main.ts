import { computed, createApp } from 'vue';
import { createPinia } from 'pinia';
import ElementPlus, { provideGlobalConfig } from 'element-plus';
import { config as configureZod } from 'zod';
import 'element-plus/dist/index.css';
import './styles/main.css';
import App from './App.vue';
import { listKit } from './components/list-kit.ts';
import { elementLocale, i18n } from './i18n/index.ts';
import { configureApi } from './lib/api.ts';
import { router } from './router/index.ts';
import { useSessionStore } from './stores/session.ts';

// The CSP forbids eval; without this zod probes `new Function` and the browser logs a violation.
configureZod({ jitless: true });

const app = createApp(App);
const pinia = createPinia();
app.use(pinia).use(i18n).use(ElementPlus).use(listKit).use(router);
// Element Plus's own texts follow the UI language everywhere, message boxes included (they are
// created outside the component tree, so a <el-config-provider> would not reach them).
provideGlobalConfig(
  computed(() => ({ locale: elementLocale.value })),
  app,
  true,
);

const session = useSessionStore(pinia);
let redirecting = false;
configureApi({
  csrfToken: () => session.state?.csrfToken ?? null,
  // The session ended (idle, absolute limit, signed out elsewhere): back to the login page, saying why.
  onUnauthenticated: () => {
    if (redirecting || !session.signedIn) return;
    redirecting = true;
    const current = router.currentRoute.value;
    session.clear();
    void router
      .replace({
        name: 'login',
        query: { reason: 'expired', ...(current.meta.public ? {} : { redirect: current.fullPath }) },
      })
      .finally(() => {
        redirecting = false;
      });
  },
  onStepRequired: () => {
    void session
      .load()
      .then(() => router.replace('/'))
      .catch(() => undefined);
  },
});

void router.isReady().then(() => app.mount('#app'));
