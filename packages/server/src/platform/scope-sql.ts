import { DomainError, mayRead, readableLabels, type DataScope, type SecurityLabel } from '@anjian/domain';

/**
 * A data scope as a signed-in caller holds it: with the caller's clearance. Internal callers (the
 * workers, the demo loader) pass a plain scope and see every label.
 */
export type ReaderScope = DataScope & { readonly clearance?: SecurityLabel };

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

/**
 * The security-label half of a repository's scope filter (decision 0005): records labelled above the
 * caller's clearance are left out of lists, counts, exports and gets by id alike, so reading one
 * answers 404 as an out-of-scope record does and its existence is not revealed.
 */
export function labelCondition(scope: ReaderScope, column: string, params: unknown[]): string {
  if (scope.clearance === undefined) return 'TRUE';
  params.push(readableLabels(scope.clearance));
  return `${column} = ANY ($${params.length}::text[])`;
}

/** A caller may label a record at most at its own clearance; otherwise 403 `record.label_above_clearance`. */
export function checkLabelWithin(clearance: SecurityLabel, label: SecurityLabel | undefined): void {
  if (label !== undefined && !mayRead(clearance, label))
    throw new DomainError('record.label_above_clearance');
}
