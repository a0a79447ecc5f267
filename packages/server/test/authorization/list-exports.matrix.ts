import { dispatchers, readAll, statuses, type RouteCase } from './matrix-support.ts';

/*
 * Authorisation-matrix rows for the Excel exports beside the lists (issue 11 item 10; see
 * ../authorization-matrix.routes.test.ts). Each export answers exactly as its list does: the same
 * permission, and rows out of scope are left out (asserted in each export's route test).
 */

const E = '/api/v1/enforcement';

export const listExportsMatrix: Record<string, RouteCase> = {
  'GET /api/v1/hazards/export': { build: async () => ({ url: '/api/v1/hazards/export' }), in: readAll() },
  'GET /api/v1/objects/export': { build: async () => ({ url: '/api/v1/objects/export' }), in: readAll() },
  'GET /api/v1/users/export': {
    build: async () => ({ url: '/api/v1/users/export' }),
    in: statuses(403, { sysadminCity: 200, sysadminCounty: 200 }),
  },
  'GET /api/v1/monitoring/alarms/export': {
    build: async () => ({ url: '/api/v1/monitoring/alarms/export' }),
    in: statuses(403, { cityOfficer: 200, countyOfficer: 200, industryOfficer: 200, enterpriseManager: 200 }),
  },
  'GET /api/v1/incidents/export': {
    build: async () => ({ url: '/api/v1/incidents/export' }),
    in: dispatchers(200),
  },
  'GET /api/v1/emergency/drills/export': {
    build: async () => ({ url: '/api/v1/emergency/drills/export?year=2026' }),
    in: dispatchers(200),
  },
  'GET /api/v1/emergency/resources/export': {
    build: async () => ({ url: '/api/v1/emergency/resources/export' }),
    in: dispatchers(200),
  },
  [`GET ${E}/inspections/export`]: {
    build: async () => ({ url: `${E}/inspections/export` }),
    in: statuses(403, {
      cityOfficer: 200,
      countyOfficer: 200,
      industryOfficer: 200,
      inspector: 200,
      enterpriseManager: 200,
      expert: 200,
    }),
  },
  [`GET ${E}/cases/export`]: {
    build: async () => ({ url: `${E}/cases/export` }),
    in: statuses(403, {
      cityOfficer: 200,
      countyOfficer: 200,
      industryOfficer: 200,
      inspector: 200,
      expert: 200,
    }),
  },
};
