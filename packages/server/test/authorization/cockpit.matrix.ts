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
  'GET /api/v1/cockpit/plan-targets': {
    // The settings page's list: the statistics readers (city, county and industry officers).
    build: async () => ({ url: '/api/v1/cockpit/plan-targets' }),
    in: statuses(403, { cityOfficer: 200, countyOfficer: 200, industryOfficer: 200 }),
  },
  'PUT /api/v1/cockpit/plan-targets/:code': {
    // The seed's values again: the matrix changes nothing the cockpit rows read.
    build: async () => ({
      url: '/api/v1/cockpit/plan-targets/drills_held',
      payload: {
        nameZh: '应急演练次数',
        nameEn: 'Emergency drills held',
        unit: '次',
        target: 107,
        atRisk: 80,
        position: 3,
        active: true,
      },
    }),
    // The city edits the plan's targets (registry:configure).
    in: statuses(403, { cityOfficer: 200 }),
  },
};
