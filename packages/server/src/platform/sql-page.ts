import type { QueryResultRow } from 'pg';
import type { Page } from '@anjian/domain';
import type { Queryable } from './db.ts';

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
