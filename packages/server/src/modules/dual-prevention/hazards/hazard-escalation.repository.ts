import {
  defaultHazardEscalationSettings,
  hazardEscalationSettingsSchema,
  type DueEscalationStep,
  type HazardEscalationSettings,
  type HiddenHazardLevel,
  type HiddenHazardStatus,
  type HiddenHazardSupervisionLevel,
} from '@anjian/domain';
import type { Db, Queryable } from '../../../platform/db.ts';

/** What the ladder needs of one open hazard with a deadline. */
export interface EscalationCandidate {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  county: string;
  description: string;
  level: HiddenHazardLevel;
  status: HiddenHazardStatus;
  deadline: string | undefined;
  supervision:
    { level: HiddenHazardSupervisionLevel; deadline: string | undefined; closed: boolean } | undefined;
}

interface CandidateRow {
  id: string;
  enterprise_id: string;
  enterprise_name: string;
  county: string;
  description: string;
  level: HiddenHazardLevel;
  status: HiddenHazardStatus;
  deadline: string | null;
  supervision: { level: HiddenHazardSupervisionLevel; deadline?: string; closedAt?: string } | null;
}

function toCandidate(row: CandidateRow): EscalationCandidate {
  return {
    id: row.id,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
    county: row.county,
    description: row.description,
    level: row.level,
    status: row.status,
    deadline: row.deadline ?? undefined,
    supervision: row.supervision
      ? {
          level: row.supervision.level,
          deadline: row.supervision.deadline,
          closed: row.supervision.closedAt !== undefined,
        }
      : undefined,
  };
}

const CANDIDATE = `SELECT h.id, h.enterprise_id, e.name AS enterprise_name, h.county, h.description, h.level, h.status,
    to_char(h.deadline, 'YYYY-MM-DD') AS deadline, h.state->'supervision' AS supervision
  FROM hidden_hazards h JOIN enterprise_directory e ON e.id = h.enterprise_id`;

export function createHazardEscalationRepository(db: Db) {
  return {
    async settings(source: Queryable = db): Promise<HazardEscalationSettings> {
      const rows = await source.query<{ settings: unknown }>(
        'SELECT settings FROM hazard_escalation_settings',
      );
      const parsed = hazardEscalationSettingsSchema.safeParse(rows.rows[0]?.settings);
      return parsed.success ? parsed.data : defaultHazardEscalationSettings;
    },

    async saveSettings(settings: HazardEscalationSettings, by: string, at: Date): Promise<void> {
      await db.query(
        `INSERT INTO hazard_escalation_settings (id, settings, updated_at, updated_by) VALUES (true, $1, $2, $3)
         ON CONFLICT (id) DO UPDATE SET settings = $1, updated_at = $2, updated_by = $3`,
        [settings, at, by],
      );
    },

    /** Ids of open hazards whose rectification or supervision deadline is on or before `horizon`. */
    async candidateIds(horizon: string): Promise<string[]> {
      const rows = await db.query<{ id: string }>(
        `SELECT id FROM hidden_hazards
         WHERE status IN ('reported', 'rectifying')
           AND (deadline <= $1::date OR (state->'supervision'->>'deadline')::date <= $1::date)
         ORDER BY id`,
        [horizon],
      );
      return rows.rows.map((row) => row.id);
    },

    /** The hazard, locked for the firing transaction so that steps and user actions queue up. */
    async lockCandidate(tx: Queryable, id: string): Promise<EscalationCandidate | null> {
      const rows = await tx.query<CandidateRow>(`${CANDIDATE} WHERE h.id = $1 FOR UPDATE OF h`, [id]);
      return rows.rows[0] ? toCandidate(rows.rows[0]) : null;
    },

    /** Records the step; false when it was fired already (by this or another worker). */
    async recordStep(
      tx: Queryable,
      hazardId: string,
      step: DueEscalationStep,
      status: string,
      at: Date,
    ): Promise<string | null> {
      const rows = await tx.query<{ id: string }>(
        `INSERT INTO hazard_escalation_steps (hazard_id, subject, step, deadline, due_at, fired_at, status, recipients)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (hazard_id, subject, step, deadline) DO NOTHING RETURNING id`,
        [hazardId, step.subject, step.step, step.deadline, step.dueAt, at, status, step.recipients],
      );
      return rows.rows[0]?.id ?? null;
    },
  };
}

export type HazardEscalationRepository = ReturnType<typeof createHazardEscalationRepository>;
