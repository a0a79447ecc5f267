import type { DrawPoolEntry, DrawPublicRecord } from './draw-record.ts';
import { EnforcementError } from './enforcement.errors.ts';

export interface DrawEligibility {
  /** Pool entries that may be drawn (not excluded), in canonical order. */
  readonly enterprises: readonly DrawPoolEntry[];
  /** For each eligible enterprise, the inspectors without a declared conflict, in canonical order. */
  readonly inspectorsFor: ReadonlyMap<string, readonly string[]>;
}

/**
 * Who can be drawn and paired, from a normalised record. Checked before any random number is used,
 * so whether a draw can run never depends on the seed (a failed draw cannot become a second chance):
 * `enforcement.draw_pool_too_small` when fewer than N enterprises remain after the exclusions, and
 * `enforcement.draw_inspectors_unavailable` naming the enterprises left with fewer than k inspectors.
 */
export function drawEligibility(record: DrawPublicRecord): DrawEligibility {
  const excluded = new Set(record.exclusion.excludedEnterpriseIds);
  const enterprises = record.pool.filter((entry) => !excluded.has(entry.enterpriseId));
  if (enterprises.length < record.enterpriseCount) {
    throw new EnforcementError('enforcement.draw_pool_too_small', {
      eligible: enterprises.length,
      excluded: record.pool.length - enterprises.length,
      requested: record.enterpriseCount,
    });
  }
  const conflicted = new Set(record.conflicts.map((c) => `${c.enterpriseId}\u0000${c.inspectorId}`));
  const inspectorsFor = new Map<string, readonly string[]>();
  const short: string[] = [];
  for (const { enterpriseId } of enterprises) {
    const free = record.inspectorIds.filter((id) => !conflicted.has(`${enterpriseId}\u0000${id}`));
    if (free.length < record.inspectorsPerEnterprise) short.push(enterpriseId);
    inspectorsFor.set(enterpriseId, free);
  }
  if (short.length > 0) {
    throw new EnforcementError('enforcement.draw_inspectors_unavailable', {
      enterpriseId: short[0],
      enterpriseIds: short,
      required: record.inspectorsPerEnterprise,
      available: inspectorsFor.get(short[0]!)?.length,
    });
  }
  return { enterprises, inspectorsFor };
}
