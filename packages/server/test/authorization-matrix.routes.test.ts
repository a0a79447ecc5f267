import { randomUUID } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDraw, type DrawPublicRecord } from '@anjian/domain';
import { XLSX_TYPE } from '../src/platform/office/index.ts';
import { exampleDrawRecord, exampleDrawSeed } from '../src/modules/calc/consequence-bodies.ts';
import {
  createTestContext,
  TEST_PASSWORD,
  type Caller,
  type TestContext,
  type TestUser,
} from './test-app.ts';
import {
  IN_COUNTY,
  callers,
  type Target,
  type Statuses,
  type RouteCase,
  names,
  statuses,
  everyone,
  targetScope,
  targetUser,
  userIdRoute,
  newRole,
  TINY_PNG,
  nextCode,
  countyOf,
  newEnterprise,
  newObject,
  newHazard,
  enterpriseFor,
  newRiskUnit,
  newRiskPoint,
  newCheckList,
  newCheckTask,
  CHECK_LIST,
  newResource,
  newIncident,
  newTask,
  INCIDENT,
  RESOURCE,
  dispatchers,
  dispatchersOut,
  RISK_POINT,
  riskReaders,
  riskRecordIn,
  riskRecordOut,
  importFile,
  readAll,
  recordIn,
  recordOut,
  writeIn,
  writeOut,
  signedIn,
  consequenceRoutes,
} from './authorization/matrix-support.ts';
import { dualPreventionMatrix } from './authorization/dual-prevention.matrix.ts';
import { monitoringMatrix } from './authorization/monitoring.matrix.ts';
import { enforcementMatrix } from './authorization/enforcement.matrix.ts';
import { emergencyMatrix } from './authorization/emergency.matrix.ts';
import { majorHazardsMatrix } from './authorization/major-hazards.matrix.ts';
import { workbenchMatrix } from './authorization/workbench.matrix.ts';
import { cockpitMatrix } from './authorization/cockpit.matrix.ts';
import { listExportsMatrix } from './authorization/list-exports.matrix.ts';
import { warningsMatrix } from './authorization/warnings.matrix.ts';
import { securityMatrix } from './authorization/security.matrix.ts';
import { statisticsMatrix } from './authorization/statistics.matrix.ts';
import { obligationsMatrix } from './authorization/obligations.matrix.ts';
import { whistleblowingMatrix } from './authorization/whistleblowing.matrix.ts';
import { planMatrix } from './authorization/plan.matrix.ts';

/**
 * Every /api route × every role, with data inside and outside the caller's scope → the exact
 * status. A route that is not in this table fails the first test: a new module adds its rows
 * here or, for the newer areas, in its own file under ./authorization.
 */
const coreMatrix: Record<string, RouteCase> = {
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

  'GET /api/v1/enterprises': { build: async () => ({ url: '/api/v1/enterprises' }), in: readAll() },
  'POST /api/v1/enterprises': {
    build: async ({ target }) => ({
      url: '/api/v1/enterprises',
      payload: { name: '矩阵新建企业', creditCode: nextCode(countyOf(target)), county: countyOf(target) },
    }),
    in: writeIn(201),
    out: writeOut(201, 403),
  },
  'GET /api/v1/enterprises/export': {
    build: async () => ({ url: '/api/v1/enterprises/export' }),
    in: readAll(),
  },
  'GET /api/v1/enterprises/import-template': {
    build: async () => ({ url: '/api/v1/enterprises/import-template' }),
    in: writeIn(200),
  },
  'POST /api/v1/enterprises/import': {
    // Out-of-scope rows come back as row errors in a 200 report (tested in the registry suite).
    build: async ({ target }) => ({
      url: '/api/v1/enterprises/import',
      payload: await importFile(target),
      headers: { 'content-type': XLSX_TYPE },
    }),
    in: writeIn(200),
    out: writeIn(200),
  },
  'GET /api/v1/enterprises/:id': {
    build: async ({ t, target }) => ({ url: `/api/v1/enterprises/${await newEnterprise(t, target)}` }),
    in: recordIn,
    out: recordOut,
  },
  'PATCH /api/v1/enterprises/:id': {
    build: async ({ t, target }) => ({
      url: `/api/v1/enterprises/${await newEnterprise(t, target)}`,
      payload: { employees: 10 },
    }),
    in: writeIn(200),
    out: writeOut(200, 404),
  },
  'GET /api/v1/enterprises/:id/history': {
    build: async ({ t, target }) => ({
      url: `/api/v1/enterprises/${await newEnterprise(t, target)}/history`,
    }),
    in: recordIn,
    out: recordOut,
  },
  'GET /api/v1/enterprises/:id/profile': {
    build: async ({ t, target }) => ({
      url: `/api/v1/enterprises/${await newEnterprise(t, target)}/profile`,
    }),
    in: recordIn,
    out: recordOut,
  },

  'GET /api/v1/objects': { build: async () => ({ url: '/api/v1/objects' }), in: readAll() },
  'POST /api/v1/objects': {
    build: async ({ t, target }) => ({
      url: '/api/v1/objects',
      payload: {
        kind: 'waste_dump',
        name: '矩阵排土场',
        enterpriseId: await newEnterprise(t, target),
        county: countyOf(target),
        location: { lon: 102.7, lat: 24.3 },
      },
    }),
    in: writeIn(201),
    out: writeOut(201, 403),
  },
  'GET /api/v1/objects/:id': {
    build: async ({ t, target }) => ({ url: `/api/v1/objects/${await newObject(t, target)}` }),
    in: recordIn,
    out: recordOut,
  },
  'PUT /api/v1/objects/:id': {
    build: async ({ t, target }) => {
      const id = await newObject(t, target);
      const owner = await t.db.query<{ enterprise_id: string }>(
        'SELECT enterprise_id FROM regulated_objects WHERE id = $1',
        [id],
      );
      return {
        url: `/api/v1/objects/${id}`,
        payload: {
          kind: 'waste_dump',
          name: '矩阵排土场',
          enterpriseId: owner.rows[0]!.enterprise_id,
          county: countyOf(target),
          location: { lon: 102.7, lat: 24.3 },
        },
      };
    },
    in: writeIn(200),
    out: writeOut(200, 404),
  },
  'DELETE /api/v1/objects/:id': {
    build: async ({ t, target }) => ({ url: `/api/v1/objects/${await newObject(t, target)}` }),
    in: writeIn(200),
    out: writeOut(200, 404),
  },
  'POST /api/v1/uploads': {
    build: async ({ target }) => ({
      url: `/api/v1/uploads?county=${countyOf(target)}`,
      payload: TINY_PNG,
      headers: { 'content-type': 'image/png' },
    }),
    in: statuses(403, {
      cityOfficer: 201,
      countyOfficer: 201,
      industryOfficer: 201,
      inspector: 201,
      enterpriseManager: 201,
      departmentOfficer: 201,
    }),
    out: statuses(403, {
      cityOfficer: 201,
      countyOfficer: 403,
      industryOfficer: 201,
      inspector: 403,
      enterpriseManager: 201,
      departmentOfficer: 201,
    }),
  },
  'GET /api/v1/uploads/:id': {
    build: async ({ t, target }) => {
      const row = await t.db.query<{ id: string }>(
        `INSERT INTO uploads (content_type, size, sha256, data, county, uploaded_by, created_at)
         VALUES ('image/png', $1, 'x', $2, $3, (SELECT id FROM users LIMIT 1), now()) RETURNING id`,
        [TINY_PNG.length, TINY_PNG, countyOf(target)],
      );
      return { url: `/api/v1/uploads/${row.rows[0]!.id}` };
    },
    // Plan evidence: the 安委办 and the units (city-wide accounts here) open it too.
    in: { ...recordIn, safetyOffice: 200, departmentOfficer: 200 },
    out: { ...recordOut, safetyOffice: 200, departmentOfficer: 200 },
  },
  'GET /api/v1/risk/units': { build: async () => ({ url: '/api/v1/risk/units' }), in: riskReaders },
  'POST /api/v1/risk/units': {
    build: async ({ t, target }) => ({
      url: '/api/v1/risk/units',
      payload: { enterpriseId: await enterpriseFor(t, target), name: '矩阵单元', kind: 'area' },
    }),
    // Only the enterprise itself keeps its register; its own enterprise is "in scope" here.
    in: statuses(403, { enterpriseManager: 201 }),
    out: statuses(403, { enterpriseManager: 404 }),
  },
  'GET /api/v1/risk/units/:id': {
    build: async ({ t, target }) => ({ url: `/api/v1/risk/units/${await newRiskUnit(t, target)}` }),
    in: riskRecordIn,
    out: riskRecordOut,
  },
  'PUT /api/v1/risk/units/:id': {
    build: async ({ t, target }) => ({
      url: `/api/v1/risk/units/${await newRiskUnit(t, target)}`,
      payload: { name: '改名', kind: 'post' },
    }),
    in: statuses(403, { enterpriseManager: 200 }),
    out: statuses(403, { enterpriseManager: 404 }),
  },
  'DELETE /api/v1/risk/units/:id': {
    build: async ({ t, target }) => ({ url: `/api/v1/risk/units/${await newRiskUnit(t, target)}` }),
    in: statuses(403, { enterpriseManager: 200 }),
    out: statuses(403, { enterpriseManager: 404 }),
  },
  'POST /api/v1/risk/units/:id/points': {
    build: async ({ t, target }) => ({
      url: `/api/v1/risk/units/${await newRiskUnit(t, target)}/points`,
      payload: RISK_POINT,
    }),
    in: statuses(403, { enterpriseManager: 201 }),
    out: statuses(403, { enterpriseManager: 404 }),
  },
  'PUT /api/v1/risk/points/:id': {
    build: async ({ t, target }) => ({
      url: `/api/v1/risk/points/${await newRiskPoint(t, target)}`,
      payload: RISK_POINT,
    }),
    in: statuses(403, { enterpriseManager: 200 }),
    out: statuses(403, { enterpriseManager: 404 }),
  },
  'DELETE /api/v1/risk/points/:id': {
    build: async ({ t, target }) => ({ url: `/api/v1/risk/points/${await newRiskPoint(t, target)}` }),
    in: statuses(403, { enterpriseManager: 200 }),
    out: statuses(403, { enterpriseManager: 404 }),
  },
  'GET /api/v1/risk/notice-board': {
    build: async ({ t, target }) => ({
      url: `/api/v1/risk/notice-board?enterpriseId=${await enterpriseFor(t, target)}`,
    }),
    in: riskRecordIn,
    out: riskRecordOut,
  },
  'GET /api/v1/risk/units/:id/post-card': {
    build: async ({ t, target }) => ({ url: `/api/v1/risk/units/${await newRiskUnit(t, target)}/post-card` }),
    in: riskRecordIn,
    out: riskRecordOut,
  },
  'GET /api/v1/risk/ledger': { build: async () => ({ url: '/api/v1/risk/ledger' }), in: riskReaders },
  'GET /api/v1/risk/enterprise-levels': {
    build: async () => ({ url: '/api/v1/risk/enterprise-levels' }),
    in: riskReaders,
  },
  'GET /api/v1/checks/lists': { build: async () => ({ url: '/api/v1/checks/lists' }), in: riskReaders },
  'POST /api/v1/checks/lists': {
    build: async ({ t, target }) => ({
      url: '/api/v1/checks/lists',
      payload: { ...CHECK_LIST, enterpriseId: await enterpriseFor(t, target) },
    }),
    in: statuses(403, { enterpriseManager: 201 }),
    out: statuses(403, { enterpriseManager: 404 }),
  },
  'PUT /api/v1/checks/lists/:id': {
    build: async ({ t, target }) => ({
      url: `/api/v1/checks/lists/${await newCheckList(t, target)}`,
      payload: CHECK_LIST,
    }),
    in: statuses(403, { enterpriseManager: 200 }),
    out: statuses(403, { enterpriseManager: 404 }),
  },
  'GET /api/v1/checks/tasks': { build: async () => ({ url: '/api/v1/checks/tasks' }), in: riskReaders },
  'POST /api/v1/checks/tasks/:id/complete': {
    build: async ({ t, target }) => ({
      url: `/api/v1/checks/tasks/${await newCheckTask(t, target)}/complete`,
      payload: { results: [{ itemId: 'a1', result: 'pass' }] },
    }),
    in: statuses(403, { enterpriseManager: 200 }),
    out: statuses(403, { enterpriseManager: 404 }),
  },
  'GET /api/v1/hazards/criteria': { build: async () => ({ url: '/api/v1/hazards/criteria' }), in: readAll() },
  'GET /api/v1/hazards': { build: async () => ({ url: '/api/v1/hazards' }), in: readAll() },
  'GET /api/v1/hazards/statistics': {
    build: async () => ({ url: '/api/v1/hazards/statistics' }),
    in: readAll(),
  },
  'POST /api/v1/hazards': {
    build: async ({ t, target }) => ({
      url: '/api/v1/hazards',
      payload: {
        enterpriseId: await newEnterprise(t, target),
        source: 'inspection',
        location: { text: '矩阵' },
        description: '矩阵测试隐患',
        category: '05',
      },
    }),
    // The enterprise account may report only at its own enterprise (not this one: 404).
    in: statuses(403, {
      cityOfficer: 201,
      countyOfficer: 201,
      industryOfficer: 201,
      inspector: 201,
      enterpriseManager: 404,
    }),
    out: statuses(403, {
      cityOfficer: 201,
      countyOfficer: 404,
      industryOfficer: 201,
      inspector: 404,
      enterpriseManager: 404,
    }),
  },
  'GET /api/v1/hazards/:id': {
    build: async ({ t, target }) => ({ url: `/api/v1/hazards/${await newHazard(t, target)}` }),
    in: recordIn,
    out: recordOut,
  },
  'POST /api/v1/hazards/:id/actions': {
    build: async ({ t, target }) => ({
      url: `/api/v1/hazards/${await newHazard(t, target)}/actions`,
      payload: { action: 'dismiss', reason: '核查不属实' },
    }),
    in: statuses(403, {
      cityOfficer: 200,
      countyOfficer: 200,
      industryOfficer: 200,
      inspector: 200,
      enterpriseManager: 404,
    }),
    out: statuses(403, {
      cityOfficer: 200,
      countyOfficer: 404,
      industryOfficer: 200,
      inspector: 404,
      enterpriseManager: 404,
    }),
  },
  'GET /api/v1/emergency/resources': {
    build: async () => ({ url: '/api/v1/emergency/resources' }),
    in: dispatchers(200),
  },
  'GET /api/v1/emergency/resources/nearby': {
    build: async () => ({ url: '/api/v1/emergency/resources/nearby?lon=102.75&lat=24.29' }),
    in: dispatchers(200),
  },
  'POST /api/v1/emergency/resources': {
    build: async ({ target }) => ({ url: '/api/v1/emergency/resources', payload: RESOURCE(target) }),
    in: dispatchers(201),
    out: statuses(403, { cityOfficer: 201, countyOfficer: 403 }),
  },
  'GET /api/v1/emergency/resources/:id': {
    build: async ({ t, target }) => ({ url: `/api/v1/emergency/resources/${await newResource(t, target)}` }),
    in: dispatchers(200),
    out: dispatchersOut(200),
  },
  'PUT /api/v1/emergency/resources/:id': {
    build: async ({ t, target }) => ({
      url: `/api/v1/emergency/resources/${await newResource(t, target)}`,
      payload: RESOURCE(target),
    }),
    in: dispatchers(200),
    out: dispatchersOut(200),
  },
  'DELETE /api/v1/emergency/resources/:id': {
    build: async ({ t, target }) => ({ url: `/api/v1/emergency/resources/${await newResource(t, target)}` }),
    in: dispatchers(200),
    out: dispatchersOut(200),
  },
  'PUT /api/v1/emergency/resources/:id/materials': {
    build: async ({ t, target }) => ({
      url: `/api/v1/emergency/resources/${await newResource(t, target)}/materials`,
      payload: { items: [{ name: '沙袋', unit: '个', quantity: 100 }] },
    }),
    in: dispatchers(200),
    out: dispatchersOut(200),
  },
  'GET /api/v1/incidents': { build: async () => ({ url: '/api/v1/incidents' }), in: dispatchers(200) },
  'POST /api/v1/incidents': {
    build: async ({ target }) => ({ url: '/api/v1/incidents', payload: INCIDENT(target) }),
    in: dispatchers(201),
    out: statuses(403, { cityOfficer: 201, countyOfficer: 403 }),
  },
  'GET /api/v1/incidents/:id': {
    build: async ({ t, target }) => ({ url: `/api/v1/incidents/${await newIncident(t, target)}` }),
    in: dispatchers(200),
    out: dispatchersOut(200),
  },
  'POST /api/v1/incidents/:id/follow-ups': {
    build: async ({ t, target }) => ({
      url: `/api/v1/incidents/${await newIncident(t, target)}/follow-ups`,
      payload: { seriousInjuries: 2, description: '续报' },
    }),
    in: dispatchers(200),
    out: dispatchersOut(200),
  },
  'POST /api/v1/incidents/:id/reports-sent': {
    build: async ({ t, target }) => ({
      url: `/api/v1/incidents/${await newIncident(t, target)}/reports-sent`,
      payload: { stepId: 'county_to_city' },
    }),
    in: dispatchers(200),
    out: dispatchersOut(200),
  },
  'POST /api/v1/incidents/:id/dispatch': {
    build: async ({ t, target }) => ({
      url: `/api/v1/incidents/${await newIncident(t, target)}/dispatch`,
      payload: { resourceId: await newResource(t, target, 'team') },
    }),
    in: dispatchers(200),
    out: dispatchersOut(200),
  },
  'POST /api/v1/incidents/:id/tasks/:taskId/status': {
    build: async ({ t, target }) => {
      const { incident, task } = await newTask(t, target);
      return { url: `/api/v1/incidents/${incident}/tasks/${task}/status`, payload: { status: 'en_route' } };
    },
    in: dispatchers(200),
    out: dispatchersOut(200),
  },
  'POST /api/v1/incidents/:id/notes': {
    build: async ({ t, target }) => ({
      url: `/api/v1/incidents/${await newIncident(t, target)}/notes`,
      payload: { text: '现场风向西南' },
    }),
    in: dispatchers(200),
    out: dispatchersOut(200),
  },
  'POST /api/v1/incidents/:id/close': {
    build: async ({ t, target }) => ({
      url: `/api/v1/incidents/${await newIncident(t, target)}/close`,
      payload: { text: '救援结束' },
    }),
    in: dispatchers(200),
    out: dispatchersOut(200),
  },
  'GET /api/v1/map/config': { build: async () => ({ url: '/api/v1/map/config' }), in: signedIn },
  'GET /api/v1/map/enterprises': { build: async () => ({ url: '/api/v1/map/enterprises' }), in: readAll() },
  'GET /api/v1/map/objects': { build: async () => ({ url: '/api/v1/map/objects' }), in: readAll() },
};

const matrix: Record<string, RouteCase> = {
  ...coreMatrix,
  ...dualPreventionMatrix,
  ...monitoringMatrix,
  ...enforcementMatrix,
  ...emergencyMatrix,
  ...majorHazardsMatrix,
  ...workbenchMatrix,
  ...cockpitMatrix,
  ...listExportsMatrix,
  ...warningsMatrix,
  ...securityMatrix,
  ...statisticsMatrix,
  ...obligationsMatrix,
  ...whistleblowingMatrix,
  ...planMatrix,
};

describe('authorisation matrix', () => {
  let t: TestContext;
  const accounts: Partial<Record<(typeof names)[number], TestUser>> = {};
  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
  });
  afterAll(() => t.close());

  it('covers every /api route the server has, and nothing it does not have', () => {
    const served = t.app.apiRoutes.map((route) => `${route.method} ${route.url}`).sort();
    expect(Object.keys(matrix).sort()).toEqual(served);
  });

  for (const [key, routeCase] of Object.entries(matrix)) {
    const [method, url] = key.split(' ') as [InjectOptions['method'], string];
    const targets: Target[] = routeCase.out ? ['in', 'out'] : ['in'];
    for (const target of targets) {
      it(`${key} with ${target === 'in' ? 'in-scope' : 'out-of-scope'} data`, async () => {
        const expected = target === 'in' ? routeCase.in : routeCase.out!;
        const actual: Partial<Statuses> = {};
        for (const name of names) {
          const spec = callers[name];
          // One account per role for the whole table (a fresh session per request); the sign-in
          // routes change their caller (password, TOTP, sessions), so they get accounts of their own.
          const fresh = url.startsWith('/api/v1/auth/');
          const caller = !spec
            ? null
            : fresh
              ? await t.createUser({ roles: [...spec.roles], scope: spec.scope })
              : (accounts[name] ??= await t.createUser({ roles: [...spec.roles], scope: spec.scope }));
          const session: Caller | null = caller ? await t.sessionFor(caller) : null;
          const options = await routeCase.build({ t, target, caller });
          const response = await t.request({ method, url, ...options, as: session });
          actual[name] = response.statusCode;
        }
        expect(actual).toEqual(expected);
      });
    }
  }
});
