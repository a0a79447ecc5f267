import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultDiscretionTable } from '@anjian/domain';
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
let serial = 71_000;

async function enterprise(name: string, county = COUNTY): Promise<string> {
  return insertEnterprise(t.db, {
    name,
    county,
    serial: serial++,
    address: '江川区星云路8号',
    sectors: ['hazchem'],
  });
}

const as = (user: TestUser) => t.sessionFor(user);
const post = async (user: TestUser, url: string, payload: object = {}) =>
  t.request({ method: 'POST', url, payload, as: await as(user) });
const get = async (user: TestUser, url: string) => t.request({ method: 'GET', url, as: await as(user) });
const act = (user: TestUser, id: string, payload: object) => post(user, `${E}/cases/${id}/actions`, payload);

async function docxText(user: TestUser, documentId: string): Promise<string> {
  const response = await t.request({
    method: 'GET',
    url: `${E}/documents/${documentId}/docx`,
    as: await as(user),
  });
  expect(response.statusCode).toBe(200);
  const zip = await JSZip.loadAsync(response.rawPayload);
  return zip.file('word/document.xml')!.async('string');
}

async function fileCase(partyName: string, extra: object = {}) {
  const enterpriseId = await enterprise(partyName);
  const filed = await post(officerUser, `${E}/cases`, {
    enterpriseId,
    partyKind: 'organisation',
    partyName,
    summary: '未按照规定对从业人员进行安全生产教育和培训',
    ...extra,
  });
  expect(filed.statusCode, filed.body).toBe(201);
  return filed.json();
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
  for (const [i, user] of [inspectorUser, null].entries()) {
    const created = await post(officerUser, `${E}/inspectors`, {
      name: `办案员${i + 1}`,
      certificateNo: `CASE2026${i}`,
      certificateExpiry: '2029-12-31',
      county: COUNTY,
      userId: user?.id ?? null,
    });
    expect(created.statusCode, created.body).toBe(201);
    rosterIds.push(created.json().id);
  }
});
afterAll(() => t.close());

describe('a penalty case from filing to closure', () => {
  it('takes each step by the right role, shows the statutory deadlines and prints both 文书 with 大写 amounts', async () => {
    const filed = await fileCase('演示处罚企业甲');
    // 2026-11-29 (Sunday): the decision period of 90 calendar days runs to 2027-02-27 (行政处罚法 Art. 60).
    expect(filed).toMatchObject({ status: 'filed', filedOn: '2026-11-29', county: COUNTY });
    expect(filed.deadlines).toEqual([
      expect.objectContaining({ kind: 'decision', dueDate: '2027-02-27', overdue: false }),
    ]);
    expect(filed.actions.map((a: { action: string }) => a.action)).toEqual([
      'start_investigation',
      'extend_decision_period',
      'withdraw',
      'terminate',
    ]);

    // Inspectors handle the case; only the head (a bureau officer) decides or files.
    const inspectorView = await get(inspectorUser, `${E}/cases/${filed.id}`);
    expect(inspectorView.json().actions.map((a: { action: string }) => a.action)).toEqual([
      'start_investigation',
    ]);
    const byInspector = await post(inspectorUser, `${E}/cases`, {
      enterpriseId: filed.enterpriseId,
      partyKind: 'organisation',
      partyName: '演示处罚企业甲',
      summary: '未按照规定对从业人员进行安全生产教育和培训',
    });
    expect(byInspector.statusCode).toBe(403);
    expect(byInspector.json().error.code).toBe('enforcement.case_action_not_allowed');

    const investigating = await act(inspectorUser, filed.id, {
      action: 'start_investigation',
      investigatorIds: rosterIds,
    });
    expect(investigating.statusCode, investigating.body).toBe(200);
    expect(investigating.json().status).toBe('investigating');

    const notified = await act(inspectorUser, filed.id, {
      action: 'issue_notice',
      proposal: { kinds: ['fine'], fineYuan: '12345.60', violationCodes: ['wsl-97-training'] },
      servedOn: '2026-11-29',
    });
    expect(notified.statusCode, notified.body).toBe(200);
    // Three working days after Sunday 29 November: Mon 30, Tue 1, Wed 2 December. No hearing right
    // for ¥12,345.60 (below the 5万 of an organisation).
    expect(notified.json().deadlines).toEqual([
      expect.objectContaining({ kind: 'decision', dueDate: '2027-02-27' }),
      expect.objectContaining({ kind: 'statement', dueDate: '2026-12-02', overdue: false }),
    ]);
    expect(notified.json().state.notice.hearingRight).toBe(false);

    const early = await act(officerUser, filed.id, {
      action: 'decide',
      outcome: 'penalty',
      penalty: { kinds: ['fine'], fineYuan: '12345.60' },
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('enforcement.case_notice_period_running');

    const notice = await post(inspectorUser, `${E}/documents`, { type: 'penalty_notice', caseId: filed.id });
    expect(notice.statusCode, notice.body).toBe(201);
    expect(notice.json().number).toBe('江应急罚告〔2026〕1号');
    const noticeXml = await docxText(inspectorUser, notice.json().id);
    for (const text of [
      '行政处罚告知书',
      '江应急罚告〔2026〕1号',
      '演示处罚企业甲',
      '未按照规定对从业人员进行安全生产教育和培训',
      '罚款人民币壹万贰仟叁佰肆拾伍元陆角（¥12,345.60）',
      '第九十七条',
      '2026-12-02',
    ])
      expect(noticeXml).toContain(text);
    const again = await post(inspectorUser, `${E}/documents`, { type: 'penalty_notice', caseId: filed.id });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('enforcement.document_exists');

    // After the statement period (00:00 on 3 December, China Standard Time) the head decides.
    t.clock.advance(4 * DAY);
    const heavier = await act(officerUser, filed.id, {
      action: 'decide',
      outcome: 'penalty',
      penalty: { kinds: ['fine'], fineYuan: '20000' },
    });
    expect(heavier.statusCode).toBe(409);
    expect(heavier.json().error.code).toBe('enforcement.case_decision_heavier_than_notice');
    const byHandler = await act(inspectorUser, filed.id, {
      action: 'decide',
      outcome: 'penalty',
      penalty: { kinds: ['fine'], fineYuan: '12345.60' },
    });
    expect(byHandler.statusCode).toBe(403);
    expect(byHandler.json().error.code).toBe('enforcement.case_action_not_allowed');
    const decided = await act(officerUser, filed.id, {
      action: 'decide',
      outcome: 'penalty',
      penalty: { kinds: ['fine'], fineYuan: '12345.60', violationCodes: ['wsl-97-training'] },
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({
      status: 'decided',
      state: { decision: { decidedOn: '2026-12-03' } },
    });
    // Served within 7 working days of the decision (Art. 61): Thursday 3 → Monday 14 December.
    expect(decided.json().deadlines).toEqual([
      expect.objectContaining({ kind: 'decision_service', dueDate: '2026-12-14' }),
    ]);

    const served = await act(inspectorUser, filed.id, { action: 'serve_decision', servedOn: '2026-12-03' });
    expect(served.statusCode, served.body).toBe(200);
    const kinds = Object.fromEntries(
      served.json().deadlines.map((d: { kind: string; dueDate: string }) => [d.kind, d.dueDate]),
    );
    expect(kinds).toMatchObject({
      payment: '2026-12-18',
      reconsideration: '2027-02-01',
      litigation: '2027-06-03',
    });

    const decision = await post(officerUser, `${E}/documents`, {
      type: 'penalty_decision',
      caseId: filed.id,
    });
    expect(decision.statusCode, decision.body).toBe(201);
    expect(decision.json().number).toBe('江应急罚〔2026〕1号');
    const decisionXml = await docxText(officerUser, decision.json().id);
    for (const text of ['行政处罚决定书', '壹万贰仟叁佰肆拾伍元陆角', '2026-12-18', '六十日内'])
      expect(decisionXml).toContain(text);

    const executed = await act(inspectorUser, filed.id, {
      action: 'record_execution',
      method: 'voluntary',
      completedOn: '2026-12-03',
      paidYuan: '12345.60',
    });
    expect(executed.json().status).toBe('executed');
    const closed = await act(officerUser, filed.id, { action: 'close' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', deadlines: [], actions: [] });
    expect(
      closed.json().state.timeline.map((e: { action: string; role: string }) => `${e.action}:${e.role}`),
    ).toEqual([
      'file:head',
      'start_investigation:handler',
      'issue_notice:handler',
      'decide:head',
      'serve_decision:handler',
      'record_execution:handler',
      'close:head',
    ]);
    expect(closed.json().documents.map((d: { number: string }) => d.number)).toEqual([
      '江应急罚告〔2026〕1号',
      '江应急罚〔2026〕1号',
    ]);

    // 一公开: the decision on an organisation, with its document number.
    const publicPage = await t.request({ method: 'GET', url: '/api/v1/public/disclosure' });
    expect(publicPage.json().penaltyDecisions).toContainEqual(
      expect.objectContaining({ caseId: filed.id, documentNo: '江应急罚〔2026〕1号', fineYuan: '12345.60' }),
    );
    const audit = await t.db.query(
      `SELECT detail FROM audit_log WHERE action = 'enforcement.case.action' AND target = $1 AND outcome = 'success' ORDER BY seq`,
      [filed.id],
    );
    expect(audit.rows.map((r) => r.detail)).toEqual([
      'start_investigation',
      'issue_notice',
      'decide',
      'serve_decision',
      'record_execution',
      'close',
    ]);
  });

  it('grants a hearing for a large fine only when requested within 5 working days', async () => {
    t.clock.set(new Date('2026-11-30T02:00:00.000Z')); // Monday
    const filed = await fileCase('演示处罚企业乙');
    await act(inspectorUser, filed.id, { action: 'start_investigation', investigatorIds: rosterIds });
    const notified = await act(inspectorUser, filed.id, {
      action: 'issue_notice',
      proposal: { kinds: ['fine'], fineYuan: '60000' },
      servedOn: '2026-11-30',
    });
    expect(notified.json().state.notice.hearingRight).toBe(true);
    expect(notified.json().deadlines).toContainEqual(
      expect.objectContaining({ kind: 'hearing_request', dueDate: '2026-12-07' }),
    );
    t.clock.set(new Date('2026-12-08T01:00:00.000Z'));
    const late = await act(inspectorUser, filed.id, { action: 'request_hearing' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('enforcement.case_hearing_request_late');
    const decided = await act(officerUser, filed.id, {
      action: 'decide',
      outcome: 'penalty',
      penalty: { kinds: ['fine'], fineYuan: '60000' },
    });
    expect(decided.json().status).toBe('decided');
  });
});

describe('case scope and bad input', () => {
  it('shows a case only inside the officer’s county: 404 elsewhere', async () => {
    const filed = await fileCase('演示处罚企业丙');
    expect((await get(otherOfficerUser, `${E}/cases/${filed.id}`)).statusCode).toBe(404);
    const denied = await act(otherOfficerUser, filed.id, { action: 'withdraw', reason: '越权撤销' });
    expect(denied.statusCode).toBe(404);
    expect(denied.json().error.code).toBe('enforcement.case_not_found');
    const otherList = await get(otherOfficerUser, `${E}/cases`);
    expect(otherList.json().items.map((c: { id: string }) => c.id)).not.toContain(filed.id);
    expect((await get(cityUser, `${E}/cases/${filed.id}`)).statusCode).toBe(200);
    const ownList = await get(officerUser, `${E}/cases?status=filed`);
    expect(ownList.json().items.map((c: { id: string }) => c.id)).toContain(filed.id);
  });

  it('answers 4xx with a code and writes nothing for bad input', async () => {
    const enterpriseId = await enterprise('演示处罚企业丁');
    const count = async () =>
      (await t.db.query(`SELECT count(*)::int AS n FROM enforcement_cases`)).rows[0].n as number;
    const before = await count();
    const short = await post(officerUser, `${E}/cases`, {
      enterpriseId,
      partyKind: 'organisation',
      partyName: '演示处罚企业丁',
      summary: '短',
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.code).toBe('request.invalid');
    const badSource = await post(officerUser, `${E}/cases`, {
      enterpriseId,
      partyKind: 'organisation',
      partyName: '演示处罚企业丁',
      summary: '未按照规定进行安全生产教育培训',
      inspectionId: '00000000-0000-4000-8000-000000000000',
    });
    expect(badSource.statusCode).toBe(400);
    expect(badSource.json().error.code).toBe('enforcement.case_source_invalid');
    const future = await post(officerUser, `${E}/cases`, {
      enterpriseId,
      partyKind: 'organisation',
      partyName: '演示处罚企业丁',
      summary: '未按照规定进行安全生产教育培训',
      filedOn: '2099-01-01',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.code).toBe('enforcement.case_invalid_date');
    expect(await count()).toBe(before);

    const filed = await fileCase('演示处罚企业戊');
    const cases: [object, number, string][] = [
      [{ action: 'fly' }, 400, 'request.invalid'],
      [
        { action: 'start_investigation', investigatorIds: [rosterIds[0]] },
        400,
        'enforcement.case_too_few_investigators',
      ],
      [
        { action: 'start_investigation', investigatorIds: [rosterIds[0], 'nobody'] },
        400,
        'enforcement.inspector_unknown',
      ],
      [{ action: 'close' }, 409, 'enforcement.case_illegal_transition'],
      [{ action: 'withdraw', reason: ' ' }, 400, 'request.invalid'],
    ];
    for (const [body, status, code] of cases) {
      const response = await act(inspectorUser, filed.id, body);
      expect([response.statusCode, response.json().error.code], JSON.stringify(body)).toEqual([status, code]);
    }
    const unchanged = await get(officerUser, `${E}/cases/${filed.id}`);
    expect(unchanged.json()).toMatchObject({ status: 'filed' });
    expect(unchanged.json().state.timeline).toHaveLength(1);
    const noDoc = await post(officerUser, `${E}/documents`, { type: 'penalty_decision', caseId: filed.id });
    expect(noDoc.statusCode).toBe(409);
    expect(noDoc.json().error.code).toBe('enforcement.document_not_applicable');
  });
});

describe('discretion standards', () => {
  it('suggests the range for a violation and its circumstances, from the table the city adopted', async () => {
    const waived = await get(
      inspectorUser,
      `${E}/discretion/suggestion?violationCode=wsl-97-training&circumstances=first_violation,corrected_promptly,no_harm`,
    );
    expect(waived.statusCode, waived.body).toBe(200);
    expect(waived.json()).toMatchObject({
      band: 'minor',
      mayWaive: true,
      range: { minYuan: '0', maxYuan: '10000', maxText: '人民币壹万元整（¥10,000.00）' },
    });
    const serious = await post(inspectorUser, `${E}/discretion/suggestion`, {
      violationCode: 'wsl-97-training',
      circumstances: ['repeat_violation'],
    });
    expect(serious.json()).toMatchObject({ band: 'serious', range: { minYuan: '30000', maxYuan: '60000' } });
    const unknown = await get(inspectorUser, `${E}/discretion/suggestion?violationCode=nope`);
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([
      400,
      'enforcement.discretion_unknown_violation',
    ]);

    const table = structuredClone(defaultDiscretionTable) as unknown as {
      violations: { bands: { serious: { minYuan: string; maxYuan: string } } }[];
    };
    table.violations[0]!.bands.serious = { minYuan: '30000', maxYuan: '50000' };
    expect(
      (
        await t.request({
          method: 'PUT',
          url: `${E}/discretion/table`,
          payload: table,
          as: await as(officerUser),
        })
      ).statusCode,
    ).toBe(403);
    const saved = await t.request({
      method: 'PUT',
      url: `${E}/discretion/table`,
      payload: table,
      as: await as(cityUser),
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().isDefault).toBe(false);
    const adopted = await post(inspectorUser, `${E}/discretion/suggestion`, {
      violationCode: 'wsl-97-training',
      circumstances: ['repeat_violation'],
    });
    expect(adopted.json().range).toMatchObject({ minYuan: '30000', maxYuan: '50000' });

    table.violations[0]!.bands.serious = { minYuan: '30000', maxYuan: '500000' };
    const invalid = await t.request({
      method: 'PUT',
      url: `${E}/discretion/table`,
      payload: table,
      as: await as(cityUser),
    });
    expect([invalid.statusCode, invalid.json().error.code]).toEqual([
      400,
      'enforcement.discretion_table_invalid',
    ]);
  });
});
