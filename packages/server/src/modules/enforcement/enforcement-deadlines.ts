import type { Deadline } from '@anjian/domain';

/** A statutory deadline as the case page shows it. */
export const deadlineView = (d: Deadline) => ({
  kind: d.kind,
  countsFrom: d.countsFrom,
  dueDate: d.dueDate,
  endsAt: d.endsAt.toISOString(),
  overdue: d.overdue,
  provisional: d.provisional,
  basisZh: d.limit.basisZh,
  basisEn: d.limit.basisEn,
  verification: d.limit.verification,
});
