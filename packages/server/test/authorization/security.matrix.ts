import { everyone, statuses, type RouteCase } from './matrix-support.ts';

/**
 * Authorisation-matrix rows for the sign-in captcha and the security events (issue 19). The captcha
 * is public (it is asked for before anyone is signed in); the security events are the security
 * administrator's alone (三员分立: not the system or audit administrator, no business role). They
 * hold no scoped records, so there is no out-of-scope case.
 */
export const securityMatrix: Record<string, RouteCase> = {
  'POST /api/v1/auth/captcha': {
    build: async () => ({ url: '/api/v1/auth/captcha' }),
    in: everyone(200),
  },
  'GET /api/v1/security-events': {
    build: async () => ({ url: '/api/v1/security-events' }),
    in: statuses(403, { secadmin: 200 }),
  },
  'GET /api/v1/security-events/export': {
    build: async () => ({ url: '/api/v1/security-events/export' }),
    in: statuses(403, { secadmin: 200 }),
  },
};
