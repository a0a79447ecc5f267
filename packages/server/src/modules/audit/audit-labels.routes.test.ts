import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditActions, generateSyntheticCreditCode, type AuditEntry } from '@anjian/domain';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

describe('the audit log in people’s words', () => {
  let t: TestContext;
  let auditor: Caller;
  let officer: Caller;
  let officerId: string;
  let enterpriseId: string;

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    auditor = await t.sessionFor(await t.createUser({ roles: ['auditadmin'], scope: { kind: 'city' } }));
    const user = await t.createUser({
      roles: ['city_officer'],
      scope: { kind: 'city' },
      username: 'wang.wu',
    });
    officerId = user.id;
    officer = await t.sessionFor(user);
    const row = await t.db.query<{ id: string }>(
      `INSERT INTO enterprises (name, credit_code, county, created_at, updated_at)
       VALUES ('玉溪审计示例化工有限公司', $1, '530402', now(), now()) RETURNING id`,
      [generateSyntheticCreditCode(74_001, { divisionCode: '530402' })],
    );
    enterpriseId = row.rows[0]!.id;
    const changed = await t.request({
      method: 'PATCH',
      url: `/api/v1/enterprises/${enterpriseId}`,
      payload: { employees: 12 },
      as: officer,
    });
    expect(changed.statusCode).toBe(200);
  });
  afterAll(() => t.close());

  it('has a zh-CN and an English label for the action of every audited route', () => {
    const catalogue = auditActions as Record<string, { zh: string; en: string }>;
    const audited = t.app.apiRoutes.filter(
      (route) => route.audit || (!SAFE.has(route.method) && !route.auditSkip),
    );
    const unnamed = audited.filter((route) => !route.audit).map((route) => `${route.method} ${route.url}`);
    expect(unnamed).toEqual([]);
    const missing = [...new Set(audited.map((route) => route.audit!))].filter(
      (action) =>
        !catalogue[action]?.zh ||
        !catalogue[action]?.en ||
        /[a-z]{3}/.test(catalogue[action].zh.replace(/LEC|LS/g, '')),
    );
    expect(missing).toEqual([]);
  });

  it('names the record an entry touched, and filters by user', async () => {
    const response = await t.request({
      method: 'GET',
      url: `/api/v1/audit?actorId=${officerId}`,
      as: auditor,
    });
    expect(response.statusCode).toBe(200);
    const items = response.json().items as AuditEntry[];
    expect(items.map((entry) => [entry.action, entry.target, entry.targetLabel, entry.actorName])).toEqual([
      ['enterprise.update', enterpriseId, '玉溪审计示例化工有限公司', 'wang.wu'],
    ]);

    const byAction = await t.request({
      method: 'GET',
      url: '/api/v1/audit?action=enterprise.update',
      as: auditor,
    });
    expect(byAction.json().total).toBe(1);

    const actors = await t.request({ method: 'GET', url: '/api/v1/audit/actors?q=wang', as: auditor });
    expect(actors.statusCode).toBe(200);
    expect(actors.json().items).toEqual([{ actorId: officerId, actorName: '测试用户 wang.wu（wang.wu）' }]);
  });

  it('exports the labels, in the caller’s language', async () => {
    for (const [language, action, header] of [
      ['zh-CN', '修改企业信息', '操作'],
      ['en', 'Edit enterprise', 'Action'],
    ] as const) {
      const response = await t.request({
        method: 'GET',
        url: `/api/v1/audit/export?actorId=${officerId}`,
        headers: { 'accept-language': language },
        as: auditor,
      });
      expect(response.statusCode).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      const sheet = book.worksheets[0]!;
      const headers = (sheet.getRow(1).values as unknown[]).slice(1);
      const row = (sheet.getRow(2).values as unknown[]).slice(1);
      expect(row[headers.indexOf(header)]).toBe(action);
      expect(row).toContain('玉溪审计示例化工有限公司');
      expect(row).not.toContain(enterpriseId);
      expect(sheet.rowCount).toBe(2);
    }
  });
});
