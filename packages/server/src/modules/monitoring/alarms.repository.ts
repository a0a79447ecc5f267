import type { Db, Queryable } from '../../platform/db.ts';
import type { columnsOf } from './alarm-rows.ts';

export interface DueAlarmRow {
  id: string;
  status: 'firing';
  fired_at: Date;
  escalation: string;
  county: string;
  enterprise_id: string | null;
  object_id: string;
}

export interface AlarmFigureRow {
  point_id: string;
  n: number;
  ack: number | null;
  dispose: number | null;
}

/** Writes of the alarm lifecycle, escalation and the alarm figures (the reads are in monitoring.repository.ts). */
export function createAlarmsRepository(db: Db) {
  return {
    /** Stores a person's step on an alarm. */
    async updateLifecycle(
      client: Queryable,
      id: string,
      columns: ReturnType<typeof columnsOf>,
      escalation: string,
      at: Date,
    ): Promise<void> {
      await client.query(
        `UPDATE alarms SET status = $2, acknowledged_at = $3, assignee = $4, cleared_at = $5, cleared_by = $6,
           clear_reason = $7, disposal = $8, closed_at = $9, timeline = $10, escalation = $11, updated_at = $12
         WHERE id = $1`,
        [
          id,
          columns.status,
          columns.acknowledged_at,
          columns.assignee,
          columns.cleared_at,
          columns.cleared_by,
          columns.clear_reason,
          columns.disposal ? JSON.stringify(columns.disposal) : null,
          columns.closed_at,
          JSON.stringify(columns.timeline),
          escalation,
          at,
        ],
      );
    },

    /** Firing alarms nobody acknowledged before their respond-by time. */
    async dueForEscalation(now: Date): Promise<DueAlarmRow[]> {
      const result = await db.query<DueAlarmRow>(
        `SELECT id, status, fired_at, escalation, county, enterprise_id, object_id FROM alarms
          WHERE status = 'firing' AND acknowledged_at IS NULL AND fired_at IS NOT NULL AND respond_by <= $1`,
        [now],
      );
      return result.rows;
    },

    /** Moves an alarm's escalation on only if it is still `from`: true for the one process that wins. */
    async escalateFrom(client: Queryable, id: string, from: string, to: string, at: Date): Promise<boolean> {
      const result = await client.query(
        'UPDATE alarms SET escalation = $2, updated_at = $3 WHERE id = $1 AND escalation = $4',
        [id, to, at, from],
      );
      return result.rowCount === 1;
    },

    /** Per point: alarms raised in [from, to), mean seconds to acknowledge and to dispose. */
    async figures(pointIds: readonly string[], from: Date, to: Date): Promise<AlarmFigureRow[]> {
      const result = await db.query<AlarmFigureRow>(
        `SELECT point_id, count(*)::int AS n,
                avg(extract(epoch FROM acknowledged_at - fired_at)) FILTER (WHERE acknowledged_at IS NOT NULL) AS ack,
                avg(extract(epoch FROM coalesce(closed_at, cleared_at) - fired_at))
                  FILTER (WHERE fired_at IS NOT NULL AND coalesce(closed_at, cleared_at) IS NOT NULL) AS dispose
           FROM alarms WHERE point_id = ANY($1::uuid[]) AND raised_at >= $2 AND raised_at < $3
          GROUP BY point_id`,
        [pointIds, from, to],
      );
      return result.rows;
    },
  };
}

export type AlarmsRepository = ReturnType<typeof createAlarmsRepository>;
