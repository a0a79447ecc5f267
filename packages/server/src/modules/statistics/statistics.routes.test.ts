import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';
import { workbookOf } from './statistics-test-support.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The test clock reads 2026-11-29 10:00 China time: day 333 of 2026. History: 2020 has two 较大
 * accidents in 红塔区 (3 deaths 工贸, 7 deaths 道路运输), 2026 one death in construction.
 */
describe('accident statistics: imports, indicators, monthly report, review', () => {
  let t: TestContext;
  let city: Caller;
  let county: Caller;

  const upload = (kind: string, file: Buffer, as: Caller, validOnly = false) =>
    t.request({
      method: 'POST',
      url: `/api/v1/statistics/imports/${kind}?validOnly=${validOnly}`,
      headers: { 'content-type': XLSX },
      payload: file,
      as,
    });
  const get = async (url: string, as: Caller = city) => {
    const response = await t.request({ method: 'GET', url, as });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    city = await t.sessionFor(await t.createUser({ roles: ['city_officer'], scope: { kind: 'city' } }));
    county = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: ['530402'] } }),
    );
  });
  afterAll(() => t.close());

  const accidentA = {
    occurredAt: '2020-03-10 10:00',
    county: '红塔区',
    enterpriseName: '玉溪某建材有限公司',
    location: '红塔区研和街道建材厂',
    sector: '工贸行业',
    accidentType: '物体打击',
    deaths: 3,
    lossWan: 120,
  };

  it('refuses a file with bad rows as a whole, naming each row in Chinese, then imports the valid rows when asked', async () => {
    const file = await workbookOf('accidents', [
      accidentA,
      {
        occurredAt: '2020-06-01 08:30',
        county: '530402',
        location: '玉溪至峨山高速K12',
        sector: '道路运输',
        accidentType: '车辆伤害',
        deaths: 7,
        seriousInjuries: 2,
      },
      { ...accidentA },
      { ...accidentA, occurredAt: '2020-04-01 09:00', deaths: -1 },
      { ...accidentA, occurredAt: '2020-04-02 09:00', county: '昆明市' },
      { ...accidentA, occurredAt: '2015-12-31 09:00' },
      { ...accidentA, occurredAt: '2020-04-03 09:00', lossWan: 3_500_000 },
      {
        occurredAt: '2026-11-02 15:00',
        county: '红塔区',
        location: '红塔区某住宅工地',
        sector: '建筑业',
        accidentType: '高处坠落',
        deaths: 1,
      },
    ]);
    const refused = await upload('accidents', file, city);
    expect(refused.statusCode).toBe(200);
    expect(refused.json()).toEqual({
      committed: false,
      totalRows: 8,
      imported: 0,
      invalidRows: 5,
      errors: [
        { row: 4, column: '发生时间', message: '与第 2 行是同一起事故（时间、地点、单位相同）' },
        { row: 5, column: '死亡人数', message: '不能为负数：-1' },
        { row: 6, column: '县（市、区）', message: '不是玉溪市的县（市、区）：昆明市' },
        { row: 7, column: '发生时间', message: '发生时间须在 2016 年至今之间' },
        { row: 8, column: '直接经济损失（万元）', message: '数值过大，请按万元填写：3500000' },
      ],
    });
    expect((await t.db.query('SELECT count(*)::int AS n FROM statistics_accidents')).rows[0].n).toBe(0);

    const english = await t.request({
      method: 'POST',
      url: '/api/v1/statistics/imports/accidents',
      headers: { 'content-type': XLSX, 'accept-language': 'en' },
      payload: file,
      as: city,
    });
    expect(english.json().errors[1]).toEqual({
      row: 5,
      column: '死亡人数',
      message: 'Cannot be negative: -1',
    });

    const valid = await upload('accidents', file, city, true);
    expect(valid.json()).toMatchObject({ committed: true, imported: 3, invalidRows: 5 });
    const again = await upload('accidents', await workbookOf('accidents', [accidentA]), city);
    expect(again.json().errors).toEqual([
      { row: 2, column: '发生时间', message: '该事故已导入（时间、地点、单位相同）' },
    ]);
  });

  it('imports denominators and control numbers, refusing wrong units and years out of range', async () => {
    const bad = await upload(
      'denominators',
      await workbookOf('denominators', [
        { year: 2020, county: '玉溪市', gdpYi: 2060, workers: 400_000 },
        { year: 2026, county: '玉溪市', gdpYi: 27_000_000, workers: 41.2 },
        { year: 2015, county: '红塔区', gdpYi: 500 },
      ]),
      city,
    );
    expect(bad.json().errors).toEqual([
      { row: 3, column: '地区生产总值（亿元）', message: '数值过大，请按亿元填写：27000000' },
      { row: 3, column: '工矿商贸就业人员（人）', message: '须为整数（人），疑似按万人填写：41.2' },
      { row: 4, column: '年份', message: '年份须在 2016 至 2026 年之间：2015' },
    ]);
    const good = await upload(
      'denominators',
      await workbookOf('denominators', [
        { year: 2020, county: '玉溪市', gdpYi: 2060, workers: 400_000 },
        { year: 2026, county: '玉溪市', gdpYi: 2700, workers: 410_000 },
      ]),
      city,
    );
    expect(good.json()).toMatchObject({ committed: true, imported: 2 });
    const limits = await upload(
      'control-numbers',
      await workbookOf('control-numbers', [{ year: 2026, county: '红塔区', deaths: 2 }]),
      city,
    );
    expect(limits.json()).toMatchObject({ committed: true, imported: 1 });
    // A county officer may not set the city's denominators.
    const denied = await upload('denominators', await workbookOf('denominators', []), county);
    expect(denied.statusCode).toBe(403);
  });

  it('computes the four indicators, their trajectory and status from the imported figures', async () => {
    const summary = await get('/api/v1/statistics/indicators?year=2026');
    expect(summary.year).toBe(2026);
    expect(summary.divisionCode).toBe(null);
    expect(summary.includesDemo).toBe(false);
    const [deaths, larger, perGdp, perWorkers] = summary.indicators;
    // 2020: 10 deaths → target 8.5; 2026 (after the plan) holds the target; 1 death by day 333.
    expect(deaths).toMatchObject({
      code: 'deaths',
      baselineValue: 10,
      targetValue: 9,
      milestone: 9,
      actual: 1,
    });
    expect(deaths.projected).toBe(1); // 1 + 1/333 × 32 = 1.096
    expect(deaths.status).toBe('on_track');
    expect(deaths.trajectory[0]).toEqual({ year: 2020, milestone: 10, actual: 10 });
    expect(deaths.trajectory[3]).toEqual({ year: 2023, milestone: 9, actual: 0 }); // 10 − 3 × 0.3 = 9.1
    // 十三五 mean of 较大 accidents: (0 + 0 + 0 + 0 + 2) / 5 = 0.4 → target 0.32.
    expect(larger).toMatchObject({ baselineValue: 0.4, targetValue: 0.32, milestone: 0.32 });
    // 10 deaths / 2060 亿元 = 0.004854 → 0.005; 2026: 1 / 2700 = 0.00037 → 0.
    expect(perGdp).toMatchObject({ baselineValue: 0.005, actual: 0 });
    // 3 工矿商贸 deaths / 400,000 × 10⁵ = 0.75; 2026: 1 construction death / 410,000 × 10⁵ = 0.244.
    expect(perWorkers).toMatchObject({ baselineValue: 0.75, targetValue: 0.6, actual: 0.244 });

    const tonghai = await get('/api/v1/statistics/indicators?year=2026&divisionCode=530423');
    expect(tonghai.indicators[3]).toMatchObject({ status: 'no_data', baselineValue: null });
  });

  it('prints the monthly table with 本月, 累计 and 同比 by sector, county, type and class', async () => {
    const report = await get('/api/v1/statistics/monthly?year=2020&month=6');
    const total = report.bySector[0];
    expect(total.key).toBe('total');
    expect(total.month).toEqual({ accidents: 1, deaths: 7, seriousInjuries: 2, lossWan: 0 });
    expect(total.cumulative).toEqual({ accidents: 2, deaths: 10, seriousInjuries: 2, lossWan: 120 });
    expect(total.cumulativeYoy.deaths).toEqual({
      previous: 0,
      change: 10,
      ratePercent: null,
      kind: 'net_increase',
    });
    expect(report.bySector.find((r: { key: string }) => r.key === 'industrial').cumulative.deaths).toBe(3);
    expect(report.byCounty.find((r: { key: string }) => r.key === '530402').cumulative.accidents).toBe(2);
    expect(
      report.byClass.map((r: { key: string; cumulative: { accidents: number } }) => [
        r.key,
        r.cumulative.accidents,
      ]),
    ).toEqual([
      ['general', 0],
      ['larger', 2],
      ['major', 0],
      ['especially_major', 0],
    ]);
    expect(report.byType.map((r: { labelZh: string }) => r.labelZh)).toEqual(['物体打击', '车辆伤害']);
    expect(report.largerAccidents).toHaveLength(2);

    const exported = await t.request({
      method: 'GET',
      url: '/api/v1/statistics/monthly/export?year=2020&month=6',
      as: city,
    });
    expect(exported.headers['content-type']).toBe(XLSX);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe('玉溪市生产安全事故统计报表（2020年6月）');
    expect(sheet.getRow(4).values).toEqual([
      undefined,
      '合计',
      1,
      0,
      2,
      0,
      2,
      '净增加 2',
      undefined,
      7,
      0,
      10,
      0,
      10,
      '净增加 10',
      undefined,
      2,
      0,
      2,
      0,
      2,
      '净增加 2',
      undefined,
      0,
      0,
      120,
      0,
      120,
      '净增加 120',
    ]);
  });

  it('counts a reported incident, and stops counting it when a reviewer says it is no 生产安全事故', async () => {
    const reported = await t.request({
      method: 'POST',
      url: '/api/v1/incidents',
      payload: {
        occurredAt: '2026-11-20T02:00:00.000Z',
        county: '530402',
        location: '红塔区某厂房屋顶',
        accidentType: 'WSA10010',
        deaths: 1,
        seriousInjuries: 0,
        description: '维修工人从屋顶坠落',
        reporter: '企业安全员',
        sector: 'industry_trade',
      },
      as: county,
    });
    expect(reported.statusCode, reported.body).toBe(201);
    const id = reported.json().id;
    expect(reported.json().statistics).toMatchObject({
      sector: 'industry_trade',
      countsAsProduction: true,
      reviewedBy: null,
    });
    const month = async () => (await get('/api/v1/statistics/monthly?year=2026&month=11')).bySector[0].month;
    expect(await month()).toMatchObject({ accidents: 2, deaths: 2 });
    const control = async () => (await get('/api/v1/statistics/control-numbers?year=2026')).items[0];
    expect(await control()).toEqual({
      county: '530402',
      countyZh: '红塔区',
      countyEn: 'Hongta District',
      used: 2,
      limit: 2,
      remaining: 0,
      percent: 100,
      level: 'reached',
    });

    const noReason = await t.request({
      method: 'PUT',
      url: `/api/v1/incidents/${id}/statistics`,
      payload: { sector: 'industry_trade', countsAsProduction: false, reason: '' },
      as: county,
    });
    expect([noReason.statusCode, noReason.json().error.fields[0].code]).toEqual([
      400,
      'statistics.reason_required',
    ]);

    const reviewed = await t.request({
      method: 'PUT',
      url: `/api/v1/incidents/${id}/statistics`,
      payload: { sector: 'industry_trade', countsAsProduction: false, reason: '经调查系突发疾病，统计核销' },
      as: county,
    });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    expect(reviewed.json().statistics).toMatchObject({
      countsAsProduction: false,
      reason: '经调查系突发疾病，统计核销',
    });
    expect(await month()).toMatchObject({ accidents: 1, deaths: 1 });
    expect(await control()).toMatchObject({ used: 1, percent: 50, level: 'normal' });

    // A later death within the window recounts: the first imported 2026 accident stays, the
    // reported one is out; report another and add a death by follow-up.
    const second = await t.request({
      method: 'POST',
      url: '/api/v1/incidents',
      payload: {
        occurredAt: '2026-11-25T02:00:00.000Z',
        county: '530402',
        location: '红塔区某矿山',
        accidentType: 'WSA10012',
        deaths: 2,
        seriousInjuries: 0,
        description: '采场边坡坍塌，两人被埋',
        reporter: '矿长',
        sector: 'metal_nonmetal_mine',
      },
      as: county,
    });
    expect(second.statusCode, second.body).toBe(201);
    const followUp = await t.request({
      method: 'POST',
      url: `/api/v1/incidents/${second.json().id}/follow-ups`,
      payload: { deaths: 3, description: '一名重伤人员经抢救无效死亡' },
      as: county,
    });
    expect(followUp.json().level).toBe('larger');
    const report = await get('/api/v1/statistics/monthly?year=2026&month=11');
    expect(report.bySector[0].month).toMatchObject({ accidents: 2, deaths: 4 });
    expect(report.byClass[1].month.accidents).toBe(1); // now 较大
  });

  it('drills down county → enterprise → accident within the caller’s scope', async () => {
    const counties = await get('/api/v1/statistics/drill?year=2020');
    expect(counties.counties.find((c: { divisionCode: string }) => c.divisionCode === '530402')).toEqual({
      divisionCode: '530402',
      accidents: 2,
      deaths: 10,
    });
    const enterprises = await get('/api/v1/statistics/drill?year=2020&divisionCode=530402');
    expect(enterprises.enterprises).toEqual([
      { enterpriseId: null, enterpriseName: null, accidents: 1, deaths: 7 },
      { enterpriseId: null, enterpriseName: '玉溪某建材有限公司', accidents: 1, deaths: 3 },
    ]);
    const outside = await t.request({
      method: 'GET',
      url: '/api/v1/statistics/drill?year=2020&divisionCode=530423',
      as: county,
    });
    expect([outside.statusCode, outside.json().error.code]).toEqual([403, 'registry.scope_outside_caller']);
    const early = await t.request({
      method: 'GET',
      url: '/api/v1/statistics/indicators?year=2015',
      as: city,
    });
    expect([early.statusCode, early.json().error.fields[0].code]).toEqual([
      400,
      'statistics.year_out_of_range',
    ]);
  });

  it('offers each import template with its instructions sheet', async () => {
    const response = await t.request({
      method: 'GET',
      url: '/api/v1/statistics/imports/denominators/template',
      as: city,
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['分母数据', '填写说明']);
    expect(workbook.worksheets[0]!.getRow(1).values).toEqual([
      undefined,
      '年份*',
      '县（市、区）*',
      '地区生产总值（亿元）',
      '工矿商贸就业人员（人）',
    ]);
  });
});
