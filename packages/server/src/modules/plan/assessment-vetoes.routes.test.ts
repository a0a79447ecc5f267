import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccidentLevel } from '@anjian/domain';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';
import { insertAccidents } from '../statistics/statistics-writer.ts';
import { docxText, orgId, planCallers } from './plan-test-support.ts';

interface Unit {
  organisationId: string;
  organisationName: string;
  total: number;
  rank: number;
  grade: string;
  veto: string | null;
  manualVeto: string | null;
  autoVeto: { accidents: object[]; reason: { zh: string; en: string } } | null;
  vetoOverride: { reason: string; by: string; at: string } | null;
}

/** A counted accident in the statistics (the module's own writer, as an import stores it). */
const accident = (
  occurredAt: string,
  county: string,
  location: string,
  level: AccidentLevel,
  deaths: number,
) => ({
  occurredAt: new Date(occurredAt),
  county,
  township: null,
  enterpriseName: null,
  location,
  sector: 'construction' as const,
  industryCode: null,
  accidentType: '01',
  level,
  deaths,
  missing: 0,
  seriousInjuries: 0,
  lossWan: '120.00',
});

/**
 * Veto items (一票否决) applied from the statistics: a 较大 accident recorded for a county vetoes that
 * county in that year's assessment, a 一般 one does not; the 安委办 sets one aside only with a
 * written reason (audited); publishing fixes the vetoes; the notice (通报) DOCX names them.
 */
describe('yearly assessment: automatic vetoes and the notice', () => {
  let t: TestContext;
  let office: Caller;
  let id: string;
  const county = { hongta: '', jiangchuan: '', chengjiang: '' };

  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    t.request({ method, url: `/api/v1${url}`, as: office, ...(payload ? { payload } : {}) });
  const unitOf = (body: { units: Unit[] }, organisationId: string) =>
    body.units.find((u) => u.organisationId === organisationId)!;
  const score = (organisationId: string, duty: number, hazards: number) =>
    call('PUT', `/plan/assessments/${id}/scores`, { organisationId, scores: { duty, hazards } });

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    office = (await planCallers(t, [])).office;
    county.hongta = await orgId(t, 'county-530402');
    county.jiangchuan = await orgId(t, 'county-530403');
    county.chengjiang = await orgId(t, 'county-530481');
    await insertAccidents(
      t.db,
      [
        // 红塔区: a 较大 accident in 2025 (China time 2025-05-10 10:30).
        accident('2025-05-10T02:30:00Z', '530402', '红塔区某建筑工地', 'larger', 3),
        // 江川区: a 一般 accident in 2025, and a 较大 one in 2024 (another year).
        accident('2025-06-01T02:00:00Z', '530403', '江川区某作业场所', 'general', 1),
        accident('2024-08-01T02:00:00Z', '530403', '江川区某道路K3', 'larger', 4),
      ],
      t.clock.now(),
      false,
    );
    const created = await call('POST', '/plan/assessments', {
      year: 2025,
      name: '2025年度县（市、区）安全生产目标责任考核',
      items: [
        { code: 'duty', name: '责任落实', maxScore: 60 },
        { code: 'hazards', name: '隐患治理', maxScore: 40 },
      ],
      organisationIds: [county.hongta, county.jiangchuan, county.chengjiang],
    });
    expect(created.statusCode, created.body).toBe(201);
    id = created.json().id;
  });
  afterAll(() => t.close());

  it('vetoes the county with a 较大 accident of the year, naming it; a 一般 one or another year’s does not', async () => {
    const detail = (await call('GET', `/plan/assessments/${id}`)).json();
    const hongta = unitOf(detail, county.hongta);
    expect(hongta.autoVeto).toEqual({
      accidents: [
        {
          date: '2025-05-10',
          county: '530402',
          countyName: '红塔区',
          location: '红塔区某建筑工地',
          level: 'larger',
        },
      ],
      reason: {
        zh: '辖区发生较大及以上生产安全事故：2025-05-10 红塔区 红塔区某建筑工地（较大事故）',
        en: 'A larger or worse accident in the unit’s area: 2025-05-10, Hongta District, 红塔区某建筑工地 (larger accident)',
      },
    });
    expect(hongta).toMatchObject({ veto: hongta.autoVeto!.reason.zh, manualVeto: null, grade: 'fail' });
    expect(unitOf(detail, county.jiangchuan)).toMatchObject({ autoVeto: null, veto: null });
    expect(unitOf(detail, county.chengjiang)).toMatchObject({ autoVeto: null, veto: null });
  });

  it('ranks the vetoed county last and fails it whatever its score; scoring does not clear the veto', async () => {
    expect((await score(county.hongta, 60, 40)).statusCode).toBe(200);
    expect((await score(county.jiangchuan, 50, 35)).statusCode).toBe(200);
    const scored = await score(county.chengjiang, 45, 30);
    expect(scored.statusCode, scored.body).toBe(200);
    expect(scored.json().units.map((u: Unit) => [u.organisationName, u.total, u.rank, u.grade])).toEqual([
      ['江川区人民政府', 85, 1, 'good'],
      ['澄江市人民政府', 75, 2, 'pass'],
      ['红塔区人民政府', 100, 3, 'fail'],
    ]);
  });

  it('is set aside only with a written reason, kept with who and when and audited; restoring brings it back', async () => {
    const bare = await call('PUT', `/plan/assessments/${id}/units/${county.hongta}/veto-override`, {
      reason: ' ',
    });
    expect(bare.statusCode).toBe(400);
    const none = await call('PUT', `/plan/assessments/${id}/units/${county.jiangchuan}/veto-override`, {
      reason: '江川区无自动否决',
    });
    expect(none.statusCode).toBe(409);
    expect(none.json().error.code).toBe('plan.veto_not_automatic');
    const notSet = await call('DELETE', `/plan/assessments/${id}/units/${county.hongta}/veto-override`);
    expect(notSet.json().error.code).toBe('plan.veto_not_overridden');

    const reason = '经事故调查组认定，该起事故为自然灾害引发，不计入生产安全事故';
    const set = await call('PUT', `/plan/assessments/${id}/units/${county.hongta}/veto-override`, { reason });
    expect(set.statusCode, set.body).toBe(200);
    const hongta = unitOf(set.json(), county.hongta);
    expect(hongta).toMatchObject({ veto: null, grade: 'excellent', rank: 1, vetoOverride: { reason } });
    expect(hongta.autoVeto).not.toBeNull();
    expect(hongta.vetoOverride!.by).not.toBe('');

    const restored = await call('DELETE', `/plan/assessments/${id}/units/${county.hongta}/veto-override`);
    expect(restored.statusCode, restored.body).toBe(200);
    expect(unitOf(restored.json(), county.hongta)).toMatchObject({
      grade: 'fail',
      rank: 3,
      vetoOverride: null,
    });
    const audit = await t.db.query<{ action: string; target: string }>(
      `SELECT action, target FROM audit_log WHERE action LIKE 'plan.assessment_veto_%' AND outcome = 'success' ORDER BY seq`,
    );
    expect(audit.rows).toEqual([
      { action: 'plan.assessment_veto_override', target: id },
      { action: 'plan.assessment_veto_restore', target: id },
    ]);
  });

  it('shows the veto in the Excel export', async () => {
    const exported = await call('GET', `/plan/assessments/${id}/export`);
    expect(exported.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const vetoColumn = header.indexOf('一票否决');
    const rows = [2, 3, 4].map((n) => sheet.getRow(n).values as unknown[]);
    const hongta = rows.find((r) => r.includes('红塔区人民政府'))!;
    expect(hongta[vetoColumn]).toBe(
      '辖区发生较大及以上生产安全事故：2025-05-10 红塔区 红塔区某建筑工地（较大事故）',
    );
  });

  it('publishing fixes the vetoes: a 较大 accident recorded later does not rewrite the results', async () => {
    expect((await call('POST', `/plan/assessments/${id}/publish`)).statusCode).toBe(200);
    await insertAccidents(
      t.db,
      [accident('2025-09-01T02:00:00Z', '530403', '江川区某矿山', 'larger', 3)],
      t.clock.now(),
      false,
    );
    const detail = (await call('GET', `/plan/assessments/${id}`)).json();
    expect(unitOf(detail, county.jiangchuan)).toMatchObject({ autoVeto: null, veto: null, rank: 1 });
    expect(unitOf(detail, county.hongta).autoVeto!.accidents).toHaveLength(1);
    const late = await call('PUT', `/plan/assessments/${id}/units/${county.hongta}/veto-override`, {
      reason: '通报后不能再撤销否决',
    });
    expect(late.json().error.code).toBe('plan.assessment_published');
  });

  it('publishes the notice (通报) as a DOCX with the ranking in order, the vetoed county and its reason, issuer and date', async () => {
    const notice = await call('GET', `/plan/assessments/${id}/export.docx`);
    expect(notice.statusCode, notice.body).toBe(200);
    expect(notice.headers['content-type']).toContain('wordprocessingml');
    const text = await docxText(notice.rawPayload);
    expect(text).toContain('关于2025年度2025年度县（市、区）安全生产目标责任考核结果的通报');
    expect(text).not.toContain('草稿');
    const order = ['江川区人民政府', '澄江市人民政府', '红塔区人民政府'].map((name) =>
      text.indexOf(`\n${name}\n`),
    );
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).toContain('1\n江川区人民政府\n85\n良好\n');
    expect(text).toContain('3\n红塔区人民政府\n100\n不合格\n是\n');
    expect(text).toContain(
      '红塔区人民政府：辖区发生较大及以上生产安全事故：2025-05-10 红塔区 红塔区某建筑工地（较大事故）。考核等次为不合格。',
    );
    expect(text).toContain('玉溪市安全生产委员会办公室\n2026年11月29日\n');
    expect(
      (await t.request({ method: 'GET', url: `/api/v1/plan/assessments/${id}/export.docx` })).statusCode,
    ).toBe(401);
  });
});
