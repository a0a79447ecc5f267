import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSyntheticCreditCode } from '@anjian/domain';
import { readWorkbook } from '../../../../test/read-workbook.ts';
import { createTestContext, type Caller, type TestContext } from '../../../../test/test-app.ts';

describe('regulated objects export', () => {
  let t: TestContext;
  let city: Caller;
  let county: Caller;

  async function enterprise(name: string, countyCode: string, serial: number) {
    const answer = await t.request({
      method: 'POST',
      url: '/api/v1/enterprises',
      payload: {
        name,
        creditCode: generateSyntheticCreditCode(serial, { divisionCode: countyCode }),
        county: countyCode,
      },
      as: city,
    });
    return answer.json().id as string;
  }

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    city = await t.sessionFor(await t.createUser({ roles: ['city_officer'], scope: { kind: 'city' } }));
    county = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: ['530403'] } }),
    );
    const jiangchuan = await enterprise('江川储运有限公司', '530403', 7101);
    const tonghai = await enterprise('通海矿业有限公司', '530423', 7102);
    for (const payload of [
      {
        kind: 'major_hazard_source',
        name: '液氨储罐区',
        enterpriseId: jiangchuan,
        county: '530403',
        location: { lon: 102.75, lat: 24.29 },
        level: 2,
      },
      {
        kind: 'tailings_pond',
        name: '通海尾矿库',
        enterpriseId: tonghai,
        county: '530423',
        location: { lon: 102.7, lat: 24.1 },
        grade: 4,
      },
    ]) {
      expect(
        (await t.request({ method: 'POST', url: '/api/v1/objects', payload, as: city })).statusCode,
      ).toBe(201);
    }
  });
  afterAll(() => t.close());

  it('exports the county’s objects with kind, county and grade in Chinese, and nothing from other counties', async () => {
    const answer = await t.request({ method: 'GET', url: '/api/v1/objects/export', as: county });
    expect(answer.statusCode).toBe(200);
    const rows = await readWorkbook(answer.rawPayload);
    expect(rows[0]).toEqual([
      '名称',
      '类型',
      '所属企业/责任单位',
      '所属县（市、区）',
      '经度',
      '纬度',
      '等级/等别',
      '状态',
      '数据来源',
    ]);
    // Empty trailing cells (状态, 数据来源) are absent from the sheet row.
    expect(rows.slice(1)).toEqual([
      ['液氨储罐区', '重大危险源', '江川储运有限公司', '江川区', '102.75', '24.29', '二级'],
    ]);
  });

  it('follows the kind filter for the city', async () => {
    const rows = await readWorkbook(
      (await t.request({ method: 'GET', url: '/api/v1/objects/export?kind=tailings_pond', as: city }))
        .rawPayload,
    );
    expect(rows.slice(1).map((r) => [r[0], r[1], r[3], r[6], r[7]])).toEqual([
      ['通海尾矿库', '尾矿库', '通海县', '四等', '运行'],
    ]);
  });
});
