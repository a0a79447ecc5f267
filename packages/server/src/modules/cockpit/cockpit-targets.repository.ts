import type { DataScope, PlanTargetDefinition } from '@anjian/domain';
import type { Db } from '../../platform/db.ts';
import { scopeCondition } from '../../platform/scope-sql.ts';

/** The sites whose monitoring the plan requires online: major hazard sources and tailings ponds. */
const REQUIRED_SITES = "('major_hazard_source', 'tailings_pond')";

/**
 * The figures behind the plan's other targets (plan-targets.ts), read from the tables of the
 * modules that measure them — monitoring, hidden hazards, drills — with the viewer's scope.
 */
export function createCockpitTargetsRepository(db: Db) {
  return {
    /** The active targets as the bureau keeps them (cockpit_plan_targets), in their order. */
    async definitions(): Promise<PlanTargetDefinition[]> {
      const result = await db.query<PlanTargetDefinition>(
        `SELECT code, name_zh AS "nameZh", name_en AS "nameEn", source_zh AS "sourceZh", source_en AS "sourceEn",
                unit, target::float8 AS target, at_risk::float8 AS "atRisk"
           FROM cockpit_plan_targets WHERE active ORDER BY position, code`,
      );
      return result.rows;
    },

    /** Enabled points at the required sites, and those whose last reading is within 3 intervals. */
    async onlinePoints(scope: DataScope, now: Date): Promise<{ online: number; total: number }> {
      const params: unknown[] = [now];
      const where = scopeCondition(scope, { county: 'p.county', enterprise: 'p.enterprise_id' }, params);
      const result = await db.query<{ online: number; total: number }>(
        `SELECT count(*)::int AS total,
                count(*) FILTER (WHERE s.last_ts >= $1::timestamptz - 3 * p.expected_interval_seconds * interval '1 second')::int AS online
           FROM monitoring_points p
           JOIN regulated_objects o ON o.id = p.object_id
           LEFT JOIN point_alarm_states s ON s.point_id = p.id
          WHERE ${where} AND p.disabled_at IS NULL AND o.kind IN ${REQUIRED_SITES}`,
        params,
      );
      return result.rows[0]!;
    },

    /** Open 重大 hidden hazards, and those past their deadline (a Beijing date before `today`). */
    async majorHazards(scope: DataScope, today: string): Promise<{ open: number; overdue: number }> {
      const params: unknown[] = [today];
      const where = scopeCondition(scope, { county: 'county', enterprise: 'enterprise_id' }, params);
      const result = await db.query<{ open: number; overdue: number }>(
        `SELECT count(*)::int AS open, count(*) FILTER (WHERE deadline < $1::date)::int AS overdue
           FROM hidden_hazards
          WHERE ${where} AND level = 'major' AND status IN ('reported', 'rectifying', 'pending_acceptance')`,
        params,
      );
      return result.rows[0]!;
    },

    /** Drills held from 1 January to `today` (Beijing dates); drills belong to counties, not enterprises. */
    async drillsHeld(scope: DataScope, today: string): Promise<number | null> {
      if (scope.kind === 'enterprise') return null;
      const params: unknown[] = [`${today.slice(0, 4)}-01-01`, today];
      const where = scopeCondition(scope, { county: 'county', enterprise: 'NULL' }, params);
      const result = await db.query<{ count: number }>(
        `SELECT count(*)::int AS count FROM drills
          WHERE ${where} AND status = 'held' AND held_on BETWEEN $1::date AND $2::date`,
        params,
      );
      return result.rows[0]!.count;
    },
  };
}

export type CockpitTargetsRepository = ReturnType<typeof createCockpitTargetsRepository>;
