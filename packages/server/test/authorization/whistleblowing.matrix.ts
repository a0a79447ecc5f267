import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { ffmpegBinary } from '../../src/platform/ffmpeg-binary.ts';
import type { TestContext } from '../test-app.ts';
import type { RouteCase, Target } from './matrix-support.ts';
import { countyOf, everyone, nextCode, statuses, TINY_PNG } from './matrix-support.ts';

/**
 * Authorisation-matrix rows for 举报奖励 (issue 16). The public endpoints answer everyone the same
 * (each call from an address and device of its own, so the rate limits do not mix the rows). The
 * bureau's handling needs whistle:handle (city and county officers); reward approval and payment
 * whistle:reward (city officers); the identity whistle:identity, which only the custodian role
 * holds (none of the matrix's callers: see whistleblowing.routes.test.ts). A county officer gets
 * 404 for another county's report.
 */
let serial = 0;
const client = () => {
  serial += 1;
  return {
    remoteAddress: `10.77.${Math.floor(serial / 250)}.${serial % 250}`,
    deviceId: `matrix-${randomUUID()}`,
  };
};

/** A one-second phone-like movie, made once by ffmpeg for every row that sends one. */
let movie: Promise<Buffer> | null = null;
const tinyMovie = () =>
  (movie ??= promisify(execFile)(
    ffmpegBinary(),
    [
      ...['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc=size=64x48:rate=5:duration=1'],
      ...['-c:v', 'mpeg4', '-f', 'mov', '-movflags', 'frag_keyframe+empty_moov', 'pipe:1'],
    ],
    { encoding: 'buffer' },
  ).then((r) => r.stdout));

const handlers = (ok: number) => statuses(403, { cityOfficer: ok, countyOfficer: ok });
const handlersOut = (ok: number) => statuses(403, { cityOfficer: ok, countyOfficer: 404 });
const rewarders = (ok: number) => statuses(403, { cityOfficer: ok });

/** The reward's proposer: someone other than every matrix caller, so any of them may approve. */
async function proposer(t: TestContext): Promise<string> {
  return (await t.createUser({ roles: ['city_officer'], scope: { kind: 'city' } })).id;
}

/** A report of the target's county at a stage of the handling. */
async function newReport(
  t: TestContext,
  target: Target,
  stage: 'received' | 'accepted' | 'assigned' | 'verified' | 'replied' | 'proposed' | 'approved' | 'objected',
): Promise<string> {
  const county = countyOf(target);
  const status =
    { received: 'received', accepted: 'accepted', assigned: 'accepted', verified: 'verified' }[
      stage as string
    ] ?? 'replied';
  const row = await t.db.query<{ id: string }>(
    `INSERT INTO whistle_reports (query_code, secret_salt, secret_hash, channel, category, description, county, anonymous,
       received_on, status, acceptance_due, decided_on, assigned_county, outcome, fine_yuan)
     VALUES ($1, 's', 'h', 'online', 'major_hazard', '矩阵测试举报', $2, true, '2026-11-20', $3, '2026-11-25',
             '2026-11-21', $4, $5, $6) RETURNING id`,
    [
      `M${randomUUID().slice(0, 13)}`,
      county,
      status,
      stage === 'received' || stage === 'accepted' ? null : county,
      ['verified', 'replied', 'proposed', 'approved'].includes(stage) ? 'true' : null,
      ['replied', 'proposed', 'approved'].includes(stage) ? '40000.00' : null,
    ],
  );
  const id = row.rows[0]!.id;
  if (stage === 'objected')
    await t.db.query(
      `INSERT INTO whistle_objections (report_id, filed_on, reason, objected_to, review_due)
       VALUES ($1, '2026-11-28', '矩阵异议', 'replied', '2026-12-28')`,
      [id],
    );
  if (stage === 'proposed' || stage === 'approved') {
    await t.db.query(
      `INSERT INTO whistle_rewards (report_id, status, amount_yuan, basis, rule_id, source, proposed_by, proposed_at, approvers)
       VALUES ($1, $2, '6000.00', 'fine_percent', 'yunnan-2023', '矩阵', $3, now(), $4)`,
      [
        id,
        stage === 'proposed' ? 'proposed' : 'approved',
        await proposer(t),
        stage === 'approved' ? [randomUUID(), randomUUID()] : [],
      ],
    );
  }
  return id;
}

const step = (
  path: string,
  stage: Parameters<typeof newReport>[2],
  body: (target: Target) => object,
  who: 'handle' | 'reward',
) => ({
  build: async ({ t, target }: { t: TestContext; target: Target }) => ({
    url: `/api/v1/whistleblowing/reports/${await newReport(t, target, stage)}/${path}`,
    payload: body(target),
  }),
  in: who === 'handle' ? handlers(200) : rewarders(200),
  out: who === 'handle' ? handlersOut(200) : rewarders(200),
});

export const whistleblowingMatrix: Record<string, RouteCase> = {
  'POST /api/v1/public/whistleblowing/captcha': {
    build: async () => ({ url: '/api/v1/public/whistleblowing/captcha' }),
    in: everyone(200),
  },
  'GET /api/v1/public/whistleblowing/enterprises': {
    build: async () => ({ url: '/api/v1/public/whistleblowing/enterprises?q=矩阵测试' }),
    in: everyone(200),
  },
  'GET /api/v1/public/whistleblowing/map': {
    build: async () => ({ url: '/api/v1/public/whistleblowing/map' }),
    in: everyone(200),
  },
  'GET /api/v1/public/whistleblowing/place': {
    build: async () => {
      const { remoteAddress, deviceId } = client();
      return {
        url: `/api/v1/public/whistleblowing/place?lon=102.5389&lat=24.3443&deviceId=${deviceId}`,
        remoteAddress,
      };
    },
    in: everyone(200),
  },
  'POST /api/v1/public/whistleblowing/photos': {
    build: async () => {
      const { remoteAddress, deviceId } = client();
      return {
        url: `/api/v1/public/whistleblowing/photos?deviceId=${deviceId}`,
        payload: TINY_PNG,
        headers: { 'content-type': 'image/png' },
        remoteAddress,
      };
    },
    in: everyone(201),
  },
  'POST /api/v1/public/whistleblowing/videos': {
    build: async () => {
      const { remoteAddress, deviceId } = client();
      return {
        url: `/api/v1/public/whistleblowing/videos?deviceId=${deviceId}`,
        payload: await tinyMovie(),
        headers: { 'content-type': 'video/quicktime' },
        remoteAddress,
      };
    },
    in: everyone(201),
  },
  'POST /api/v1/public/whistleblowing/reports': {
    build: async () => {
      const { remoteAddress, deviceId } = client();
      return {
        url: '/api/v1/public/whistleblowing/reports',
        payload: {
          category: 'major_hazard',
          description: '矩阵测试举报内容：安全出口锁闭',
          anonymous: true,
          deviceId,
        },
        remoteAddress,
      };
    },
    in: everyone(201),
  },
  'GET /api/v1/public/whistleblowing/sms-codes': {
    build: async () => ({ url: '/api/v1/public/whistleblowing/sms-codes' }),
    in: everyone(200),
  },
  // The matrix runs without an SMS gateway: everyone hears that no code is needed
  // (whistle-sms.routes.test.ts sends codes through a real local gateway).
  'POST /api/v1/public/whistleblowing/sms-codes': {
    build: async () => {
      const { remoteAddress, deviceId } = client();
      return {
        url: '/api/v1/public/whistleblowing/sms-codes',
        payload: { phone: '13800138000', deviceId },
        remoteAddress,
      };
    },
    in: everyone(409),
  },
  'POST /api/v1/public/whistleblowing/lookup': {
    build: async () => {
      const { remoteAddress, deviceId } = client();
      return {
        url: '/api/v1/public/whistleblowing/lookup',
        payload: { queryCode: 'AAAA-BBBB-CCCC', secret: 'A'.repeat(20), deviceId },
        remoteAddress,
      };
    },
    in: everyone(404),
  },
  'POST /api/v1/public/whistleblowing/lookup/messages': {
    build: async () => {
      const { remoteAddress, deviceId } = client();
      return {
        url: '/api/v1/public/whistleblowing/lookup/messages',
        payload: { queryCode: 'AAAA-BBBB-CCCC', secret: 'A'.repeat(20), deviceId, body: '补充材料' },
        remoteAddress,
      };
    },
    in: everyone(404),
  },
  'POST /api/v1/public/whistleblowing/lookup/objection': {
    build: async () => {
      const { remoteAddress, deviceId } = client();
      return {
        url: '/api/v1/public/whistleblowing/lookup/objection',
        payload: { queryCode: 'AAAA-BBBB-CCCC', secret: 'A'.repeat(20), deviceId, reason: '矩阵异议' },
        remoteAddress,
      };
    },
    in: everyone(404),
  },
  // 应急〔2023〕106号: a county's conclusion is reviewed at city level; the county sees the step refused.
  'POST /api/v1/whistleblowing/reports/:id/objection/review': {
    build: async ({ t, target }) => ({
      url: `/api/v1/whistleblowing/reports/${await newReport(t, target, 'objected')}/objection/review`,
      payload: { decision: 'reject', reason: '矩阵复核' },
    }),
    in: statuses(403, { cityOfficer: 200, countyOfficer: 409 }),
    out: statuses(403, { cityOfficer: 200, countyOfficer: 404 }),
  },
  'GET /api/v1/whistleblowing/reports': {
    build: async () => ({ url: '/api/v1/whistleblowing/reports' }),
    in: handlers(200),
  },
  // 一企一档 举报核查: read in the caller's counties; another county's enterprise answers an empty list.
  'GET /api/v1/whistleblowing/verified': {
    build: async ({ t, target }) => {
      const id = await newReport(t, target, 'verified');
      const enterprise = await t.db.query<{ id: string }>(
        `INSERT INTO enterprises (name, credit_code, county, created_at, updated_at)
         VALUES ('矩阵举报核查企业', $1, $2, now(), now()) RETURNING id`,
        [nextCode(countyOf(target)), countyOf(target)],
      );
      await t.db.query(
        `UPDATE whistle_reports SET enterprise_id = $2, verified_on = '2026-11-22' WHERE id = $1`,
        [id, enterprise.rows[0]!.id],
      );
      return { url: `/api/v1/whistleblowing/verified?enterpriseId=${enterprise.rows[0]!.id}` };
    },
    in: handlers(200),
    out: handlers(200),
  },
  'GET /api/v1/whistleblowing/reports/export': {
    build: async () => ({ url: '/api/v1/whistleblowing/reports/export' }),
    in: handlers(200),
  },
  'POST /api/v1/whistleblowing/reports': {
    build: async ({ target }) => ({
      url: '/api/v1/whistleblowing/reports',
      payload: {
        category: 'illegal_operation',
        description: '12350来电：矩阵测试举报',
        county: countyOf(target),
        anonymous: true,
        channel: 'phone_12350',
        receivedOn: '2026-11-28',
      },
    }),
    in: handlers(201),
    out: statuses(403, { cityOfficer: 201 }),
  },
  // The verify step's incident picker: the caller's counties' accidents (another county's are absent).
  'GET /api/v1/whistleblowing/incidents': {
    build: async () => ({ url: '/api/v1/whistleblowing/incidents' }),
    in: handlers(200),
  },
  'POST /api/v1/whistleblowing/photos': {
    build: async () => ({
      url: '/api/v1/whistleblowing/photos',
      payload: TINY_PNG,
      headers: { 'content-type': 'image/png' },
    }),
    in: handlers(201),
  },
  'GET /api/v1/whistleblowing/reports/:id': {
    build: async ({ t, target }) => ({
      url: `/api/v1/whistleblowing/reports/${await newReport(t, target, 'received')}`,
    }),
    in: handlers(200),
    out: handlersOut(200),
  },
  'GET /api/v1/whistleblowing/reports/:id/photos/:photoId': {
    build: async ({ t, target }) => {
      const id = await newReport(t, target, 'received');
      const upload = await t.db.query<{ id: string }>(
        `INSERT INTO uploads (content_type, size, sha256, data, county, created_at)
         VALUES ('image/png', $1, 'x', $2, '530400', now()) RETURNING id`,
        [TINY_PNG.length, TINY_PNG],
      );
      await t.db.query('UPDATE whistle_reports SET photo_ids = ARRAY[$2::uuid] WHERE id = $1', [
        id,
        upload.rows[0]!.id,
      ]);
      return { url: `/api/v1/whistleblowing/reports/${id}/photos/${upload.rows[0]!.id}` };
    },
    in: handlers(200),
    out: handlersOut(200),
  },
  'GET /api/v1/whistleblowing/statistics': {
    build: async () => ({ url: '/api/v1/whistleblowing/statistics?from=2026-01-01&to=2026-12-31' }),
    in: handlers(200),
  },
  'GET /api/v1/whistleblowing/statistics/export': {
    build: async () => ({ url: '/api/v1/whistleblowing/statistics/export?from=2026-01-01&to=2026-12-31' }),
    in: handlers(200),
  },
  'GET /api/v1/whistleblowing/rewards/ledger': {
    build: async () => ({ url: '/api/v1/whistleblowing/rewards/ledger?year=2026' }),
    in: handlers(200),
  },
  'GET /api/v1/whistleblowing/rewards/ledger/export': {
    build: async () => ({ url: '/api/v1/whistleblowing/rewards/ledger/export?year=2026' }),
    in: handlers(200),
  },
  'GET /api/v1/whistleblowing/reports/:id/duplicate-candidates': {
    build: async ({ t, target }) => ({
      url: `/api/v1/whistleblowing/reports/${await newReport(t, target, 'received')}/duplicate-candidates`,
    }),
    in: handlers(200),
    out: handlersOut(200),
  },
  'POST /api/v1/whistleblowing/reports/:id/duplicate-of': {
    build: async ({ t, target }) => {
      const originalId = await newReport(t, target, 'received');
      return {
        url: `/api/v1/whistleblowing/reports/${await newReport(t, target, 'received')}/duplicate-of`,
        payload: { originalId },
      };
    },
    in: handlers(200),
    out: handlersOut(200),
  },
  'PUT /api/v1/whistleblowing/reports/:id/security-label': {
    build: async ({ t, target }) => ({
      url: `/api/v1/whistleblowing/reports/${await newReport(t, target, 'received')}/security-label`,
      // 敏感, a report's default and every handler's clearance (whistle-security-labels.routes.test.ts).
      payload: { securityLabel: 'sensitive' },
    }),
    in: handlers(200),
    out: handlersOut(200),
  },
  'DELETE /api/v1/whistleblowing/reports/:id/duplicate-of': {
    build: async ({ t, target }) => ({
      url: `/api/v1/whistleblowing/reports/${await newReport(t, target, 'received')}/duplicate-of`,
    }),
    in: handlers(200),
    out: handlersOut(200),
  },
  'POST /api/v1/whistleblowing/reports/:id/decision': step(
    'decision',
    'received',
    () => ({ decision: 'accept' }),
    'handle',
  ),
  'POST /api/v1/whistleblowing/reports/:id/assignment': step(
    'assignment',
    'accepted',
    (target) => ({ county: countyOf(target), deadline: '2026-12-31' }),
    'handle',
  ),
  'POST /api/v1/whistleblowing/reports/:id/verification': step(
    'verification',
    'assigned',
    () => ({ outcome: 'partly_true', note: '矩阵核查' }),
    'handle',
  ),
  'POST /api/v1/whistleblowing/reports/:id/reply': step(
    'reply',
    'verified',
    () => ({ body: '矩阵答复' }),
    'handle',
  ),
  'POST /api/v1/whistleblowing/reports/:id/reward': step('reward', 'replied', () => ({}), 'handle'),
  'POST /api/v1/whistleblowing/reports/:id/reward/approval': step(
    'reward/approval',
    'proposed',
    () => ({}),
    'reward',
  ),
  'POST /api/v1/whistleblowing/reports/:id/reward/payment': step(
    'reward/payment',
    'approved',
    () => ({ paidOn: '2026-11-30', paymentRef: '矩阵发放' }),
    'reward',
  ),
  'POST /api/v1/whistleblowing/reports/:id/identity': {
    build: async ({ t, target }) => ({
      url: `/api/v1/whistleblowing/reports/${await newReport(t, target, 'received')}/identity`,
      payload: { reason: '矩阵测试查看' },
    }),
    in: statuses(403),
    out: statuses(403),
  },
};
