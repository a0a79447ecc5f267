import type { DataScope, EnterpriseListQuery } from '@anjian/domain';
import { scopeCondition } from '../../../platform/scope-sql.ts';

/** Columns the enterprise list may be sorted by. */
export const SORT_COLUMNS: Record<EnterpriseListQuery['sort'], string> = {
  name: 'e.name',
  updatedAt: 'e.updated_at',
  county: 'e.county',
  employees: 'e.employees',
};

function bigrams(value: string): string[] {
  const chars = [...value];
  const pieces = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) pieces.add(chars[i]! + chars[i + 1]!);
  return [...pieces];
}

export type EnterpriseFilter = Omit<EnterpriseListQuery, 'page' | 'pageSize' | 'sort' | 'order'>;

/** WHERE clause of the filtered list; the export and the map layer use the very same one. */
export function enterpriseWhere(
  filter: EnterpriseFilter,
  scope: DataScope,
  today: string,
  params: unknown[],
): string {
  const conditions = [scopeCondition(scope, { county: 'e.county', enterprise: 'e.id' }, params)];
  const add = (sql: (n: number) => string, value: unknown) => {
    params.push(value);
    conditions.push(sql(params.length));
  };
  if (filter.q) {
    const q = filter.q.replace(/[\\%_]/g, (c) => `\\${c}`);
    add((n) => `e.search_text LIKE $${n}`, `%${q.toLowerCase()}%`);
    const pieces = bigrams(filter.q.toLowerCase());
    // Every two-character piece of the term must be among the row's pieces: the GIN index narrows
    // the rows before the LIKE above checks the order.
    if (pieces.length > 0) add((n) => `e.search_bigrams @> $${n}::text[]`, pieces);
  }
  if (filter.county) add((n) => `e.county = $${n}`, filter.county);
  if (filter.township) add((n) => `e.township = $${n}`, filter.township);
  if (filter.sector) add((n) => `e.sectors @> ARRAY[$${n}]::text[]`, filter.sector);
  if (filter.status) add((n) => `e.status = $${n}`, filter.status);
  if (filter.scale) add((n) => `e.scale = $${n}`, filter.scale);
  if (filter.keyTag) add((n) => `e.key_tags @> ARRAY[$${n}]::text[]`, filter.keyTag);
  if (filter.demo) add((n) => `e.demo = $${n}`, filter.demo === 'true');
  if (filter.licenceExpiringWithinDays !== undefined) {
    params.push(today);
    const todayParam = params.length;
    add(
      (n) =>
        `EXISTS (SELECT 1 FROM enterprise_licences l WHERE l.enterprise_id = e.id
                 AND l.valid_until <= $${todayParam}::date + $${n}::int)`,
      filter.licenceExpiringWithinDays,
    );
  }
  return conditions.join(' AND ');
}
