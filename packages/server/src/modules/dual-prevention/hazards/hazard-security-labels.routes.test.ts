import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkbook } from '../../../../test/read-workbook.ts';
import { createTestContext, type Caller, type TestContext } from '../../../../test/test-app.ts';
import { insertEnterprise } from '../../../../test/factories.ts';

// Security labels (decision 0005): a 敏感 hazard is invisible to a role cleared for 内部 — in the
// list, its count, the statistics, the detail and the export — and visible to one cleared for 敏感.
describe('hazard security labels', () => {
  let t: TestContext;
  let manager: Caller;
  let officer: Caller;
  let inspector: Caller;
  let internalReader: Caller;
  let sensitiveReader: Caller;
  let enterpriseId: string;
  let plain: string;
  let sensitive: string;
  const county = { kind: 'county' as const, counties: ['530403'] };

  const report = (as: Caller, description: string, extra: Record<string, unknown> = {}) =>
    t.request({
      method: 'POST',
      url: '/api/v1/hazards',
      payload: {
        enterpriseId,
        source: 'self_check',
        location: { text: '一号库房' },
        description,
        category: '08',
        ...extra,
      },
      as,
    });
  const list = async (as: Caller, query = '') => {
    const answer = await t.request({ method: 'GET', url: `/api/v1/hazards?pageSize=50${query}`, as });
    expect(answer.statusCode).toBe(200);
    const body = answer.json() as { total: number; items: { description: string; securityLabel: string }[] };
    return { total: body.total, descriptions: body.items.map((h) => h.description).sort() };
  };
  const exported = async (as: Caller) => {
    const answer = await t.request({ method: 'GET', url: '/api/v1/hazards/export', as });
    expect(answer.statusCode).toBe(200);
    const rows = await readWorkbook(answer.rawPayload);
    return rows.slice(1).map((row) => [row[0], row.at(-1)]);
  };
  const statisticsTotal = async (as: Caller) => {
    const answer = await t.request({ method: 'GET', url: '/api/v1/hazards/statistics', as });
    expect(answer.statusCode).toBe(200);
    return (answer.json() as { total: { total: number } }).total.total;
  };

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    enterpriseId = await insertEnterprise(t.db, { name: '江川密级演示厂', county: '530403', serial: 731 });
    manager = await t.sessionFor(
      await t.createUser({
        roles: ['enterprise_manager'],
        scope: { kind: 'enterprise', enterpriseId, county: '530403' },
      }),
    );
    officer = await t.sessionFor(await t.createUser({ roles: ['county_officer'], scope: county }));
    inspector = await t.sessionFor(await t.createUser({ roles: ['inspector'], scope: county }));
    // Two custom roles, alike but for the clearance the security administrator gave them.
    const secadmin = await t.sessionFor(await t.createUser({ roles: ['secadmin'], scope: { kind: 'city' } }));
    for (const [code, clearance] of [
      ['reader_internal', undefined],
      ['reader_sensitive', 'sensitive'],
    ] as const) {
      const created = await t.request({
        method: 'POST',
        url: '/api/v1/roles',
        payload: {
          code,
          nameZh: '隐患查阅',
          nameEn: 'Hazard reader',
          permissions: ['hazard:read'],
          ...(clearance ? { clearance } : {}),
        },
        as: secadmin,
      });
      expect(created.statusCode).toBe(201);
      expect(created.json().clearance).toBe(clearance ?? 'internal');
    }
    internalReader = await t.sessionFor(await t.createUser({ roles: ['reader_internal'], scope: county }));
    sensitiveReader = await t.sessionFor(await t.createUser({ roles: ['reader_sensitive'], scope: county }));

    const first = await report(manager, '库房灭火器过期未更换');
    expect(first.statusCode).toBe(201);
    expect(first.json().securityLabel).toBe('internal');
    plain = first.json().id as string;
    const second = await report(officer, '群众举报：仓库夜间违规存放炸药', { securityLabel: 'sensitive' });
    expect(second.statusCode).toBe(201);
    expect(second.json().securityLabel).toBe('sensitive');
    sensitive = second.json().id as string;
  });
  afterAll(() => t.close());

  it('leaves a 敏感 hazard out of the list, its count, the statistics and the export of a 内部 clearance', async () => {
    for (const caller of [inspector, internalReader, manager]) {
      expect(await list(caller)).toEqual({ total: 1, descriptions: ['库房灭火器过期未更换'] });
      expect(await statisticsTotal(caller)).toBe(1);
    }
    expect(await exported(inspector)).toEqual([['库房灭火器过期未更换', '内部']]);
    expect(await list(inspector, '&securityLabel=sensitive')).toEqual({ total: 0, descriptions: [] });
  });

  it('answers its detail 404 like an out-of-scope hazard', async () => {
    for (const caller of [inspector, internalReader, manager]) {
      const answer = await t.request({ method: 'GET', url: `/api/v1/hazards/${sensitive}`, as: caller });
      expect(answer.statusCode).toBe(404);
      expect(answer.json().error.code).toBe('hazard.not_found');
    }
    // Writing to it is as impossible as reading it.
    const act = await t.request({
      method: 'PUT',
      url: `/api/v1/hazards/${sensitive}/linked-points`,
      payload: { pointIds: [] },
      as: manager,
    });
    expect(act.statusCode).toBe(404);
  });

  it('shows it to a 敏感 clearance everywhere', async () => {
    const both = { total: 2, descriptions: ['库房灭火器过期未更换', '群众举报：仓库夜间违规存放炸药'] };
    for (const caller of [officer, sensitiveReader]) {
      expect(await list(caller)).toEqual(both);
      expect(await statisticsTotal(caller)).toBe(2);
      const answer = await t.request({ method: 'GET', url: `/api/v1/hazards/${sensitive}`, as: caller });
      expect(answer.statusCode).toBe(200);
      expect(answer.json().securityLabel).toBe('sensitive');
    }
    expect((await exported(officer)).sort()).toEqual([
      ['库房灭火器过期未更换', '内部'],
      ['群众举报：仓库夜间违规存放炸药', '敏感'],
    ]);
    expect(await list(officer, '&securityLabel=sensitive')).toEqual({
      total: 1,
      descriptions: ['群众举报：仓库夜间违规存放炸药'],
    });
  });

  it('refuses a label above the writer’s own clearance, storing nothing', async () => {
    const refused = await report(manager, '企业自行标为敏感的隐患', { securityLabel: 'sensitive' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('record.label_above_clearance');
    const identity = await report(officer, '标为举报身份的隐患', { securityLabel: 'whistle_identity' });
    expect(identity.statusCode).toBe(400);
    expect((await list(officer)).total).toBe(2);

    const relabel = await t.request({
      method: 'PUT',
      url: `/api/v1/hazards/${plain}/security-label`,
      payload: { securityLabel: 'sensitive' },
      as: inspector,
    });
    expect(relabel.statusCode).toBe(403);
    expect(relabel.json().error.code).toBe('record.label_above_clearance');
  });

  it('relabels a hazard, audited; it then leaves the lower clearances’ view', async () => {
    const relabel = await t.request({
      method: 'PUT',
      url: `/api/v1/hazards/${plain}/security-label`,
      payload: { securityLabel: 'sensitive' },
      as: officer,
    });
    expect(relabel.statusCode).toBe(200);
    expect(relabel.json().securityLabel).toBe('sensitive');
    const audit = await t.db.query<{ detail: string; status: number }>(
      "SELECT detail, status FROM audit_log WHERE action = 'hazard.relabel' AND target = $1 ORDER BY seq",
      [plain],
    );
    // The inspector's refused attempt is in the log as well.
    expect(audit.rows).toEqual([
      { detail: null, status: 403 },
      { detail: 'internal -> sensitive', status: 200 },
    ]);
    expect(await list(manager)).toEqual({ total: 0, descriptions: [] });
    const gone = await t.request({ method: 'GET', url: `/api/v1/hazards/${plain}`, as: manager });
    expect(gone.statusCode).toBe(404);

    const back = await t.request({
      method: 'PUT',
      url: `/api/v1/hazards/${plain}/security-label`,
      payload: { securityLabel: 'internal' },
      as: officer,
    });
    expect(back.statusCode).toBe(200);
    expect(await list(manager)).toEqual({ total: 1, descriptions: ['库房灭火器过期未更换'] });
  });
});
