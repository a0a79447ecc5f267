import { randomUUID } from 'node:crypto';
import { runDraw, type DrawPublicRecord } from '@anjian/domain';
import { exampleDrawRecord, exampleDrawSeed } from '../../src/modules/calc/consequence-bodies.ts';
import { TEST_PASSWORD } from '../test-password.ts';
import {
  IN_COUNTY,
  type RouteCase,
  statuses,
  everyone,
  targetScope,
  targetUser,
  userIdRoute,
  newRole,
  readAll,
  signedIn,
  consequenceRoutes,
} from './matrix-support.ts';

/**
 * Authorisation-matrix rows of the platform itself: health, divisions, the API document, sign-in,
 * users, roles, audit, calculators, dictionaries and the map (run by
 * ../authorization-matrix.routes.test.ts, which also checks that every route has its row).
 */
export const coreMatrix: Record<string, RouteCase> = {
  ...consequenceRoutes,
  'GET /api/v1/health': { build: async () => ({ url: '/api/v1/health' }), in: everyone(200) },
  'GET /api/v1/divisions': { build: async () => ({ url: '/api/v1/divisions' }), in: everyone(200) },
  'GET /api/docs': { build: async () => ({ url: '/api/docs' }), in: everyone(200) },

  'POST /api/v1/auth/login': {
    build: async () => ({
      url: '/api/v1/auth/login',
      payload: { username: 'no-such-user', password: TEST_PASSWORD },
    }),
    in: everyone(401),
  },
  'GET /api/v1/auth/password-policy': {
    build: async () => ({ url: '/api/v1/auth/password-policy' }),
    in: everyone(200),
  },
  'POST /api/v1/auth/logout': { build: async () => ({ url: '/api/v1/auth/logout' }), in: statuses(200) },
  'GET /api/v1/auth/me': { build: async () => ({ url: '/api/v1/auth/me' }), in: statuses(200) },
  'POST /api/v1/auth/password': {
    build: async () => ({
      url: '/api/v1/auth/password',
      payload: { current: TEST_PASSWORD, next: 'Brand#New2027' },
    }),
    in: statuses(200),
  },
  'POST /api/v1/auth/totp/setup': {
    build: async () => ({ url: '/api/v1/auth/totp/setup' }),
    in: statuses(200),
  },
  'POST /api/v1/auth/totp/confirm': {
    build: async () => ({ url: '/api/v1/auth/totp/confirm', payload: { code: '123456' } }),
    in: statuses(409),
  },
  'GET /api/v1/auth/sessions': { build: async () => ({ url: '/api/v1/auth/sessions' }), in: statuses(200) },
  'DELETE /api/v1/auth/sessions/:id': {
    // In scope: another session of the caller's own; out of scope: somebody else's session.
    build: async ({ t, target, caller }) => {
      const owner = target === 'in' && caller ? caller : await targetUser(t, 'in');
      await t.sessionFor(owner);
      const row = await t.db.query<{ id: string }>(
        'SELECT id FROM sessions WHERE user_id = $1 ORDER BY created_at DESC, id LIMIT 1',
        [owner.id],
      );
      return { url: `/api/v1/auth/sessions/${row.rows[0]!.id}` };
    },
    in: statuses(200),
    out: statuses(404),
  },

  'GET /api/v1/system/sms-outbox': {
    build: async () => ({ url: '/api/v1/system/sms-outbox' }),
    in: statuses(403, { sysadminCity: 200, sysadminCounty: 200 }),
  },
  'GET /api/v1/users': {
    build: async () => ({ url: '/api/v1/users' }),
    in: statuses(403, { sysadminCity: 200, sysadminCounty: 200 }),
  },
  'POST /api/v1/users': {
    build: async ({ target }) => ({
      url: '/api/v1/users',
      payload: {
        username: `new_${randomUUID().slice(0, 8)}`,
        displayName: '新用户',
        roles: ['county_officer'],
        scope: targetScope(target),
      },
    }),
    in: statuses(403, { sysadminCity: 201, sysadminCounty: 201 }),
    out: statuses(403, { sysadminCity: 201, sysadminCounty: 403 }),
  },
  'GET /api/v1/users/enterprise-options': {
    build: async () => ({ url: '/api/v1/users/enterprise-options?q=%E7%9F%A9%E9%98%B5' }),
    in: statuses(403, { sysadminCity: 200, sysadminCounty: 200 }),
  },
  'GET /api/v1/users/:id': userIdRoute(''),
  'PATCH /api/v1/users/:id': userIdRoute('', { displayName: '改名' }),
  'POST /api/v1/users/:id/status': userIdRoute('/status', { status: 'disabled' }),
  'POST /api/v1/users/:id/reset-password': userIdRoute('/reset-password'),
  'POST /api/v1/users/:id/reset-totp': userIdRoute('/reset-totp'),
  'POST /api/v1/users/:id/unlock': userIdRoute('/unlock'),
  'POST /api/v1/users/:id/end-sessions': userIdRoute('/end-sessions'),

  'GET /api/v1/roles': {
    build: async () => ({ url: '/api/v1/roles' }),
    in: statuses(403, { sysadminCity: 200, sysadminCounty: 200, secadmin: 200 }),
  },
  'GET /api/v1/permissions': {
    build: async () => ({ url: '/api/v1/permissions' }),
    in: statuses(403, { secadmin: 200 }),
  },
  'POST /api/v1/roles': {
    build: async () => ({
      url: '/api/v1/roles',
      payload: {
        code: `r_${randomUUID().slice(0, 8)}`,
        nameZh: '新角色',
        nameEn: 'New role',
        permissions: ['hazard:read'],
      },
    }),
    in: statuses(403, { secadmin: 201 }),
  },
  'PATCH /api/v1/roles/:code': {
    build: async ({ t }) => ({
      url: `/api/v1/roles/${await newRole(t)}`,
      payload: { permissions: ['stats:read'] },
    }),
    in: statuses(403, { secadmin: 200 }),
  },
  'DELETE /api/v1/roles/:code': {
    build: async ({ t }) => ({ url: `/api/v1/roles/${await newRole(t)}` }),
    in: statuses(403, { secadmin: 200 }),
  },

  'GET /api/v1/audit': {
    build: async () => ({ url: '/api/v1/audit' }),
    in: statuses(403, { auditadmin: 200 }),
  },
  'GET /api/v1/audit/actors': {
    build: async () => ({ url: '/api/v1/audit/actors?q=a' }),
    in: statuses(403, { auditadmin: 200 }),
  },
  'GET /api/v1/audit/export': {
    build: async () => ({ url: '/api/v1/audit/export' }),
    in: statuses(403, { auditadmin: 200 }),
  },
  'GET /api/v1/audit/verify': {
    build: async () => ({ url: '/api/v1/audit/verify' }),
    in: statuses(403, { auditadmin: 200 }),
  },

  'GET /api/v1/calc/credit-code/:code': {
    build: async () => ({ url: '/api/v1/calc/credit-code/91350100M000100Y43' }),
    in: everyone(200),
  },
  'POST /api/v1/calc/lec': {
    build: async () => ({ url: '/api/v1/calc/lec', payload: { l: 3, e: 6, c: 7 } }),
    in: everyone(200),
  },
  'POST /api/v1/calc/ls': {
    build: async () => ({ url: '/api/v1/calc/ls', payload: { l: 3, s: 4 } }),
    in: everyone(200),
  },
  'POST /api/v1/calc/major-hazard': {
    build: async () => ({
      url: '/api/v1/calc/major-hazard',
      payload: { items: [{ substance: '氯', quantityTonnes: '2' }], exposedPopulation: 10 },
    }),
    in: everyone(200),
  },
  'POST /api/v1/calc/accident-level': {
    build: async () => ({
      url: '/api/v1/calc/accident-level',
      payload: { deaths: 1, seriousInjuries: 0, directLossWan: '50' },
    }),
    in: everyone(200),
  },

  'GET /api/v1/calc/draw/algorithm': {
    build: async () => ({ url: '/api/v1/calc/draw/algorithm' }),
    in: everyone(200),
  },
  'POST /api/v1/calc/draw/verify': {
    build: async () => {
      const result = runDraw(exampleDrawRecord as unknown as DrawPublicRecord, exampleDrawSeed);
      return {
        url: '/api/v1/calc/draw/verify',
        payload: { record: exampleDrawRecord, seed: exampleDrawSeed, commitment: result.commitment, result },
      };
    },
    in: everyone(200),
  },
  'GET /api/v1/divisions/boundaries': {
    build: async () => ({ url: '/api/v1/divisions/boundaries' }),
    in: signedIn,
  },
  'PUT /api/v1/divisions/boundaries': {
    build: async () => ({
      url: '/api/v1/divisions/boundaries',
      payload: {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { code: IN_COUNTY },
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [102.7, 24.2],
                  [102.8, 24.2],
                  [102.8, 24.3],
                  [102.7, 24.2],
                ],
              ],
            },
          },
        ],
      },
    }),
    in: statuses(403, { cityOfficer: 200 }),
  },
  'GET /api/v1/dictionaries': { build: async () => ({ url: '/api/v1/dictionaries' }), in: signedIn },
  'PUT /api/v1/dictionaries/:dictionary/:code': {
    build: async () => ({
      url: '/api/v1/dictionaries/sector/matrix_test',
      payload: { nameZh: '测试', nameEn: 'Test' },
    }),
    in: statuses(403, { cityOfficer: 200 }),
  },

  'GET /api/v1/map/config': { build: async () => ({ url: '/api/v1/map/config' }), in: signedIn },
  'GET /api/v1/map/enterprises': { build: async () => ({ url: '/api/v1/map/enterprises' }), in: readAll() },
  'GET /api/v1/map/objects': { build: async () => ({ url: '/api/v1/map/objects' }), in: readAll() },
  'GET /api/v1/map/obligation-gaps': {
    build: async () => ({ url: '/api/v1/map/obligation-gaps' }),
    in: readAll(),
  },
};
