import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deathsIndicatorInput } from '@anjian/domain/statistics.test-support';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';
import { XLSX_TYPE } from '../../platform/office/index.ts';
import { workbookOf } from './statistics-test-support.ts';

/**
 * The plan's indicators are data the city (registry:configure) edits: formula and comparison rule
 * chosen from the kinds Anjian computes, bounds checked with coded 400s and nothing written, every
 * change audited, and the indicators (which the cockpit reads) recomputed from the edited definition.
 */
describe('indicator settings', () => {
  let t: TestContext;
  let city: Caller;
  let county: Caller;

  const seedDeaths = deathsIndicatorInput;
  const put = (code: string, payload: Record<string, unknown>, as: Caller = city) =>
    t.request({ method: 'PUT', url: `/api/v1/statistics/indicator-settings/${code}`, payload, as });
  const indicators = async (year = 2025) =>
    (await t.request({ method: 'GET', url: `/api/v1/statistics/indicators?year=${year}`, as: city })).json()
      .indicators as { code: string; baselineValue: number | null; targetValue: number | null }[];
  const stored = async () =>
    (await t.db.query('SELECT * FROM statistics_indicators ORDER BY code')).rows as unknown[];

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    city = await t.sessionFor(await t.createUser({ roles: ['city_officer'], scope: { kind: 'city' } }));
    county = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: ['530402'] } }),
    );
    // 2020: two accidents with 5 deaths each, the baseline of 生产安全事故死亡人数.
    const file = await workbookOf(
      'accidents',
      ['2020-03-01 09:00', '2020-07-01 10:00'].map((occurredAt) => ({
        occurredAt,
        county: '红塔区',
        location: `红塔区某厂 ${occurredAt}`,
        sector: '工贸行业',
        accidentType: '物体打击',
        deaths: 5,
      })),
    );
    const imported = await t.request({
      method: 'POST',
      url: '/api/v1/statistics/imports/accidents',
      headers: { 'content-type': XLSX_TYPE },
      payload: file,
      as: city,
    });
    expect(imported.json()).toMatchObject({ committed: true, imported: 2 });
  });
  afterAll(() => t.close());

  it('lists the seed’s four indicators of 专栏1 with their definitions', async () => {
    const response = await t.request({
      method: 'GET',
      url: '/api/v1/statistics/indicator-settings',
      as: county,
    });
    expect(response.statusCode).toBe(200);
    const items = response.json().items;
    expect(items.map((i: { code: string }) => i.code)).toEqual([
      'deaths',
      'major_accidents',
      'deaths_per_100m_gdp',
      'deaths_per_100k_workers',
    ]);
    expect(items[0]).toEqual({
      id: 'deaths',
      code: 'deaths',
      ...seedDeaths,
      publishedBaseline: null,
      publishedBaselineNote: null,
      updatedAt: null,
      updatedBy: null,
    });
    expect(items[1]).toMatchObject({ comparison: 'period_average', baselineFrom: 2016, baselineTo: 2020 });
  });

  it('recomputes the target from the edited definition at once, and audits what changed', async () => {
    expect((await indicators()).find((i) => i.code === 'deaths')).toMatchObject({ baselineValue: 10 });

    const changed = await put('deaths', { ...seedDeaths, targetChange: -0.3, decimals: 1 });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ targetChange: -0.3, decimals: 1 });
    expect(changed.json().updatedBy).not.toBeNull();

    // 10 deaths in 2020 × (1 − 30 %) = 7.0 by 2025.
    expect((await indicators()).find((i) => i.code === 'deaths')).toMatchObject({
      baselineValue: 10,
      targetValue: 7,
    });
    const audit = await t.db.query<{ detail: string }>(
      `SELECT detail FROM audit_log WHERE action = 'statistics.indicator_set'`,
    );
    expect(audit.rows.map((r) => r.detail)).toEqual(['deaths: targetChange -0.15 → -0.3; decimals 0 → 1']);
  });

  it('adds an indicator of the next plan and hides one made inactive', async () => {
    const added = await put('deaths_2030', {
      ...seedDeaths,
      nameZh: '十五五生产安全事故死亡人数',
      nameEn: 'Deaths, 15th plan',
      kind: 'expected',
      baselineFrom: 2025,
      baselineTo: 2025,
      targetYear: 2030,
      targetChange: -0.1,
      position: 5,
    });
    expect(added.statusCode, added.body).toBe(200);
    expect((await indicators(2026)).map((i) => i.code)).toContain('deaths_2030');

    const hidden = await put('deaths_2030', {
      ...seedDeaths,
      nameZh: '十五五生产安全事故死亡人数',
      nameEn: 'Deaths, 15th plan',
      baselineFrom: 2025,
      baselineTo: 2025,
      targetYear: 2030,
      targetChange: -0.1,
      position: 5,
      active: false,
    });
    expect(hidden.statusCode).toBe(200);
    expect((await indicators(2026)).map((i) => i.code)).not.toContain('deaths_2030');
  });

  describe('the plan’s published baseline', () => {
    const note = '《玉溪市“十四五”安全生产规划》专栏1';
    const published = {
      ...seedDeaths,
      targetChange: -0.2,
      decimals: 1,
      publishedBaseline: 12,
      publishedBaselineNote: note,
    };
    type Status = {
      code: string;
      baselineValue: number | null;
      baselineSource: string;
      baselineNote: string | null;
      targetValue: number | null;
    };
    const deathsOf = async (query: string, as: Caller = city) => {
      const response = await t.request({
        method: 'GET',
        url: `/api/v1/statistics/indicators?year=2025${query}`,
        as,
      });
      expect(response.statusCode, response.body).toBe(200);
      return (response.json().indicators as Status[]).find((i) => i.code === 'deaths')!;
    };
    const lastAudit = async () =>
      (
        await t.db.query<{ detail: string }>(
          `SELECT detail FROM audit_log WHERE action = 'statistics.indicator_set' AND outcome = 'success' ORDER BY seq DESC LIMIT 1`,
        )
      ).rows[0]!.detail;

    it('judges the city against the published 12 (−20 % → 9.6), and audits it', async () => {
      const saved = await put('deaths', published);
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json()).toMatchObject({ publishedBaseline: 12, publishedBaselineNote: note });

      expect(await deathsOf('')).toEqual(
        expect.objectContaining({
          baselineValue: 12,
          baselineSource: 'published',
          baselineNote: note,
          baselineFrom: 2020,
          baselineTo: 2020,
          targetValue: 9.6,
        }),
      );
      expect(await lastAudit()).toBe(
        `deaths: targetChange -0.3 → -0.2; publishedBaseline null → 12; publishedBaselineNote null → ${note}`,
      );
    });

    it('leaves counties on their computed baseline: 红塔区’s 10 deaths of 2020 → 8', async () => {
      const computed = { baselineValue: 10, baselineSource: 'computed', baselineNote: null, targetValue: 8 };
      expect(await deathsOf('&divisionCode=530402')).toMatchObject(computed);
      expect(await deathsOf('', county)).toMatchObject(computed);
      const all = await t.request({
        method: 'GET',
        url: '/api/v1/statistics/indicators/counties?year=2025',
        as: city,
      });
      const sources = (all.json().counties as { indicators: Status[] }[]).map(
        (c) => c.indicators.find((i) => i.code === 'deaths')!.baselineSource,
      );
      expect(new Set(sources)).toEqual(new Set(['computed']));
    });

    it('answers a bad figure with a coded 400 in zh and en and writes nothing', async () => {
      const before = await stored();
      const cases: [Record<string, unknown>, string, string?][] = [
        [
          { publishedBaseline: -1 },
          'statistics.indicator_published_baseline_range',
          '规划公布的基准值须为 0 至 1000000 之间的数',
        ],
        [
          { publishedBaseline: 12.25 },
          'statistics.indicator_published_baseline_decimals',
          '规划公布的基准值最多保留 1 位小数（与该指标的小数位数一致）',
        ],
        [
          { publishedBaseline: 12.5, decimals: 0 },
          'statistics.indicator_published_baseline_decimals',
          '规划公布的基准值最多保留 0 位小数（与该指标的小数位数一致）',
        ],
        [
          { publishedBaselineNote: ' ' },
          'statistics.indicator_published_baseline_note',
          '填写了规划公布的基准值时，请注明出处（如《玉溪市“十四五”安全生产规划》专栏1）',
        ],
        [{ publishedBaselineNote: '专'.repeat(201) }, 'too_big', '长度或数值过大（最大 200）'],
        [{ publishedBaseline: '12' }, 'invalid_type'],
      ];
      for (const [change, code, message] of cases) {
        const response = await put('deaths', { ...published, ...change });
        expect([response.statusCode, response.json().error.fields], JSON.stringify(change)).toEqual([
          400,
          [expect.objectContaining(message ? { code, message } : { code })],
        ]);
      }
      const english = await t.request({
        method: 'PUT',
        url: '/api/v1/statistics/indicator-settings/deaths',
        payload: { ...published, publishedBaseline: 12.25 },
        headers: { 'accept-language': 'en' },
        as: city,
      });
      expect(english.json().error.fields[0]).toEqual({
        path: 'publishedBaseline',
        code: 'statistics.indicator_published_baseline_decimals',
        message: 'The published baseline may have at most 1 decimal place(s), as many as the indicator shows',
      });
      expect(await stored()).toEqual(before);
      expect(await deathsOf('')).toMatchObject({ baselineValue: 12, baselineSource: 'published' });
    });

    it('cleared, the city is computed again and the note goes with the figure', async () => {
      const cleared = await put('deaths', { ...published, publishedBaseline: null });
      expect(cleared.statusCode, cleared.body).toBe(200);
      expect(cleared.json()).toMatchObject({ publishedBaseline: null, publishedBaselineNote: null });
      expect(await deathsOf('')).toMatchObject({
        baselineValue: 10,
        baselineSource: 'computed',
        baselineNote: null,
        targetValue: 8,
      });
      expect(await lastAudit()).toBe(
        `deaths: publishedBaseline 12 → null; publishedBaselineNote ${note} → null`,
      );
    });
  });

  it('answers bad definitions with a coded 400 and writes nothing', async () => {
    const before = await stored();
    const cases: [Record<string, unknown>, string][] = [
      [{ targetChange: -0.95 }, 'statistics.indicator_change_out_of_range'],
      [{ targetChange: 0 }, 'statistics.indicator_change_out_of_range'],
      [{ baselineFrom: 2016 }, 'statistics.indicator_point_one_year'],
      [{ comparison: 'period_average', baselineFrom: 2021 }, 'statistics.indicator_baseline_window'],
      [{ comparison: 'period_average', baselineFrom: 2009 }, 'statistics.year_out_of_range'],
      [{ targetYear: 2020 }, 'statistics.indicator_target_year'],
      [{ targetYear: 2031 }, 'statistics.indicator_target_year'],
      [{ formula: 'major_accidents' }, 'statistics.indicator_unit_mismatch'],
    ];
    for (const [change, code] of cases) {
      const response = await put('deaths', { ...seedDeaths, ...change });
      expect([response.statusCode, response.json().error.fields?.[0]?.code], JSON.stringify(change)).toEqual([
        400,
        code,
      ]);
    }
    // The formula is one of the kinds Anjian computes, never an expression.
    expect((await put('deaths', { ...seedDeaths, formula: 'deaths * 2' })).statusCode).toBe(400);
    expect((await put('deaths', { ...seedDeaths, comparison: 'best_year' })).statusCode).toBe(400);
    expect((await put('Deaths!', seedDeaths)).statusCode).toBe(400);
    expect(await stored()).toEqual(before);
  });

  it('is the city’s to change: a county officer is refused', async () => {
    const before = await stored();
    expect((await put('deaths', { ...seedDeaths, targetChange: -0.5 }, county)).statusCode).toBe(403);
    expect(await stored()).toEqual(before);
  });
});
