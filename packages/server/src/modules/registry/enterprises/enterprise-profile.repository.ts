import { creditListedStatuses, type EnterpriseProfile, type Permission } from '@anjian/domain';
import type { Db } from '../../../platform/db.ts';
import { labelCondition, type ReaderScope } from '../../../platform/scope-sql.ts';

/** Each section of 一企一档: the permission that reads it and the count over its own table. */
const sections = {
  riskUnits: ['risk:read', 'SELECT count(*) FROM risk_units WHERE enterprise_id = $1'],
  hazards: ['hazard:read', 'SELECT count(*) FROM hidden_hazards WHERE enterprise_id = $1'],
  checkTasks: ['hazard:read', 'SELECT count(*) FROM check_tasks WHERE enterprise_id = $1'],
  inspections: ['enforcement:read', 'SELECT count(*) FROM enforcement_inspections WHERE enterprise_id = $1'],
  documents: ['enforcement:read', 'SELECT count(*) FROM enforcement_documents d WHERE d.enterprise_id = $1'],
  cases: ['enforcement:read', 'SELECT count(*) FROM enforcement_cases WHERE enterprise_id = $1'],
  creditListings: ['enforcement:read', 'SELECT count(*) FROM credit_listings WHERE enterprise_id = $1'],
  monitoringPoints: ['monitoring:read', 'SELECT count(*) FROM monitoring_points WHERE enterprise_id = $1'],
  alarms: ['monitoring:read', 'SELECT count(*) FROM alarms WHERE enterprise_id = $1'],
  majorHazardUnits: [
    'registry:read',
    'SELECT count(*) FROM major_hazard_units WHERE enterprise_id = $1 AND retired_at IS NULL',
  ],
  incidents: ['emergency:read', 'SELECT count(*) FROM incidents WHERE enterprise_id = $1'],
  // 举报核查: verified 属实 / 部分属实, a duplicate once (as its original); the caller's counties and
  // clearance are added below, as the whistleblowing module's own list applies them.
  whistleReports: [
    'whistle:handle',
    `SELECT count(*) FROM whistle_reports r WHERE r.enterprise_id = $1 AND r.outcome IN ('true', 'partly_true')
        AND r.verified_on IS NOT NULL AND r.duplicate_of IS NULL`,
  ],
  licences: ['registry:read', 'SELECT count(*) FROM enterprise_licences WHERE enterprise_id = $1'],
  history: ['registry:read', 'SELECT count(*) FROM enterprise_history WHERE enterprise_id = $1'],
} as const satisfies Record<keyof EnterpriseProfile['counts'], readonly [Permission, string]>;

const extras = {
  openHazards: [
    'hazard:read',
    "SELECT count(*) FROM hidden_hazards WHERE enterprise_id = $1 AND status IN ('reported', 'rectifying', 'pending_acceptance')",
  ],
  activeAlarms: [
    'monitoring:read',
    "SELECT count(*) FROM alarms WHERE enterprise_id = $1 AND status IN ('firing', 'acknowledged', 'handling')",
  ],
  riskLevel: [
    'risk:read',
    'SELECT min(p.level) FROM risk_points p JOIN risk_units u ON u.id = p.unit_id WHERE u.enterprise_id = $1',
  ],
  creditListed: [
    'enforcement:read',
    'SELECT count(*) > 0 FROM credit_listings WHERE enterprise_id = $1 AND status = ANY ($2::text[])',
  ],
} as const satisfies Record<string, readonly [Permission, string]>;

/** The whistleblowing module's scope on a report: its handling county, then the caller's clearance. */
function whistleScope(scope: ReaderScope, params: unknown[]): string {
  const label = labelCondition(scope, 'r.security_label', params);
  if (scope.kind !== 'county') return label;
  params.push(scope.counties);
  return `coalesce(r.assigned_county, r.county) = ANY ($${params.length}::text[]) AND ${label}`;
}

/** A 文书 carries the label of the case behind it (the enforcement module's documents list). */
function documentScope(scope: ReaderScope, params: unknown[]): string {
  const label = labelCondition(scope, 'c.security_label', params);
  return `NOT EXISTS (SELECT 1 FROM enforcement_cases c
    WHERE (c.id = d.case_id OR (d.case_id IS NULL AND c.inspection_id = d.inspection_id)) AND NOT ${label})`;
}

/**
 * The counts of an enterprise's file in one SQL statement of sub-selects (each over its own
 * table, by enterprise). The caller has already been shown the enterprise, so its records are
 * in scope; sections the caller may not read are left out of the statement and answer null.
 */
export function createEnterpriseProfileRepository(db: Db) {
  return {
    async profile(
      enterpriseId: string,
      may: (permission: Permission) => boolean,
      options: { incidentsVisible: boolean; scope: ReaderScope },
    ): Promise<EnterpriseProfile> {
      const params: unknown[] = [enterpriseId];
      if (may('enforcement:read')) params.push(creditListedStatuses);
      // Incidents and reports are the bureau's records: an enterprise account sees none of them.
      const bureauOnly = new Set(['incidents', 'whistleReports']);
      // Labelled records (decision 0005) are counted as their lists show them: within the clearance.
      const labelled = new Set(['hazards', 'cases', 'incidents', 'openHazards']);
      const visible = (key: string, permission: Permission) =>
        may(permission) && (!bureauOnly.has(key) || options.incidentsVisible);
      const selected = (entries: [string, readonly [Permission, string]][]) =>
        entries.map(([key, [permission, sql]]) =>
          !visible(key, permission)
            ? `NULL::int AS "${key}"`
            : key === 'whistleReports'
              ? `(${sql} AND ${whistleScope(options.scope, params)})::int AS "${key}"`
              : key === 'documents'
                ? `(${sql} AND ${documentScope(options.scope, params)})::int AS "${key}"`
                : labelled.has(key)
                  ? `(${sql} AND ${labelCondition(options.scope, 'security_label', params)})::int AS "${key}"`
                  : `(${sql})::int AS "${key}"`,
        );
      const columns = [
        ...selected(Object.entries(sections)),
        ...selected(Object.entries(extras).filter(([key]) => key !== 'creditListed')),
        may('enforcement:read')
          ? `(${extras.creditListed[1]}) AS "creditListed"`
          : 'NULL::boolean AS "creditListed"',
        may('risk:read')
          ? `(SELECT row_to_json(g) FROM (SELECT score::text AS score, level, graded_at AS "gradedAt"
               FROM enterprise_gradings WHERE enterprise_id = $1 ORDER BY graded_at DESC LIMIT 1) g) AS grading`
          : 'NULL::json AS grading',
      ];
      const result = await db.query<
        Record<string, number | null> & {
          creditListed: boolean | null;
          grading: { score: string; level: number; gradedAt: string } | null;
        }
      >(`SELECT ${columns.join(',\n')}`, params);
      const row = result.rows[0]!;
      return {
        enterpriseId,
        counts: Object.fromEntries(
          Object.keys(sections).map((key) => [key, row[key] ?? null]),
        ) as EnterpriseProfile['counts'],
        openHazards: row.openHazards ?? null,
        activeAlarms: row.activeAlarms ?? null,
        riskLevel: row.riskLevel ?? null,
        grading: row.grading
          ? {
              score: row.grading.score,
              level: row.grading.level,
              gradedAt: new Date(row.grading.gradedAt).toISOString(),
            }
          : null,
        creditListed: row.creditListed ?? null,
      };
    },
  };
}

export type EnterpriseProfileRepository = ReturnType<typeof createEnterpriseProfileRepository>;
