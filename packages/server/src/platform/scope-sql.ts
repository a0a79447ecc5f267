import type { DataScope } from '@anjian/domain';

/**
 * The caller's data scope as a SQL condition, for tables that carry a county code and an owning
 * enterprise. Every repository of business data builds its WHERE clause with this, so that lists,
 * gets by id, exports and map layers all see the same rows.
 */
export function scopeCondition(
  scope: DataScope,
  columns: { county: string; enterprise: string },
  params: unknown[],
): string {
  switch (scope.kind) {
    case 'city':
      return 'TRUE';
    case 'county':
      params.push(scope.counties);
      return `${columns.county} = ANY ($${params.length}::text[])`;
    case 'enterprise':
      params.push(scope.enterpriseId);
      return `${columns.enterprise} = $${params.length}::uuid`;
  }
}

/** Whether a record in `county` owned by `enterpriseId` lies in the scope (for writes). */
export function scopeAllows(scope: DataScope, county: string, enterpriseId: string | null): boolean {
  switch (scope.kind) {
    case 'city':
      return true;
    case 'county':
      return scope.counties.includes(county);
    case 'enterprise':
      return enterpriseId === scope.enterpriseId;
  }
}
