import { reportHazard, transitionHazard, type HiddenHazardState } from '@anjian/domain';
import type { TestContext } from '../test-app.ts';
import {
  countyOf,
  enterpriseFor,
  everyone,
  newEnterprise,
  newHazard,
  readAll,
  riskReaders,
  riskRecordIn,
  riskRecordOut,
  signedIn,
  statuses,
  TINY_PNG,
  type RouteCase,
  type Target,
} from './matrix-support.ts';

/*
 * Authorisation-matrix rows for the dual-prevention routes of the second round of issue 4
 * (see ../authorization-matrix.routes.test.ts). "In scope" is a record in 江川区 (the county callers'
 * county), "out of scope" one in 通海县.
 */

const GRADING_INPUT = {
  assessedOn: '2026-11-29',
  checklistScore: 80,
  operatingSince: null,
  fullTimeFireOrRescueTeam: false,
  standardisationGrade: null,
  accidents: [],
  newProcessWithoutTrials: false,
  plantWithoutFormalDesign: false,
  specialOperatorsUnqualified: false,
};

const LADDER = {
  general: { reminderDaysBefore: 3, noticeAfterDays: 7, interviewAfterDays: 30 },
  major: { reminderDaysBefore: 7, noticeAfterDays: 1, interviewAfterDays: 7 },
  acceptanceReviewDays: 10,
};

/** A notification for `userId` (or, out of scope and for the anonymous caller, for an account of its own). */
async function newNotification(t: TestContext, userId: string | null): Promise<string> {
  const owner = userId ?? (await t.createUser({ roles: ['city_officer'], scope: { kind: 'city' } })).id;
  const row = await t.db.query<{ id: string }>(
    `INSERT INTO notifications (user_id, kind, severity, title_zh, title_en, body_zh, body_en, data, created_at)
     VALUES ($1, 'hazard.escalation', 'info', '矩阵', 'Matrix', '矩阵', 'Matrix', '{}', now()) RETURNING id`,
    [owner],
  );
  return row.rows[0]!.id;
}

/** A 重大 hazard listed by the county of `target` (挂牌督办), open or already accepted. */
async function listedHazard(t: TestContext, target: Target, accepted: boolean): Promise<string> {
  const enterprise = await newEnterprise(t, target);
  const officer = await t.db.query<{ id: string }>('SELECT id FROM users LIMIT 1');
  const now = new Date('2026-11-29T02:00:00Z');
  const county = { kind: 'county' as const, id: officer.rows[0]!.id };
  const reported = reportHazard({ source: 'inspection', tickedCriteria: ['hc-01'] }, { now, actor: county });
  if (!reported.ok) throw reported.error;
  const listed = transitionHazard(reported.state, { action: 'list_supervision' }, { now, actor: county });
  if (!listed.ok) throw listed.error;
  const state: HiddenHazardState = accepted
    ? { ...listed.state, status: 'closed', closedAt: now }
    : listed.state;
  const row = await t.db.query<{ id: string }>(
    `INSERT INTO hidden_hazards (enterprise_id, county, source, location_text, description, category, level, status,
       supervision_level, state, reported_by, reported_at, updated_at)
     VALUES ($1, $2, 'inspection', '矩阵测试位置', '矩阵测试重大隐患', '19', 'major', $3, 'county', $4, $5, now(), now())
     RETURNING id`,
    [enterprise, countyOf(target), state.status, JSON.stringify(state), officer.rows[0]!.id],
  );
  return row.rows[0]!.id;
}

async function gradedEnterprise(t: TestContext, target: Target): Promise<string> {
  const enterprise = await enterpriseFor(t, target);
  await t.db.query(
    `INSERT INTO enterprise_gradings (enterprise_id, county, input, result, score, colour, level, graded_at, graded_by)
     VALUES ($1, $2, $3, $4, 80, 'yellow', 3, now(), 'matrix')`,
    [
      enterprise,
      countyOf(target),
      JSON.stringify(GRADING_INPUT),
      JSON.stringify({
        score: 80,
        scoreColour: 'yellow',
        colour: 'yellow',
        level: 3,
        redReasons: [],
        adjustments: [],
        reassessBy: '2029-11-29',
      }),
    ],
  );
  return enterprise;
}

/** An image uploaded for the target's enterprise (the site plan of its four-colour map). */
async function sitePlanUpload(
  t: TestContext,
  target: Target,
): Promise<{ enterpriseId: string; uploadId: string }> {
  const enterpriseId = await enterpriseFor(t, target);
  const row = await t.db.query<{ id: string }>(
    `INSERT INTO uploads (content_type, size, sha256, data, county, enterprise_id, uploaded_by, created_at)
     VALUES ('image/png', $1, 'x', $2, $3, $4, (SELECT id FROM users LIMIT 1), now()) RETURNING id`,
    [TINY_PNG.length, TINY_PNG, countyOf(target), enterpriseId],
  );
  return { enterpriseId, uploadId: row.rows[0]!.id };
}

// Only the department that listed the hazard (the county here) reviews and closes it; the city and
// industry officers act as the city level and are refused (403 hazard.wrong_supervisor).
const listingCountyIn = statuses(403, { countyOfficer: 200 });
const listingCountyOut = statuses(403, { countyOfficer: 404 });

export const dualPreventionMatrix: Record<string, RouteCase> = {
  'GET /api/v1/notifications': { build: async () => ({ url: '/api/v1/notifications' }), in: signedIn },
  'POST /api/v1/notifications/:id/read': {
    // In scope: the caller's own notification; out of scope: someone else's.
    build: async ({ t, target, caller }) => ({
      url: `/api/v1/notifications/${await newNotification(t, target === 'in' ? (caller?.id ?? null) : null)}/read`,
    }),
    in: statuses(200),
    out: statuses(404),
  },
  'POST /api/v1/notifications/read-all': {
    build: async () => ({ url: '/api/v1/notifications/read-all' }),
    in: signedIn,
  },
  'GET /api/v1/hazards/escalation-settings': {
    build: async () => ({ url: '/api/v1/hazards/escalation-settings' }),
    in: readAll(),
  },
  'PUT /api/v1/hazards/escalation-settings': {
    build: async () => ({ url: '/api/v1/hazards/escalation-settings', payload: LADDER }),
    in: statuses(403, { cityOfficer: 200 }),
  },
  'POST /api/v1/hazards/:id/supervision/review': {
    build: async ({ t, target }) => ({
      url: `/api/v1/hazards/${await listedHazard(t, target, false)}/supervision/review`,
      payload: { opinion: '现场督办检查' },
    }),
    in: listingCountyIn,
    out: listingCountyOut,
  },
  'POST /api/v1/hazards/:id/supervision/close': {
    build: async ({ t, target }) => ({
      url: `/api/v1/hazards/${await listedHazard(t, target, true)}/supervision/close`,
      payload: { opinion: '同意核销' },
    }),
    in: listingCountyIn,
    out: listingCountyOut,
  },
  'PUT /api/v1/hazards/:id/linked-points': {
    build: async ({ t, target }) => ({
      url: `/api/v1/hazards/${await newHazard(t, target)}/linked-points`,
      // Unlinking all: who may change the links. Which points may be linked is the class
      // "in-scope record pointing at out-of-scope ids" (cross-reference.matrix.ts).
      payload: { pointIds: [] },
    }),
    // The enterprise account reaches only its own enterprise's hazards (not this one: 404).
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
  'PUT /api/v1/hazards/:id/security-label': {
    build: async ({ t, target }) => ({
      url: `/api/v1/hazards/${await newHazard(t, target)}/security-label`,
      // 内部, within every writer's clearance; a label above it is refused in
      // hazard-security-labels.routes.test.ts, and a hazard above the caller's clearance is a 404 there.
      payload: { securityLabel: 'internal' },
    }),
    // Who may label is who may write the hazard: as for its linked points.
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
  'POST /api/v1/risk/enterprise-grading/calc': {
    build: async () => ({ url: '/api/v1/risk/enterprise-grading/calc', payload: GRADING_INPUT }),
    in: everyone(200),
  },
  'GET /api/v1/risk/enterprises': {
    build: async ({ target }) => ({ url: `/api/v1/risk/enterprises?county=${countyOf(target)}` }),
    in: riskRecordIn,
    out: riskRecordOut,
  },
  'GET /api/v1/risk/enterprises/export': {
    build: async ({ target }) => ({ url: `/api/v1/risk/enterprises/export?county=${countyOf(target)}` }),
    in: riskRecordIn,
    out: riskRecordOut,
  },
  'GET /api/v1/risk/enterprise-gradings': {
    build: async () => ({ url: '/api/v1/risk/enterprise-gradings' }),
    in: riskReaders,
  },
  'GET /api/v1/risk/enterprise-gradings/:enterpriseId': {
    build: async ({ t, target }) => ({
      url: `/api/v1/risk/enterprise-gradings/${await gradedEnterprise(t, target)}`,
    }),
    in: riskRecordIn,
    out: riskRecordOut,
  },
  'PUT /api/v1/risk/enterprise-gradings/:enterpriseId': {
    build: async ({ t, target }) => ({
      url: `/api/v1/risk/enterprise-gradings/${await newEnterprise(t, target)}`,
      payload: GRADING_INPUT,
    }),
    in: statuses(403, { cityOfficer: 200, countyOfficer: 200, industryOfficer: 200 }),
    out: statuses(403, { cityOfficer: 200, countyOfficer: 404, industryOfficer: 200 }),
  },
  'GET /api/v1/risk/site-plan': {
    build: async ({ t, target }) => ({
      url: `/api/v1/risk/site-plan?enterpriseId=${await enterpriseFor(t, target)}`,
    }),
    in: riskRecordIn,
    out: riskRecordOut,
  },
  'PUT /api/v1/risk/site-plan': {
    build: async ({ t, target }) => ({
      url: '/api/v1/risk/site-plan',
      payload: { ...(await sitePlanUpload(t, target)), width: 1600, height: 900 },
    }),
    // Only the enterprise keeps its map; its own enterprise is "in scope", another one 404.
    in: statuses(403, { enterpriseManager: 200 }),
    out: statuses(403, { enterpriseManager: 404 }),
  },
};
