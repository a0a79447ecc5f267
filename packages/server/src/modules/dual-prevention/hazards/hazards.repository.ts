import type { HiddenHazardState, Page, RecordLabel } from '@anjian/domain';
import type { Db, Queryable } from '../../../platform/db.ts';
import { labelCondition, scopeCondition, type ReaderScope } from '../../../platform/scope-sql.ts';
import { listPage } from '../../../platform/sql-page.ts';
import { stateFromJson, stateToJson } from './hazard-state-json.ts';

export interface HazardRecord {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  county: string;
  source: string;
  sourceRef: string | null;
  locationText: string;
  lonLat: [number, number] | null;
  description: string;
  category: string;
  photos: string[];
  state: HiddenHazardState;
  reportedBy: string;
  linkedPointIds: string[];
  securityLabel: RecordLabel;
  /** Fired steps of the escalation ladder, oldest first. */
  escalationSteps: FiredEscalationStep[];
}

export interface FiredEscalationStep {
  subject: 'deadline' | 'supervision';
  step: 'reminder' | 'warning' | 'notice' | 'interview';
  deadline: string;
  firedAt: Date;
  status: string;
}

interface HazardRow {
  id: string;
  enterprise_id: string;
  enterprise_name: string;
  county: string;
  source: string;
  source_ref: string | null;
  location_text: string;
  lon: number | null;
  lat: number | null;
  description: string;
  category: string;
  photos: string[];
  state: Record<string, unknown>;
  reported_by: string;
  linked_point_ids: string[];
  security_label: RecordLabel;
  escalation_steps: { subject: string; step: string; deadline: string; fired_at: string; status: string }[];
}

function toRecord(row: HazardRow): HazardRecord {
  return {
    id: row.id,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
    county: row.county,
    source: row.source,
    sourceRef: row.source_ref,
    locationText: row.location_text,
    lonLat: row.lon === null || row.lat === null ? null : [row.lon, row.lat],
    description: row.description,
    category: row.category,
    photos: row.photos,
    state: stateFromJson(row.state),
    reportedBy: row.reported_by,
    linkedPointIds: row.linked_point_ids,
    securityLabel: row.security_label,
    escalationSteps: row.escalation_steps.map((step) => ({
      subject: step.subject as FiredEscalationStep['subject'],
      step: step.step as FiredEscalationStep['step'],
      deadline: step.deadline,
      firedAt: new Date(step.fired_at),
      status: step.status,
    })),
  };
}

export interface HazardFilter {
  status?: string | undefined;
  level?: string | undefined;
  county?: string | undefined;
  enterpriseId?: string | undefined;
  supervised?: boolean | undefined;
  open?: boolean | undefined;
  q?: string | undefined;
  securityLabel?: RecordLabel | undefined;
}

const FROM = 'FROM hidden_hazards h JOIN enterprise_directory e ON e.id = h.enterprise_id';
const SELECT = `SELECT h.*, e.name AS enterprise_name,
    (SELECT coalesce(jsonb_agg(jsonb_build_object('subject', s.subject, 'step', s.step,
              'deadline', to_char(s.deadline, 'YYYY-MM-DD'), 'fired_at', s.fired_at, 'status', s.status)
              ORDER BY s.fired_at, s.id), '[]'::jsonb)
       FROM hazard_escalation_steps s WHERE s.hazard_id = h.id) AS escalation_steps
  ${FROM}`;

/** The scope filter: the caller's data scope and, on top of it, the security label (decision 0005). */
function scopeSql(scope: ReaderScope, params: unknown[]): string {
  const inScope = scopeCondition(scope, { county: 'h.county', enterprise: 'h.enterprise_id' }, params);
  return `${inScope} AND ${labelCondition(scope, 'h.security_label', params)}`;
}

function where(filter: HazardFilter, scope: ReaderScope, params: unknown[]): string {
  const conditions = [scopeSql(scope, params)];
  const add = (sql: (n: number) => string, value: unknown) => {
    params.push(value);
    conditions.push(sql(params.length));
  };
  if (filter.status) add((n) => `h.status = $${n}`, filter.status);
  if (filter.level) add((n) => `h.level = $${n}`, filter.level);
  if (filter.securityLabel) add((n) => `h.security_label = $${n}`, filter.securityLabel);
  if (filter.county) add((n) => `h.county = $${n}`, filter.county);
  if (filter.enterpriseId) add((n) => `h.enterprise_id = $${n}`, filter.enterpriseId);
  if (filter.supervised !== undefined)
    conditions.push(filter.supervised ? 'h.supervision_level IS NOT NULL' : 'h.supervision_level IS NULL');
  if (filter.open) conditions.push("h.status IN ('reported', 'rectifying', 'pending_acceptance')");
  if (filter.q)
    add(
      (n) => `(h.description ILIKE $${n} OR e.name ILIKE $${n})`,
      `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
    );
  return conditions.join(' AND ');
}

export function createHazardsRepository(db: Db) {
  return {
    async insert(
      source: Queryable,
      hazard: Omit<HazardRecord, 'id' | 'enterpriseName' | 'escalationSteps'>,
    ): Promise<string> {
      const s = hazard.state;
      const rows = await source.query<{ id: string }>(
        `INSERT INTO hidden_hazards (enterprise_id, county, source, source_ref, location_text, lon, lat, description,
           category, photos, level, status, deadline, supervision_level, state, reported_by, reported_at, updated_at,
           linked_point_ids, security_label)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $17, $18, $19)
         RETURNING id`,
        [
          hazard.enterpriseId,
          hazard.county,
          hazard.source,
          hazard.sourceRef,
          hazard.locationText,
          hazard.lonLat?.[0] ?? null,
          hazard.lonLat?.[1] ?? null,
          hazard.description,
          hazard.category,
          hazard.photos,
          s.level,
          s.status,
          s.deadline ?? null,
          s.supervision?.level ?? null,
          stateToJson(s),
          hazard.reportedBy,
          s.reportedAt,
          hazard.linkedPointIds,
          hazard.securityLabel,
        ],
      );
      return rows.rows[0]!.id;
    },

    /** Saves a new state only if nobody else changed the hazard meanwhile (optimistic, by timeline length). */
    async saveState(id: string, previousSteps: number, state: HiddenHazardState, at: Date): Promise<boolean> {
      const result = await db.query(
        `UPDATE hidden_hazards SET state = $2, level = $3, status = $4, deadline = $5, supervision_level = $6, updated_at = $7
         WHERE id = $1 AND jsonb_array_length(state->'timeline') = $8`,
        [
          id,
          stateToJson(state),
          state.level,
          state.status,
          state.deadline ?? null,
          state.supervision?.level ?? null,
          at,
          previousSteps,
        ],
      );
      return result.rowCount === 1;
    },

    async findById(id: string, scope: ReaderScope): Promise<HazardRecord | null> {
      const params: unknown[] = [id];
      const rows = await db.query<HazardRow>(
        `${SELECT} WHERE h.id = $1 AND ${scopeSql(scope, params)}`,
        params,
      );
      return rows.rows[0] ? toRecord(rows.rows[0]) : null;
    },

    async list(
      filter: HazardFilter,
      scope: ReaderScope,
      page: { page: number; pageSize: number },
    ): Promise<Page<HazardRecord>> {
      const params: unknown[] = [];
      const sql = where(filter, scope, params);
      return listPage(
        db,
        { select: SELECT, countFrom: FROM, where: sql, orderBy: 'h.reported_at DESC, h.id', params },
        page,
        toRecord,
      );
    },

    async setLabel(id: string, label: RecordLabel, at: Date): Promise<void> {
      await db.query('UPDATE hidden_hazards SET security_label = $2, updated_at = $3 WHERE id = $1', [
        id,
        label,
        at,
      ]);
    },

    async setLinkedPoints(id: string, pointIds: readonly string[], at: Date): Promise<void> {
      await db.query('UPDATE hidden_hazards SET linked_point_ids = $2, updated_at = $3 WHERE id = $1', [
        id,
        pointIds,
        at,
      ]);
    },

    /** What the statistics need of every hazard in scope. */
    async summaries(filter: HazardFilter, scope: ReaderScope) {
      const params: unknown[] = [];
      const sql = where(filter, scope, params);
      const rows = await db.query<{
        level: 'general' | 'major';
        status: string;
        source: string;
        deadline: string | null;
        supervision_level: string | null;
        submitted_at: string | null;
        county: string;
        sectors: string[];
      }>(
        `SELECT h.level, h.status, h.source, to_char(h.deadline, 'YYYY-MM-DD') AS deadline, h.supervision_level,
                h.state->'rectification'->>'submittedAt' AS submitted_at, h.county, e.sectors
         FROM hidden_hazards h JOIN enterprise_directory e ON e.id = h.enterprise_id WHERE ${sql}`,
        params,
      );
      return rows.rows;
    },
  };
}

export type HazardsRepository = ReturnType<typeof createHazardsRepository>;
