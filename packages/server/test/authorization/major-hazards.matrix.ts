import { randomUUID } from 'node:crypto';
import type { TestContext } from '../test-app.ts';
import {
  countyOf,
  enterpriseFor,
  readAll,
  riskRecordIn,
  riskRecordOut,
  statuses,
  type RouteCase,
  type Target,
} from './matrix-support.ts';

/**
 * Authorisation-matrix rows for the GB 18218 declarations (see ../authorization-matrix.routes.test.ts).
 * Only the enterprise declares (risk:write); "in scope" is the enterprise account's own enterprise in
 * 江川区, "out of scope" an enterprise in 通海县. Registry readers read in their scope.
 */
const UNIT = () => ({
  name: `矩阵单元${randomUUID().slice(0, 8)}`,
  kind: 'storage',
  location: { lon: 102.75, lat: 24.29 },
  exposedPopulation: 10,
  inventory: [{ substance: '氯', quantityTonnes: '1' }],
});

const notMajor = JSON.stringify({
  s: '0.2000',
  isMajor: false,
  alpha: null,
  r: null,
  level: null,
  items: [],
  steps: [],
});

async function newMajorHazardUnit(t: TestContext, target: Target): Promise<string> {
  const row = await t.db.query<{ id: string }>(
    `INSERT INTO major_hazard_units (enterprise_id, county, name, kind, exposed_population, s, is_major, level,
       identification, created_at, updated_at, updated_by)
     VALUES ($1, $2, $3, 'storage', 10, '0.2000', false, NULL, $4, now(), now(), 'test') RETURNING id`,
    [await enterpriseFor(t, target), countyOf(target), `矩阵单元${randomUUID().slice(0, 8)}`, notMajor],
  );
  const id = row.rows[0]!.id;
  await t.db.query(
    `INSERT INTO major_hazard_inventory (unit_id, position, substance, substance_code, quantity_tonnes)
     VALUES ($1, 1, '氯', 'T1-12', 1)`,
    [id],
  );
  return id;
}

const declarerIn = (status: number) => statuses(403, { enterpriseManager: status });
const declarerOut = statuses(403, { enterpriseManager: 404 });

export const majorHazardsMatrix: Record<string, RouteCase> = {
  'GET /api/v1/major-hazards/units': {
    build: async () => ({ url: '/api/v1/major-hazards/units' }),
    in: readAll(),
  },
  'GET /api/v1/major-hazards/summary': {
    build: async () => ({ url: '/api/v1/major-hazards/summary' }),
    in: readAll(),
  },
  'POST /api/v1/major-hazards/units': {
    build: async ({ t, target }) => ({
      url: '/api/v1/major-hazards/units',
      payload: { enterpriseId: await enterpriseFor(t, target), ...UNIT() },
    }),
    in: declarerIn(201),
    out: declarerOut,
  },
  'GET /api/v1/major-hazards/units/:id': {
    build: async ({ t, target }) => ({
      url: `/api/v1/major-hazards/units/${await newMajorHazardUnit(t, target)}`,
    }),
    in: riskRecordIn,
    out: riskRecordOut,
  },
  'PUT /api/v1/major-hazards/units/:id': {
    build: async ({ t, target }) => ({
      url: `/api/v1/major-hazards/units/${await newMajorHazardUnit(t, target)}`,
      payload: UNIT(),
    }),
    in: declarerIn(200),
    out: declarerOut,
  },
  'DELETE /api/v1/major-hazards/units/:id': {
    build: async ({ t, target }) => ({
      url: `/api/v1/major-hazards/units/${await newMajorHazardUnit(t, target)}`,
    }),
    in: declarerIn(200),
    out: declarerOut,
  },
  'GET /api/v1/major-hazards/units/:id/history': {
    build: async ({ t, target }) => ({
      url: `/api/v1/major-hazards/units/${await newMajorHazardUnit(t, target)}/history`,
    }),
    in: riskRecordIn,
    out: riskRecordOut,
  },
  'GET /api/v1/major-hazards/units/:id/inventory': {
    build: async ({ t, target }) => ({
      url: `/api/v1/major-hazards/units/${await newMajorHazardUnit(t, target)}/inventory`,
    }),
    in: riskRecordIn,
    out: riskRecordOut,
  },
};
