import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { from as copyFrom } from 'pg-copy-streams';
import type { PoolClient } from 'pg';

/** A reading as stored: the point's compact number, epoch ms, the value (null: no number), flag bits. */
export interface StoredReading {
  readonly pointNo: number;
  readonly at: number;
  readonly value: number | null;
  readonly flags: number;
}

/** Flag bits of `readings.flags`, in the order of the domain's readingFlags. */
export const readingFlagBits = { nan: 1, future: 2, out_of_range: 4 } as const;

// PostgreSQL's binary COPY format: 11-byte signature, 4-byte flags, 4-byte header extension length.
const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
const HEADER_LENGTH = SIGNATURE.length + 8;
// Per row: field count (2), then length + bytes of int4 (4+4), timestamptz (4+8), float8 (4+8), int2 (4+2).
const ROW_LENGTH = 2 + 8 + 12 + 12 + 6;
const POSTGRES_EPOCH_MS = 946_684_800_000;

/**
 * Encodes readings as one binary COPY payload (tech-measurements.md §4: binary COPY in ~10k-row
 * batches is the fastest path, ≈ 200–250k rows/s). A null value is written as SQL NULL.
 */
export function encodeReadings(rows: readonly StoredReading[]): Buffer {
  const buffer = Buffer.allocUnsafe(HEADER_LENGTH + rows.length * ROW_LENGTH + 2);
  SIGNATURE.copy(buffer, 0);
  buffer.writeUInt32BE(0, SIGNATURE.length);
  buffer.writeUInt32BE(0, SIGNATURE.length + 4);
  let offset = HEADER_LENGTH;
  for (const row of rows) {
    offset = buffer.writeInt16BE(4, offset);
    offset = buffer.writeInt32BE(4, offset);
    offset = buffer.writeInt32BE(row.pointNo, offset);
    offset = buffer.writeInt32BE(8, offset);
    // Microseconds since 2000-01-01 as a signed 64-bit integer, written as two 32-bit halves
    // (exact: |µs| < 2^53 for any date this side of the year 287,000).
    const micros = (row.at - POSTGRES_EPOCH_MS) * 1000;
    const high = Math.floor(micros / 4_294_967_296);
    offset = buffer.writeInt32BE(high, offset);
    offset = buffer.writeUInt32BE(micros - high * 4_294_967_296, offset);
    if (row.value === null || !Number.isFinite(row.value)) {
      offset = buffer.writeInt32BE(-1, offset);
    } else {
      offset = buffer.writeInt32BE(8, offset);
      offset = buffer.writeDoubleBE(row.value, offset);
    }
    offset = buffer.writeInt32BE(2, offset);
    offset = buffer.writeInt16BE(row.flags, offset);
  }
  offset = buffer.writeInt16BE(-1, offset);
  return buffer.subarray(0, offset);
}

/** Writes the readings with one binary COPY on the client (inside the caller's transaction). */
export async function copyReadings(client: PoolClient, rows: readonly StoredReading[]): Promise<void> {
  if (rows.length === 0) return;
  const stream = client.query(
    copyFrom('COPY readings (point_no, ts, value, flags) FROM STDIN (FORMAT binary)'),
  );
  await pipeline(Readable.from([encodeReadings(rows)]), stream);
}

/**
 * Writes readings that may already be stored (late or re-sent ones) and answers which were new:
 * a second reading of the same point and time is a duplicate and is not written.
 */
export async function insertReadingsIfNew(
  client: PoolClient,
  rows: readonly StoredReading[],
): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const result = await client.query<{ point_no: number; at: number }>(
    `INSERT INTO readings (point_no, ts, value, flags)
     SELECT p, to_timestamp(t / 1000.0), v, f
       FROM unnest($1::int[], $2::float8[], $3::float8[], $4::int2[]) AS r (p, t, v, f)
     ON CONFLICT (point_no, ts) DO NOTHING
     RETURNING point_no, (extract(epoch FROM ts) * 1000)::float8 AS at`,
    [
      rows.map((row) => row.pointNo),
      rows.map((row) => row.at),
      rows.map((row) => (row.value !== null && Number.isFinite(row.value) ? row.value : null)),
      rows.map((row) => row.flags),
    ],
  );
  return new Set(result.rows.map((row) => readingKey(row.point_no, Math.round(row.at))));
}

export const readingKey = (pointNo: number, at: number) => `${pointNo}@${at}`;
