import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate } from '@anjian/domain';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';
import { syntheticEnterprises } from '../demo/synthetic-registry.ts';
import { createEnterprisesRepository } from '../registry/enterprises/enterprises.repository.ts';
import {
  cellDegrees,
  clustersFromGrid,
  createEnterpriseMapRepository,
  MAP_POINT_LIMIT,
  snapToCells,
  type MapView,
} from '../registry/enterprises/enterprise-map.ts';

/** The whole of Yuxi and beyond, as a user sees it at zoom 9. */
const WHOLE = '100.9,23.3,103.9,25.0';
const BIG_COUNTY = '530402';
const BIG_COUNTY_ROWS = 3600;
const ROWS = 4500;

interface Layer {
  columns: string[];
  points: unknown[][];
  complete: boolean;
  total: number;
  clusters: [number, number, number][];
  sectors: [string, number][];
}

const sum = (clusters: [number, number, number][]) => clusters.reduce((n, c) => n + c[2], 0);

describe('one-map enterprise layer of a large registry (issue 19)', () => {
  let t: TestContext;
  let city: Caller;
  let bigCounty: Caller;
  let smallCounty: Caller;
  const layer = async (as: Caller, query: string) => {
    const response = await t.request({ method: 'GET', url: `/api/v1/map/enterprises?${query}`, as });
    expect(response.statusCode).toBe(200);
    return response.json() as Layer;
  };
  const countWhere = async (where: string, params: unknown[] = []) =>
    (
      await t.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM enterprises WHERE lon IS NOT NULL AND lat IS NOT NULL AND ${where}`,
        params,
      )
    ).rows[0]!.n;

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    // More than the point limit city-wide, and in one county: the others stay small.
    const rows = syntheticEnterprises(ROWS, { seed: 19, startSerial: 1, today: chinaDate(new Date()) });
    rows.slice(0, BIG_COUNTY_ROWS).forEach((row) => (row.enterprise.county = BIG_COUNTY));
    const repository = createEnterprisesRepository(t.db);
    for (let i = 0; i < rows.length; i += 1500)
      await repository.insertMany(
        t.db,
        rows.slice(i, i + 1500).map((r) => r.enterprise),
        new Date(),
      );
    await t.db.query('ANALYZE enterprises');
    city = await t.sessionFor(await t.createUser({ roles: ['city_officer'], scope: { kind: 'city' } }));
    bigCounty = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: [BIG_COUNTY] } }),
    );
    smallCounty = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: ['530423'] } }),
    );
  });
  afterAll(() => t.close());

  it('clusters the whole city at a low zoom: the clusters add up to every enterprise in scope', async () => {
    const all = await countWhere('TRUE');
    expect(all).toBeGreaterThan(MAP_POINT_LIMIT);
    const answer = await layer(city, `zoom=9&bbox=${WHOLE}`);
    expect(answer.complete).toBe(false);
    expect(answer.points).toEqual([]);
    expect(answer.total).toBe(all);
    expect(sum(answer.clusters)).toBe(all);
    expect(answer.sectors.reduce((n, [, count]) => n + count, 0)).toBe(all);
    // Without a view the layer is every point, as before.
    const whole = await layer(city, '');
    expect(whole.complete).toBe(true);
    expect(whole.points).toHaveLength(all);
  });

  it('sends the points of a view exactly (those inside the box, no other) once they are few enough', async () => {
    const box = [102.5, 24.3, 102.56, 24.34] as const;
    const expected = (
      await t.db.query<{ id: string }>(
        `SELECT id FROM enterprises WHERE lon BETWEEN $1 AND $3 AND lat BETWEEN $2 AND $4 ORDER BY id`,
        [...box],
      )
    ).rows.map((r) => r.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThanOrEqual(MAP_POINT_LIMIT);
    const answer = await layer(city, `zoom=15&bbox=${box.join(',')}`);
    expect(answer.complete).toBe(false);
    expect(answer.clusters).toEqual([]);
    expect(answer.points.map((p) => p[answer.columns.indexOf('id')]).sort()).toEqual(expected);
  });

  it('counts whole grid cells the view touches, from the cached grid and from SQL alike', async () => {
    const repository = createEnterpriseMapRepository(t.db);
    const today = chinaDate(new Date());
    const scope = { kind: 'city' } as const;
    const grid = await repository.fineGrid({}, scope, today);
    for (const zoom of [10, 12, 14]) {
      const view: MapView = { zoom, bbox: [102.3, 24.1, 102.7, 24.5] };
      const [west, south, east, north] = snapToCells(view.bbox, cellDegrees(zoom));
      const inCells = await countWhere('lon BETWEEN $1 AND $3 AND lat BETWEEN $2 AND $4', [
        west,
        south,
        east,
        north,
      ]);
      const fromGrid = clustersFromGrid(grid, view) as [number, number, number][];
      const fromSql = (await repository.clustersInBox({}, scope, today, view)) as [number, number, number][];
      expect(sum(fromGrid)).toBe(inCells);
      expect(sum(fromSql)).toBe(inCells);
      const counts = (clusters: [number, number, number][]) =>
        clusters.map((c) => c[2]).sort((a, b) => a - b);
      expect(counts(fromGrid)).toEqual(counts(fromSql));
    }
  });

  it('keeps to the data scope: a county officer’s clusters hold only their county', async () => {
    const inBig = await countWhere(`county = '${BIG_COUNTY}'`);
    expect(inBig).toBeGreaterThanOrEqual(BIG_COUNTY_ROWS);
    const answer = await layer(bigCounty, `zoom=9&bbox=${WHOLE}`);
    expect(answer.complete).toBe(false);
    expect(answer.total).toBe(inBig);
    expect(sum(answer.clusters)).toBe(inBig);
    // A small county is sent whole, as points, whatever the view.
    const small = await layer(smallCounty, `zoom=9&bbox=${WHOLE}`);
    const inSmall = await countWhere(`county = '530423'`);
    expect(small.complete).toBe(true);
    expect(small.points).toHaveLength(inSmall);
    const ids = small.points.map((p) => p[0] as string);
    const counties = await t.db.query<{ county: string }>(
      'SELECT DISTINCT county FROM enterprises WHERE id = ANY ($1::uuid[])',
      [ids],
    );
    expect(counties.rows.map((r) => r.county)).toEqual(['530423']);
  });

  it('shows a new enterprise at once: the cache follows the registry’s version', async () => {
    const before = await layer(city, `zoom=9&bbox=${WHOLE}`);
    await t.db.query(
      `INSERT INTO enterprises (name, credit_code, county, lon, lat, sectors, status, created_at, updated_at)
       VALUES ('版本测试企业', $1, '530403', 102.75, 24.29, '{}', 'operating', now(), now())`,
      ['91530403MA6K0V0E3X'],
    );
    const after = await layer(city, `zoom=9&bbox=${WHOLE}`);
    expect(after.total).toBe(before.total + 1);
    expect(sum(after.clusters)).toBe(before.total + 1);
  });

  it('refuses a bad view with 400 request.invalid', async () => {
    for (const query of [
      'zoom=9&bbox=a,b,c,d',
      'zoom=9&bbox=103,24,102,25',
      'zoom=9&bbox=102,24,103',
      'zoom=23&bbox=102,24,103,25',
      'zoom=-1&bbox=102,24,103,25',
      'zoom=9.5&bbox=102,24,103,25',
      'bbox=102,24,103,25',
      'zoom=9',
    ]) {
      const response = await t.request({ method: 'GET', url: `/api/v1/map/enterprises?${query}`, as: city });
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.code, query).toBe('request.invalid');
    }
  });
});
