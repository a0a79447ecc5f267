import { auditActionLabel, type AuditTargetKind } from '@anjian/domain';
import type { Db } from '../../platform/db.ts';

type Language = 'zh-CN' | 'en';

/**
 * How each kind of target is named in words: one query per kind present on the page, by id.
 * Reading the names at read time keeps the hash chain as written and follows later renames.
 */
const lookups: Record<AuditTargetKind, (lang: Language) => string> = {
  enterprise: () => 'SELECT id::text AS key, name AS label FROM enterprises WHERE id = ANY ($1::uuid[])',
  user: () =>
    "SELECT id::text AS key, display_name || '（' || username || '）' AS label FROM users WHERE id = ANY ($1::uuid[])",
  role: (lang) =>
    `SELECT code AS key, ${lang === 'en' ? 'name_en' : 'name_zh'} AS label FROM roles WHERE code = ANY ($1::text[])`,
  hazard: () =>
    `SELECT h.id::text AS key, e.name || '：' || left(h.description, 40) AS label
       FROM hidden_hazards h JOIN enterprises e ON e.id = h.enterprise_id WHERE h.id = ANY ($1::uuid[])`,
  object: () => 'SELECT id::text AS key, name AS label FROM regulated_objects WHERE id = ANY ($1::uuid[])',
  incident: () =>
    `SELECT id::text AS key, to_char((occurred_at AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM-DD HH24:MI')
            || ' ' || location AS label FROM incidents WHERE id = ANY ($1::uuid[])`,
  riskUnit: () =>
    `SELECT u.id::text AS key, e.name || '：' || u.name AS label
       FROM risk_units u JOIN enterprises e ON e.id = u.enterprise_id WHERE u.id = ANY ($1::uuid[])`,
  riskPoint: () => 'SELECT id::text AS key, name AS label FROM risk_points WHERE id = ANY ($1::uuid[])',
  monitoringPoint: () =>
    "SELECT id::text AS key, name || '（' || code || '）' AS label FROM monitoring_points WHERE id = ANY ($1::uuid[])",
  majorHazardUnit: () =>
    `SELECT u.id::text AS key, e.name || '：' || u.name AS label
       FROM major_hazard_units u JOIN enterprises e ON e.id = u.enterprise_id WHERE u.id = ANY ($1::uuid[])`,
  enforcementCase: () =>
    "SELECT id::text AS key, party_name || '：' || left(summary, 40) AS label FROM enforcement_cases WHERE id = ANY ($1::uuid[])",
  inspection: () =>
    `SELECT i.id::text AS key, e.name AS label
       FROM enforcement_inspections i JOIN enterprises e ON e.id = i.enterprise_id WHERE i.id = ANY ($1::uuid[])`,
  resource: () =>
    'SELECT id::text AS key, name AS label FROM emergency_resources WHERE id = ANY ($1::uuid[])',
  division: (lang) =>
    `SELECT code AS key, ${lang === 'en' ? 'coalesce(name_en, name_zh)' : 'name_zh'} AS label FROM divisions WHERE code = ANY ($1::text[])`,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const textKeyed: ReadonlySet<AuditTargetKind> = new Set(['role', 'division']);

/** The target of each entry in words, or null where the action names no record or it is gone. */
export async function auditTargetLabels(
  db: Db,
  entries: readonly { action: string; target: string | null }[],
  lang: Language,
): Promise<(string | null)[]> {
  const wanted = new Map<AuditTargetKind, Set<string>>();
  const kinds = entries.map((entry) => {
    const kind = auditActionLabel(entry.action).target;
    if (!kind || !entry.target || (!textKeyed.has(kind) && !UUID.test(entry.target))) return null;
    if (!wanted.has(kind)) wanted.set(kind, new Set());
    wanted.get(kind)!.add(entry.target);
    return kind;
  });
  const found = new Map<string, string>();
  for (const [kind, keys] of wanted) {
    const rows = await db.query<{ key: string; label: string }>(lookups[kind](lang), [[...keys]]);
    for (const row of rows.rows) found.set(`${kind}\u0000${row.key}`, row.label);
  }
  return entries.map((entry, i) => {
    const kind = kinds[i];
    return kind ? (found.get(`${kind}\u0000${entry.target}`) ?? null) : null;
  });
}
