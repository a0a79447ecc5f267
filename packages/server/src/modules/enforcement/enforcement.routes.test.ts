import { randomUUID } from 'node:crypto';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Caller, type TestContext, type TestUser } from '../../../test/test-app.ts';
import { insertEnterprise } from '../../../test/factories.ts';

const COUNTY = '530403';
const OTHER = '530423';
const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

let t: TestContext;
let officerUser: TestUser;
let inspectorUsers: TestUser[];
let enterpriseIds: string[];
let serial = 70_000;

async function enterprise(name: string, county = COUNTY): Promise<string> {
  return insertEnterprise(t.db, { name, county, serial: serial++, sectors: ['hazchem'] });
}

const officer = () => t.sessionFor(officerUser);

async function post(as: Caller, url: string, payload: object = {}) {
  return t.request({ method: 'POST', url, payload, as });
}

beforeAll(async () => {
  t = await createTestContext();
  officerUser = await t.createUser({
    roles: ['county_officer'],
    scope: { kind: 'county', counties: [COUNTY] },
    totp: true,
  });
  inspectorUsers = await Promise.all(
    [0, 1, 2, 3].map(() =>
      t.createUser({ roles: ['inspector'], scope: { kind: 'county', counties: [COUNTY] }, totp: true }),
    ),
  );
  enterpriseIds = [];
  for (let i = 0; i < 6; i++) enterpriseIds.push(await enterprise(`执法测试企业${i + 1}`));
  const as = await officer();
  for (const [i, user] of inspectorUsers.entries()) {
    const created = await post(as, '/api/v1/enforcement/inspectors', {
      name: `执法员${i + 1}`,
      certificateNo: `5304032026${String(i).padStart(4, '0')}`,
      certificateExpiry: '2028-12-31',
      county: COUNTY,
      specialties: ['hazchem'],
      userId: user.id,
    });
    expect(created.statusCode).toBe(201);
  }
  for (const [i, text] of ['安全生产责任制是否建立', '可燃气体报警器是否完好'].entries()) {
    const item = await post(as, '/api/v1/enforcement/checklist-items', {
      sector: i === 0 ? 'general' : 'hazchem',
      code: `T-${i + 1}`,
      text,
      legalBasis: '《中华人民共和国安全生产法》第二十二条',
      hazardCategory: i === 0 ? '20' : '08',
      suggestedPenaltyClause: '《安全生产法》第九十七条',
    });
    expect(item.statusCode).toBe(201);
  }
});
afterAll(() => t.close());

async function inspectorIds(): Promise<string[]> {
  const list = await t.request({ method: 'GET', url: '/api/v1/enforcement/inspectors', as: await officer() });
  return list.json().items.map((i: { id: string }) => i.id);
}

async function runDraw(body: object) {
  const as = await officer();
  const created = await post(as, '/api/v1/enforcement/draws', body);
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  const published = await post(as, `/api/v1/enforcement/draws/${id}/publish`);
  expect(published.statusCode, published.body).toBe(200);
  expect(published.json().commitment).toMatch(/^[0-9a-f]{64}$/);
  const executed = await post(as, `/api/v1/enforcement/draws/${id}/execute`);
  expect(executed.statusCode, executed.body).toBe(200);
  return executed.json();
}

describe('double-random draws', () => {
  it('never pairs a declared conflict, and the public record re-runs to the same result', async () => {
    const as = await officer();
    const [first] = await inspectorIds();
    const declared = await post(as, `/api/v1/enforcement/inspectors/${first}/conflicts`, {
      enterpriseId: enterpriseIds[0],
      relation: '近亲属任该企业安全负责人',
    });
    expect(declared.statusCode).toBe(201);
    const draw = await runDraw({
      title: '2026年第四季度危险化学品企业双随机抽查',
      county: COUNTY,
      enterpriseCount: 6,
      inspectorsPerEnterprise: 2,
      exclusionPeriodDays: 0,
    });
    expect(draw.status).toBe('executed');
    expect(draw.selections).toHaveLength(6);
    const withConflict = draw.selections.find(
      (s: { enterpriseId: string }) => s.enterpriseId === enterpriseIds[0],
    );
    expect(withConflict.inspectors.map((i: { id: string }) => i.id)).not.toContain(first);
    for (const s of draw.selections)
      expect(new Set(s.inspectors.map((i: { id: string }) => i.id)).size).toBe(2);

    // Not public until the visits are done: record and commitment only.
    const early = await t.request({ method: 'GET', url: `/api/v1/public/draws/${draw.id}` });
    expect(early.statusCode).toBe(200);
    expect(early.json().seed).toBeUndefined();

    const disclosed = await post(as, `/api/v1/enforcement/draws/${draw.id}/disclose`);
    expect(disclosed.json().status).toBe('disclosed');
    const record = await t.request({ method: 'GET', url: `/api/v1/public/draws/${draw.id}` });
    const verified = await t.request({
      method: 'POST',
      url: '/api/v1/calc/draw/verify',
      payload: record.json(),
    });
    expect(verified.json()).toEqual({ ok: true });
    const tampered = structuredClone(record.json());
    tampered.result.selections.reverse();
    const refused = await t.request({ method: 'POST', url: '/api/v1/calc/draw/verify', payload: tampered });
    expect(refused.json().ok).toBe(false);
  });

  it('does not draw an enterprise again within the no-repeat period', async () => {
    const fresh = await enterprise('执法测试企业（未抽过）');
    const draw = await runDraw({
      title: '2026年第四季度复抽',
      county: COUNTY,
      enterpriseCount: 1,
      exclusionPeriodDays: 365,
    });
    expect(draw.selections.map((s: { enterpriseId: string }) => s.enterpriseId)).toEqual([fresh]);
    const again = await post(await officer(), '/api/v1/enforcement/draws', {
      title: '2026年第四季度再抽',
      county: COUNTY,
      enterpriseCount: 1,
      exclusionPeriodDays: 365,
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('enforcement.draw_pool_too_small');
  });

  it('weights a risk-weighted draw by the published formula', async () => {
    const created = await post(await officer(), '/api/v1/enforcement/draws', {
      title: '风险加权抽查',
      county: COUNTY,
      mode: 'risk_weighted',
      enterpriseCount: 1,
      exclusionPeriodDays: 0,
    });
    expect(created.statusCode, created.body).toBe(201);
    const pool = created.json().pool as {
      weight: number;
      factors: { riskLevel: number; creditListed: boolean };
    }[];
    expect(pool.length).toBeGreaterThan(0);
    for (const entry of pool) {
      expect(entry.factors).toMatchObject({ riskLevel: 4, alarmsLast90Days: 0, creditListed: false });
    }
    expect(created.json().riskWeightFormula.zh).toContain('权重');
  });

  it('refuses inspectors and other counties from running a draw', async () => {
    const inspector = await t.sessionFor(inspectorUsers[0]!);
    const body = { title: '越权抽查', county: COUNTY, enterpriseCount: 1 };
    expect((await post(inspector, '/api/v1/enforcement/draws', body)).statusCode).toBe(403);
    const other = await post(await officer(), '/api/v1/enforcement/draws', { ...body, county: OTHER });
    expect(other.statusCode).toBe(403);
  });
});

describe('inspections: unannounced, offline submission exactly once, findings', () => {
  let inspectionId: string;
  let enterpriseId: string;
  let inspectorCaller: Caller;
  let manager: TestUser;

  beforeAll(async () => {
    enterpriseId = await enterprise('执法测试企业（签名）');
    const draw = await runDraw({
      title: '现场检查测试',
      county: COUNTY,
      enterpriseCount: 1,
      exclusionPeriodDays: 365,
      pool: { sectors: ['hazchem'] },
    });
    expect(draw.selections[0].enterpriseId).toBe(enterpriseId);
    const inspectorId = draw.selections[0].inspectors[0].id as string;
    const user = inspectorUsers.find((u) => u.id === draw.selections[0].inspectors[0].userId) ?? null;
    const roster = await t.request({
      method: 'GET',
      url: `/api/v1/enforcement/inspectors/${inspectorId}`,
      as: await officer(),
    });
    inspectorCaller = await t.sessionFor(user ?? inspectorUsers.find((u) => u.id === roster.json().userId)!);
    const mine = await t.request({
      method: 'GET',
      url: '/api/v1/enforcement/inspections?mine=1',
      as: inspectorCaller,
    });
    const found = mine.json().items.find((i: { enterpriseId: string }) => i.enterpriseId === enterpriseId);
    inspectionId = found.id;
    manager = await t.createUser({
      roles: ['enterprise_manager'],
      scope: { kind: 'enterprise', enterpriseId, county: COUNTY },
    });
  });

  it('shows the enterprise nothing before the visit starts', async () => {
    const as = await t.sessionFor(manager);
    const list = await t.request({ method: 'GET', url: '/api/v1/enforcement/inspections', as });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([]);
    expect(
      (await t.request({ method: 'GET', url: `/api/v1/enforcement/inspections/${inspectionId}`, as }))
        .statusCode,
    ).toBe(404);
    expect((await t.request({ method: 'GET', url: '/api/v1/enforcement/draws', as })).statusCode).toBe(403);

    const started = await post(inspectorCaller, `/api/v1/enforcement/inspections/${inspectionId}/start`);
    expect(started.json().status).toBe('in_progress');
    const after = await t.request({ method: 'GET', url: '/api/v1/enforcement/inspections', as });
    expect(after.json().items.map((i: { id: string }) => i.id)).toEqual([inspectionId]);
  });

  it('keeps one record when the same submission arrives twice, and opens a hazard for the failed item', async () => {
    const detail = await t.request({
      method: 'GET',
      url: `/api/v1/enforcement/inspections/${inspectionId}`,
      as: inspectorCaller,
    });
    const items = detail.json().items as { id: string; code: string }[];
    expect(items.map((i) => i.code)).toEqual(['T-1', 'T-2']);
    const upload = await t.request({
      method: 'POST',
      url: `/api/v1/uploads?county=${COUNTY}&enterpriseId=${enterpriseId}`,
      headers: { 'content-type': 'image/png' },
      payload: TINY_PNG,
      as: inspectorCaller,
    });
    expect(upload.statusCode).toBe(201);
    const submission = {
      clientSubmissionId: randomUUID(),
      results: [
        { itemId: items[0]!.id, result: 'pass' },
        {
          itemId: items[1]!.id,
          result: 'fail',
          note: '储罐区可燃气体报警器失效',
          photoIds: [upload.json().id],
          deadline: '2026-12-15',
        },
      ],
      signatureUploadId: upload.json().id,
      notes: '现场检查发现 1 项问题',
      finishedAt: '2026-11-29T02:30:00.000Z',
    };
    const url = `/api/v1/enforcement/inspections/${inspectionId}/submit`;
    const first = await post(inspectorCaller, url, submission);
    expect(first.statusCode, first.body).toBe(200);
    const second = await post(inspectorCaller, url, submission);
    expect(second.statusCode).toBe(200);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json()).toEqual(first.json());

    const inspection = first.json().inspection;
    expect(inspection.status).toBe('completed');
    expect(inspection.summary).toEqual({ total: 2, pass: 1, fail: 1, na: 0, unanswered: 0 });
    expect(inspection.hazardIds).toHaveLength(1);
    const hazards = await t.db.query(
      `SELECT h.source, h.deadline::text AS deadline FROM hidden_hazards h JOIN enforcement_inspection_items i ON i.id::text = h.source_ref
        WHERE i.inspection_id = $1`,
      [inspectionId],
    );
    expect(hazards.rows).toEqual([{ source: 'inspection', deadline: '2026-12-15' }]);
    const count = await t.db.query(
      `SELECT count(*)::int AS n FROM enforcement_submissions WHERE inspection_id = $1`,
      [inspectionId],
    );
    expect(count.rows[0].n).toBe(1);

    // The enterprise sees its hazard; a new submission on a completed inspection is refused.
    const managerCaller = await t.sessionFor(manager);
    const theirs = await t.request({
      method: 'GET',
      url: `/api/v1/hazards/${inspection.hazardIds[0]}`,
      as: managerCaller,
    });
    expect(theirs.statusCode).toBe(200);
    const late = await post(inspectorCaller, url, { ...submission, clientSubmissionId: randomUUID() });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('enforcement.inspection_closed');
    const reused = await post(inspectorCaller, url, { ...submission, notes: '改过的内容' });
    expect(reused.json().error.code).toBe('enforcement.submission_conflict');
  });

  it('issues numbered 文书 as DOCX with the inspection filled in', async () => {
    const as = await officer();
    const record = await post(as, '/api/v1/enforcement/documents', {
      type: 'inspection_record',
      inspectionId,
    });
    expect(record.statusCode, record.body).toBe(201);
    expect(record.json().number).toBe('江应急检记〔2026〕1号');
    const order = await post(as, '/api/v1/enforcement/documents', {
      type: 'rectification_order',
      inspectionId,
    });
    expect(order.json().number).toBe('江应急责改〔2026〕1号');
    const second = await post(as, '/api/v1/enforcement/documents', {
      type: 'inspection_record',
      inspectionId,
    });
    expect(second.json().number).toBe('江应急检记〔2026〕2号');

    const file = await t.request({ method: 'GET', url: record.json().docx, as });
    expect(file.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(file.rawPayload)).file('word/document.xml')!.async('string');
    for (const text of [
      '现场检查记录',
      '江应急检记〔2026〕1号',
      '执法测试企业（签名）',
      '可燃气体报警器是否完好',
      '不符合',
      '储罐区可燃气体报警器失效',
    ])
      expect(xml).toContain(text);
    const orderXml = await (
      await JSZip.loadAsync((await t.request({ method: 'GET', url: order.json().docx, as })).rawPayload)
    )
      .file('word/document.xml')!
      .async('string');
    expect(orderXml).toContain('限于2026-12-15前整改完毕');
  });

  it('discloses the completed draw on the public page with its verification record', async () => {
    const page = await t.request({ method: 'GET', url: '/api/v1/public/disclosure' });
    expect(page.statusCode).toBe(200);
    const row = page.json().inspections.find((i: { id: string }) => i.id === inspectionId);
    expect(row).toMatchObject({
      enterpriseName: '执法测试企业（签名）',
      result: 'problems_found',
      failedCount: 1,
    });
    expect(JSON.stringify(page.json())).not.toContain('执法员');
    const draw = page.json().draws.find((d: { id: string }) => d.id === row.drawId);
    expect(draw.status).toBe('disclosed');
    const record = await t.request({ method: 'GET', url: draw.verification });
    const verified = await t.request({
      method: 'POST',
      url: '/api/v1/calc/draw/verify',
      payload: record.json(),
    });
    expect(verified.json()).toEqual({ ok: true });
  });
});
