import type { DataScope } from '@anjian/domain';
import { scopeCondition } from '../../platform/scope-sql.ts';

/** `%text%` for ILIKE with the wildcard characters escaped. */
export function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** WHERE conditions of an obligations list: the caller's scope first, then the filters. */
export function conditionsOf(scope: DataScope, columns: { county: string; enterprise: string }) {
  const params: unknown[] = [];
  const conditions = [scopeCondition(scope, columns, params)];
  return {
    params,
    add(sql: (n: number) => string, value: unknown) {
      params.push(value);
      conditions.push(sql(params.length));
    },
    where: () => conditions.join(' AND '),
  };
}

/** A numeric column answered as text by pg, as a number. */
export const num = (value: string | number | null): number | null => (value === null ? null : Number(value));
