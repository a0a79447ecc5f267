import type { TestContext } from '../test-app.ts';
import type { RouteCase, Target } from './matrix-support.ts';
import { countyOf, enterpriseFor, newIncident, statuses } from './matrix-support.ts';

/**
 * Authorisation-matrix rows for video (see ../authorization-matrix.routes.test.ts). Watching and
 * reading the register need monitoring:read (officers and the enterprise's own account); keeping
 * the register and running the online check need registry:write (the bureau officers). "in" is a
 * camera of the enterprise account's own enterprise (江川区), "out" one in 通海县.
 */
const V = '/api/v1/video';
let serial = 0;

async function newCamera(t: TestContext, target: Target): Promise<string> {
  serial += 1;
  const row = await t.db.query<{ id: string }>(
    `INSERT INTO video_cameras (code, name, enterprise_id, county, lon, lat, gateway_id, stream_ref, created_at, updated_at)
     VALUES ($1, '矩阵摄像机', $2, $3, 102.5, 24.3, 'matrix-hls', 'cam/index.m3u8', now(), now()) RETURNING id`,
    [`MXV-${target}-${serial}-${Date.now() % 100_000}`, await enterpriseFor(t, target), countyOf(target)],
  );
  return row.rows[0]!.id;
}

async function newAlarm(t: TestContext, target: Target): Promise<string> {
  const enterprise = await enterpriseFor(t, target);
  const county = countyOf(target);
  serial += 1;
  const row = await t.db.query<{ id: string }>(
    `WITH o AS (
       INSERT INTO regulated_objects (kind, name, enterprise_id, county, lon, lat, created_at, updated_at)
       VALUES ('major_hazard_source', '矩阵视频罐区', $1, $2, 102.5, 24.3, now(), now()) RETURNING id),
     p AS (
       INSERT INTO monitoring_points (code, name, object_id, enterprise_id, county, type, unit, range_min, range_max,
         expected_interval_seconds, created_at, updated_at)
       SELECT $3, '矩阵视频监测点', o.id, $1, $2, 'combustible_gas', '%LEL', 0, 100, 10, now(), now() FROM o RETURNING id, object_id)
     INSERT INTO alarms (point_id, object_id, enterprise_id, county, rule_id, rule_version, kind, level, colour, value,
       status, evaluation, raised_at, fired_at, respond_by, escalation, timeline, updated_at)
     SELECT p.id, p.object_id, $1, $2, 'combustible_gas.h', 1, 'threshold', 'H', 'yellow', 25, 'firing', 'firing',
       now(), now(), now() + interval '30 minutes', 'awaiting_response', '[]', now() FROM p RETURNING id`,
    [enterprise, county, `MXV-P-${target}-${serial}-${Date.now() % 100_000}`],
  );
  return row.rows[0]!.id;
}

const body = async (t: TestContext, target: Target) => ({
  code: `MXV-NEW-${target}-${(serial += 1)}-${Date.now() % 100_000}`,
  name: '矩阵新摄像机',
  enterpriseId: await enterpriseFor(t, target),
  location: { lon: 102.5, lat: 24.3 },
  gatewayId: 'matrix-hls',
  streamRef: 'cam/index.m3u8',
});

// monitoring:read — the bureau's officers and the enterprise's own account.
const viewers = (status: number) =>
  statuses(403, {
    cityOfficer: status,
    countyOfficer: status,
    industryOfficer: status,
    enterpriseManager: status,
  });
const viewersOut = (status: number) =>
  statuses(403, { cityOfficer: status, countyOfficer: 404, industryOfficer: status, enterpriseManager: 404 });
// registry:write — the city's and the county's officers.
const keepers = (status: number, countyOut = status) =>
  statuses(403, { cityOfficer: status, countyOfficer: countyOut });

export const videoMatrix: Record<string, RouteCase> = {
  [`GET ${V}/cameras`]: { build: async () => ({ url: `${V}/cameras` }), in: viewers(200) },
  [`GET ${V}/cameras/export`]: { build: async () => ({ url: `${V}/cameras/export` }), in: viewers(200) },
  [`GET ${V}/cameras/near`]: {
    build: async () => ({ url: `${V}/cameras/near?lon=102.5&lat=24.3&radiusM=1000` }),
    in: viewers(200),
  },
  [`GET ${V}/cameras/in-zones`]: {
    // An incident is the bureau's record: the enterprise's account sees none (404), an officer of
    // another county sees none of that county.
    build: async ({ t, target }) => ({
      url: `${V}/cameras/in-zones?incidentId=${await newIncident(t, target)}`,
    }),
    in: statuses(403, { cityOfficer: 200, countyOfficer: 200, industryOfficer: 200, enterpriseManager: 404 }),
    out: statuses(403, {
      cityOfficer: 200,
      countyOfficer: 404,
      industryOfficer: 200,
      enterpriseManager: 404,
    }),
  },
  [`GET ${V}/cameras/near-alarm`]: {
    build: async ({ t, target }) => ({ url: `${V}/cameras/near-alarm?alarmId=${await newAlarm(t, target)}` }),
    in: viewers(200),
    out: viewersOut(200),
  },
  [`GET ${V}/gateways`]: { build: async () => ({ url: `${V}/gateways` }), in: viewers(200) },
  [`GET ${V}/online-rates`]: { build: async () => ({ url: `${V}/online-rates` }), in: viewers(200) },
  [`GET ${V}/test-gateway/:file`]: {
    // Without ffmpeg running in the matrix's app the file is missing: the guard still answers first.
    build: async () => ({ url: `${V}/test-gateway/index.m3u8` }),
    in: viewers(404),
  },
  [`POST ${V}/status-check`]: { build: async () => ({ url: `${V}/status-check` }), in: keepers(200) },
  [`GET ${V}/cameras/:id`]: {
    build: async ({ t, target }) => ({ url: `${V}/cameras/${await newCamera(t, target)}` }),
    in: viewers(200),
    out: viewersOut(200),
  },
  [`POST ${V}/cameras/:id/play`]: {
    build: async ({ t, target }) => ({ url: `${V}/cameras/${await newCamera(t, target)}/play` }),
    in: viewers(200),
    out: viewersOut(200),
  },
  [`POST ${V}/cameras/:id/snapshot`]: {
    // The matrix's gateway is never there: a viewer in scope gets the stream's refusal (502), not 403/404.
    build: async ({ t, target }) => ({ url: `${V}/cameras/${await newCamera(t, target)}/snapshot` }),
    in: viewers(502),
    out: viewersOut(502),
  },
  [`POST ${V}/cameras`]: {
    build: async ({ t, target }) => ({ url: `${V}/cameras`, payload: await body(t, target) }),
    in: keepers(201),
    out: keepers(201, 404),
  },
  [`PUT ${V}/cameras/:id`]: {
    build: async ({ t, target }) => ({
      url: `${V}/cameras/${await newCamera(t, target)}`,
      payload: await body(t, target),
    }),
    in: keepers(200),
    out: keepers(200, 404),
  },
  [`DELETE ${V}/cameras/:id`]: {
    build: async ({ t, target }) => ({ url: `${V}/cameras/${await newCamera(t, target)}` }),
    in: keepers(200),
    out: keepers(200, 404),
  },
};
