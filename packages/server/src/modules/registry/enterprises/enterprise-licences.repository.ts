import type { Db, Queryable } from '../../../platform/db.ts';
import type { LicenceRecord } from './enterprises.repository.ts';

/** An enterprise's licences and its change history (part of the enterprises repository). */
export function createEnterpriseLicencesRepository(db: Db) {
  return {
    async insertLicences(
      source: Queryable,
      licences: readonly (Omit<LicenceRecord, 'id'> & { enterpriseId: string })[],
    ): Promise<void> {
      if (licences.length === 0) return;
      await source.query(
        `INSERT INTO enterprise_licences (enterprise_id, type, number, valid_until)
         SELECT e, t, n, v::date FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS u(e, t, n, v)`,
        [
          licences.map((l) => l.enterpriseId),
          licences.map((l) => l.type),
          licences.map((l) => l.number),
          licences.map((l) => l.validUntil),
        ],
      );
    },

    async replaceLicences(
      source: Queryable,
      enterpriseId: string,
      licences: Omit<LicenceRecord, 'id'>[],
    ): Promise<void> {
      await source.query('DELETE FROM enterprise_licences WHERE enterprise_id = $1', [enterpriseId]);
      if (licences.length === 0) return;
      await source.query(
        `INSERT INTO enterprise_licences (enterprise_id, type, number, valid_until)
         SELECT $1, t, n, v::date FROM unnest($2::text[], $3::text[], $4::text[]) AS u(t, n, v)`,
        [
          enterpriseId,
          licences.map((l) => l.type),
          licences.map((l) => l.number),
          licences.map((l) => l.validUntil),
        ],
      );
    },

    async appendHistory(
      source: Queryable,
      enterpriseId: string,
      actor: { id: string | null; name: string },
      changes: { field: string; oldValue: string | null; newValue: string | null }[],
      at: Date,
    ): Promise<void> {
      if (changes.length === 0) return;
      await source.query(
        `INSERT INTO enterprise_history (enterprise_id, at, actor_id, actor_name, field, old_value, new_value)
         SELECT $1, $2, $3, $4, f, o, n FROM unnest($5::text[], $6::text[], $7::text[]) AS u(f, o, n)`,
        [
          enterpriseId,
          at,
          actor.id,
          actor.name,
          changes.map((c) => c.field),
          changes.map((c) => c.oldValue),
          changes.map((c) => c.newValue),
        ],
      );
    },

    async history(
      enterpriseId: string,
    ): Promise<
      { at: Date; actorName: string; field: string; oldValue: string | null; newValue: string | null }[]
    > {
      const rows = await db.query<{
        at: Date;
        actor_name: string;
        field: string;
        old_value: string | null;
        new_value: string | null;
      }>(
        // The person's name, not the login stored when the entry was written.
        `SELECT h.at, coalesce(p.display_name, h.actor_name) AS actor_name, h.field, h.old_value, h.new_value
           FROM enterprise_history h LEFT JOIN users p ON p.id = h.actor_id
          WHERE h.enterprise_id = $1 ORDER BY h.at DESC, h.id LIMIT 500`,
        [enterpriseId],
      );
      return rows.rows.map((row) => ({
        at: row.at,
        actorName: row.actor_name,
        field: row.field,
        oldValue: row.old_value,
        newValue: row.new_value,
      }));
    },
  };
}
