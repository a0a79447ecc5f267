import { DomainError } from '@anjian/domain';
import type { FieldCipher } from '../crypto.ts';
import { inTransaction, type Db } from '../db.ts';

/**
 * Field-key rotation (issue 19, 等保 key management): every value sealed with another key than
 * the current one is opened and sealed again with the current key, online, in batches of its own
 * transaction, each row compared-and-set so that a value the application changed meanwhile is left
 * to the application. Resumable: a rerun passes over what is already sealed with the current key.
 * One rotation at a time across processes (a session advisory lock); a second one is refused.
 *
 * The sealed places are listed here, as the migrations list tables: `sealed-fields.db.test.ts`
 * fails when a column named `*_enc` appears that this list does not name.
 */
export const sealedColumns = [
  { table: 'users', column: 'phone_enc' },
  { table: 'users', column: 'totp_secret_enc' },
  { table: 'users', column: 'totp_pending_enc' },
  { table: 'emergency_resources', column: 'contact_phone_enc' },
  { table: 'duty_shifts', column: 'phone_enc' },
  { table: 'obligation_people', column: 'id_number_enc' },
  { table: 'warning_pushes', column: 'address_enc' },
] as const;

/** JSON columns whose objects hold sealed values under keys ending in `Enc` (contacts' `phoneEnc`). */
export const sealedJsonColumns = [{ table: 'enterprises', column: 'contacts' }] as const;

/**
 * The whistleblowers' identities, sealed under their own key (WHISTLEBLOWER_ENCRYPTION_KEY or
 * DATA_DIR/whistleblower-encryption.key): rotated apart, by `rotate-whistle-key`.
 */
export const whistleSealedColumns = [
  { table: 'whistle_identities', column: 'name_sealed', key: 'report_id' },
  { table: 'whistle_identities', column: 'id_number_sealed', key: 'report_id' },
  { table: 'whistle_identities', column: 'phone_sealed', key: 'report_id' },
  { table: 'whistle_identities', column: 'bank_account_sealed', key: 'report_id' },
] as const;

const ROTATION_LOCK = 74_626_045;

export interface RotationReport {
  /** Values sealed again with the current key, per `table.column`. */
  resealed: Record<string, number>;
  /** Values no configured key opens (left as they are), as `table.column id`. */
  unreadable: string[];
  currentKeyId: string;
}

type Reseal = (value: string) => string | null;

/**
 * The current key's value for `sealed`, or null when it is sealed with the current key already —
 * or when no configured key opens it (then `unreadable` is told, and the value stays).
 */
function resealer(cipher: FieldCipher, unreadable: () => void): Reseal {
  return (sealed) => {
    if (cipher.keyIdOf(sealed) === cipher.currentKeyId) return null;
    try {
      return cipher.encrypt(cipher.decrypt(sealed));
    } catch {
      unreadable();
      return null;
    }
  };
}

/** A JSON value with every `…Enc` string resealed; null when nothing in it changed. */
function resealJson(value: unknown, reseal: Reseal): unknown {
  if (Array.isArray(value)) {
    const items = value.map((item) => resealJson(item, reseal));
    return items.some((item) => item !== null) ? items.map((item, i) => item ?? value[i]) : null;
  }
  if (!value || typeof value !== 'object') return null;
  let changed = false;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    const next =
      key.endsWith('Enc') && typeof inner === 'string' && /^v[12]:/.test(inner)
        ? reseal(inner)
        : resealJson(inner, reseal);
    changed ||= next !== null;
    out[key] = next ?? inner;
  }
  return changed ? out : null;
}

interface Place {
  table: string;
  column: string;
  json: boolean;
  /** The row's uuid key (`id` unless named). */
  key?: string;
}

/** Which values a rotation seals again: the field keys' (default) or the whistleblowers'. */
export type SealedSet = 'fields' | 'whistle';

function placesOf(set: SealedSet): Place[] {
  if (set === 'whistle') return whistleSealedColumns.map((p) => ({ ...p, json: false }));
  return [
    ...sealedColumns.map((p) => ({ ...p, json: false })),
    ...sealedJsonColumns.map((p) => ({ ...p, json: true })),
  ];
}

/** One place, batch by batch in id order; answers how many values were sealed again. */
async function rotatePlace(db: Db, place: Place, cipher: FieldCipher, batch: number, bad: string[]) {
  const { table, column, json } = place;
  const key = place.key ?? 'id';
  const filter = json ? `${column}::text LIKE '%Enc"%'` : `${column} IS NOT NULL`;
  let after = '00000000-0000-0000-0000-000000000000';
  let resealed = 0;
  for (;;) {
    const done = await inTransaction(db, async (client) => {
      const rows = await client.query<{ id: string; value: unknown }>(
        `SELECT ${key}::text AS id, ${column} AS value FROM ${table}
          WHERE ${key} > $1::uuid AND ${filter} ORDER BY ${key} LIMIT $2`,
        [after, batch],
      );
      for (const row of rows.rows) {
        const reseal = resealer(cipher, () => bad.push(`${table}.${column} ${row.id}`));
        const next = json ? resealJson(row.value, reseal) : reseal(row.value as string);
        if (next === null) continue;
        const updated = await client.query(
          json
            ? `UPDATE ${table} SET ${column} = $1::jsonb WHERE ${key} = $2::uuid AND ${column} = $3::jsonb`
            : `UPDATE ${table} SET ${column} = $1 WHERE ${key} = $2::uuid AND ${column} = $3`,
          json ? [JSON.stringify(next), row.id, JSON.stringify(row.value)] : [next, row.id, row.value],
        );
        resealed += updated.rowCount ?? 0;
      }
      after = rows.rows.at(-1)?.id ?? after;
      return rows.rows.length < batch;
    });
    if (done) return resealed;
  }
}

/** Seals every value again with the cipher's current key; see the module comment. */
export async function rotateFieldKey(
  db: Db,
  cipher: FieldCipher,
  options: { batch?: number; progress?: (line: string) => void; set?: SealedSet } = {},
): Promise<RotationReport> {
  const batch = options.batch ?? 500;
  const lock = await db.connect();
  try {
    const got = await lock.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [ROTATION_LOCK]);
    if (!got.rows[0]!.ok) throw new DomainError('field_key.rotation_running');
    try {
      const report: RotationReport = { resealed: {}, unreadable: [], currentKeyId: cipher.currentKeyId };
      for (const place of placesOf(options.set ?? 'fields')) {
        const count = await rotatePlace(db, place, cipher, batch, report.unreadable);
        report.resealed[`${place.table}.${place.column}`] = count;
        options.progress?.(
          `${place.table}.${place.column}: ${count} sealed again with key ${cipher.currentKeyId}`,
        );
      }
      return report;
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [ROTATION_LOCK]);
    }
  } finally {
    lock.release();
  }
}

/**
 * How many sealed values each key id holds (`v1` for values from before key ids): after a
 * rotation, a key that holds none may be removed from the configuration.
 */
export async function sealedValuesByKey(db: Db, set: SealedSet = 'fields'): Promise<Record<string, number>> {
  const columns = set === 'whistle' ? whistleSealedColumns : sealedColumns;
  const parts = [
    ...columns.map(
      ({ table, column }) =>
        `SELECT CASE WHEN ${column} LIKE 'v1:%' THEN 'v1' ELSE split_part(${column}, ':', 2) END AS key_id
           FROM ${table} WHERE ${column} IS NOT NULL`,
    ),
    ...(set === 'whistle' ? [] : sealedJsonColumns).map(
      ({ table, column }) =>
        `SELECT coalesce(m[1], 'v1') AS key_id
           FROM ${table}, regexp_matches(${column}::text, '"[A-Za-z]*Enc": "v(?:2:([^:"]+)|1):', 'g') AS m`,
    ),
  ];
  const rows = await db.query<{ key_id: string; n: number }>(
    `SELECT key_id, count(*)::int AS n FROM (${parts.join(' UNION ALL ')}) sealed GROUP BY key_id ORDER BY key_id`,
  );
  return Object.fromEntries(rows.rows.map((r) => [r.key_id, r.n]));
}
