import type { QueryResultRow } from 'pg';
import type { Page } from '@anjian/domain';
import type { Db, Queryable } from './db.ts';

/** Which page of a list: page numbers start at 1. */
export interface PageRequest {
  page: number;
  pageSize: number;
}

/** One list query: the parts a repository writes, the paging it no longer writes by hand. */
export interface PagedQuery {
  /** `SELECT … FROM … JOIN …` — the page's rows, without WHERE, ORDER BY or LIMIT. */
  select: string;
  /** `FROM … JOIN …` for the count; only the joins the filter needs. */
  countFrom: string;
  /** The filter, its placeholders numbered into `params`. */
  where: string;
  /** A total order (end with a unique column), so that pages neither repeat nor skip rows. */
  orderBy: string;
  params: readonly unknown[];
  /** The filter's parameters alone, when `select` numbers parameters of its own after them. */
  countParams?: readonly unknown[];
}

/** The row count of the filter and one page of its rows, in the query's order. */
export async function selectPage<Row extends QueryResultRow>(
  db: Queryable,
  query: PagedQuery,
  page: PageRequest,
): Promise<{ rows: Row[]; total: number }> {
  const { params } = query;
  const total = await db.query<{ total: number }>(
    `SELECT count(*)::int AS total ${query.countFrom} WHERE ${query.where}`,
    [...(query.countParams ?? params)],
  );
  const rows = await db.query<Row>(
    `${query.select} WHERE ${query.where} ORDER BY ${query.orderBy}
      LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, page.pageSize, offsetOf(page)],
  );
  return { rows: rows.rows, total: total.rows[0]?.total ?? 0 };
}

/** `selectPage`, each row mapped to the list's record: the `Page` a list route answers. */
export async function listPage<Row extends QueryResultRow, Item>(
  db: Queryable,
  query: PagedQuery,
  page: PageRequest,
  toItem: (row: Row) => Item,
): Promise<Page<Item>> {
  const { rows, total } = await selectPage<Row>(db, query, page);
  return { items: rows.map(toItem), total, page: page.page, pageSize: page.pageSize };
}

/** The rows before a page. */
export function offsetOf(page: PageRequest): number {
  return (page.page - 1) * page.pageSize;
}

/**
 * ORDER BY from a sort the caller chose: the column comes from the whitelist (never the request),
 * empty values last, and `tieBreaker` (a unique column) makes the order total.
 */
export function sortClause<Key extends string>(
  columns: Readonly<Record<Key, string>>,
  sort: Key,
  order: 'asc' | 'desc',
  tieBreaker: string,
): string {
  if (!Object.hasOwn(columns, sort)) throw new Error(`No sort column for ${sort}`);
  return `${columns[sort]} ${order === 'asc' ? 'ASC' : 'DESC'} NULLS LAST, ${tieBreaker}`;
}

/**
 * Counts of fewer rows than this (by the planner's estimate) always run to the end. Kept low: a
 * text search's estimate was 30 times too small at 370,000 rows (614 for 20,000 matches).
 */
const COUNT_ALWAYS_BELOW = 100;
/** Above this estimate a list does not count at all: the estimate is the total. */
const COUNT_NEVER_ABOVE = 20_000;
/** How long a count between the two may take before the estimate stands in for it. */
const COUNT_BUDGET_MS = 25;

/**
 * The rows of `fromWhere` (`FROM … WHERE …`), exactly when that is cheap, otherwise PostgreSQL's
 * estimate with `exact: false`: a list of hundreds of thousands of rows does not pay for a full
 * count on every page (issue 19). The count runs under a statement timeout in its own transaction.
 */
export async function countWithin(
  db: Db,
  fromWhere: string,
  params: readonly unknown[],
): Promise<{ total: number; exact: boolean }> {
  const plan = await db.query<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>(
    `EXPLAIN (FORMAT JSON) SELECT 1 ${fromWhere}`,
    [...params],
  );
  const estimate = Math.round(plan.rows[0]!['QUERY PLAN'][0].Plan['Plan Rows']);
  if (estimate > COUNT_NEVER_ABOVE) return { total: estimate, exact: false };
  if (estimate < COUNT_ALWAYS_BELOW) {
    const rows = await db.query<{ total: number }>(`SELECT count(*)::int AS total ${fromWhere}`, [...params]);
    return { total: rows.rows[0]!.total, exact: true };
  }
  const client = await db.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SET LOCAL statement_timeout = ${COUNT_BUDGET_MS}`);
    const rows = await client.query<{ total: number }>(`SELECT count(*)::int AS total ${fromWhere}`, [
      ...params,
    ]);
    await client.query('COMMIT');
    return { total: rows.rows[0]!.total, exact: true };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    if ((error as { code?: string }).code === '57014') return { total: estimate, exact: false };
    throw error;
  } finally {
    client.release();
  }
}
