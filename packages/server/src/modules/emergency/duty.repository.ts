import type { DataScope, DutyLogEntry, DutyShiftInput } from '@anjian/domain';
import type { Db, Queryable } from '../../platform/db.ts';
import { conditionsOf, countyVisible } from './emergency-scope.ts';

export interface ShiftRecord {
  id: string;
  county: string | null;
  date: string;
  shift: DutyShiftInput['shift'];
  leader: string;
  officer: string;
  phoneSealed: string;
  demo: boolean;
}

interface ShiftRow {
  id: string;
  county: string | null;
  duty_date: string;
  shift: ShiftRecord['shift'];
  leader: string;
  officer: string;
  phone_enc: string;
  demo: boolean;
}

const shiftOf = (row: ShiftRow): ShiftRecord => ({
  id: row.id,
  county: row.county,
  date: row.duty_date,
  shift: row.shift,
  leader: row.leader,
  officer: row.officer,
  phoneSealed: row.phone_enc,
  demo: row.demo,
});

const SHIFT_SELECT = `SELECT s.id, s.county, s.duty_date::text AS duty_date, s.shift, s.leader, s.officer, s.phone_enc, s.demo
  FROM duty_shifts s`;

interface LogRow {
  id: string;
  county: string | null;
  at: Date;
  author: string;
  text: string;
  incident_id: string | null;
  incident_location: string | null;
  demo: boolean;
}

export type ShiftWrite = Omit<ShiftRecord, 'id' | 'demo'>;

/** The county filter of the roster and the log: a county code, or 'city' for the bureau's own. */
function addCounty(c: ReturnType<typeof conditionsOf>, column: string, county: string | undefined) {
  if (county === 'city') c.conditions.push(`${column} IS NULL`);
  else if (county) c.add((n) => `${column} = $${n}`, county);
}

export function createDutyRepository(db: Db) {
  return {
    async roster(
      scope: DataScope,
      query: { from: string; to: string; county?: string | undefined },
    ): Promise<ShiftRecord[]> {
      const c = conditionsOf(scope, 's.county');
      c.add((n) => `s.duty_date >= $${n}::date`, query.from);
      c.add((n) => `s.duty_date <= $${n}::date`, query.to);
      addCounty(c, 's.county', query.county);
      const rows = await db.query<ShiftRow>(
        `${SHIFT_SELECT} WHERE ${c.where()}
         ORDER BY s.duty_date, s.county NULLS FIRST, array_position(ARRAY['all_day', 'day', 'night'], s.shift)`,
        c.params,
      );
      return rows.rows.map(shiftOf);
    },

    async findShift(id: string, scope: DataScope): Promise<ShiftRecord | null> {
      const params: unknown[] = [id];
      const rows = await db.query<ShiftRow>(
        `${SHIFT_SELECT} WHERE s.id = $1 AND ${countyVisible(scope, 's.county', params)}`,
        params,
      );
      return rows.rows[0] ? shiftOf(rows.rows[0]) : null;
    },

    /** Null when the office already has someone on that date and shift. */
    async insertShift(source: Queryable, data: ShiftWrite, demo: boolean, at: Date): Promise<string | null> {
      const rows = await source.query<{ id: string }>(
        `INSERT INTO duty_shifts (county, duty_date, shift, leader, officer, phone_enc, demo, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)
         ON CONFLICT ((coalesce(county, '')), duty_date, shift) DO NOTHING RETURNING id`,
        [data.county, data.date, data.shift, data.leader, data.officer, data.phoneSealed, demo, at],
      );
      return rows.rows[0]?.id ?? null;
    },

    /** False when the new date and shift clash with another entry. */
    async updateShift(id: string, data: ShiftWrite, at: Date): Promise<boolean> {
      const clash = await db.query(
        `SELECT 1 FROM duty_shifts WHERE coalesce(county, '') = coalesce($2, '') AND duty_date = $3 AND shift = $4 AND id <> $1`,
        [id, data.county, data.date, data.shift],
      );
      if (clash.rowCount) return false;
      await db.query(
        `UPDATE duty_shifts SET county = $2, duty_date = $3, shift = $4, leader = $5, officer = $6, phone_enc = $7, updated_at = $8
         WHERE id = $1`,
        [id, data.county, data.date, data.shift, data.leader, data.officer, data.phoneSealed, at],
      );
      return true;
    },

    async removeShift(id: string): Promise<void> {
      await db.query('DELETE FROM duty_shifts WHERE id = $1', [id]);
    },

    async log(
      scope: DataScope,
      query: {
        from?: string | undefined;
        to?: string | undefined;
        county?: string | undefined;
        incidentId?: string | undefined;
        id?: string;
        limit: number;
      },
    ): Promise<DutyLogEntry[]> {
      const c = conditionsOf(scope, 'l.county');
      // Calendar days in Beijing time.
      if (query.from)
        c.add((n) => `l.at >= ($${n}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`, query.from);
      if (query.to)
        c.add((n) => `l.at < ($${n}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`, query.to);
      addCounty(c, 'l.county', query.county);
      if (query.incidentId) c.add((n) => `l.incident_id = $${n}`, query.incidentId);
      if (query.id) c.add((n) => `l.id = $${n}`, query.id);
      const rows = await db.query<LogRow>(
        `SELECT l.id, l.county, l.at, l.author, l.text, l.incident_id, i.location AS incident_location, l.demo
         FROM duty_log l LEFT JOIN incidents i ON i.id = l.incident_id
         WHERE ${c.where()} ORDER BY l.at DESC, l.created_at DESC LIMIT $${c.params.length + 1}`,
        [...c.params, query.limit],
      );
      return rows.rows.map((row) => ({
        id: row.id,
        county: row.county,
        at: row.at.toISOString(),
        author: row.author,
        text: row.text,
        incidentId: row.incident_id,
        incidentLocation: row.incident_location,
        demo: row.demo,
      }));
    },

    async insertLog(
      source: Queryable,
      entry: {
        county: string | null;
        at: Date;
        authorId: string | null;
        author?: string;
        text: string;
        incidentId: string | null;
      },
      demo: boolean,
      createdAt: Date,
    ): Promise<string> {
      const rows = await source.query<{ id: string }>(
        `INSERT INTO duty_log (county, at, author_id, author, text, incident_id, demo, created_at)
         VALUES ($1, $2, $3, coalesce($4, (SELECT display_name FROM users WHERE id = $3)), $5, $6, $7, $8) RETURNING id`,
        [
          entry.county,
          entry.at,
          entry.authorId,
          entry.author ?? null,
          entry.text,
          entry.incidentId,
          demo,
          createdAt,
        ],
      );
      return rows.rows[0]!.id;
    },
  };
}

export type DutyRepository = ReturnType<typeof createDutyRepository>;
