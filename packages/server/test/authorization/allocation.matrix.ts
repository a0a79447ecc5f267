import type { TestContext } from '../test-app.ts';
import {
  type RouteCase,
  type Target,
  countyOf,
  dispatchers,
  dispatchersOut,
  newEnterprise,
  statuses,
} from './matrix-support.ts';

/**
 * Authorisation-matrix rows of the allocation orders (调拨单, emergency/allocation); run by
 * ../authorization-matrix-emergency.routes.test.ts.
 */
export async function newAllocationOrder(
  t: TestContext,
  target: Target,
  status = 'requested',
  quantities = { issued: 0, received: 0 },
): Promise<string> {
  const row = await t.db.query<{ id: string }>(
    `INSERT INTO allocation_orders (number, county, material_name, unit, quantity, destination_kind, status, issued, received,
       created_at, updated_at)
     VALUES ('DB-MATRIX-' || nextval('allocation_order_serial'), $1, '矩阵物资', '个', 5, 'scene', $2, $3, $4, now(), now())
     RETURNING id`,
    [countyOf(target), status, quantities.issued, quantities.received],
  );
  return row.rows[0]!.id;
}

export async function newRequisition(t: TestContext, target: Target): Promise<string> {
  const order = await newAllocationOrder(t, target, 'issued', { issued: 5, received: 0 });
  const row = await t.db.query<{ id: string }>(
    `INSERT INTO allocation_requisitions (order_id, enterprise_id, quantity, compensation_status, created_at, updated_at)
     VALUES ($1, $2, 5, 'pending', now(), now()) RETURNING id`,
    [order, await newEnterprise(t, target)],
  );
  return row.rows[0]!.id;
}

const A = '/api/v1/emergency/allocations';

export const allocationMatrix: Record<string, RouteCase> = {
  [`GET ${A}`]: { build: async () => ({ url: A }), in: dispatchers(200) },
  [`GET ${A}/export`]: { build: async () => ({ url: `${A}/export` }), in: dispatchers(200) },
  [`POST ${A}`]: {
    build: async ({ target }) => ({
      url: A,
      payload: {
        county: countyOf(target),
        materialName: '沙袋',
        unit: '个',
        quantity: 10,
        destinationKind: 'scene',
      },
    }),
    in: dispatchers(201),
    out: statuses(403, { cityOfficer: 201, countyOfficer: 403 }),
  },
  [`GET ${A}/ledger`]: { build: async () => ({ url: `${A}/ledger` }), in: dispatchers(200) },
  [`GET ${A}/ledger/export`]: { build: async () => ({ url: `${A}/ledger/export` }), in: dispatchers(200) },
  [`GET ${A}/ledger/summary`]: { build: async () => ({ url: `${A}/ledger/summary` }), in: dispatchers(200) },
  [`GET ${A}/:id`]: {
    build: async ({ t, target }) => ({ url: `${A}/${await newAllocationOrder(t, target)}` }),
    in: dispatchers(200),
    out: dispatchersOut(200),
  },
  [`GET ${A}/:id/sources`]: {
    build: async ({ t, target }) => ({ url: `${A}/${await newAllocationOrder(t, target)}/sources` }),
    in: dispatchers(200),
    out: dispatchersOut(200),
  },
  [`POST ${A}/:id/steps`]: {
    build: async ({ t, target }) => ({
      url: `${A}/${await newAllocationOrder(t, target)}/steps`,
      payload: { action: 'approve', note: '矩阵审批' },
    }),
    in: dispatchers(200),
    out: dispatchersOut(200),
  },
  [`PUT ${A}/requisitions/:id/compensation`]: {
    build: async ({ t, target }) => ({
      url: `${A}/requisitions/${await newRequisition(t, target)}/compensation`,
      payload: { compensationYuan: 1200 },
    }),
    in: dispatchers(200),
    out: dispatchersOut(200),
  },
};
