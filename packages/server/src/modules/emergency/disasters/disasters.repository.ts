import {
  normaliseDecimal,
  type DataScope,
  type DisasterFigures,
  type DisasterReport,
  type DisasterReportStage,
} from '@anjian/domain';
import type { Db, Queryable } from '../../../platform/db.ts';
import { conditionsOf, containing, countyVisible } from '../emergency-scope.ts';

/** A disaster event as stored (figures come from its reports). */
export interface DisasterEventRecord {
  id: string;
  kind: string;
  name: string;
  county: string;
  occurredAt: string;
  description: string;
  townships: string[];
  stabilisedAt: string | null;
  createdBy: string;
  demo: boolean;
}

interface EventRow {
  id: string;
  kind: string;
  name: string;
  county: string;
  occurred_at: Date;
  description: string;
  townships: string[];
  stabilised_at: Date | null;
  created_by: string;
  demo: boolean;
}

interface ReportRow {
  id: string;
  event_id: string;
  township: string;
  stage: DisasterReportStage;
  reported_at: Date;
  recorded_at: Date;
  reporter: string;
  recorded_by: string;
  affected: number;
  relocated: number;
  needing_aid: number;
  deaths: number;
  missing: number;
  houses_collapsed: number;
  houses_severely_damaged: number;
  houses_damaged: number;
  crops_hectares: string;
  direct_loss_wan: string;
  note: string | null;
}

const toEvent = (row: EventRow): DisasterEventRecord => ({
  id: row.id,
  kind: row.kind,
  name: row.name,
  county: row.county,
  occurredAt: row.occurred_at.toISOString(),
  description: row.description,
  townships: row.townships,
  stabilisedAt: row.stabilised_at?.toISOString() ?? null,
  createdBy: row.created_by,
  demo: row.demo,
});

const toReport = (row: ReportRow): DisasterReport & { eventId: string } => ({
  id: row.id,
  eventId: row.event_id,
  township: row.township,
  stage: row.stage,
  reportedAt: row.reported_at.toISOString(),
  recordedAt: row.recorded_at.toISOString(),
  reporter: row.reporter,
  recordedBy: row.recorded_by,
  figures: {
    affected: row.affected,
    relocated: row.relocated,
    needingAid: row.needing_aid,
    deaths: row.deaths,
    missing: row.missing,
    housesCollapsed: row.houses_collapsed,
    housesSeverelyDamaged: row.houses_severely_damaged,
    housesDamaged: row.houses_damaged,
    cropsHectares: normaliseDecimal(row.crops_hectares),
    directLossWan: normaliseDecimal(row.direct_loss_wan),
  },
  note: row.note,
});

const EVENT_COLUMNS = `e.id, e.kind, e.name, e.county, e.occurred_at, e.description, e.townships, e.stabilised_at,
  e.created_by, e.demo`;
const REPORT_COLUMNS = `r.id, r.event_id, r.township, r.stage, r.reported_at, r.recorded_at, r.reporter, r.recorded_by,
  r.affected, r.relocated, r.needing_aid, r.deaths, r.missing, r.houses_collapsed, r.houses_severely_damaged,
  r.houses_damaged, r.crops_hectares::text AS crops_hectares, r.direct_loss_wan::text AS direct_loss_wan, r.note`;

export interface NewDisasterEvent {
  kind: string;
  name: string;
  county: string;
  occurredAt: string;
  description: string;
  townships: string[];
  createdBy: string;
  demo: boolean;
}

export interface NewDisasterReport {
  township: string;
  stage: DisasterReportStage;
  reportedAt: string;
  reporter: string;
  recordedBy: string;
  figures: DisasterFigures;
  note: string | null;
}

export function createDisastersRepository(db: Db) {
  return {
    async list(
      scope: DataScope,
      filter: { county?: string | undefined; kind?: string | undefined; q?: string | undefined },
    ): Promise<DisasterEventRecord[]> {
      const where = conditionsOf(scope, 'e.county');
      if (filter.county) where.add((n) => `e.county = $${n}`, filter.county);
      if (filter.kind) where.add((n) => `e.kind = $${n}`, filter.kind);
      if (filter.q) where.add((n) => `e.name ILIKE $${n}`, containing(filter.q));
      const { rows } = await db.query<EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM disaster_events e WHERE ${where.where()} ORDER BY e.occurred_at DESC, e.id LIMIT 500`,
        where.params,
      );
      return rows.map(toEvent);
    },

    async find(
      id: string,
      scope: DataScope,
      q: Queryable = db,
      lock = false,
    ): Promise<DisasterEventRecord | null> {
      const params: unknown[] = [id];
      const visible = countyVisible(scope, 'e.county', params);
      const { rows } = await q.query<EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM disaster_events e WHERE e.id = $1 AND ${visible}${lock ? ' FOR UPDATE' : ''}`,
        params,
      );
      return rows[0] ? toEvent(rows[0]) : null;
    },

    async reportsOf(eventIds: readonly string[], q: Queryable = db) {
      if (eventIds.length === 0) return [];
      const { rows } = await q.query<ReportRow>(
        `SELECT ${REPORT_COLUMNS} FROM disaster_reports r WHERE r.event_id = ANY ($1::uuid[])
         ORDER BY r.reported_at, r.recorded_at, r.id`,
        [eventIds],
      );
      return rows.map(toReport);
    },

    async insertEvent(q: Queryable, event: NewDisasterEvent, at: Date): Promise<string> {
      const { rows } = await q.query<{ id: string }>(
        `INSERT INTO disaster_events (kind, name, county, occurred_at, description, townships, created_by, demo,
           created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id`,
        [
          event.kind,
          event.name,
          event.county,
          event.occurredAt,
          event.description,
          event.townships,
          event.createdBy,
          event.demo,
          at,
        ],
      );
      return rows[0]!.id;
    },

    async insertReport(q: Queryable, eventId: string, report: NewDisasterReport, at: Date): Promise<string> {
      const f = report.figures;
      const { rows } = await q.query<{ id: string }>(
        `INSERT INTO disaster_reports (event_id, township, stage, reported_at, recorded_at, reporter, recorded_by,
           affected, relocated, needing_aid, deaths, missing, houses_collapsed, houses_severely_damaged,
           houses_damaged, crops_hectares, direct_loss_wan, note)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) RETURNING id`,
        [
          eventId,
          report.township,
          report.stage,
          report.reportedAt,
          at,
          report.reporter,
          report.recordedBy,
          f.affected,
          f.relocated,
          f.needingAid,
          f.deaths,
          f.missing,
          f.housesCollapsed,
          f.housesSeverelyDamaged,
          f.housesDamaged,
          f.cropsHectares,
          f.directLossWan,
          report.note,
        ],
      );
      // The township joins the event's affected townships the first time it reports.
      await q.query(
        `UPDATE disaster_events SET townships = CASE WHEN $2 = ANY (townships) THEN townships ELSE townships || $2 END,
           updated_at = $3 WHERE id = $1`,
        [eventId, report.township, at],
      );
      return rows[0]!.id;
    },

    async markStabilised(id: string, at: Date, now: Date): Promise<void> {
      await db.query(`UPDATE disaster_events SET stabilised_at = $2, updated_at = $3 WHERE id = $1`, [
        id,
        at,
        now,
      ]);
    },
  };
}

export type DisastersRepository = ReturnType<typeof createDisastersRepository>;
