import { XLSX_TYPE } from '../../src/platform/office/index.ts';
import {
  type RouteCase,
  statuses,
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
} from './matrix-support.ts';

/**
 * Authorisation-matrix rows of the registry (enterprises, regulated objects, uploads) and of the first
 * dual-prevention routes (risk register, checks, hidden hazards); run by
 * ../authorization-matrix-registry.routes.test.ts.
 */
export const coreRegistryMatrix: Record<string, RouteCase> = {
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
};
