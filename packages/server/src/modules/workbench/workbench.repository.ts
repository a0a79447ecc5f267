import { WORKBENCH_TREND_DAYS, type DataScope, type WorkbenchFigure, type Workbench } from '@anjian/domain';
import type { Db } from '../../platform/db.ts';
import { labelCondition, scopeCondition, type ReaderScope } from '../../platform/scope-sql.ts';

/**
 * The scope condition of a figure's table; on a labelled table (hidden hazards, incidents) also the
 * caller's clearance (decision 0005), as the list behind the figure applies it.
 */
function scoped(scope: ReaderScope, enterprise: string, params: unknown[], labelled = false): string {
  const inScope = scopeCondition(scope, { county: 'county', enterprise }, params);
  return labelled ? `${inScope} AND ${labelCondition(scope, 'security_label', params)}` : inScope;
}

/** The Beijing calendar date of a timestamptz column, in SQL. */
const beijingDay = (column: string) => `((${column} AT TIME ZONE 'UTC') + interval '8 hours')::date`;

interface FigureSpec {
  table: string;
  /** Column holding the owning enterprise (`id` for the enterprises table itself). */
  enterprise: string;
  /** What the total counts, beside the scope. */
  current: string;
  /** The timestamp a record is counted on in the trend. */
  at: string;
  /** The table carries a security label (decision 0005). */
  labelled?: boolean;
}

const figureSpecs = {
  enterprises: {
    table: 'enterprise_directory',
    enterprise: 'id',
    current: "status <> 'closed'",
    at: 'created_at',
  },
  openHazards: {
    table: 'hidden_hazards',
    enterprise: 'enterprise_id',
    current: "status IN ('reported', 'rectifying', 'pending_acceptance')",
    at: 'reported_at',
    labelled: true,
  },
  activeAlarms: {
    table: 'alarms',
    enterprise: 'enterprise_id',
    current: "status IN ('firing', 'acknowledged', 'handling')",
    at: 'raised_at',
  },
  inspectionsCompleted: {
    table: 'enforcement_inspections',
    enterprise: 'enterprise_id',
    current: "status = 'completed' AND completed_at IS NOT NULL",
    at: 'completed_at',
  },
  openIncidents: {
    table: 'incidents',
    enterprise: 'enterprise_id',
    current: "status = 'open'",
    at: 'occurred_at',
    labelled: true,
  },
} as const satisfies Record<keyof Workbench['figures'], FigureSpec>;

export type WorkbenchFigureName = keyof typeof figureSpecs;

/** The kind of party the caller acts as on hidden hazards (hidden-hazard-parties.ts). */
function actorKind(scope: DataScope): 'enterprise' | 'county' | 'city' {
  return scope.kind;
}

/**
 * One query per figure, each scoped in SQL with the same condition the lists use, so a number on
 * the workbench is the number of rows the list behind it shows.
 */
export function createWorkbenchRepository(db: Db) {
  async function count(sql: string, params: unknown[]): Promise<number> {
    const result = await db.query<{ count: number }>(sql, params);
    return result.rows[0]?.count ?? 0;
  }

  return {
    async figure(name: WorkbenchFigureName, scope: DataScope, today: string): Promise<WorkbenchFigure> {
      const spec: FigureSpec = figureSpecs[name];
      const params: unknown[] = [today];
      const where = scoped(scope, spec.enterprise, params, spec.labelled);
      const result = await db.query<{ total: number; trend: number[] }>(
        `WITH days AS (
           SELECT d::date AS day FROM generate_series($1::date - ${WORKBENCH_TREND_DAYS - 1}, $1::date, interval '1 day') AS d
         ), recent AS (
           SELECT ${beijingDay(spec.at)} AS day FROM ${spec.table}
            WHERE ${where} AND ${spec.at} >= ($1::date - ${WORKBENCH_TREND_DAYS - 1})::timestamp - interval '8 hours'
         )
         SELECT (SELECT count(*)::int FROM ${spec.table} WHERE ${where} AND ${spec.current}) AS total,
                ARRAY(SELECT count(recent.day)::int FROM days LEFT JOIN recent ON recent.day = days.day
                       GROUP BY days.day ORDER BY days.day) AS trend`,
        params,
      );
      const row = result.rows[0]!;
      return { total: row.total, trend: row.trend };
    },

    /** Whether the caller's scope holds demo (演示) enterprises, so the figures are labelled. */
    async includesDemo(scope: DataScope): Promise<boolean> {
      const params: unknown[] = [];
      const where = scopeCondition(scope, { county: 'county', enterprise: 'id' }, params);
      const result = await db.query<{ demo: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM enterprise_directory WHERE demo AND ${where}) AS demo`,
        params,
      );
      return result.rows[0]!.demo;
    },

    /** Open hazards whose next step is the caller's (hidden-hazard-parties.ts). */
    hazardsAwaitingMe(scope: DataScope): Promise<number> {
      const params: unknown[] = [];
      const where = scoped(scope, 'enterprise_id', params, true);
      if (actorKind(scope) === 'enterprise') {
        // The enterprise plans and rectifies; it accepts the 一般 hazards it found itself.
        return count(
          `SELECT count(*)::int AS count FROM hidden_hazards WHERE ${where}
              AND (status IN ('reported', 'rectifying')
                   OR (status = 'pending_acceptance' AND level = 'general'
                       AND source NOT IN ('inspection', 'public_report')))`,
          params,
        );
      }
      params.push(actorKind(scope));
      // The government accepts 重大 hazards (the listing level when listed) and those it found.
      return count(
        `SELECT count(*)::int AS count FROM hidden_hazards WHERE ${where} AND status = 'pending_acceptance'
            AND ((level = 'major' AND (supervision_level IS NULL OR supervision_level = $${params.length}))
                 OR (level = 'general' AND source IN ('inspection', 'public_report')))`,
        params,
      );
    },

    overdueRectifications(scope: DataScope, today: string): Promise<number> {
      const params: unknown[] = [today];
      const where = scoped(scope, 'enterprise_id', params, true);
      return count(
        `SELECT count(*)::int AS count FROM hidden_hazards WHERE ${where}
            AND status IN ('reported', 'rectifying') AND deadline < $1::date`,
        params,
      );
    },

    alarmsAwaitingAck(scope: DataScope): Promise<number> {
      const params: unknown[] = [];
      const where = scopeCondition(scope, { county: 'county', enterprise: 'enterprise_id' }, params);
      return count(`SELECT count(*)::int AS count FROM alarms WHERE ${where} AND status = 'firing'`, params);
    },

    /**
     * Open incidents whose report at the caller's level (国务院令第493号 Arts. 9–10) is not yet
     * marked sent: the unit's to the county, the county's to the city; the city waits on the
     * county's reports of the incidents in its area.
     */
    reportsDue(scope: DataScope): Promise<number> {
      const params: unknown[] = [];
      const where = scoped(scope, 'enterprise_id', params, true);
      const step = scope.kind === 'enterprise' ? 'unit_to_county' : 'county_to_city';
      params.push(step);
      return count(
        `SELECT count(*)::int AS count FROM incidents WHERE ${where} AND status = 'open'
            AND NOT (reports_sent ? $${params.length})`,
        params,
      );
    },

    /** Planned or started inspections that name the caller among their inspectors. */
    inspectionsAssigned(scope: DataScope, userId: string): Promise<number> {
      const params: unknown[] = [userId];
      const where = scopeCondition(scope, { county: 'county', enterprise: 'enterprise_id' }, params);
      return count(
        `SELECT count(*)::int AS count FROM enforcement_inspections
          WHERE ${where} AND status IN ('planned', 'in_progress')
            AND inspector_ids && ARRAY(SELECT id FROM enforcement_inspectors WHERE user_id = $1::uuid)`,
        params,
      );
    },

    async notifications(userId: string): Promise<Workbench['notifications']> {
      const unread = await count(
        'SELECT count(*)::int AS count FROM notifications WHERE user_id = $1 AND read_at IS NULL',
        [userId],
      );
      const rows = await db.query<{
        id: string;
        title_zh: string;
        title_en: string;
        link: string | null;
        created_at: Date;
        read_at: Date | null;
      }>(
        `SELECT id, title_zh, title_en, link, created_at, read_at FROM notifications
          WHERE user_id = $1 ORDER BY created_at DESC, id LIMIT 5`,
        [userId],
      );
      return {
        unread,
        recent: rows.rows.map((row) => ({
          id: row.id,
          titleZh: row.title_zh,
          titleEn: row.title_en,
          link: row.link,
          createdAt: row.created_at.toISOString(),
          read: row.read_at !== null,
        })),
      };
    },
  };
}

export type WorkbenchRepository = ReturnType<typeof createWorkbenchRepository>;
