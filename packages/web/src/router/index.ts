import { createRouter, createWebHistory, type RouteLocationRaw } from 'vue-router';
import { dualPreventionPhoneLanding } from '../features/dual-prevention/module.ts';
import { firstMenuPath, menu, visibleMenu } from '../menu/menu.ts';
import { useSessionStore } from '../stores/session.ts';
import { routes } from './routes.ts';

export const router = createRouter({
  history: createWebHistory(),
  routes,
  scrollBehavior: () => ({ top: 0 }),
});

/** Where a signed-in user starts: the workbench if they may see it, else the first page of their menu. */
export function landingRoute(): RouteLocationRaw {
  const session = useSessionStore();
  const phone = dualPreventionPhoneLanding(session.user, window.matchMedia('(max-width: 767px)').matches);
  if (phone) return phone;
  if (session.can('dashboard:view')) return { name: 'workbench' };
  const first = firstMenuPath(visibleMenu(menu, (permission) => session.can(permission)));
  return first ?? { name: 'no-access' };
}

/**
 * The sign-in walk: no session → login; then a forced password change; then TOTP enrolment; then
 * the app. Permissions per page are checked by the layout, which shows the forbidden page in place.
 */
router.beforeEach(async (to) => {
  const session = useSessionStore();
  // Server unreachable at start: carry on as signed out; the login form then reports the error.
  if (!session.loaded) await session.load().catch(() => undefined);
  if (to.meta.public) {
    if (to.name === 'login' && session.signedIn) {
      return session.pendingStep ? stepRoute(session.pendingStep) : landingRoute();
    }
    return true;
  }
  if (!session.signedIn) {
    return to.fullPath === '/' ? { name: 'login' } : { name: 'login', query: { redirect: to.fullPath } };
  }
  const step = session.pendingStep;
  if (step) return to.meta.step === step ? true : stepRoute(step);
  if (to.meta.step) return landingRoute();
  if (to.name === 'home') return landingRoute();
  return true;
});

function stepRoute(step: 'password' | 'totp'): RouteLocationRaw {
  return { name: step === 'password' ? 'change-password' : 'enrol-totp' };
}
