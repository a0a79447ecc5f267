import { statuses, type RouteCase } from './matrix-support.ts';

/**
 * Authorisation-matrix rows for the workbench (see ../authorization-matrix.routes.test.ts). Every
 * business role opens its own workbench (dashboard:view); the three administrators hold no business
 * permission and do not. The figures are the caller's own scope, so there is no out-of-scope record.
 */
export const workbenchMatrix: Record<string, RouteCase> = {
  'GET /api/v1/workbench': {
    build: async () => ({ url: '/api/v1/workbench' }),
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
