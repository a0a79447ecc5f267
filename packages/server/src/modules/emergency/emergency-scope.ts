import { DomainError, type DataScope } from '@anjian/domain';

/**
 * Scope of the emergency libraries. Records belong to a county; a NULL county is the city bureau's
 * own (市级预案, 市局值班表), which every county reads and only city-scoped staff change. Enterprise
 * accounts see none of the libraries.
 */
export function countyVisible(scope: DataScope, column: string, params: unknown[]): string {
  switch (scope.kind) {
    case 'city':
      return 'TRUE';
    case 'county':
      params.push(scope.counties);
      return `(${column} IS NULL OR ${column} = ANY ($${params.length}::text[]))`;
    case 'enterprise':
      return 'FALSE';
  }
}

/** Whether the caller may write a record of this county (null = the city bureau's). */
export function mayWriteCounty(scope: DataScope, county: string | null): boolean {
  if (scope.kind === 'city') return true;
  if (scope.kind === 'county') return county !== null && scope.counties.includes(county);
  return false;
}

export function assertMayWrite(scope: DataScope, county: string | null): void {
  if (!mayWriteCounty(scope, county)) throw new DomainError('registry.scope_outside_caller');
}

/** `%text%` for ILIKE with the wildcard characters escaped. */
export function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Collects WHERE conditions and their positional parameters. */
export function conditionsOf(scope: DataScope, countyColumn: string) {
  const params: unknown[] = [];
  const conditions = [countyVisible(scope, countyColumn, params)];
  return {
    params,
    conditions,
    add(sql: (n: number) => string, value: unknown) {
      params.push(value);
      conditions.push(sql(params.length));
    },
    where: () => conditions.join(' AND '),
  };
}
