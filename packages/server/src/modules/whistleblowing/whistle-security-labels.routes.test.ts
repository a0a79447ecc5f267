import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkbook } from '../../../test/read-workbook.ts';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';
import { insertEnterprise } from '../../../test/factories.ts';
import { labelReaders } from '../../../test/label-readers.ts';

// Security labels (decision 0005) on whistleblowing reports: a report is 敏感 unless relabelled, so
// a handler cleared only for 内部 sees none of them — not in the list, its total, the detail or the
// export — until the bureau relabels one 内部; the reporter's identity stays 举报身份 apart.
describe('whistleblowing report security labels', () => {
  let t: TestContext;
  let officer: Caller;
  let internalHandler: Caller;
  let sensitiveHandler: Caller;
  let enterpriseId: string;
  let first: string;
  let second: string;
  const COUNTY = '530425';
  const R = '/api/v1/whistleblowing/reports';
  const scope = { kind: 'county' as const, counties: [COUNTY] };

  const insertReport = async (code: string) => {
    const rows = await t.db.query<{ id: string; security_label: string }>(
      `INSERT INTO whistle_reports (query_code, secret_salt, secret_hash, channel, category, description, county,
         enterprise_id, anonymous, received_on, status, acceptance_due)
       VALUES ($1, 's', 'h', 'online', 'major_hazard', '夜间锁闭安全出口', $2, $3, true, '2026-12-01', 'received',
         '2026-12-08')
       RETURNING id, security_label`,
      [code, COUNTY, enterpriseId],
    );
    expect(rows.rows[0]!.security_label).toBe('sensitive');
    return rows.rows[0]!.id;
  };
  const list = async (as: Caller, query = '') => {
    const answer = await t.request({ method: 'GET', url: `${R}?pageSize=50${query}`, as });
    expect(answer.statusCode).toBe(200);
    const body = answer.json() as { total: number; items: { queryCode: string; securityLabel: string }[] };
    return { total: body.total, codes: body.items.map((r) => `${r.queryCode}:${r.securityLabel}`).sort() };
  };
  const exported = async (as: Caller, query = '') => {
    const answer = await t.request({ method: 'GET', url: `${R}/export${query}`, as });
    expect(answer.statusCode).toBe(200);
    const rows = await readWorkbook(answer.rawPayload);
    const column = rows[0]!.indexOf('密级');
    expect(column).toBeGreaterThan(0);
    return rows
      .slice(1)
      .map((row) => [row[0], row[column]])
      .sort();
  };
  const detail = (as: Caller, id: string) => t.request({ method: 'GET', url: `${R}/${id}`, as });
  const relabel = (as: Caller, id: string, securityLabel: string) =>
    t.request({ method: 'PUT', url: `${R}/${id}/security-label`, payload: { securityLabel }, as });

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    enterpriseId = await insertEnterprise(t.db, { name: '华宁密级举报测试厂', county: COUNTY, serial: 7301 });
    officer = await t.sessionFor(await t.createUser({ roles: ['county_officer'], scope }));
    ({ internal: internalHandler, sensitive: sensitiveHandler } = await labelReaders(
      t,
      'whistle_reader',
      ['whistle:handle'],
      scope,
    ));
    first = await insertReport('LABEL-FIRST-001');
    second = await insertReport('LABEL-SECOND-01');
  });
  afterAll(() => t.close());

  it('keeps 敏感 reports from a 内部 clearance: list, total, detail and export', async () => {
    expect(await list(internalHandler)).toEqual({ total: 0, codes: [] });
    expect(await exported(internalHandler)).toEqual([]);
    const answer = await detail(internalHandler, first);
    expect(answer.statusCode).toBe(404);
    expect(answer.json().error.code).toBe('whistle.not_found');
    // Nor can it act on one, or relabel it.
    const decide = await t.request({
      method: 'POST',
      url: `${R}/${first}/decision`,
      payload: { decision: 'accept' },
      as: internalHandler,
    });
    expect(decide.statusCode).toBe(404);
    expect((await relabel(internalHandler, first, 'internal')).statusCode).toBe(404);
  });

  it('shows them to a 敏感 clearance everywhere', async () => {
    const both = { total: 2, codes: ['LABEL-FIRST-001:sensitive', 'LABEL-SECOND-01:sensitive'] };
    for (const caller of [officer, sensitiveHandler]) {
      expect(await list(caller)).toEqual(both);
      const answer = await detail(caller, first);
      expect(answer.statusCode).toBe(200);
      expect(answer.json().securityLabel).toBe('sensitive');
    }
    expect(await exported(sensitiveHandler)).toEqual([
      ['LABEL-FIRST-001', '敏感'],
      ['LABEL-SECOND-01', '敏感'],
    ]);
  });

  it('relabels a report 内部, audited; the 内部 clearance then reads that one only', async () => {
    // 举报身份 is the identity vault's label, never a whole report's.
    expect((await relabel(officer, first, 'whistle_identity')).statusCode).toBe(400);
    const changed = await relabel(officer, first, 'internal');
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().securityLabel).toBe('internal');
    const audit = await t.db.query<{ detail: string | null; status: number }>(
      "SELECT detail, status FROM audit_log WHERE action = 'whistle.relabel' AND target = $1 ORDER BY seq",
      [first],
    );
    expect(audit.rows).toEqual([
      { detail: null, status: 404 },
      { detail: null, status: 400 },
      { detail: 'sensitive -> internal', status: 200 },
    ]);
    expect(await list(internalHandler)).toEqual({ total: 1, codes: ['LABEL-FIRST-001:internal'] });
    expect(await exported(internalHandler)).toEqual([['LABEL-FIRST-001', '内部']]);
    expect((await detail(internalHandler, first)).statusCode).toBe(200);
    expect((await detail(internalHandler, second)).statusCode).toBe(404);
    expect(await list(officer, '&securityLabel=sensitive')).toEqual({
      total: 1,
      codes: ['LABEL-SECOND-01:sensitive'],
    });
    // Raising it back above the 内部 handler's clearance is refused to that handler.
    const up = await relabel(internalHandler, first, 'sensitive');
    expect(up.statusCode).toBe(403);
    expect(up.json().error.code).toBe('record.label_above_clearance');
  });

  it('filters the export like the list; a label above the clearance finds nothing; a bad label is a 400', async () => {
    expect(await exported(officer, '?securityLabel=sensitive')).toEqual([['LABEL-SECOND-01', '敏感']]);
    expect(await exported(officer, '?securityLabel=internal')).toEqual([['LABEL-FIRST-001', '内部']]);
    expect(await list(internalHandler, '&securityLabel=sensitive')).toEqual({ total: 0, codes: [] });
    expect(await exported(internalHandler, '?securityLabel=sensitive')).toEqual([]);
    for (const url of [`${R}?securityLabel=secret`, `${R}/export?securityLabel=whistle`]) {
      const bad = await t.request({ method: 'GET', url, as: officer });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.code).toBe('request.invalid');
    }
  });

  it('labels a call or letter the staff enter: 敏感 by default, another within the clearance, never above', async () => {
    const enter = (as: Caller, description: string, extra: Record<string, unknown> = {}) =>
      t.request({
        method: 'POST',
        url: R,
        payload: {
          category: 'illegal_operation',
          description,
          county: COUNTY,
          anonymous: true,
          channel: 'phone_12350',
          receivedOn: '2026-12-01',
          ...extra,
        },
        as,
      });
    const stored = async (queryCode: string) =>
      (
        await t.db.query<{ security_label: string }>(
          'SELECT security_label FROM whistle_reports WHERE query_code = $1',
          [queryCode],
        )
      ).rows.map((r) => r.security_label);
    const plain = await enter(officer, '来电反映：夜间违规动火作业，无人监护');
    expect(plain.statusCode, plain.body).toBe(201);
    expect(await stored(plain.json().queryCode)).toEqual(['sensitive']);
    const internal = await enter(officer, '来电反映：仓库消防通道长期堆放货物', {
      securityLabel: 'internal',
    });
    expect(internal.statusCode, internal.body).toBe(201);
    expect(await stored(internal.json().queryCode)).toEqual(['internal']);

    const count = async () => (await t.db.query('SELECT 1 FROM whistle_reports')).rowCount;
    const before = await count();
    const above = await enter(internalHandler, '来信反映：危化品仓库超量储存，无人值守', {
      securityLabel: 'sensitive',
    });
    expect(above.statusCode).toBe(403);
    expect(above.json().error.code).toBe('record.label_above_clearance');
    const identity = await enter(officer, '来信反映：危化品仓库超量储存，无人值守', {
      securityLabel: 'whistle_identity',
    });
    expect(identity.statusCode).toBe(400);
    expect(await count()).toBe(before);
  });
});
