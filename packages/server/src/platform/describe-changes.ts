/**
 * The audit detail of a settings change: "targetChange -0.15 → -0.2; baselineTo 2020 → 2021" over the
 * given fields, in their order, or "unchanged" when none differs.
 */
export function describeChanges<T extends object>(
  before: T,
  after: Partial<T>,
  fields: readonly (keyof T & string)[],
): string {
  const changes = fields
    .filter((field) => before[field] !== after[field])
    .map((field) => `${field} ${String(before[field])} → ${String(after[field])}`);
  return changes.length ? changes.join('; ') : 'unchanged';
}
