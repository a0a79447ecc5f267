import { statuses, type RouteCase } from './matrix-support.ts';

/**
 * Authorisation-matrix rows for the leaders' cockpit and the big screen (see
 * ../authorization-matrix.routes.test.ts). Like the workbench, every business role opens it
 * (dashboard:view) and sees its own scope's figures; the three administrators hold no business
 * permission and do not. The figures are the caller's own scope, so there is no out-of-scope record.
 */
export const cockpitMatrix: Record<string, RouteCase> = {
  'GET /api/v1/cockpit': {
    build: async () => ({ url: '/api/v1/cockpit' }),
    in: statuses(200, {
      sysadminCity: 403,
      sysadminCounty: 403,
      secadmin: 403,
      auditadmin: 403,
      // The plan roles hold no dashboard:view: they start at 规划实施.
      safetyOffice: 403,
      departmentOfficer: 403,
    }),
  },
  'GET /api/v1/cockpit/stream': {
    // seconds=0: the stream opens and closes at once, so the matrix can read its status.
    build: async () => ({ url: '/api/v1/cockpit/stream?seconds=0' }),
    in: statuses(200, {
      sysadminCity: 403,
      sysadminCounty: 403,
      secadmin: 403,
      auditadmin: 403,
      // The plan roles hold no dashboard:view: they start at 规划实施.
      safetyOffice: 403,
      departmentOfficer: 403,
    }),
  },
};
