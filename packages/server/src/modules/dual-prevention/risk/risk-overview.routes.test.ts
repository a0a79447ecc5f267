import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Caller, type TestContext } from '../../../../test/test-app.ts';
import { insertEnterprise } from '../../../../test/factories.ts';

describe('the bureau’s city/county risk view: every enterprise’s level on one map and one ledger', () => {
  let t: TestContext;
  let city: Caller;
  let jiangchuan: Caller;
  const ids: Record<string, string> = {};

  async function enterprise(
    key: string,
    name: string,
    county: string,
    extra: { sector: string; tag?: string },
  ) {
    ids[key] = await insertEnterprise(t.db, {
      name,
      county,
      serial: 8100 + Object.keys(ids).length,
      industryCode: extra.sector === 'hazchem_production' ? 'C2614' : 'C3120',
      sectors: [extra.sector],
      keyTags: extra.tag ? [extra.tag] : [],
      lon: 102.6,
      lat: 24.3,
    });
  }

  /** Risk units are the enterprise's own work: its safety manager records them. */
  async function unit(key: string, name: string, assessments: object[]) {
    const county = (await t.db.query('SELECT county FROM enterprises WHERE id = $1', [ids[key]])).rows[0]
      .county;
    const manager = await t.sessionFor(
      await t.createUser({
        roles: ['enterprise_manager'],
        scope: { kind: 'enterprise', enterpriseId: ids[key]!, county },
      }),
    );
    const created = (
      await t.request({
        method: 'POST',
        url: '/api/v1/risk/units',
        payload: { enterpriseId: ids[key], name, kind: 'area' },
        as: manager,
      })
    ).json();
    for (const assessment of assessments) {
      const added = await t.request({
        method: 'POST',
        url: `/api/v1/risk/units/${created.id}/points`,
        payload: {
          name: `${name}风险点`,
          accidentTypes: ['08'],
          assessment,
          measures: [{ kind: 'management', text: '巡检' }],
          controlLevel: 'team',
          responsiblePerson: '李四',
        },
        as: manager,
      });
      expect(added.statusCode, added.body).toBe(201);
    }
  }

  const get = (url: string, as: Caller) => t.request({ method: 'GET', url, as });

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    city = await t.sessionFor(await t.createUser({ roles: ['city_officer'], scope: { kind: 'city' } }));
    jiangchuan = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: ['530403'] } }),
    );
    await enterprise('chem', '江川化工有限公司', '530403', {
      sector: 'hazchem_production',
      tag: 'plan5_non_coal_mine',
    });
    await enterprise('steel', '江川钢铁有限公司', '530403', { sector: 'metallurgy' });
    await enterprise('th', '通海铸造有限公司', '530423', { sector: 'metallurgy' });
    await enterprise('none', '未评估企业', '530403', { sector: 'metallurgy' });
    // Worst unit rates the enterprise: a red point (D = 720) outweighs a blue one.
    await unit('chem', '液氯储罐区', [{ method: 'lec', l: 1, e: 3, c: 7 }]);
    await unit('chem', '氯化工段', [{ method: 'lec', l: 3, e: 6, c: 40 }]);
    await unit('steel', '转炉', [{ method: 'ls', l: 3, s: 3 }]); // R = 9 → 一般 (yellow)
    await unit('th', '熔炼', [{ method: 'ls', l: 1, s: 2 }]); // R = 2 → 低 (blue)
    // The 100-point grading rates 江川钢铁 orange (score 72), worse than its yellow unit.
    const graded = await t.request({
      method: 'PUT',
      url: `/api/v1/risk/enterprise-gradings/${ids.steel}`,
      payload: {
        assessedOn: '2026-11-29',
        checklistScore: 72,
        operatingSince: null,
        fullTimeFireOrRescueTeam: false,
        standardisationGrade: null,
        accidents: [],
        newProcessWithoutTrials: false,
        plantWithoutFormalDesign: false,
        specialOperatorsUnqualified: false,
      },
      as: city,
    });
    expect(graded.statusCode).toBe(200);
  });
  afterAll(() => t.close());

  it('rates each enterprise by its worst unit or its grading, most severe first, with counts per colour', async () => {
    const answer = (await get('/api/v1/risk/enterprises', city)).json();
    expect(
      answer.items.map((i: { name: string; level: number; colour: string; unitLevel: number }) => [
        i.name,
        i.level,
        i.colour,
        i.unitLevel,
      ]),
    ).toEqual([
      ['江川化工有限公司', 1, 'red', 1],
      ['江川钢铁有限公司', 2, 'orange', 3],
      ['通海铸造有限公司', 4, 'blue', 4],
    ]);
    expect(answer.counts).toEqual({ l1: 1, l2: 1, l3: 0, l4: 1 });
    expect(answer.items[0]).toMatchObject({ units: 2, pointsByLevel: [1, 0, 0, 1], grading: null });
    expect(answer.items[1].grading).toMatchObject({ level: 2, score: 72 });
    expect(answer.items[0].location).toEqual({ lon: 102.6, lat: 24.3 });
  });

  it('filters by county, level, sector, industry code and key tag', async () => {
    const names = async (query: string) =>
      (await get(`/api/v1/risk/enterprises?${query}`, city))
        .json()
        .items.map((i: { name: string }) => i.name);
    expect(await names('county=530423')).toEqual(['通海铸造有限公司']);
    expect(await names('level=2')).toEqual(['江川钢铁有限公司']);
    expect(await names('sector=metallurgy')).toEqual(['江川钢铁有限公司', '通海铸造有限公司']);
    expect(await names('industryCode=C26')).toEqual(['江川化工有限公司']);
    expect(await names('keyTag=plan5_non_coal_mine')).toEqual(['江川化工有限公司']);
    expect((await get('/api/v1/risk/enterprises?level=5', city)).statusCode).toBe(400);
  });

  it('shows a county user only their county; another county is not found', async () => {
    const own = (await get('/api/v1/risk/enterprises', jiangchuan)).json();
    expect(own.items.map((i: { county: string }) => i.county)).toEqual(['530403', '530403']);
    expect(own.counts).toEqual({ l1: 1, l2: 1, l3: 0, l4: 0 });
    const other = await get('/api/v1/risk/enterprises?county=530423', jiangchuan);
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('risk.county_not_found');
    expect((await get('/api/v1/risk/enterprises/export?county=530423', jiangchuan)).statusCode).toBe(404);
  });

  it('exports the filtered ledger to Excel, one row per enterprise, in Chinese', async () => {
    const response = await get('/api/v1/risk/enterprises/export?county=530403', city);
    expect(response.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('企业安全风险分级台账')!;
    const row = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1, 10);
    expect(row(1)).toEqual([
      '序号',
      '企业',
      '县（区）',
      '行业代码',
      '行业领域',
      '重点监管标签',
      '企业风险等级',
      '最高风险单元等级',
      '风险单元数',
    ]);
    expect(row(2)).toEqual([
      1,
      '江川化工有限公司',
      '江川区',
      'C2614',
      '危险化学品生产',
      '专栏5 非煤矿山管控重点',
      '重大风险',
      '重大风险',
      2,
    ]);
    expect(row(3).slice(0, 3)).toEqual([2, '江川钢铁有限公司', '江川区']);
    expect(sheet.getRow(4).values).toEqual([]);
  });
});
