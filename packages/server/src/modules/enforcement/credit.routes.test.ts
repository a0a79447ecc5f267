import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext, type TestUser } from '../../../test/test-app.ts';
import { insertEnterprise } from '../../../test/factories.ts';

const COUNTY = '530403';
const OTHER = '530423';
const E = '/api/v1/enforcement';
const DAY = 86_400_000;

let t: TestContext;
let officerUser: TestUser;
let otherOfficerUser: TestUser;
let cityUser: TestUser;
let inspectorUser: TestUser;
let rosterIds: string[];
let serial = 72_000;

const today = () => new Date(t.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
/** A fresh session; the password counts as just changed, as the clock jumps years ahead here. */
async function as(user: TestUser) {
  await t.db.query(`UPDATE users SET password_changed_at = $2 WHERE id = $1`, [user.id, t.clock.now()]);
  return t.sessionFor(user);
}
const post = async (user: TestUser, url: string, payload: object = {}) =>
  t.request({ method: 'POST', url, payload, as: await as(user) });
const get = async (user: TestUser, url: string) => t.request({ method: 'GET', url, as: await as(user) });

async function enterprise(name: string): Promise<string> {
  return insertEnterprise(t.db, { name, county: COUNTY, serial: serial++, sectors: ['hazchem'] });
}

/** A case decided with a fine that meets a listing ground; answers the case and its candidate. */
async function decidedWithGround(name: string) {
  const enterpriseId = await enterprise(name);
  const filed = await post(officerUser, `${E}/cases`, {
    enterpriseId,
    partyKind: 'organisation',
    partyName: name,
    summary: '瞒报生产安全事故',
  });
  const id = filed.json().id as string;
  await post(inspectorUser, `${E}/cases/${id}/actions`, {
    action: 'start_investigation',
    investigatorIds: rosterIds,
  });
  await post(inspectorUser, `${E}/cases/${id}/actions`, {
    action: 'issue_notice',
    proposal: { kinds: ['fine'], fineYuan: '30000' },
    servedOn: today(),
  });
  await post(inspectorUser, `${E}/cases/${id}/actions`, { action: 'waive_rights' });
  const unknown = await post(officerUser, `${E}/cases/${id}/actions`, {
    action: 'decide',
    outcome: 'penalty',
    penalty: { kinds: ['fine'], fineYuan: '30000' },
    creditGrounds: ['looked_untidy'],
  });
  expect([unknown.statusCode, unknown.json().error.code]).toEqual([400, 'credit.not_listable']);
  const decided = await post(officerUser, `${E}/cases/${id}/actions`, {
    action: 'decide',
    outcome: 'penalty',
    penalty: { kinds: ['fine'], fineYuan: '30000' },
    creditGrounds: ['concealed_accident'],
  });
  expect(decided.statusCode, decided.body).toBe(200);
  expect(decided.json().creditListingIds).toHaveLength(1);
  return { caseId: id, enterpriseId, listingId: decided.json().creditListingIds[0] as string };
}

const step = (user: TestUser, id: string, payload: object) =>
  post(user, `${E}/credit/listings/${id}/actions`, payload);

/** notice → objection → listing decision → publication. */
async function publish(listingId: string) {
  const notified = await step(inspectorUser, listingId, { action: 'notify', servedOn: today() });
  expect(notified.statusCode, notified.body).toBe(200);
  expect(notified.json().deadlines).toEqual([expect.objectContaining({ kind: 'objection' })]);
  await step(inspectorUser, listingId, { action: 'waive_objection' });
  const listed = await step(officerUser, listingId, { action: 'decide', outcome: 'list' });
  expect(listed.statusCode, listed.body).toBe(200);
  const published = await step(inspectorUser, listingId, { action: 'publish', publishedOn: today() });
  expect(published.json().status).toBe('published');
  return published.json();
}

async function riskWeightOf(enterpriseId: string) {
  const draw = await post(officerUser, `${E}/draws`, {
    title: '失信加权抽查',
    county: COUNTY,
    mode: 'risk_weighted',
    enterpriseCount: 1,
    exclusionPeriodDays: 0,
  });
  expect(draw.statusCode, draw.body).toBe(201);
  return draw.json().pool.find((p: { enterpriseId: string }) => p.enterpriseId === enterpriseId);
}

beforeAll(async () => {
  t = await createTestContext();
  const county = { kind: 'county' as const, counties: [COUNTY] };
  officerUser = await t.createUser({ roles: ['county_officer'], scope: county, totp: true });
  otherOfficerUser = await t.createUser({
    roles: ['county_officer'],
    scope: { kind: 'county', counties: [OTHER] },
    totp: true,
  });
  cityUser = await t.createUser({ roles: ['city_officer'], scope: { kind: 'city' }, totp: true });
  inspectorUser = await t.createUser({ roles: ['inspector'], scope: county, totp: true });
  rosterIds = [];
  for (const i of [0, 1]) {
    const created = await post(officerUser, `${E}/inspectors`, {
      name: `信用办案员${i + 1}`,
      certificateNo: `CREDIT2026${i}`,
      certificateExpiry: '2035-12-31',
      county: COUNTY,
    });
    rosterIds.push(created.json().id);
  }
});
afterAll(() => t.close());

describe('the serious-dishonesty list', () => {
  it('goes from a penalty decision through notice and objection to the public list, weighs in draws, and is repaired early', async () => {
    const { enterpriseId, listingId, caseId } = await decidedWithGround('演示失信企业甲');
    const before = await riskWeightOf(enterpriseId);
    expect(before.factors.creditListed).toBe(false);

    const candidate = await get(officerUser, `${E}/credit/listings/${listingId}`);
    expect(candidate.json()).toMatchObject({ status: 'candidate', caseId, listed: false });
    expect(candidate.json().grounds).toEqual([
      {
        code: 'concealed_accident',
        zh: '瞒报、谎报生产安全事故',
        en: 'Concealed or falsely reported an accident',
      },
    ]);
    expect((await get(otherOfficerUser, `${E}/credit/listings/${listingId}`)).statusCode).toBe(404);
    const twice = await post(inspectorUser, `${E}/credit/listings`, {
      enterpriseId,
      penaltyCaseId: caseId,
      grounds: ['concealed_accident'],
    });
    expect([twice.statusCode, twice.json().error.code]).toEqual([409, 'credit.listing_exists']);

    const notified = await step(inspectorUser, listingId, { action: 'notify', servedOn: today() });
    // Five working days after Sunday 29 November 2026: Friday 4 December.
    expect(notified.json().deadlines).toEqual([
      expect.objectContaining({ kind: 'objection', dueDate: '2026-12-04', overdue: false }),
    ]);
    await step(inspectorUser, listingId, { action: 'object', summary: '事故已按规定报告，请求核实' });
    const early = await step(officerUser, listingId, { action: 'decide', outcome: 'list' });
    expect([early.statusCode, early.json().error.code]).toEqual([409, 'credit.objection_window_open']);
    t.clock.advance(6 * DAY);
    const unanswered = await step(officerUser, listingId, { action: 'decide', outcome: 'list' });
    expect([unanswered.statusCode, unanswered.json().error.code]).toEqual([
      400,
      'credit.objection_unanswered',
    ]);
    const byHandler = await step(inspectorUser, listingId, { action: 'decide', outcome: 'list' });
    expect([byHandler.statusCode, byHandler.json().error.code]).toEqual([403, 'credit.action_not_allowed']);
    const listed = await step(officerUser, listingId, {
      action: 'decide',
      outcome: 'list',
      objectionResponse: '经核实，事故发生后未在1小时内报告，异议不成立',
      documentNo: '江应急失信〔2026〕1号',
    });
    expect(listed.json()).toMatchObject({
      status: 'listed',
      listed: true,
      state: { listedOn: '2026-12-05' },
    });
    const published = await step(inspectorUser, listingId, { action: 'publish', publishedOn: today() });
    expect(published.json().status).toBe('published');

    const publicList = await t.request({ method: 'GET', url: '/api/v1/public/credit-list' });
    expect(publicList.json().items).toContainEqual(
      expect.objectContaining({
        id: listingId,
        enterpriseName: '演示失信企业甲',
        groundNames: ['瞒报、谎报生产安全事故'],
        listedOn: '2026-12-05',
        expiresOn: '2029-12-05',
        documentNo: '江应急失信〔2026〕1号',
      }),
    );
    const after = await riskWeightOf(enterpriseId);
    expect(after.factors.creditListed).toBe(true);
    expect(after.weight).toBe(before.weight * 2);

    const tooEarly = await step(inspectorUser, listingId, {
      action: 'apply_repair',
      summary: '已整改并履行处罚',
    });
    expect([tooEarly.statusCode, tooEarly.json().error.code]).toEqual([409, 'credit.repair_too_early']);
    t.clock.advance(366 * DAY);
    const applied = await step(inspectorUser, listingId, {
      action: 'apply_repair',
      summary: '已整改并履行处罚',
    });
    expect(applied.json().status).toBe('repair_pending');
    const repaired = await step(officerUser, listingId, { action: 'decide_repair', approve: true });
    expect(repaired.json()).toMatchObject({ status: 'repaired', listed: false });
    const afterRepair = await t.request({ method: 'GET', url: '/api/v1/public/credit-list' });
    expect(afterRepair.json().items.map((l: { id: string }) => l.id)).not.toContain(listingId);
  });

  it('expires at the end of the term the city sets, and leaves the public list and the draw weight', async () => {
    const county = await t.request({
      method: 'PUT',
      url: `${E}/credit/settings`,
      payload: { listingTermYears: 1, objectionPeriodWorkingDays: 5 },
      as: await as(officerUser),
    });
    expect(county.statusCode).toBe(403);
    const badTerm = await t.request({
      method: 'PUT',
      url: `${E}/credit/settings`,
      payload: { listingTermYears: 0, objectionPeriodWorkingDays: 5 },
      as: await as(cityUser),
    });
    expect(badTerm.statusCode).toBe(400);
    const set = await t.request({
      method: 'PUT',
      url: `${E}/credit/settings`,
      payload: { listingTermYears: 1, objectionPeriodWorkingDays: 5 },
      as: await as(cityUser),
    });
    expect(set.json()).toEqual({ listingTermYears: 1, objectionPeriodWorkingDays: 5 });

    const { enterpriseId, listingId } = await decidedWithGround('演示失信企业乙');
    const published = await publish(listingId);
    const term = published.deadlines.find((d: { kind: string }) => d.kind === 'term');
    expect(term.dueDate).toBe(
      `${Number(published.state.listedOn.slice(0, 4)) + 1}${published.state.listedOn.slice(4)}`,
    );
    expect((await riskWeightOf(enterpriseId)).factors.creditListed).toBe(true);

    t.clock.advance(367 * DAY);
    const listings = await get(officerUser, `${E}/credit/listings?enterpriseId=${enterpriseId}`);
    expect(listings.json().items).toEqual([
      expect.objectContaining({ id: listingId, status: 'expired', listed: false }),
    ]);
    const publicList = await t.request({ method: 'GET', url: '/api/v1/public/credit-list' });
    expect(publicList.json().items.map((l: { id: string }) => l.id)).not.toContain(listingId);
    expect((await riskWeightOf(enterpriseId)).factors.creditListed).toBe(false);
  });

  it('refuses a candidate for a case without a penalty decision or of another enterprise', async () => {
    const enterpriseId = await enterprise('演示失信企业丙');
    const filed = await post(officerUser, `${E}/cases`, {
      enterpriseId,
      partyKind: 'organisation',
      partyName: '演示失信企业丙',
      summary: '瞒报生产安全事故',
    });
    const undecided = await post(inspectorUser, `${E}/credit/listings`, {
      enterpriseId,
      penaltyCaseId: filed.json().id,
      grounds: ['concealed_accident'],
    });
    expect([undecided.statusCode, undecided.json().error.code]).toEqual([409, 'credit.case_not_decided']);
    const mismatch = await post(inspectorUser, `${E}/credit/listings`, {
      enterpriseId: await enterprise('演示失信企业丁'),
      penaltyCaseId: filed.json().id,
      grounds: ['concealed_accident'],
    });
    expect([mismatch.statusCode, mismatch.json().error.code]).toEqual([400, 'credit.case_mismatch']);
    const count = await t.db.query(`SELECT count(*)::int AS n FROM credit_listings WHERE case_id = $1`, [
      filed.json().id,
    ]);
    expect(count.rows[0].n).toBe(0);
  });
});
