import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Caller, type TestContext } from '../../../../test/test-app.ts';

const COUNTY = '530427'; // 新平县
const YANGWU = '530427100';
const MOSHA = '530427101';
const ZHENYUAN = '530402001'; // 玉兴街道, 红塔区

const figures = (overrides: object = {}) => ({
  affected: 120,
  relocated: 30,
  needingAid: 20,
  deaths: 1,
  missing: 0,
  housesCollapsed: 4,
  housesSeverelyDamaged: 6,
  housesDamaged: 12,
  cropsHectares: '15.5',
  directLossWan: '86.25',
  ...overrides,
});

async function docxText(buffer: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(buffer);
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml.replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '');
}

describe('natural-disaster events and township figures', () => {
  let t: TestContext;
  let county: Caller;
  let other: Caller;
  let id: string;

  const post = (url: string, payload: object, as: Caller) =>
    t.request({ method: 'POST', url: `/api/v1/emergency/disasters${url}`, payload, as });
  const get = (url: string, as: Caller) =>
    t.request({ method: 'GET', url: `/api/v1/emergency/disasters${url}`, as });

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    county = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: [COUNTY] } }),
    );
    other = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: ['530402'] } }),
    );
    const created = await post(
      '',
      {
        kind: 'landslide',
        name: '扬武镇山体滑坡',
        county: COUNTY,
        occurredAt: '2026-11-29T07:00:00+08:00',
        townships: [YANGWU],
        description: '连续降雨引发山体滑坡',
      },
      county,
    );
    expect(created.statusCode).toBe(201);
    id = created.json().id;
    expect(
      created.json().townships.map((x: { code: string; latest: unknown }) => [x.code, x.latest]),
    ).toEqual([[YANGWU, null]]);
  });
  afterAll(() => t.close());

  it('keeps the earlier report when a township reports again; the current figure is the latest', async () => {
    const first = await post(
      `/${id}/reports`,
      {
        township: YANGWU,
        stage: 'initial',
        reportedAt: '2026-11-29T08:30:00+08:00',
        reporter: '扬武镇 李信息员',
        figures: figures(),
      },
      county,
    );
    expect(first.statusCode).toBe(201);
    const second = await post(
      `/${id}/reports`,
      {
        township: YANGWU,
        stage: 'follow_up',
        reportedAt: '2026-11-29T09:30:00+08:00',
        reporter: '扬武镇 李信息员',
        figures: figures({ affected: 180, relocated: 45 }),
      },
      county,
    );
    expect(second.statusCode).toBe(201);
    expect(
      (
        await post(
          `/${id}/reports`,
          {
            township: MOSHA,
            stage: 'initial',
            reportedAt: '2026-11-29T09:00:00+08:00',
            reporter: '漠沙镇 王信息员',
            figures: figures({ affected: 40, deaths: 0, cropsHectares: '4.5', directLossWan: '13.75' }),
          },
          county,
        )
      ).statusCode,
    ).toBe(201);

    const detail = (await get(`/${id}`, county)).json();
    const yangwu = detail.townships.find((x: { code: string }) => x.code === YANGWU);
    expect(yangwu.nameZh).toBe('扬武镇');
    expect(
      yangwu.history.map((r: { stage: string; figures: { affected: number } }) => [
        r.stage,
        r.figures.affected,
      ]),
    ).toEqual([
      ['initial', 120],
      ['follow_up', 180],
    ]);
    expect(yangwu.latest.figures.affected).toBe(180);
    expect(detail.townshipCount).toBe(2);
    expect(detail.totals).toEqual(
      figures({
        affected: 220,
        relocated: 75,
        needingAid: 40,
        deaths: 1,
        housesCollapsed: 8,
        housesSeverelyDamaged: 12,
        housesDamaged: 24,
        cropsHectares: '20',
        directLossWan: '100',
      }),
    );
    // 初报 due 09:00, first sent at 10:00 (the clock): late
    expect(detail.deadlines[0]).toMatchObject({
      stage: 'initial',
      dueAt: '2026-11-29T01:00:00.000Z',
      overdue: true,
    });
    const rows = await t.db.query(`SELECT count(*)::int AS n FROM disaster_reports WHERE event_id = $1`, [
      id,
    ]);
    expect(rows.rows[0].n).toBe(3);
    await expect(
      t.db.query(`UPDATE disaster_reports SET affected = 0 WHERE event_id = $1`, [id]),
    ).rejects.toThrow(/append-only/);

    const list = (await get('', county)).json();
    expect(
      list.items.map((e: { id: string; totals: { affected: number } }) => [e.id, e.totals.affected]),
    ).toEqual([[id, 220]]);
  });

  it('refuses bad input with a stable code and writes nothing', async () => {
    const count = async () =>
      (await t.db.query(`SELECT count(*)::int AS n FROM disaster_reports WHERE event_id = $1`, [id])).rows[0]
        .n;
    const before = await count();
    const cases: [object, number, string][] = [
      [
        { township: ZHENYUAN, stage: 'initial', reporter: '某人', figures: figures() },
        400,
        'disaster.township_outside_county',
      ],
      [
        { township: YANGWU, stage: 'initial', reporter: '某人', figures: figures({ affected: 200 }) },
        409,
        'disaster.stage_out_of_order',
      ],
      [
        { township: YANGWU, stage: 'follow_up', reporter: '某人', figures: figures({ affected: 100 }) },
        400,
        'disaster.explanation_required',
      ],
      [
        {
          township: YANGWU,
          stage: 'follow_up',
          reporter: '某人',
          figures: figures({ affected: 180, relocated: 500 }),
        },
        400,
        'disaster.figures_inconsistent',
      ],
      [
        {
          township: YANGWU,
          stage: 'follow_up',
          reportedAt: '2026-11-30T09:00:00+08:00',
          reporter: '某人',
          figures: figures({ affected: 180 }),
        },
        400,
        'disaster.report_time_invalid',
      ],
      [
        { township: YANGWU, stage: 'follow_up', reporter: '某人', figures: figures({ affected: -1 }) },
        400,
        'request.invalid',
      ],
      [
        {
          township: YANGWU,
          stage: 'follow_up',
          reporter: '某人',
          figures: figures({ cropsHectares: 'abc' }),
        },
        400,
        'request.invalid',
      ],
    ];
    for (const [payload, status, code] of cases) {
      const response = await post(`/${id}/reports`, payload, county);
      expect([response.statusCode, response.json().error.code], JSON.stringify(payload)).toEqual([
        status,
        code,
      ]);
    }
    const kind = await post(
      '',
      { kind: 'volcano', name: '测试', county: COUNTY, occurredAt: '2026-11-29T07:00:00+08:00' },
      county,
    );
    expect([kind.statusCode, kind.json().error.code]).toEqual([400, 'disaster.unknown_kind']);
    expect(await count()).toBe(before);
    // With an explanation the fall is accepted
    const explained = await post(
      `/${id}/reports`,
      {
        township: YANGWU,
        stage: 'follow_up',
        reporter: '扬武镇 李信息员',
        figures: figures({ affected: 170, relocated: 45 }),
        note: '核减重复统计10人',
      },
      county,
    );
    expect(explained.statusCode).toBe(201);
    expect(await count()).toBe(before + 1);
  });

  it('takes one of two simultaneous initial reports of a township and refuses the other', async () => {
    const JIANXING = '530427202';
    const floodId = (
      await post(
        '',
        { kind: 'flood', name: '建兴乡洪涝', county: COUNTY, occurredAt: '2026-11-29T06:00:00+08:00' },
        county,
      )
    ).json().id as string;
    const body = {
      township: JIANXING,
      stage: 'initial',
      reporter: '建兴乡 信息员',
      figures: figures({ affected: 30, deaths: 0 }),
    };
    const answers = await Promise.all([
      post(`/${floodId}/reports`, body, county),
      post(`/${floodId}/reports`, body, county),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
    expect(answers.find((a) => a.statusCode === 409)!.json().error.code).toBe('disaster.stage_out_of_order');
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n FROM disaster_reports WHERE event_id = $1 AND township = $2`,
      [floodId, JIANXING],
    );
    expect(rows[0].n).toBe(1);
  });

  it('hides another county’s disaster (404) and refuses writes to it', async () => {
    expect((await get(`/${id}`, other)).statusCode).toBe(404);
    expect((await get(`/${id}/bulletin`, other)).statusCode).toBe(404);
    const write = await post(
      `/${id}/reports`,
      { township: MOSHA, stage: 'follow_up', reporter: '某人', figures: figures({ affected: 40 }) },
      other,
    );
    expect([write.statusCode, write.json().error.code]).toEqual([404, 'disaster.not_found']);
    expect((await get('', other)).json().items).toEqual([]);
  });

  it('makes the verified reports due once stable and ends a township after its verified report', async () => {
    const stable = await post(`/${id}/stabilised`, { at: '2026-11-29T09:45:00+08:00' }, county);
    expect(stable.statusCode).toBe(200);
    // Sunday 29 Nov → 2 weekdays: Tuesday 1 Dec, to its end (China time)
    expect(stable.json().deadlines.filter((d: { stage: string }) => d.stage === 'verified')).toEqual([
      {
        stage: 'verified',
        township: YANGWU,
        dueAt: '2026-12-01T16:00:00.000Z',
        doneAt: null,
        overdue: false,
      },
      { stage: 'verified', township: MOSHA, dueAt: '2026-12-01T16:00:00.000Z', doneAt: null, overdue: false },
    ]);
    const again = await post(`/${id}/stabilised`, {}, county);
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'disaster.already_stabilised']);
    expect(
      (
        await post(
          `/${id}/reports`,
          {
            township: MOSHA,
            stage: 'verified',
            reporter: '县应急局',
            figures: figures({ affected: 40, deaths: 0, cropsHectares: '4.5', directLossWan: '13.75' }),
          },
          county,
        )
      ).statusCode,
    ).toBe(201);
    const after = await post(
      `/${id}/reports`,
      {
        township: MOSHA,
        stage: 'follow_up',
        reporter: '县应急局',
        figures: figures({ affected: 40, deaths: 0 }),
      },
      county,
    );
    expect([after.statusCode, after.json().error.code]).toEqual([409, 'disaster.stage_out_of_order']);
  });

  it('downloads the bulletin (DOCX) and the 快报表 workbook from the current figures', async () => {
    const bulletin = await get(`/${id}/bulletin`, county);
    expect(bulletin.statusCode).toBe(200);
    expect(bulletin.headers['content-type']).toContain('wordprocessingml');
    expect(bulletin.headers['content-disposition']).toContain('disaster-bulletin_');
    const text = await docxText(bulletin.rawPayload);
    expect(text).toContain('灾 情 快 报');
    expect(text).toContain('新平彝族傣族自治县发生滑坡灾害（扬武镇山体滑坡）');
    expect(text).toContain('受灾人口210人次');
    expect(text).toContain('漠沙镇');

    const workbook = await get(`/${id}/export`, county);
    expect(workbook.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(workbook.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('乡（镇、街道）');
    expect(sheet.getRow(1).getCell(2).value).toBe('受灾人口（人次）');
    const values = [2, 3, 4].map((n) => [sheet.getRow(n).getCell(1).value, sheet.getRow(n).getCell(2).value]);
    expect(values).toEqual([
      ['扬武镇', 170],
      ['漠沙镇', 40],
      ['合计', 210],
    ]);
    expect(sheet.getRow(2).getCell(12).value).toBe('续报');
    expect(sheet.getRow(3).getCell(12).value).toBe('核报');
  });
});
