import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkbook } from '../../../test/read-workbook.ts';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';
import { insertEnterprise } from '../../../test/factories.ts';
import { labelReaders } from '../../../test/label-readers.ts';

// Security labels (decision 0005) on penalty cases: a 敏感 case is invisible to a 内部 clearance —
// in the list, its total, the detail and the export — and visible to a 敏感 one; relabelled, audited.
describe('penalty case security labels', () => {
  let t: TestContext;
  let officer: Caller;
  let inspector: Caller;
  let internalReader: Caller;
  let sensitiveReader: Caller;
  let enterpriseId: string;
  let plain: string;
  let sensitive: string;
  const E = '/api/v1/enforcement/cases';
  const county = { kind: 'county' as const, counties: ['530403'] };

  const file = (as: Caller, partyName: string, extra: Record<string, unknown> = {}) =>
    t.request({
      method: 'POST',
      url: E,
      payload: {
        enterpriseId,
        partyKind: 'organisation',
        partyName,
        summary: '未按照规定对从业人员进行安全生产教育和培训',
        ...extra,
      },
      as,
    });
  const list = async (as: Caller, query = '') => {
    const answer = await t.request({ method: 'GET', url: `${E}?pageSize=50${query}`, as });
    expect(answer.statusCode).toBe(200);
    const body = answer.json() as { total: number; items: { partyName: string; securityLabel: string }[] };
    return { total: body.total, parties: body.items.map((c) => `${c.partyName}:${c.securityLabel}`).sort() };
  };
  const exported = async (as: Caller, query = '') => {
    const answer = await t.request({ method: 'GET', url: `${E}/export${query}`, as });
    expect(answer.statusCode).toBe(200);
    const rows = await readWorkbook(answer.rawPayload);
    const column = rows[0]!.indexOf('密级');
    expect(column).toBeGreaterThan(0);
    return rows
      .slice(1)
      .map((row) => [row[0], row[column]])
      .sort();
  };
  const relabel = (as: Caller, id: string, securityLabel: string) =>
    t.request({ method: 'PUT', url: `${E}/${id}/security-label`, payload: { securityLabel }, as });

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    enterpriseId = await insertEnterprise(t.db, {
      name: '江川密级处罚演示厂',
      county: '530403',
      serial: 741,
    });
    officer = await t.sessionFor(await t.createUser({ roles: ['county_officer'], scope: county }));
    inspector = await t.sessionFor(await t.createUser({ roles: ['inspector'], scope: county }));
    ({ internal: internalReader, sensitive: sensitiveReader } = await labelReaders(
      t,
      'case_reader',
      ['enforcement:read'],
      county,
    ));
    const first = await file(officer, '江川密级处罚演示厂');
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().securityLabel).toBe('internal');
    plain = first.json().id as string;
    const second = await file(officer, '江川密级处罚演示厂（敏感）', { securityLabel: 'sensitive' });
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json().securityLabel).toBe('sensitive');
    sensitive = second.json().id as string;
  });
  afterAll(() => t.close());

  it('leaves a 敏感 case out of the list, its total and the export of a 内部 clearance, and answers its detail 404', async () => {
    for (const caller of [inspector, internalReader]) {
      expect(await list(caller)).toEqual({ total: 1, parties: ['江川密级处罚演示厂:internal'] });
      expect(await exported(caller)).toEqual([['江川密级处罚演示厂', '内部']]);
      const detail = await t.request({ method: 'GET', url: `${E}/${sensitive}`, as: caller });
      expect(detail.statusCode).toBe(404);
      expect(detail.json().error.code).toBe('enforcement.case_not_found');
    }
    // Acting on it is as impossible as reading it.
    const act = await t.request({
      method: 'POST',
      url: `${E}/${sensitive}/actions`,
      payload: { action: 'withdraw', reason: '密级测试撤销立案' },
      as: inspector,
    });
    expect(act.statusCode).toBe(404);
    expect(await list(inspector, '&securityLabel=sensitive')).toEqual({ total: 0, parties: [] });
  });

  it('shows it to a 敏感 clearance in the list, the detail and the export', async () => {
    for (const caller of [officer, sensitiveReader]) {
      expect(await list(caller)).toEqual({
        total: 2,
        parties: ['江川密级处罚演示厂:internal', '江川密级处罚演示厂（敏感）:sensitive'],
      });
      const detail = await t.request({ method: 'GET', url: `${E}/${sensitive}`, as: caller });
      expect(detail.statusCode).toBe(200);
      expect(detail.json().securityLabel).toBe('sensitive');
      expect(await exported(caller)).toEqual([
        ['江川密级处罚演示厂', '内部'],
        ['江川密级处罚演示厂（敏感）', '敏感'],
      ]);
    }
    expect(await list(officer, '&securityLabel=sensitive')).toEqual({
      total: 1,
      parties: ['江川密级处罚演示厂（敏感）:sensitive'],
    });
  });

  it('filters the export like the list; a label above the clearance finds nothing; a bad label is a 400', async () => {
    expect(await exported(officer, '?securityLabel=sensitive')).toEqual([
      ['江川密级处罚演示厂（敏感）', '敏感'],
    ]);
    expect(await exported(officer, '?securityLabel=internal')).toEqual([['江川密级处罚演示厂', '内部']]);
    expect(await exported(internalReader, '?securityLabel=sensitive')).toEqual([]);
    expect(await list(internalReader, '&securityLabel=sensitive')).toEqual({ total: 0, parties: [] });
    for (const url of [`${E}?securityLabel=secret`, `${E}/export?securityLabel=whistle`]) {
      const bad = await t.request({ method: 'GET', url, as: officer });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.code).toBe('request.invalid');
    }
  });

  it('counts on the enterprise file (一企一档) only the cases its list shows', async () => {
    const counted = async (as: Caller) => {
      const answer = await t.request({
        method: 'GET',
        url: `/api/v1/enterprises/${enterpriseId}/profile`,
        as,
      });
      expect(answer.statusCode, answer.body).toBe(200);
      return (answer.json() as { counts: { cases: number | null } }).counts.cases;
    };
    expect(await counted(inspector)).toBe(1);
    expect(await counted(officer)).toBe(2);
  });

  it('refuses a label above the writer’s clearance and 举报身份 on a record, storing nothing', async () => {
    const identity = await file(officer, '标为举报身份的案件', { securityLabel: 'whistle_identity' });
    expect(identity.statusCode).toBe(400);
    const refused = await relabel(inspector, plain, 'sensitive');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('record.label_above_clearance');
    expect((await list(officer)).total).toBe(2);
  });

  it('relabels a case, audited; it then leaves the 内部 clearances’ view', async () => {
    const changed = await relabel(officer, plain, 'sensitive');
    expect(changed.statusCode).toBe(200);
    expect(changed.json().securityLabel).toBe('sensitive');
    const audit = await t.db.query<{ detail: string | null; status: number }>(
      "SELECT detail, status FROM audit_log WHERE action = 'enforcement.case.relabel' AND target = $1 ORDER BY seq",
      [plain],
    );
    expect(audit.rows).toEqual([
      { detail: null, status: 403 },
      { detail: 'internal -> sensitive', status: 200 },
    ]);
    expect(await list(internalReader)).toEqual({ total: 0, parties: [] });
    const gone = await t.request({ method: 'GET', url: `${E}/${plain}`, as: inspector });
    expect(gone.statusCode).toBe(404);
    // Relabelling what one cannot see is a 404 too.
    expect((await relabel(inspector, plain, 'internal')).statusCode).toBe(404);
    expect((await relabel(officer, plain, 'public')).statusCode).toBe(200);
    expect(await list(internalReader)).toEqual({ total: 1, parties: ['江川密级处罚演示厂:public'] });
  });
});
