import type { TestContext } from '../test-app.ts';
import {
  countyOf,
  enterpriseFor,
  everyone,
  statuses,
  type RouteCase,
  type Target,
} from './matrix-support.ts';

/** Authorisation-matrix rows for the monitoring routes (see ../authorization-matrix.routes.test.ts). */

// monitoring:read — officers, the industry department and the enterprise; not inspectors or experts.
const readers = (status = 200) =>
  statuses(403, {
    cityOfficer: status,
    countyOfficer: status,
    industryOfficer: status,
    enterpriseManager: status,
  });
// A record in 江川区 owned by the enterprise account's own enterprise (in) or in 通海县 (out).
const readIn = readers(200);
const readOut = statuses(403, {
  cityOfficer: 200,
  countyOfficer: 404,
  industryOfficer: 200,
  enterpriseManager: 404,
});
// registry:write — the city and county officers.
const writers = (status: number, countyOut = status) =>
  statuses(403, { cityOfficer: status, countyOfficer: countyOut });
// alarm:handle — officers and the enterprise.
const handlers = (status: number, outside = status) =>
  statuses(403, { cityOfficer: status, countyOfficer: outside, enterpriseManager: outside });

let serial = 0;

async function newSite(t: TestContext, target: Target): Promise<string> {
  const row = await t.db.query<{ id: string }>(
    `INSERT INTO regulated_objects (kind, name, enterprise_id, county, lon, lat, created_at, updated_at)
     VALUES ('major_hazard_source', '矩阵罐区', $1, $2, 102.5, 24.3, now(), now()) RETURNING id`,
    [await enterpriseFor(t, target), countyOf(target)],
  );
  return row.rows[0]!.id;
}

async function newPoint(
  t: TestContext,
  target: Target,
): Promise<{ id: string; code: string; objectId: string }> {
  const objectId = await newSite(t, target);
  const code = `MX-${target}-${(serial += 1)}-${Date.now() % 100_000}`;
  const row = await t.db.query<{ id: string }>(
    `INSERT INTO monitoring_points (code, name, object_id, enterprise_id, county, type, unit, range_min, range_max,
       expected_interval_seconds, created_at, updated_at)
     SELECT $1, '矩阵监测点', o.id, o.enterprise_id, o.county, 'combustible_gas', '%LEL', 0, 100, 10, now(), now()
       FROM regulated_objects o WHERE o.id = $2 RETURNING id`,
    [code, objectId],
  );
  return { id: row.rows[0]!.id, code, objectId };
}

async function newAlarm(t: TestContext, target: Target): Promise<string> {
  const point = await newPoint(t, target);
  const row = await t.db.query<{ id: string }>(
    `INSERT INTO alarms (point_id, object_id, enterprise_id, county, rule_id, rule_version, kind, level, colour, value,
       status, evaluation, raised_at, fired_at, respond_by, escalation, timeline, updated_at)
     SELECT p.id, p.object_id, p.enterprise_id, p.county, 'combustible_gas.h', 1, 'threshold', 'H', 'yellow', 25,
       'firing', 'firing', now(), now(), now() + interval '30 minutes', 'awaiting_response',
       jsonb_build_array(jsonb_build_object('at', now(), 'actorKind', 'system', 'actorId', 'system',
         'action', 'raise', 'from', null, 'to', 'firing')), now()
       FROM monitoring_points p WHERE p.id = $1 RETURNING id`,
    [point.id],
  );
  return row.rows[0]!.id;
}

async function newDeviceToken(t: TestContext, target: Target): Promise<string> {
  const row = await t.db.query<{ id: string }>(
    `INSERT INTO device_tokens (enterprise_id, county, name, token_hash, prefix, created_at)
     VALUES ($1, $2, '矩阵网关', md5(random()::text), 'ajd_xxxxxx', now()) RETURNING id`,
    [await enterpriseFor(t, target), countyOf(target)],
  );
  return row.rows[0]!.id;
}

const pointBody = (objectId: string, code: string) => ({
  code,
  name: '矩阵监测点',
  objectId,
  type: 'combustible_gas',
  unit: '%LEL',
  range: { min: 0, max: 100 },
  expectedIntervalSeconds: 10,
});
const WINDOW = 'from=2026-11-28T00:00:00Z&to=2026-11-29T00:00:00Z';

export const monitoringMatrix: Record<string, RouteCase> = {
  'POST /api/v1/telemetry': {
    // Devices only: no session of any role can send readings.
    build: async () => ({ url: '/api/v1/telemetry', payload: { readings: [] } }),
    in: everyone(401),
  },
  'GET /api/v1/monitoring/ingest': {
    build: async () => ({ url: '/api/v1/monitoring/ingest' }),
    in: statuses(403, { cityOfficer: 200 }),
  },
  'GET /api/v1/monitoring/sites': { build: async () => ({ url: '/api/v1/monitoring/sites' }), in: readers() },
  'GET /api/v1/monitoring/sites/:id/history': {
    build: async ({ t, target }) => ({ url: `/api/v1/monitoring/sites/${await newSite(t, target)}/history` }),
    in: readIn,
    out: readOut,
  },
  'GET /api/v1/monitoring/points': {
    build: async () => ({ url: '/api/v1/monitoring/points' }),
    in: readers(),
  },
  'POST /api/v1/monitoring/points': {
    build: async ({ t, target }) => ({
      url: '/api/v1/monitoring/points',
      payload: pointBody(await newSite(t, target), `MXN-${(serial += 1)}-${Date.now() % 100_000}`),
    }),
    in: writers(200),
    out: writers(200, 404),
  },
  'GET /api/v1/monitoring/points/:id': {
    build: async ({ t, target }) => ({ url: `/api/v1/monitoring/points/${(await newPoint(t, target)).id}` }),
    in: readIn,
    out: readOut,
  },
  'PUT /api/v1/monitoring/points/:id': {
    build: async ({ t, target }) => {
      const point = await newPoint(t, target);
      return { url: `/api/v1/monitoring/points/${point.id}`, payload: pointBody(point.objectId, point.code) };
    },
    in: writers(200),
    out: writers(200, 404),
  },
  'DELETE /api/v1/monitoring/points/:id': {
    build: async ({ t, target }) => ({ url: `/api/v1/monitoring/points/${(await newPoint(t, target)).id}` }),
    in: writers(204),
    out: writers(204, 404),
  },
  'GET /api/v1/monitoring/points/:id/readings': {
    build: async ({ t, target }) => ({
      url: `/api/v1/monitoring/points/${(await newPoint(t, target)).id}/readings?${WINDOW}`,
    }),
    in: readIn,
    out: readOut,
  },
  'GET /api/v1/monitoring/alarms': {
    build: async () => ({ url: '/api/v1/monitoring/alarms' }),
    in: readers(),
  },
  'GET /api/v1/monitoring/alarms/:id': {
    build: async ({ t, target }) => ({ url: `/api/v1/monitoring/alarms/${await newAlarm(t, target)}` }),
    in: readIn,
    out: readOut,
  },
  'POST /api/v1/monitoring/alarms/:id/actions': {
    build: async ({ t, target }) => ({
      url: `/api/v1/monitoring/alarms/${await newAlarm(t, target)}/actions`,
      payload: { action: 'acknowledge' },
    }),
    in: handlers(200),
    out: statuses(403, { cityOfficer: 200, countyOfficer: 404, enterpriseManager: 404 }),
  },
  'GET /api/v1/monitoring/statistics': {
    build: async () => ({ url: `/api/v1/monitoring/statistics?${WINDOW}` }),
    in: readers(),
  },
  'GET /api/v1/monitoring/rules': { build: async () => ({ url: '/api/v1/monitoring/rules' }), in: readers() },
  'POST /api/v1/monitoring/rules': {
    // A rule for every point of a type is the city's to set.
    build: async () => ({
      url: '/api/v1/monitoring/rules',
      payload: {
        id: `matrix.rule.${(serial += 1)}`,
        scope: { kind: 'type', type: 'combustible_gas' },
        kind: 'stuck',
        epsilon: 0.01,
        intervals: 30,
      },
    }),
    in: writers(200, 403),
  },
  'GET /api/v1/monitoring/settings': {
    build: async () => ({ url: '/api/v1/monitoring/settings' }),
    in: readers(),
  },
  'PUT /api/v1/monitoring/settings': {
    build: async () => ({
      url: '/api/v1/monitoring/settings',
      payload: {
        escalation: { responseMinutes: 30, cityAfterMinutes: 30 },
        repeat: { count: 3, periodHours: 24 },
        normalMinutesBeforeAcceptance: 60,
      },
    }),
    in: statuses(403, { cityOfficer: 200 }),
  },
  'GET /api/v1/monitoring/device-tokens': {
    build: async () => ({ url: '/api/v1/monitoring/device-tokens' }),
    in: writers(200),
  },
  'POST /api/v1/monitoring/device-tokens': {
    build: async ({ t, target }) => ({
      url: '/api/v1/monitoring/device-tokens',
      payload: { enterpriseId: await enterpriseFor(t, target), name: '矩阵网关' },
    }),
    in: writers(201),
    out: writers(201, 404),
  },
  'POST /api/v1/monitoring/device-tokens/:id/revoke': {
    build: async ({ t, target }) => ({
      url: `/api/v1/monitoring/device-tokens/${await newDeviceToken(t, target)}/revoke`,
    }),
    in: writers(204),
    out: writers(204, 404),
  },
  'GET /api/v1/monitoring/stream': {
    // seconds=0: the stream opens and closes at once, so the matrix can read its status.
    build: async () => ({ url: '/api/v1/monitoring/stream?seconds=0' }),
    in: readers(),
  },
};
