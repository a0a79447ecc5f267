import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';
import { workbookOf } from './statistics-test-support.ts';

/**
 * The bureau's GB/T 4754 industry → sector mapping: seeded with the former code table, edited by the
 * city (registry:configure) with an audit entry, and read when an accident is reported or imported
 * without a sector. Sectors already stored are not recomputed.
 */
describe('industry → sector mapping', () => {
  let t: TestContext;
  let city: Caller;
  let county: Caller;

  const report = (location: string, as: Caller) =>
    t.request({
      method: 'POST',
      url: '/api/v1/incidents',
      payload: {
        occurredAt: '2026-11-20T02:00:00.000Z',
        county: '530402',
        location,
        accidentType: 'WSA10010',
        deaths: 1,
        seriousInjuries: 0,
        description: '运输车辆装卸时人员坠落',
        reporter: '企业安全员',
        industryCode: 'G5430',
      },
      as,
    });
  const setMapping = (prefix: string, sector: string, as: Caller = city) =>
    t.request({
      method: 'PUT',
      url: `/api/v1/statistics/sector-mappings/${prefix}`,
      payload: { sector },
      as,
    });

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    city = await t.sessionFor(await t.createUser({ roles: ['city_officer'], scope: { kind: 'city' } }));
    county = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: ['530402'] } }),
    );
  });
  afterAll(() => t.close());

  it('starts from the former code table, filtered by prefix and by sector', async () => {
    const all = await t.request({ method: 'GET', url: '/api/v1/statistics/sector-mappings', as: county });
    expect(all.statusCode).toBe(200);
    expect(all.json().total).toBe(14);
    const g = await t.request({ method: 'GET', url: '/api/v1/statistics/sector-mappings?q=g5', as: city });
    expect(g.json().items.map((r: { prefix: string; sector: string }) => `${r.prefix}:${r.sector}`)).toEqual([
      'G53:railway',
      'G54:road_transport',
      'G55:water_transport',
      'G56:aviation',
    ]);
    const chem = await t.request({
      method: 'GET',
      url: '/api/v1/statistics/sector-mappings?sector=chemicals',
      as: city,
    });
    expect(chem.json().items).toEqual([
      { id: 'C25', prefix: 'C25', sector: 'chemicals', industrial: true, updatedAt: null, updatedBy: null },
      { id: 'C26', prefix: 'C26', sector: 'chemicals', industrial: true, updatedAt: null, updatedBy: null },
    ]);
  });

  it('classifies accidents reported afterwards by the changed mapping and leaves earlier ones as they were', async () => {
    const before = await report('红塔区某物流园装卸区', county);
    expect(before.statusCode, before.body).toBe(201);
    expect(before.json().statistics.sector).toBe('road_transport');

    const changed = await setMapping('G543', 'other_industrial');
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ prefix: 'G543', sector: 'other_industrial', industrial: true });
    expect(changed.json().updatedBy).not.toBeNull();

    const after = await report('红塔区某物流园二号库', county);
    expect(after.json().statistics.sector).toBe('other_industrial');
    const earlier = await t.request({
      method: 'GET',
      url: `/api/v1/incidents/${before.json().id}`,
      as: county,
    });
    expect(earlier.json().statistics.sector).toBe('road_transport');

    // The monthly table counts each by its stored sector.
    const monthly = await t.request({
      method: 'GET',
      url: '/api/v1/statistics/monthly?year=2026&month=11',
      as: city,
    });
    const row = (key: string) =>
      monthly.json().bySector.find((r: { key: string }) => r.key === key)?.month.accidents;
    expect([row('road_transport'), row('other_industrial')]).toEqual([1, 1]);

    const audit = await t.db.query<{ action: string; detail: string }>(
      `SELECT action, detail FROM audit_log WHERE action = 'statistics.sector_mapping_set'`,
    );
    expect(audit.rows.map((r) => r.detail)).toEqual(['G543: — → other_industrial']);
  });

  it('reads the mapping when history without a sector is imported', async () => {
    await setMapping('C3011', 'construction');
    const file = await workbookOf('accidents', [
      {
        occurredAt: '2021-05-06 09:00',
        county: '红塔区',
        location: '红塔区某水泥厂',
        industryCode: 'C3011',
        accidentType: '物体打击',
        deaths: 1,
      },
    ]);
    const imported = await t.request({
      method: 'POST',
      url: '/api/v1/statistics/imports/accidents',
      headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      payload: file,
      as: city,
    });
    expect(imported.json()).toMatchObject({ committed: true, imported: 1 });
    const stored = await t.db.query<{ sector: string }>(
      `SELECT sector FROM statistics_accidents WHERE location = '红塔区某水泥厂'`,
    );
    expect(stored.rows).toEqual([{ sector: 'construction' }]);
  });

  it('is the city’s to change: a county officer is refused, a bad prefix or sector is a 400, an unknown prefix a 404', async () => {
    expect((await setMapping('D', 'industry_trade', county)).statusCode).toBe(403);
    const bad = await setMapping('C2', 'industry_trade');
    expect(bad.statusCode).toBe(400);
    expect((await setMapping('D', 'mining')).statusCode).toBe(400);
    const missing = await t.request({
      method: 'DELETE',
      url: '/api/v1/statistics/sector-mappings/D44',
      as: city,
    });
    expect([missing.statusCode, missing.json().error.code]).toEqual([
      404,
      'statistics.sector_mapping_not_found',
    ]);
    const count = await t.db.query('SELECT 1 FROM statistics_sector_mappings');
    expect(count.rowCount).toBe(16);
  });

  it('removes a prefix: its codes fall back to the shorter one', async () => {
    const gone = await t.request({
      method: 'DELETE',
      url: '/api/v1/statistics/sector-mappings/G543',
      as: city,
    });
    expect(gone.statusCode).toBe(204);
    const third = await report('红塔区某物流园三号库', county);
    expect(third.json().statistics.sector).toBe('road_transport');
  });

  it('exports the list to Excel with sector names, never codes', async () => {
    const exported = await t.request({
      method: 'GET',
      url: '/api/v1/statistics/sector-mappings/export?q=C2',
      as: city,
    });
    expect(exported.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const rows = book.worksheets[0]!.getSheetValues()
      .slice(1)
      .map((r) => (r as unknown[]).slice(1, 4));
    expect(rows).toEqual([
      ['行业代码前缀', '行业领域', '属于工矿商贸'],
      ['C25', '化工和危险化学品', '是'],
      ['C26', '化工和危险化学品', '是'],
      ['C2672', '烟花爆竹', '是'],
    ]);
  });

  it('exports only the selected rows when asked', async () => {
    const exported = await t.request({
      method: 'GET',
      url: '/api/v1/statistics/sector-mappings/export?ids=B06,E',
      as: city,
    });
    expect(exported.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const rows = book.worksheets[0]!.getSheetValues()
      .slice(2)
      .map((r) => (r as unknown[]).slice(1, 3));
    expect(rows).toEqual([
      ['B06', '煤矿'],
      ['E', '建筑业'],
    ]);
  });
});
