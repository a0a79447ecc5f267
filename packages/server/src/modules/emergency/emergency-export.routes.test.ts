import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate } from '@anjian/domain';
import { readWorkbook } from '../../../test/read-workbook.ts';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';

// Incidents, drills and resources exports: the list's filter, the caller's county, labels in Chinese.
describe('emergency list exports', () => {
  let t: TestContext;
  let city: Caller;
  let hongta: Caller;

  const post = async (url: string, payload: object) => {
    const answer = await t.request({ method: 'POST', url, payload, as: city });
    expect(answer.statusCode, `${url} ${answer.body}`).toBe(201);
  };
  const exported = async (url: string, as: Caller) => {
    const answer = await t.request({ method: 'GET', url, as });
    expect(answer.statusCode).toBe(200);
    return readWorkbook(answer.rawPayload);
  };

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    city = await t.sessionFor(await t.createUser({ roles: ['city_officer'], scope: { kind: 'city' } }));
    hongta = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: ['530402'] } }),
    );
    const occurredAt = new Date(t.clock.now().getTime() - 3600_000).toISOString();
    for (const [county, location] of [
      ['530402', '红塔区某化工企业液氯储罐区'],
      ['530423', '通海县某机械厂'],
    ] as const) {
      await post('/api/v1/incidents', {
        occurredAt,
        county,
        location,
        accidentType: 'WSA10023',
        deaths: 1,
        seriousInjuries: 0,
        directLossWan: '50',
        description: '液氯阀门泄漏',
        reporter: '值班员',
      });
      await post('/api/v1/emergency/drills', {
        title: `${location}演练`,
        county,
        heldOn: '2025-06-10',
        status: 'held',
        form: 'full_scale',
        organiser: '应急管理局',
        participants: 30,
        rating: 'good',
      });
      await post('/api/v1/emergency/resources', {
        kind: 'warehouse',
        name: `${location}物资库`,
        county,
        location: { lon: 102.55, lat: 24.35 },
        contactName: '值班员',
        contactPhone: '13900001111',
      });
    }
  });
  afterAll(() => t.close());

  it('exports incidents with type and class in Chinese, only the county’s', async () => {
    const rows = await exported('/api/v1/incidents/export', hongta);
    expect(rows[0]).toEqual([
      '发生时间',
      '区县',
      '事发单位',
      '事发地点',
      '事故类型',
      '事故等级',
      '死亡（人）',
      '重伤（人）',
      '失踪（人）',
      '直接经济损失（万元）',
      '状态',
      '事故简况',
      '密级',
    ]);
    expect(rows).toHaveLength(2);
    expect(rows[1]!.slice(1)).toEqual([
      '红塔区',
      '',
      '红塔区某化工企业液氯储罐区',
      '中毒',
      '一般事故',
      '1',
      '0',
      '0',
      '50',
      '处置中',
      '液氯阀门泄漏',
      '内部',
    ]);
    const closed = await exported('/api/v1/incidents/export?status=closed', city);
    expect(closed).toHaveLength(1);
    const searched = await exported(`/api/v1/incidents/export?q=${encodeURIComponent('机械厂')}`, city);
    expect(searched.slice(1).map((r) => r[3])).toEqual(['通海县某机械厂']);
    // By month (the cockpit's "accidents this month" opens the list with it): this one, and one without.
    const month = chinaDate(new Date(t.clock.now().getTime() - 3600_000)).slice(0, 7);
    expect(await exported(`/api/v1/incidents/export?month=${month}`, city)).toHaveLength(3);
    expect(await exported('/api/v1/incidents/export?month=2019-01', city)).toHaveLength(1);
    const bad = await t.request({ method: 'GET', url: '/api/v1/incidents/export?month=2019-13', as: city });
    expect(bad.statusCode).toBe(400);
  });

  it('exports drills with form, status and rating in Chinese, only the county’s', async () => {
    const rows = await exported('/api/v1/emergency/drills/export', hongta);
    expect(rows[0]).toEqual([
      '演练名称',
      '演练日期',
      '区县',
      '演练形式',
      '状态',
      '组织单位',
      '地点',
      '参演人数',
      '依据预案',
      '评估等级',
      '数据来源',
    ]);
    expect(rows.slice(1).map((r) => [r[0], r[2], r[3], r[4], r[9]])).toEqual([
      ['红塔区某化工企业液氯储罐区演练', '红塔区', '综合演练', '已举行', '良好'],
    ]);
    const filtered = await exported('/api/v1/emergency/drills/export?county=530423', city);
    expect(filtered.slice(1).map((r) => r[2])).toEqual(['通海县']);
  });

  it('exports resources with kind in Chinese, only the county’s', async () => {
    const rows = await exported('/api/v1/emergency/resources/export', hongta);
    expect(rows[0]!.slice(0, 6)).toEqual(['名称', '类型', '区县', '地址', '联系人', '联系电话']);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2], r[4]])).toEqual([
      ['红塔区某化工企业液氯储罐区物资库', '物资仓库', '红塔区', '值班员'],
    ]);
  });
});
