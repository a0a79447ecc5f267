import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFieldCipher } from '../../platform/crypto.ts';
import { createTestContext, TEST_FIELD_KEY, type Caller, type TestContext } from '../../../test/test-app.ts';
import { loadDemoRegistry } from './demo-data.ts';
import { loadDemoMajorHazards } from './demo-major-hazards.ts';

type Counts = { total: number; byLevel: number[]; byCounty: Record<string, number> };

/** The same figures from each page that shows major hazard sources (issue 11 item 3). */
describe('major hazard sources: one count on the one-map, the objects list and the sources page', () => {
  let t: TestContext;
  let city: Caller;
  let hongta: Caller;

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    await loadDemoRegistry({ db: t.db, clock: t.clock, cipher: createFieldCipher(TEST_FIELD_KEY) });
    await loadDemoMajorHazards({ db: t.db, clock: t.clock });
    city = await t.sessionFor(await t.createUser({ roles: ['city_officer'], scope: { kind: 'city' } }));
    hongta = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: ['530402'] } }),
    );
  });
  afterAll(() => t.close());

  async function oneMap(as: Caller): Promise<Counts> {
    const items = (
      await t.request({ method: 'GET', url: '/api/v1/map/objects?kinds=major_hazard_source', as })
    ).json().items as { county: string; attributes: { level?: number } }[];
    return tally(items.map((o) => ({ county: o.county, level: o.attributes.level ?? null })));
  }

  async function objectsList(as: Caller): Promise<number> {
    return (
      await t.request({ method: 'GET', url: '/api/v1/objects?kind=major_hazard_source&pageSize=10', as })
    ).json().total;
  }

  async function sourcesPage(as: Caller): Promise<Counts & { declared: number; undeclared: number }> {
    const summary = (await t.request({ method: 'GET', url: '/api/v1/major-hazards/summary', as })).json();
    const units = (
      await t.request({ method: 'GET', url: '/api/v1/major-hazards/units?isMajor=true&pageSize=100', as })
    ).json();
    const byLevel = [1, 2, 3, 4].map((level) =>
      summary.rows.reduce((sum: number, row: Record<string, number>) => sum + row[`level${level}`]!, 0),
    );
    const byCounty: Record<string, number> = {};
    for (const row of summary.rows) byCounty[row.county] = row.level1 + row.level2 + row.level3 + row.level4;
    return {
      total: units.total + summary.undeclared.length,
      byLevel,
      byCounty,
      declared: units.total,
      undeclared: summary.undeclared.length,
    };
  }

  function tally(rows: { county: string; level: number | null }[]): Counts {
    const byCounty: Record<string, number> = {};
    for (const row of rows) byCounty[row.county] = (byCounty[row.county] ?? 0) + 1;
    return {
      total: rows.length,
      byLevel: [1, 2, 3, 4].map((level) => rows.filter((r) => r.level === level).length),
      byCounty,
    };
  }

  it('counts the same sources, by grade and by county, for the city', async () => {
    const map = await oneMap(city);
    const page = await sourcesPage(city);
    expect(map.total).toBe(22);
    expect(await objectsList(city)).toBe(22);
    expect(page.total).toBe(22);
    expect(page.byLevel).toEqual(map.byLevel);
    expect(page.byCounty).toEqual(map.byCounty);
    // The four declared units, and every other registry source shown as 未申报.
    expect(page).toMatchObject({ declared: 4, undeclared: 18 });
  });

  it('counts the same within a county user’s scope', async () => {
    const map = await oneMap(hongta);
    const page = await sourcesPage(hongta);
    expect(await objectsList(hongta)).toBe(map.total);
    expect(page.total).toBe(map.total);
    expect(page.byLevel).toEqual(map.byLevel);
    expect(Object.keys(page.byCounty)).toEqual(['530402']);
  });
});
