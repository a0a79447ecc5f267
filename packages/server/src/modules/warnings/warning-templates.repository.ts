import type { WarningLevel, WarningTemplateInput } from '@anjian/domain';
import type { Db, Queryable } from '../../platform/db.ts';

export interface TemplateRow extends WarningTemplateInput {
  id: string;
  demo: boolean;
  updatedAt: Date;
}

interface RawTemplate {
  id: string;
  name: string;
  event_type: string;
  level: WarningLevel;
  hours: number;
  audience: string;
  info: WarningTemplateInput['info'];
  demo: boolean;
  updated_at: Date;
}

const toTemplate = (r: RawTemplate): TemplateRow => ({
  id: r.id,
  name: r.name,
  eventType: r.event_type,
  level: r.level,
  hours: r.hours,
  audience: r.audience,
  info: r.info,
  demo: r.demo,
  updatedAt: r.updated_at,
});

/** Templates are the bureau's shared texts: every warning author sees them all (no data scope). */
export function createWarningTemplatesRepository(db: Db) {
  return {
    async list(): Promise<TemplateRow[]> {
      const rows = await db.query<RawTemplate>(
        'SELECT * FROM warning_templates ORDER BY event_type, name LIMIT 500',
      );
      return rows.rows.map(toTemplate);
    },

    async find(id: string, source: Queryable = db): Promise<TemplateRow | null> {
      const rows = await source.query<RawTemplate>('SELECT * FROM warning_templates WHERE id = $1', [id]);
      return rows.rows[0] ? toTemplate(rows.rows[0]) : null;
    },

    /** Answers the new id, or null when the name is taken. */
    async insert(input: WarningTemplateInput, by: string, at: Date, demo = false): Promise<string | null> {
      const rows = await db.query<{ id: string }>(
        `INSERT INTO warning_templates (name, event_type, level, hours, audience, info, demo, created_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) ON CONFLICT (name) DO NOTHING RETURNING id`,
        [
          input.name,
          input.eventType,
          input.level,
          input.hours,
          input.audience,
          JSON.stringify(input.info),
          demo,
          by,
          at,
        ],
      );
      return rows.rows[0]?.id ?? null;
    },

    /** Answers false when no such template; throws the unique violation when the name is taken. */
    async update(id: string, input: WarningTemplateInput, at: Date): Promise<boolean> {
      const result = await db.query(
        `UPDATE warning_templates SET name = $2, event_type = $3, level = $4, hours = $5, audience = $6, info = $7,
           updated_at = $8 WHERE id = $1`,
        [
          id,
          input.name,
          input.eventType,
          input.level,
          input.hours,
          input.audience,
          JSON.stringify(input.info),
          at,
        ],
      );
      return (result.rowCount ?? 0) > 0;
    },

    async nameTaken(name: string, exceptId: string | null): Promise<boolean> {
      const rows = await db.query(
        'SELECT 1 FROM warning_templates WHERE name = $1 AND id IS DISTINCT FROM $2',
        [name, exceptId],
      );
      return (rows.rowCount ?? 0) > 0;
    },

    async remove(id: string): Promise<boolean> {
      const result = await db.query('DELETE FROM warning_templates WHERE id = $1', [id]);
      return (result.rowCount ?? 0) > 0;
    },
  };
}

export type WarningTemplatesRepository = ReturnType<typeof createWarningTemplatesRepository>;
