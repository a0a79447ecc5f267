import { defaultLabelOf } from '@anjian/domain';
import type {
  AccidentFigures,
  AccidentLevel,
  AccidentSector,
  CasualtyChange,
  DataScope,
  IncidentReport,
  IncidentStatistics,
  RecordLabel,
} from '@anjian/domain';
import type { Db, Queryable } from '../../platform/db.ts';
import { labelCondition, scopeCondition, type ReaderScope } from '../../platform/scope-sql.ts';

export interface IncidentRecord {
  id: string;
  occurredAt: Date;
  notifiedAt: Date;
  county: string;
  enterpriseId: string | null;
  enterpriseName: string | null;
  location: string;
  position: { lon: number; lat: number } | null;
  accidentType: string;
  roadTraffic: boolean;
  original: AccidentFigures;
  changes: CasualtyChange[];
  missing: number;
  description: string;
  reporter: string;
  reportsSent: Record<string, string>;
  status: 'open' | 'closed';
  securityLabel: RecordLabel;
  statistics: IncidentStatisticsRecord;
  tasks: {
    id: string;
    resourceId: string;
    resourceName: string;
    status: string;
    note: string | null;
    updatedAt: string;
  }[];
  events: { at: string; actor: string; kind: string; text: string }[];
}

export interface IncidentStatisticsRecord {
  sector: AccidentSector | null;
  industryCode: string | null;
  township: string | null;
  countsAsProduction: boolean;
  reviewedBy: string | null;
  reason: string | null;
  reviewedAt: Date | null;
}

/** The counted figures the statistics read (stat_* columns), kept on every report and follow-up. */
export interface CountedFigures {
  deaths: number;
  seriousInjuries: number;
  directLossWan: string;
  level: AccidentLevel;
}

interface Row {
  id: string;
  occurred_at: Date;
  /** NULL: told at the accident time (rows written without it). */
  notified_at: Date | null;
  county: string;
  enterprise_id: string | null;
  enterprise_name: string | null;
  location: string;
  lon: number | null;
  lat: number | null;
  accident_type: string;
  road_traffic: boolean;
  original: AccidentFigures;
  changes: { at: string; deaths?: number; seriousInjuries?: number }[];
  missing: number;
  description: string;
  reporter: string;
  reports_sent: Record<string, string>;
  status: 'open' | 'closed';
  security_label: RecordLabel;
  sector: AccidentSector | null;
  industry_code: string | null;
  township: string | null;
  counts_as_production: boolean;
  reviewer_name: string | null;
  count_reason: string | null;
  count_reviewed_at: Date | null;
  tasks: IncidentRecord['tasks'] | null;
  events: IncidentRecord['events'] | null;
}

function toRecord(row: Row): IncidentRecord {
  return {
    id: row.id,
    occurredAt: row.occurred_at,
    notifiedAt: row.notified_at ?? row.occurred_at,
    county: row.county,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
    location: row.location,
    position: row.lon === null || row.lat === null ? null : { lon: row.lon, lat: row.lat },
    accidentType: row.accident_type,
    roadTraffic: row.road_traffic,
    original: row.original,
    changes: row.changes.map((c) => ({ ...c, at: new Date(c.at) })),
    missing: row.missing,
    description: row.description,
    reporter: row.reporter,
    reportsSent: row.reports_sent,
    status: row.status,
    securityLabel: row.security_label,
    statistics: {
      sector: row.sector,
      industryCode: row.industry_code,
      township: row.township,
      countsAsProduction: row.counts_as_production,
      reviewedBy: row.reviewer_name,
      reason: row.count_reason,
      reviewedAt: row.count_reviewed_at,
    },
    tasks: row.tasks ?? [],
    events: row.events ?? [],
  };
}

const SELECT = `
  SELECT i.*, e.name AS enterprise_name,
    (SELECT coalesce(u.display_name, u.username) FROM users u WHERE u.id = i.count_reviewed_by) AS reviewer_name,
    (SELECT json_agg(json_build_object('id', t.id, 'resourceId', t.resource_id, 'resourceName', r.name, 'status', t.status,
                                       'note', t.note, 'updatedAt', t.updated_at) ORDER BY t.created_at)
       FROM dispatch_tasks t JOIN emergency_resources r ON r.id = t.resource_id WHERE t.incident_id = i.id) AS tasks,
    (SELECT json_agg(json_build_object('at', v.at, 'actor', v.actor, 'kind', v.kind, 'text', v.text)
                     ORDER BY v.at, v.seq, v.written)
       FROM (-- Events store the login of their author; the timeline shows the person's name.
             SELECT e.at,
                    -- 'system' stays a code: the page names it in the reader's language.
                    CASE WHEN e.actor = 'system' THEN e.actor ELSE coalesce(u.display_name, e.actor) END AS actor, e.kind, e.text, e.id AS seq, e.at AS written
               FROM incident_events e LEFT JOIN users u ON lower(u.username) = lower(e.actor)
              WHERE e.incident_id = i.id
             -- Duty-log entries about the incident belong on its timeline too, under their author.
             UNION ALL
             SELECT l.at, l.author, 'duty_log', l.text, NULL, l.created_at
               FROM duty_log l WHERE l.incident_id = i.id) v) AS events
  FROM incidents i LEFT JOIN enterprise_directory e ON e.id = i.enterprise_id`;

/**
 * What the accident list filters on in SQL. A label above the caller's clearance simply matches
 * nothing: `visible` has left those rows out already, so the answer reveals nothing (decision 0005).
 */
export interface IncidentListFilter {
  status?: 'open' | 'closed' | undefined;
  enterpriseId?: string | undefined;
  securityLabel?: RecordLabel | undefined;
  /** The Beijing calendar day the accident happened on (YYYY-MM-DD). */
  occurredOn?: string | undefined;
}

/** The scope filter: the caller's counties and, on top of them, the security label (decision 0005). */
const visible = (scope: ReaderScope, params: unknown[]) =>
  scope.kind === 'enterprise'
    ? 'FALSE'
    : `${scopeCondition(scope, { county: 'i.county', enterprise: 'NULL' }, params)} AND ${labelCondition(scope, 'i.security_label', params)}`;

export function createIncidentsRepository(db: Db) {
  return {
    async list(scope: DataScope, filter: IncidentListFilter = {}): Promise<IncidentRecord[]> {
      const params: unknown[] = [];
      const conditions = [visible(scope, params)];
      for (const [column, value] of [
        ['i.status', filter.status],
        ['i.enterprise_id', filter.enterpriseId],
        ['i.security_label', filter.securityLabel],
      ] as const) {
        if (value === undefined) continue;
        params.push(value);
        conditions.push(`${column} = $${params.length}`);
      }
      if (filter.occurredOn !== undefined) {
        params.push(filter.occurredOn);
        conditions.push(`(i.occurred_at AT TIME ZONE 'Asia/Shanghai')::date = $${params.length}::date`);
      }
      const rows = await db.query<Row>(
        `${SELECT} WHERE ${conditions.join(' AND ')} ORDER BY i.occurred_at DESC LIMIT 200`,
        params,
      );
      return rows.rows.map(toRecord);
    },

    async find(id: string, scope: DataScope, source: Queryable = db): Promise<IncidentRecord | null> {
      const params: unknown[] = [id];
      const rows = await source.query<Row>(`${SELECT} WHERE i.id = $1 AND ${visible(scope, params)}`, params);
      return rows.rows[0] ? toRecord(rows.rows[0]) : null;
    },

    async insert(source: Queryable, report: IncidentReport, createdBy: string, at: Date): Promise<string> {
      const rows = await source.query<{ id: string }>(
        `INSERT INTO incidents (occurred_at, county, enterprise_id, location, lon, lat, accident_type, road_traffic, original, missing,
           description, reporter, created_by, created_at, updated_at, notified_at, security_label)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14, $15, $16) RETURNING id`,
        [
          report.occurredAt,
          report.county,
          report.enterpriseId ?? null,
          report.location,
          report.position?.lon ?? null,
          report.position?.lat ?? null,
          report.accidentType,
          report.roadTraffic,
          JSON.stringify({
            deaths: report.deaths,
            seriousInjuries: report.seriousInjuries,
            directLossWan: report.directLossWan,
          }),
          report.missing,
          report.description,
          report.reporter,
          createdBy,
          at,
          report.notifiedAt ?? report.occurredAt,
          report.securityLabel ?? defaultLabelOf.incident,
        ],
      );
      return rows.rows[0]!.id;
    },

    async update(
      source: Queryable,
      id: string,
      changes: {
        changes?: CasualtyChange[];
        original?: AccidentFigures;
        missing?: number;
        reportsSent?: Record<string, string>;
        status?: string;
      },
      at: Date,
    ): Promise<void> {
      await source.query(
        `UPDATE incidents SET changes = COALESCE($2, changes), original = COALESCE($3, original), missing = COALESCE($4, missing),
           reports_sent = COALESCE($5, reports_sent), status = COALESCE($6, status), updated_at = $7 WHERE id = $1`,
        [
          id,
          changes.changes ? JSON.stringify(changes.changes) : null,
          changes.original ? JSON.stringify(changes.original) : null,
          changes.missing ?? null,
          changes.reportsSent ? JSON.stringify(changes.reportsSent) : null,
          changes.status ?? null,
          at,
        ],
      );
    },

    async setLabel(source: Queryable, id: string, label: RecordLabel, at: Date): Promise<void> {
      await source.query('UPDATE incidents SET security_label = $2, updated_at = $3 WHERE id = $1', [
        id,
        label,
        at,
      ]);
    },

    /** The statistics' copy of the counted figures (later casualties within the window included). */
    async setCounted(source: Queryable, id: string, counted: CountedFigures): Promise<void> {
      await source.query(
        `UPDATE incidents SET stat_deaths = $2, stat_serious_injuries = $3, stat_loss_wan = $4, stat_level = $5 WHERE id = $1`,
        [id, counted.deaths, counted.seriousInjuries, counted.directLossWan, counted.level],
      );
    },

    /** The statistical fields at the first report: sector and industry suggested, township as given. */
    async setStatisticalFields(
      source: Queryable,
      id: string,
      fields: { sector: AccidentSector; industryCode: string | null; township: string | null },
    ): Promise<void> {
      await source.query(
        'UPDATE incidents SET sector = $2, industry_code = $3, township = $4 WHERE id = $1',
        [id, fields.sector, fields.industryCode, fields.township],
      );
    },

    /** A reviewer's decision: whether it counts as a 生产安全事故, why, and its sector. */
    async classify(
      source: Queryable,
      id: string,
      input: IncidentStatistics,
      industryCode: string | null,
      reviewer: string,
      at: Date,
    ): Promise<void> {
      await source.query(
        `UPDATE incidents SET sector = $2, industry_code = $3, township = coalesce($4, township), counts_as_production = $5,
           count_reason = $6, count_reviewed_by = $7, count_reviewed_at = $8, updated_at = $8 WHERE id = $1`,
        [
          id,
          input.sector,
          industryCode,
          input.township ?? null,
          input.countsAsProduction,
          input.reason,
          reviewer,
          at,
        ],
      );
    },

    async event(
      source: Queryable,
      incidentId: string,
      at: Date,
      actor: string,
      kind: string,
      text: string,
    ): Promise<void> {
      await source.query(
        'INSERT INTO incident_events (incident_id, at, actor, kind, text) VALUES ($1, $2, $3, $4, $5)',
        [incidentId, at, actor, kind, text],
      );
    },

    /**
     * The open (not done) task of a resource on an incident, if any. Takes the incident's row lock
     * first, so two dispatches of one resource, from any process, are decided one after the other.
     */
    async openTask(source: Queryable, incidentId: string, resourceId: string): Promise<string | null> {
      await source.query('SELECT 1 FROM incidents WHERE id = $1 FOR UPDATE', [incidentId]);
      const rows = await source.query<{ id: string }>(
        `SELECT id FROM dispatch_tasks WHERE incident_id = $1 AND resource_id = $2 AND status <> 'done' LIMIT 1`,
        [incidentId, resourceId],
      );
      return rows.rows[0]?.id ?? null;
    },

    async insertTask(
      source: Queryable,
      incidentId: string,
      resourceId: string,
      note: string | null,
      at: Date,
    ): Promise<string> {
      const rows = await source.query<{ id: string }>(
        `INSERT INTO dispatch_tasks (incident_id, resource_id, status, note, created_at, updated_at) VALUES ($1, $2, 'dispatched', $3, $4, $4) RETURNING id`,
        [incidentId, resourceId, note, at],
      );
      return rows.rows[0]!.id;
    },

    async setTaskStatus(
      source: Queryable,
      incidentId: string,
      taskId: string,
      status: string,
      at: Date,
    ): Promise<string | null> {
      const rows = await source.query<{ name: string }>(
        `UPDATE dispatch_tasks t SET status = $3, updated_at = $4 FROM emergency_resources r
         WHERE t.id = $2 AND t.incident_id = $1 AND r.id = t.resource_id RETURNING r.name`,
        [incidentId, taskId, status, at],
      );
      return rows.rows[0]?.name ?? null;
    },
  };
}

export type IncidentsRepository = ReturnType<typeof createIncidentsRepository>;
