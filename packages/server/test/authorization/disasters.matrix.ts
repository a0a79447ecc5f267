import type { TestContext } from '../test-app.ts';
import type { RouteCase, Target } from './matrix-support.ts';
import { countyOf, dispatchers, dispatchersOut, statuses } from './matrix-support.ts';

/** Authorisation-matrix rows for the natural-disaster routes (emergency/disasters). */

/** A township of the target's county: 江城镇 (江川区) in scope, 杨广镇 (通海县) out of it. */
const townshipOf = (target: Target) => `${countyOf(target)}101`;

async function newDisaster(t: TestContext, target: Target): Promise<string> {
  const { rows } = await t.db.query<{ id: string }>(
    `INSERT INTO disaster_events (kind, name, county, occurred_at, townships, created_by, created_at, updated_at)
     VALUES ('flood', '矩阵洪涝', $1, '2026-11-28T00:00:00Z', ARRAY[$2], 'matrix', now(), now()) RETURNING id`,
    [countyOf(target), townshipOf(target)],
  );
  return rows[0]!.id;
}

const FIGURES = {
  affected: 10,
  relocated: 2,
  needingAid: 1,
  deaths: 0,
  missing: 0,
  housesCollapsed: 0,
  housesSeverelyDamaged: 0,
  housesDamaged: 1,
  cropsHectares: '1.5',
  directLossWan: '3',
};

const byId = (
  url: (id: string) => string,
  status: number,
  payload?: (target: Target) => object,
): RouteCase => ({
  build: async ({ t, target }) => ({ url: url(await newDisaster(t, target)), payload: payload?.(target) }),
  in: dispatchers(status),
  out: dispatchersOut(status),
});

export const disastersMatrix: Record<string, RouteCase> = {
  'GET /api/v1/emergency/disasters/rules': {
    build: async () => ({ url: '/api/v1/emergency/disasters/rules' }),
    in: dispatchers(200),
  },
  'GET /api/v1/emergency/disasters': {
    build: async () => ({ url: '/api/v1/emergency/disasters' }),
    in: dispatchers(200),
  },
  'GET /api/v1/emergency/disasters/export': {
    build: async () => ({ url: '/api/v1/emergency/disasters/export?kind=flood' }),
    in: dispatchers(200),
  },
  'POST /api/v1/emergency/disasters': {
    build: async ({ target }) => ({
      url: '/api/v1/emergency/disasters',
      payload: {
        kind: 'landslide',
        name: '矩阵滑坡',
        county: countyOf(target),
        occurredAt: '2026-11-28T08:00:00+08:00',
        townships: [townshipOf(target)],
      },
    }),
    in: dispatchers(201),
    out: statuses(403, { cityOfficer: 201, countyOfficer: 403 }),
  },
  'GET /api/v1/emergency/disasters/:id': byId((id) => `/api/v1/emergency/disasters/${id}`, 200),
  'POST /api/v1/emergency/disasters/:id/reports': byId(
    (id) => `/api/v1/emergency/disasters/${id}/reports`,
    201,
    (target) => ({
      township: townshipOf(target),
      stage: 'initial',
      reporter: '矩阵信息员',
      figures: FIGURES,
    }),
  ),
  'POST /api/v1/emergency/disasters/:id/stabilised': byId(
    (id) => `/api/v1/emergency/disasters/${id}/stabilised`,
    200,
    () => ({}),
  ),
  'GET /api/v1/emergency/disasters/:id/bulletin': byId(
    (id) => `/api/v1/emergency/disasters/${id}/bulletin`,
    200,
  ),
  'GET /api/v1/emergency/disasters/:id/export': byId((id) => `/api/v1/emergency/disasters/${id}/export`, 200),
};
