import { z } from 'zod';

/**
 * Security labels on records (等保 2.0 level 3, GB/T 22239-2019 8.1.4.2g; docs/decisions/0005).
 * A record carries one label; a role has a clearance, the highest label its holders may read. A
 * label is checked in addition to the permissions and the data scope, never instead of them.
 * The order matters: each label reads everything below it.
 */
export const securityLabels = ['public', 'internal', 'sensitive', 'whistle_identity'] as const;
export type SecurityLabel = (typeof securityLabels)[number];

export const securityLabelSchema = z
  .enum(securityLabels)
  .describe('Security label: public 公开 < internal 内部 < sensitive 敏感 < whistle_identity 举报身份');

export const securityLabelNames: Readonly<Record<SecurityLabel, { zh: string; en: string }>> = {
  public: { zh: '公开', en: 'Public' },
  internal: { zh: '内部', en: 'Internal' },
  sensitive: { zh: '敏感', en: 'Sensitive' },
  whistle_identity: { zh: '举报身份', en: 'Reporter identity' },
};

/** A custom role's clearance when none is given. */
export const defaultClearance: SecurityLabel = 'internal';

export function labelRank(label: SecurityLabel): number {
  return securityLabels.indexOf(label);
}

/** Whether a holder of `clearance` may read a record labelled `label`. */
export function mayRead(clearance: SecurityLabel, label: SecurityLabel): boolean {
  return labelRank(label) <= labelRank(clearance);
}

/** The labels a clearance reads, lowest first (what the repositories put in their SQL). */
export function readableLabels(clearance: SecurityLabel): SecurityLabel[] {
  return securityLabels.filter((label) => mayRead(clearance, label));
}

/** An account's clearance: the highest of its roles'; no role reads only public records. */
export function clearanceOf(roleClearances: readonly SecurityLabel[]): SecurityLabel {
  return roleClearances.reduce<SecurityLabel>(
    (highest, clearance) => (labelRank(clearance) > labelRank(highest) ? clearance : highest),
    'public',
  );
}

/**
 * 举报身份 is the identity of a real-name reporter: only a role that holds `whistle:identity` (the
 * custodian) may be cleared for it, so a security administrator cannot open the identity vault by
 * raising a business role's clearance.
 */
export function clearanceFitsPermissions(clearance: SecurityLabel, permissions: readonly string[]): boolean {
  return clearance !== 'whistle_identity' || permissions.includes('whistle:identity');
}

/** The record kinds that carry a label, and the label a new one gets (decision 0005). */
export const labelledRecordKinds = ['hazard', 'enforcement_case', 'incident', 'whistle_report'] as const;
export type LabelledRecordKind = (typeof labelledRecordKinds)[number];

export const defaultLabelOf: Readonly<Record<LabelledRecordKind, RecordLabel>> = {
  hazard: 'internal',
  enforcement_case: 'internal',
  incident: 'internal',
  whistle_report: 'sensitive',
};

/**
 * The labels a record may be given: 举报身份 belongs to a real-name reporter's identity (kept apart
 * in the identity vault), not to whole records.
 */
export const recordLabels = ['public', 'internal', 'sensitive'] as const satisfies readonly SecurityLabel[];
export const recordLabelSchema = z
  .enum(recordLabels)
  .describe('Security label of the record: public 公开, internal 内部 or sensitive 敏感');
export type RecordLabel = (typeof recordLabels)[number];

/** The label of a real-name reporter's identity. */
export const whistleIdentityLabel: SecurityLabel = 'whistle_identity';
