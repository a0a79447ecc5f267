import type { DataScope } from '@anjian/domain';
import { DomainError } from '@anjian/domain';
import type { AuthContext } from '../../platform/access.ts';

/** The city's division code: city-wide plans, draws and inspectors carry it instead of a county. */
export const CITY_CODE = '530400';

/**
 * A division-owned row (inspector, plan, draw) as a SQL condition: the city sees all, a county its
 * own county's rows (not the city's), an enterprise account none.
 */
export function divisionCondition(scope: DataScope, column: string, params: unknown[]): string {
  if (scope.kind === 'city') return 'TRUE';
  if (scope.kind === 'enterprise') return 'FALSE';
  params.push(scope.counties);
  return `${column} = ANY ($${params.length}::text[])`;
}

/** Whether the caller may act for `division` (530400 = the city bureau). */
export function divisionAllowed(scope: DataScope, division: string): boolean {
  if (scope.kind === 'city') return true;
  if (scope.kind === 'enterprise') return false;
  return scope.counties.includes(division);
}

/**
 * The roster divisions whose inspectors may work on a record of `county` for this caller (issue 19,
 * defect 5): the record's own county and the city bureau, each only where the caller's scope
 * reaches. An inspector outside them is answered as unknown, so his existence is not revealed.
 */
export function inspectorDivisionsFor(scope: DataScope, county: string): string[] {
  return [...new Set([county, CITY_CODE])].filter((division) => divisionAllowed(scope, division));
}

export function requireDivision(auth: AuthContext, division: string): void {
  if (!divisionAllowed(auth.scope, division)) throw new DomainError('registry.scope_outside_caller');
}

/**
 * Bureau staff who decide (立案, 决定, 列入): holders of hazard:supervise (city and county officers).
 * Inspectors carry out inspections and handle cases, but do not decide.
 */
export function isBureauOfficer(auth: AuthContext): boolean {
  return auth.permissions.has('hazard:supervise') && auth.scope.kind !== 'enterprise';
}

/** jsonb state written from Dates comes back with ISO strings: turn instants back into Dates. */
export function reviveInstants<T>(value: unknown): T {
  const instant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return instant.test(v) ? new Date(v) : v;
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}
