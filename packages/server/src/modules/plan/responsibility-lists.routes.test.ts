import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';
import { orgId, planCallers } from './plan-test-support.ts';

const base = '/plan/responsibility-lists';

/** Responsibility lists (责任清单): versioned documents kept by the 安委办, read by their units. */
describe('responsibility lists with versions', () => {
  let t: TestContext;
  let office: Caller;
  let housing: Caller;
  let transport: Caller;
  let listId: string;
  let leaderList: string;

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, as: Caller, payload?: object) =>
    t.request({ method, url: `/api/v1${url}`, as, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    const callers = await planCallers(t, ['city-housing', 'city-transport']);
    office = callers.office;
    [housing, transport] = callers.departments.map((d) => d.caller) as [Caller, Caller];
  });
  afterAll(() => t.close());

  it('the 安委办 creates a department’s list as version 1; the holder must fit the kind', async () => {
    const created = await call('POST', base, office, {
      kind: 'department',
      organisationId: await orgId(t, 'city-housing'),
      title: '市住房和城乡建设局安全生产责任清单',
      items: ['负责建筑施工安全监督管理', '负责城镇燃气安全监督管理', '按月报送行业安全生产情况'],
      note: '依据市安委会成员单位职责',
    });
    expect(created.statusCode, created.body).toBe(201);
    listId = created.json().id;
    expect(created.json()).toMatchObject({
      kind: 'department',
      holder: '市住房和城乡建设局',
      organisationName: '市住房和城乡建设局',
      version: 1,
      itemCount: 3,
      publishedAt: '2026-11-29T02:00:00.000Z',
      allowedActions: ['revise'],
      versions: [{ version: 1, itemCount: 3, note: '依据市安委会成员单位职责' }],
    });
    const leader = await call('POST', base, office, {
      kind: 'leader',
      holder: '市长',
      title: '市长安全生产工作责任清单',
      items: ['把安全生产纳入政府重点工作'],
    });
    expect(leader.statusCode, leader.body).toBe(201);
    leaderList = leader.json().id;

    for (const [body, status, code] of [
      [
        { kind: 'county', organisationId: await orgId(t, 'city-housing') },
        400,
        'plan.responsibility_list_holder',
      ],
      [{ kind: 'department', organisationId: null }, 400, 'plan.responsibility_list_holder'],
      [
        { kind: 'department', organisationId: '00000000-0000-4000-8000-000000000000' },
        404,
        'plan.organisation_not_found',
      ],
      [
        {
          kind: 'department',
          organisationId: await orgId(t, 'city-housing'),
          title: '市住房和城乡建设局安全生产责任清单',
        },
        409,
        'plan.responsibility_list_exists',
      ],
    ] as const) {
      const refused = await call('POST', base, office, { title: '另一份清单', items: ['甲'], ...body });
      expect(refused.statusCode, refused.body).toBe(status);
      expect(refused.json().error.code).toBe(code);
    }
    // A leader's list names the post; duplicate items are refused.
    expect(
      (await call('POST', base, office, { kind: 'leader', title: '无名', items: ['甲'] })).statusCode,
    ).toBe(400);
    expect(
      (
        await call('POST', base, office, {
          kind: 'leader',
          holder: '市长',
          title: '重复',
          items: ['甲', '甲'],
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await call('POST', base, housing, { kind: 'leader', holder: '市长', title: '越权', items: ['甲'] }))
        .statusCode,
    ).toBe(403);
  });

  it('editing publishes a new version; the older one stays readable with what changed', async () => {
    const revised = await call('PUT', `${base}/${listId}`, office, {
      baseVersion: 1,
      items: [
        '负责建筑施工安全监督管理',
        '负责城镇燃气安全监督管理，推进老旧管道更新改造',
        '按月报送行业安全生产情况',
        '督促自建房安全专项整治',
      ],
      note: '按治本攻坚三年行动修订',
    });
    expect(revised.statusCode, revised.body).toBe(200);
    expect(revised.json()).toMatchObject({
      version: 2,
      itemCount: 4,
      note: '按治本攻坚三年行动修订',
      versions: [
        { version: 2, itemCount: 4 },
        { version: 1, itemCount: 3 },
      ],
    });
    const v2 = await call('GET', `${base}/${listId}/versions/2`, housing);
    expect(v2.statusCode, v2.body).toBe(200);
    expect(v2.json()).toMatchObject({
      version: 2,
      added: ['负责城镇燃气安全监督管理，推进老旧管道更新改造', '督促自建房安全专项整治'],
      removed: ['负责城镇燃气安全监督管理'],
    });
    const v1 = await call('GET', `${base}/${listId}/versions/1`, housing);
    expect(v1.json()).toMatchObject({
      version: 1,
      items: ['负责建筑施工安全监督管理', '负责城镇燃气安全监督管理', '按月报送行业安全生产情况'],
      added: ['负责建筑施工安全监督管理', '负责城镇燃气安全监督管理', '按月报送行业安全生产情况'],
      removed: [],
    });
    const none = await call('GET', `${base}/${listId}/versions/3`, housing);
    expect(none.statusCode).toBe(404);
    expect(none.json().error.code).toBe('plan.responsibility_version_not_found');
  });

  it('an edit from an old version, or one that changes nothing, publishes nothing', async () => {
    const stale = await call('PUT', `${base}/${listId}`, office, {
      baseVersion: 1,
      items: ['甲'],
      note: '过时',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('plan.responsibility_list_stale');
    const current = (await call('GET', `${base}/${listId}`, office)).json();
    const same = await call('PUT', `${base}/${listId}`, office, {
      baseVersion: 2,
      items: current.items,
      note: '无变化',
    });
    expect(same.statusCode).toBe(400);
    expect(same.json().error.code).toBe('plan.responsibility_list_unchanged');
    const versions = await t.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM plan_responsibility_list_versions WHERE list_id = $1',
      [listId],
    );
    expect(versions.rows[0]!.n).toBe(2);
    expect(
      (await call('PUT', `${base}/${listId}`, housing, { baseVersion: 2, items: ['甲'], note: '越权' }))
        .statusCode,
    ).toBe(403);
  });

  it('a unit reads its own lists and the city leaders’; another unit’s answers 404', async () => {
    const titles = async (as: Caller) =>
      (await call('GET', base, as))
        .json()
        .map((l: { title: string; version: number }) => [l.title, l.version]);
    expect(await titles(office)).toEqual([
      ['市长安全生产工作责任清单', 1],
      ['市住房和城乡建设局安全生产责任清单', 2],
    ]);
    expect(await titles(transport)).toEqual([['市长安全生产工作责任清单', 1]]);
    for (const url of [`${base}/${listId}`, `${base}/${listId}/versions/1`]) {
      const hidden = await call('GET', url, transport);
      expect(hidden.statusCode).toBe(404);
      expect(hidden.json().error.code).toBe('plan.responsibility_list_not_found');
    }
    const read = await call('GET', `${base}/${leaderList}`, transport);
    expect(read.json()).toMatchObject({ holder: '市长', allowedActions: [] });
  });

  it('exports the current version of every list the caller reads, one row per item', async () => {
    const exported = await call('GET', `${base}/export`, housing);
    expect(exported.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const row = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(row(1)).toEqual([
      '清单',
      '责任主体类别',
      '责任主体',
      '现行版本',
      '发布时间',
      '序号',
      '责任事项',
      '演示数据',
    ]);
    expect(row(2)).toEqual([
      '市长安全生产工作责任清单',
      '领导干部',
      '市长',
      '第1版',
      '2026-11-29 10:00:00',
      1,
      '把安全生产纳入政府重点工作',
      '否',
    ]);
    expect(row(6)).toEqual([
      '市住房和城乡建设局安全生产责任清单',
      '部门',
      '市住房和城乡建设局',
      '第2版',
      '2026-11-29 10:00:00',
      4,
      '督促自建房安全专项整治',
      '否',
    ]);
    expect(sheet.getRow(7).values).toEqual([]);
  });
});
