import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkbook } from '../../../test/read-workbook.ts';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';
import { insertEnterprise } from '../../../test/factories.ts';

const E = '/api/v1/enforcement';

// Inspections and penalty cases exports: the list's filter, the caller's county, labels in Chinese.
describe('enforcement list exports', () => {
  let t: TestContext;
  let jiangchuan: Caller;
  let tonghai: Caller;
  let serial = 73_000;

  async function enterprise(name: string, county: string): Promise<string> {
    return insertEnterprise(t.db, { name, county, serial: serial++, sectors: ['hazchem'] });
  }

  async function post(as: Caller, url: string, payload: object) {
    const answer = await t.request({ method: 'POST', url, payload, as });
    expect(answer.statusCode, answer.body).toBe(201);
    return answer.json();
  }

  async function inspectionAndCase(as: Caller, county: string, name: string) {
    const roster = [];
    for (const i of [1, 2]) {
      roster.push(
        (
          await post(as, `${E}/inspectors`, {
            name: `${name}执法员${i}`,
            certificateNo: `EXP${county}${i}`,
            certificateExpiry: '2029-12-31',
            county,
            userId: null,
          })
        ).id as string,
      );
    }
    const enterpriseId = await enterprise(name, county);
    await post(as, `${E}/inspections`, { enterpriseId, inspectorIds: roster, plannedDate: '2026-12-10' });
    await post(as, `${E}/cases`, {
      enterpriseId,
      partyKind: 'organisation',
      partyName: name,
      summary: '未按照规定对从业人员进行安全生产教育和培训',
    });
  }

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    jiangchuan = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: ['530403'] } }),
    );
    tonghai = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: ['530423'] } }),
    );
    await inspectionAndCase(jiangchuan, '530403', '江川演示化工有限公司');
    await inspectionAndCase(tonghai, '530423', '通海演示机械厂');
  });
  afterAll(() => t.close());

  it('exports inspections with kind and status in Chinese, only the county’s', async () => {
    const answer = await t.request({ method: 'GET', url: `${E}/inspections/export`, as: jiangchuan });
    expect(answer.statusCode).toBe(200);
    const rows = await readWorkbook(answer.rawPayload);
    expect(rows[0]).toEqual([
      '被检查单位',
      '区县',
      '检查类型',
      '抽查任务',
      '计划日期',
      '执法人员',
      '状态',
      '开始时间',
      '完成时间',
      '不合格项',
    ]);
    expect(rows.slice(1).map((r) => r.slice(0, 7))).toEqual([
      [
        '江川演示化工有限公司',
        '江川区',
        '专项检查',
        '',
        '2026-12-10',
        '江川演示化工有限公司执法员1、江川演示化工有限公司执法员2',
        '待检查',
      ],
    ]);
    const filtered = await readWorkbook(
      (await t.request({ method: 'GET', url: `${E}/inspections/export?status=completed`, as: jiangchuan }))
        .rawPayload,
    );
    expect(filtered).toHaveLength(1);
  });

  it('exports penalty cases with the status in Chinese, only the county’s', async () => {
    const answer = await t.request({ method: 'GET', url: `${E}/cases/export`, as: tonghai });
    expect(answer.statusCode).toBe(200);
    const rows = await readWorkbook(answer.rawPayload);
    expect(rows[0]).toEqual([
      '当事人',
      '当事人类型',
      '区县',
      '案由',
      '立案日期',
      '办理状态',
      '罚款（元）',
      '决定期限逾期',
      '密级',
      '数据来源',
    ]);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2], r[3], r[5]])).toEqual([
      ['通海演示机械厂', '单位', '通海县', '未按照规定对从业人员进行安全生产教育和培训', '已立案'],
    ]);
  });
});
