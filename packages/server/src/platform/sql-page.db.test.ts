import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/test-app.ts';
import { listPage, selectPage, sortClause, type PagedQuery } from './sql-page.ts';

describe('sql-page (count + one page of a filtered list)', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;

  beforeAll(async () => {
    database = await createTestDatabase();
    await database.db.query(
      `CREATE TABLE paging_probe (id int PRIMARY KEY, county text NOT NULL, name text NOT NULL, score int)`,
    );
    // 7 rows in 渝北区, 3 in 江北区; score NULL on one row to show NULLS LAST.
    await database.db.query(
      `INSERT INTO paging_probe
       SELECT n, CASE WHEN n <= 7 THEN '渝北区' ELSE '江北区' END, '企业' || n, CASE WHEN n = 4 THEN NULL ELSE n % 3 END
         FROM generate_series(1, 10) AS n`,
    );
  });
  afterAll(async () => {
    await database.drop();
  });

  const inCounty = (county: string): PagedQuery => ({
    select: 'SELECT id, name FROM paging_probe p',
    countFrom: 'FROM paging_probe p',
    where: 'p.county = $1',
    orderBy: 'p.id',
    params: [county],
  });

  it('answers the filtered total and the rows of the asked page, in order', async () => {
    const first = await selectPage<{ id: number; name: string }>(database.db, inCounty('渝北区'), {
      page: 1,
      pageSize: 3,
    });
    expect(first).toEqual({
      total: 7,
      rows: [
        { id: 1, name: '企业1' },
        { id: 2, name: '企业2' },
        { id: 3, name: '企业3' },
      ],
    });
    const last = await selectPage<{ id: number }>(database.db, inCounty('渝北区'), { page: 3, pageSize: 3 });
    expect(last).toEqual({ total: 7, rows: [{ id: 7, name: '企业7' }] });
  });

  it('keeps the total on a page past the end, with no rows', async () => {
    const past = await selectPage(database.db, inCounty('江北区'), { page: 5, pageSize: 2 });
    expect(past).toEqual({ total: 3, rows: [] });
  });

  it('maps the rows into the Page a list route answers', async () => {
    const page = await listPage(
      database.db,
      inCounty('江北区'),
      { page: 2, pageSize: 2 },
      (row: { id: number }) => String(row.id),
    );
    expect(page).toEqual({ items: ['10'], total: 3, page: 2, pageSize: 2 });
  });

  it('counts with the filter parameters alone when the select numbers its own after them', async () => {
    const page = await selectPage<{ id: number; mark: string }>(
      database.db,
      {
        select: `SELECT id, $2::text AS mark FROM paging_probe p`,
        countFrom: 'FROM paging_probe p',
        where: 'p.county = $1',
        orderBy: 'p.id DESC',
        params: ['江北区', '演示'],
        countParams: ['江北区'],
      },
      { page: 1, pageSize: 2 },
    );
    expect(page).toEqual({
      total: 3,
      rows: [
        { id: 10, mark: '演示' },
        { id: 9, mark: '演示' },
      ],
    });
  });

  it('sorts by a whitelisted column only, empty values last, with a tie-breaker', async () => {
    const columns = { score: 'p.score', name: 'p.name' } as const;
    const order = sortClause(columns, 'score', 'asc', 'p.id');
    expect(order).toBe('p.score ASC NULLS LAST, p.id');
    const page = await selectPage<{ id: number }>(
      database.db,
      { ...inCounty('渝北区'), select: 'SELECT id FROM paging_probe p', orderBy: order },
      { page: 1, pageSize: 7 },
    );
    expect(page.rows.map((row) => row.id)).toEqual([3, 6, 1, 7, 2, 5, 4]);
    expect(sortClause(columns, 'name', 'desc', 'p.id')).toBe('p.name DESC NULLS LAST, p.id');
    expect(() => sortClause(columns, 'toString' as 'name', 'asc', 'p.id')).toThrow(
      'No sort column for toString',
    );
  });
});
