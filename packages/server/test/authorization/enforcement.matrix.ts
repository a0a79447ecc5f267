import { randomUUID } from 'node:crypto';
import { defaultDiscretionTable, drawCommitment, type DrawPublicRecord } from '@anjian/domain';
import type { TestContext } from '../test-app.ts';
import type { RouteCase, Target } from './matrix-support.ts';
import { ENTERPRISE_ID, countyOf, everyone, newEnterprise, statuses } from './matrix-support.ts';

/** Authorisation-matrix rows for the enforcement routes (see ../authorization-matrix.routes.test.ts). */

const E = '/api/v1/enforcement';
const SEED = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f';
let serial = 0;
const next = () => `${Date.now() % 1_000_000}${serial++}`;

async function insert(t: TestContext, sql: string, params: unknown[]): Promise<string> {
  return (await t.db.query<{ id: string }>(sql, params)).rows[0]!.id;
}
const anyUser = async (t: TestContext) =>
  (await t.db.query<{ id: string }>('SELECT id FROM users LIMIT 1')).rows[0]!.id;

const newInspector = (t: TestContext, target: Target) =>
  insert(
    t,
    `INSERT INTO enforcement_inspectors (name, certificate_no, certificate_expiry, county, created_at, updated_at)
     VALUES ('矩阵执法员', $1, '2030-12-31', $2, now(), now()) RETURNING id`,
    [`MX${next()}`, countyOf(target)],
  );

async function newConflict(t: TestContext, target: Target) {
  const inspector = await newInspector(t, target);
  const conflict = await insert(
    t,
    `INSERT INTO enforcement_conflicts (inspector_id, enterprise_id, relation, declared_at) VALUES ($1, $2, '矩阵回避', now()) RETURNING id`,
    [inspector, await newEnterprise(t, target)],
  );
  return { inspector, conflict };
}

/** A draw in the target county, at the given status, with a valid record. */
async function newDraw(t: TestContext, target: Target, status: 'draft' | 'published' | 'executed') {
  const id = randomUUID();
  const enterprise = await newEnterprise(t, target);
  const record: DrawPublicRecord = {
    algorithm: 'anjian-draw-v1',
    drawId: id,
    title: '矩阵抽查',
    announcedAt: '2026-11-29T02:00:00.000Z',
    mode: 'uniform',
    enterpriseCount: 1,
    inspectorsPerEnterprise: 2,
    pool: [{ enterpriseId: enterprise }],
    inspectorIds: [await newInspector(t, target), await newInspector(t, target)],
    conflicts: [],
    exclusion: { periodDays: 0, excludedEnterpriseIds: [] },
  };
  const sealed = status !== 'draft';
  await t.db.query(
    `INSERT INTO enforcement_draws (id, county, title, status, filters, record, seed, commitment, created_by, created_at, published_at)
     VALUES ($1, $2, '矩阵抽查', $3, '{}', $4, $5, $6, $7, now(), $8)`,
    [
      id,
      countyOf(target),
      status,
      JSON.stringify(record),
      sealed ? SEED : null,
      sealed ? drawCommitment(record, SEED) : null,
      await anyUser(t),
      sealed ? new Date() : null,
    ],
  );
  if (status === 'executed') {
    await t.db.query(
      `UPDATE enforcement_draws SET result = '{"selections":[]}', executed_at = now() WHERE id = $1`,
      [id],
    );
  }
  return id;
}

/** An inspection under way (visible to its enterprise), with no checklist items. */
const newInspection = async (t: TestContext, target: Target) =>
  insert(
    t,
    `INSERT INTO enforcement_inspections (kind, status, enterprise_id, county, inspector_ids, created_by, created_at, updated_at, started_at)
     VALUES ('ad_hoc', 'in_progress', $1, $2, $3, $4, now(), now(), now()) RETURNING id`,
    [
      target === 'in' ? ENTERPRISE_ID : await newEnterprise(t, 'out'),
      countyOf(target),
      [await newInspector(t, target), await newInspector(t, target)],
      await anyUser(t),
    ],
  );

const readers = statuses(403, {
  cityOfficer: 200,
  countyOfficer: 200,
  industryOfficer: 200,
  inspector: 200,
  expert: 200,
});
const readersOut = statuses(403, {
  cityOfficer: 200,
  countyOfficer: 404,
  industryOfficer: 200,
  inspector: 404,
  expert: 200,
});
const officers = (status: number) => statuses(403, { cityOfficer: status, countyOfficer: status });
const officersOut = (status: number, county = 404) =>
  statuses(403, { cityOfficer: status, countyOfficer: county });
const writers = (status: number) =>
  statuses(403, { cityOfficer: status, countyOfficer: status, inspector: status });
const writersOut = (status: number) =>
  statuses(403, { cityOfficer: status, countyOfficer: 404, inspector: 404 });

const inspectorBody = (target: Target) => ({
  name: '矩阵执法员',
  certificateNo: `MX${next()}`,
  certificateExpiry: '2030-12-31',
  county: countyOf(target),
  specialties: [],
});

export const enforcementMatrix: Record<string, RouteCase> = {
  [`GET ${E}/categories`]: { build: async () => ({ url: `${E}/categories` }), in: readers },
  [`POST ${E}/categories`]: {
    build: async () => ({
      url: `${E}/categories`,
      payload: { code: `m${next()}`, nameZh: '矩阵类别', nameEn: 'Matrix category' },
    }),
    in: officers(201),
  },
  [`PATCH ${E}/categories/:code`]: {
    build: async () => ({
      url: `${E}/categories/minor`,
      payload: { nameZh: '小微企业', nameEn: 'Small and micro enterprise', sortOrder: 3 },
    }),
    in: officers(200),
  },
  [`PUT ${E}/enterprises/:id/category`]: {
    build: async ({ t, target }) => ({
      url: `${E}/enterprises/${await newEnterprise(t, target)}/category`,
      payload: { categoryCode: 'key' },
    }),
    in: officers(200),
    out: officersOut(200),
  },
  [`GET ${E}/inspectors`]: { build: async () => ({ url: `${E}/inspectors` }), in: readers },
  [`POST ${E}/inspectors`]: {
    build: async ({ target }) => ({ url: `${E}/inspectors`, payload: inspectorBody(target) }),
    in: officers(201),
    out: officersOut(201, 403),
  },
  [`GET ${E}/inspectors/:id`]: {
    build: async ({ t, target }) => ({ url: `${E}/inspectors/${await newInspector(t, target)}` }),
    in: readers,
    out: readersOut,
  },
  [`PATCH ${E}/inspectors/:id`]: {
    build: async ({ t, target }) => ({
      url: `${E}/inspectors/${await newInspector(t, target)}`,
      payload: inspectorBody(target),
    }),
    in: officers(200),
    out: officersOut(200),
  },
  [`POST ${E}/inspectors/:id/conflicts`]: {
    build: async ({ t, target }) => ({
      url: `${E}/inspectors/${await newInspector(t, target)}/conflicts`,
      payload: { enterpriseId: await newEnterprise(t, target), relation: '矩阵回避关系' },
    }),
    in: writers(201),
    out: writersOut(201),
  },
  [`DELETE ${E}/inspectors/:id/conflicts/:conflictId`]: {
    build: async ({ t, target }) => {
      const { inspector, conflict } = await newConflict(t, target);
      return { url: `${E}/inspectors/${inspector}/conflicts/${conflict}` };
    },
    in: officers(200),
    out: officersOut(200),
  },
  [`GET ${E}/checklist-items`]: { build: async () => ({ url: `${E}/checklist-items` }), in: readers },
  [`POST ${E}/checklist-items`]: {
    build: async () => ({
      url: `${E}/checklist-items`,
      payload: {
        sector: 'matrix',
        code: `M${next()}`,
        text: '矩阵检查项',
        legalBasis: '矩阵依据',
        hazardCategory: '20',
      },
    }),
    in: officers(201),
  },
  [`PATCH ${E}/checklist-items/:id`]: {
    build: async ({ t }) => {
      const code = `M${next()}`;
      const id = await insert(
        t,
        `INSERT INTO enforcement_checklist_items (sector, code, text, legal_basis, hazard_category, updated_at)
         VALUES ('matrix', $1, '矩阵检查项', '矩阵依据', '20', now()) RETURNING id`,
        [code],
      );
      return {
        url: `${E}/checklist-items/${id}`,
        payload: {
          sector: 'matrix',
          code,
          text: '矩阵检查项（改）',
          legalBasis: '矩阵依据',
          hazardCategory: '20',
        },
      };
    },
    in: officers(200),
  },
  [`GET ${E}/draws`]: { build: async () => ({ url: `${E}/draws` }), in: readers },
  [`POST ${E}/draws`]: {
    build: async ({ t, target }) => {
      await newEnterprise(t, target);
      await newInspector(t, target);
      await newInspector(t, target);
      return {
        url: `${E}/draws`,
        payload: { title: '矩阵抽查', county: countyOf(target), enterpriseCount: 1, exclusionPeriodDays: 0 },
      };
    },
    in: officers(201),
    out: officersOut(201, 403),
  },
  [`GET ${E}/draws/:id`]: {
    build: async ({ t, target }) => ({ url: `${E}/draws/${await newDraw(t, target, 'draft')}` }),
    in: readers,
    out: readersOut,
  },
  [`POST ${E}/draws/:id/publish`]: {
    build: async ({ t, target }) => ({ url: `${E}/draws/${await newDraw(t, target, 'draft')}/publish` }),
    in: officers(200),
    out: officersOut(200),
  },
  [`POST ${E}/draws/:id/execute`]: {
    build: async ({ t, target }) => ({ url: `${E}/draws/${await newDraw(t, target, 'published')}/execute` }),
    in: officers(200),
    out: officersOut(200),
  },
  [`POST ${E}/draws/:id/disclose`]: {
    build: async ({ t, target }) => ({ url: `${E}/draws/${await newDraw(t, target, 'executed')}/disclose` }),
    in: officers(200),
    out: officersOut(200),
  },
  [`GET ${E}/inspections`]: {
    build: async () => ({ url: `${E}/inspections` }),
    in: statuses(403, {
      cityOfficer: 200,
      countyOfficer: 200,
      industryOfficer: 200,
      inspector: 200,
      enterpriseManager: 200,
      expert: 200,
    }),
  },
  [`POST ${E}/inspections`]: {
    build: async ({ t, target }) => ({
      url: `${E}/inspections`,
      payload: {
        enterpriseId: await newEnterprise(t, target),
        inspectorIds: [await newInspector(t, target), await newInspector(t, target)],
      },
    }),
    in: writers(201),
    out: writersOut(201),
  },
  [`GET ${E}/inspections/:id`]: {
    build: async ({ t, target }) => ({ url: `${E}/inspections/${await newInspection(t, target)}` }),
    in: { ...readers, enterpriseManager: 200 },
    out: { ...readersOut, enterpriseManager: 404 },
  },
  [`POST ${E}/inspections/:id/start`]: {
    build: async ({ t, target }) => ({ url: `${E}/inspections/${await newInspection(t, target)}/start` }),
    in: { ...officers(200), inspector: 403 },
    out: { ...officersOut(200), inspector: 404 },
  },
  [`POST ${E}/inspections/:id/submit`]: {
    build: async ({ t, target }) => ({
      url: `${E}/inspections/${await newInspection(t, target)}/submit`,
      payload: { clientSubmissionId: randomUUID(), results: [], finishedAt: '2026-11-29T02:00:00.000Z' },
    }),
    in: { ...officers(200), inspector: 403 },
    out: { ...officersOut(200), inspector: 404 },
  },
  'GET /api/v1/public/disclosure': {
    build: async () => ({ url: '/api/v1/public/disclosure' }),
    in: everyone(200),
  },
  'GET /api/v1/public/draws/:id': {
    build: async ({ t }) => ({ url: `/api/v1/public/draws/${await newDraw(t, 'in', 'published')}` }),
    in: everyone(200),
  },
  'GET /api/v1/public/credit-list': {
    build: async () => ({ url: '/api/v1/public/credit-list' }),
    in: everyone(200),
  },
};

/** A completed inspection (one failed item) of the target county, for its documents. */
async function completedInspection(t: TestContext, target: Target): Promise<string> {
  const id = await newInspection(t, target);
  await t.db.query(
    `UPDATE enforcement_inspections SET status = 'completed', completed_at = now() WHERE id = $1`,
    [id],
  );
  await t.db.query(
    `INSERT INTO enforcement_inspection_items (inspection_id, position, code, text, legal_basis, hazard_category, result)
     VALUES ($1, 1, 'M1', '矩阵检查项', '矩阵依据', '20', 'fail')`,
    [id],
  );
  return id;
}
async function newDocument(t: TestContext, target: Target): Promise<string> {
  const inspection = await completedInspection(t, target);
  return insert(
    t,
    `INSERT INTO enforcement_documents (type, number, county, enterprise_id, inspection_id, fields, issued_by, issued_at)
     SELECT 'inspection_record', $2, county, enterprise_id, id, '{"agency":"矩阵","number":"矩阵","enterpriseName":"矩阵","creditCode":"","address":"","issuedOn":"2026-11-29"}', $3, now()
       FROM enforcement_inspections WHERE id = $1 RETURNING id`,
    [inspection, `矩阵〔2026〕${next()}号`, await anyUser(t)],
  );
}

Object.assign(enforcementMatrix, {
  [`GET ${E}/documents`]: {
    build: async ({ t, target }) => ({
      url: `${E}/documents?inspectionId=${await completedInspection(t, target)}`,
    }),
    in: readers,
    out: readersOut,
  },
  [`POST ${E}/documents`]: {
    build: async ({ t, target }) => ({
      url: `${E}/documents`,
      payload: { type: 'inspection_record', inspectionId: await completedInspection(t, target) },
    }),
    in: writers(201),
    out: writersOut(201),
  },
  [`GET ${E}/documents/:id/docx`]: {
    build: async ({ t, target }) => ({ url: `${E}/documents/${await newDocument(t, target)}/docx` }),
    in: readers,
    out: readersOut,
  },
} satisfies Record<string, RouteCase>);

// Plans, penalty cases, discretion and the credit list (issue 6, second pass).

let planYear = 0;
const planBody = (target: Target) => ({
  county: countyOf(target),
  kind: 'annual',
  year: 2030 + (planYear++ % 70),
  title: '矩阵年度检查计划',
  targets: [{ categoryCode: 'key', county: countyOf(target), count: 5 }],
  focus: [],
});
const newPlan = async (t: TestContext, target: Target) =>
  insert(
    t,
    `INSERT INTO enforcement_plans (county, kind, year, title, targets, focus, created_by, created_at, updated_at)
     VALUES ($1, 'annual', $2, '矩阵计划', '[]', '[]', $3, now(), now()) RETURNING id`,
    [countyOf(target), 1900 + (planYear++ % 99), await anyUser(t)],
  );

/** A case of the target county: just filed, or decided with a fine. */
async function newCase(t: TestContext, target: Target, stage: 'filed' | 'decided') {
  const filed = {
    status: 'filed',
    partyKind: 'organisation',
    filedOn: '2026-11-02',
    requiresLegalReview: false,
    investigatorIds: [],
    statements: [],
    decisionExtensions: [],
    timeline: [],
  };
  const proposal = { kinds: ['fine'], fineYuan: '10000' };
  const decided = {
    ...filed,
    status: 'decided',
    investigatorIds: ['a', 'b'],
    notice: { proposal, servedOn: '2026-11-05', hearingRight: false },
    rightsWaivedAt: '2026-11-05T02:00:00.000Z',
    decision: { outcome: 'penalty', penalty: proposal, decidedOn: '2026-11-06', creditGrounds: [] },
  };
  const enterpriseId = await newEnterprise(t, target);
  const state = stage === 'filed' ? filed : decided;
  const id = await insert(
    t,
    `INSERT INTO enforcement_cases (enterprise_id, county, party_name, summary, status, state, created_by, created_at, updated_at)
     VALUES ($1, $2, '矩阵测试企业', '矩阵违法行为', $3, $4, $5, now(), now()) RETURNING id`,
    [enterpriseId, countyOf(target), state.status, JSON.stringify(state), await anyUser(t)],
  );
  return { id, enterpriseId };
}

async function newListing(t: TestContext, target: Target) {
  const { id: caseId, enterpriseId } = await newCase(t, target, 'decided');
  const state = {
    status: 'candidate',
    enterpriseId,
    penaltyCaseId: caseId,
    grounds: ['concealed_accident'],
    objections: [],
    timeline: [],
  };
  return insert(
    t,
    `INSERT INTO credit_listings (enterprise_id, county, case_id, status, state, created_at, updated_at)
     VALUES ($1, $2, $3, 'candidate', $4, now(), now()) RETURNING id`,
    [enterpriseId, countyOf(target), caseId, JSON.stringify(state)],
  );
}

const cityOnly = (status: number) => statuses(403, { cityOfficer: status });

Object.assign(enforcementMatrix, {
  [`GET ${E}/plans`]: { build: async () => ({ url: `${E}/plans` }), in: readers },
  [`POST ${E}/plans`]: {
    build: async ({ target }) => ({ url: `${E}/plans`, payload: planBody(target) }),
    in: officers(201),
    out: officersOut(201, 403),
  },
  [`GET ${E}/plans/:id`]: {
    build: async ({ t, target }) => ({ url: `${E}/plans/${await newPlan(t, target)}` }),
    in: readers,
    out: readersOut,
  },
  [`PUT ${E}/plans/:id`]: {
    build: async ({ t, target }) => ({
      url: `${E}/plans/${await newPlan(t, target)}`,
      payload: planBody(target),
    }),
    in: officers(200),
    out: officersOut(200),
  },
  [`GET ${E}/plans/:id/progress`]: {
    build: async ({ t, target }) => ({ url: `${E}/plans/${await newPlan(t, target)}/progress` }),
    in: readers,
    out: readersOut,
  },
  [`GET ${E}/cases`]: { build: async () => ({ url: `${E}/cases` }), in: readers },
  [`POST ${E}/cases`]: {
    build: async ({ t, target }) => ({
      url: `${E}/cases`,
      payload: {
        enterpriseId: await newEnterprise(t, target),
        partyKind: 'organisation',
        partyName: '矩阵测试企业',
        summary: '未按规定开展安全生产教育培训',
      },
    }),
    in: officers(201),
    out: writersOut(201),
  },
  [`GET ${E}/cases/:id`]: {
    build: async ({ t, target }) => ({ url: `${E}/cases/${(await newCase(t, target, 'filed')).id}` }),
    in: readers,
    out: readersOut,
  },
  [`POST ${E}/cases/:id/actions`]: {
    build: async ({ t, target }) => ({
      url: `${E}/cases/${(await newCase(t, target, 'filed')).id}/actions`,
      payload: { action: 'withdraw', reason: '矩阵撤销立案' },
    }),
    in: officers(200),
    out: writersOut(200),
  },
  [`PUT ${E}/cases/:id/security-label`]: {
    build: async ({ t, target }) => ({
      url: `${E}/cases/${(await newCase(t, target, 'filed')).id}/security-label`,
      // 内部, within every writer's clearance; a label above it and a case above the caller's
      // clearance are case-security-labels.routes.test.ts.
      payload: { securityLabel: 'internal' },
    }),
    in: writers(200),
    out: writersOut(200),
  },
  [`GET ${E}/discretion/suggestion`]: {
    build: async () => ({
      url: `${E}/discretion/suggestion?violationCode=wsl-97-training&circumstances=first_violation`,
    }),
    in: readers,
  },
  [`POST ${E}/discretion/suggestion`]: {
    build: async () => ({
      url: `${E}/discretion/suggestion`,
      payload: { violationCode: 'wsl-97-training', circumstances: ['repeat_violation'] },
    }),
    in: readers,
  },
  [`GET ${E}/discretion/table`]: { build: async () => ({ url: `${E}/discretion/table` }), in: readers },
  [`PUT ${E}/discretion/table`]: {
    build: async () => ({ url: `${E}/discretion/table`, payload: defaultDiscretionTable }),
    in: cityOnly(200),
  },
  [`GET ${E}/credit/listings`]: { build: async () => ({ url: `${E}/credit/listings` }), in: readers },
  [`POST ${E}/credit/listings`]: {
    build: async ({ t, target }) => {
      const { id, enterpriseId } = await newCase(t, target, 'decided');
      return {
        url: `${E}/credit/listings`,
        payload: { enterpriseId, penaltyCaseId: id, grounds: ['concealed_accident'] },
      };
    },
    in: writers(201),
    out: writersOut(201),
  },
  [`GET ${E}/credit/listings/:id`]: {
    build: async ({ t, target }) => ({ url: `${E}/credit/listings/${await newListing(t, target)}` }),
    in: readers,
    out: readersOut,
  },
  [`POST ${E}/credit/listings/:id/actions`]: {
    build: async ({ t, target }) => ({
      url: `${E}/credit/listings/${await newListing(t, target)}/actions`,
      payload: { action: 'notify', servedOn: '2026-01-05' },
    }),
    in: writers(200),
    out: writersOut(200),
  },
  [`GET ${E}/credit/settings`]: { build: async () => ({ url: `${E}/credit/settings` }), in: readers },
  [`GET ${E}/credit/report-deductions`]: {
    build: async ({ t, target }) => ({
      url: `${E}/credit/report-deductions?enterpriseId=${await newEnterprise(t, target)}`,
    }),
    in: readers,
    out: readersOut,
  },
  [`PUT ${E}/credit/settings`]: {
    build: async () => ({
      url: `${E}/credit/settings`,
      payload: { listingTermYears: 3, objectionPeriodWorkingDays: 5 },
    }),
    in: cityOnly(200),
  },
} satisfies Record<string, RouteCase>);
