import { describe, expect, it } from 'vitest';
import { encodeReadings } from './readings-copy.ts';

const POSTGRES_EPOCH_MS = 946_684_800_000;

describe('binary COPY encoding of readings', () => {
  it.each([
    ['the PostgreSQL epoch', POSTGRES_EPOCH_MS],
    ['before it (negative microseconds)', Date.parse('1999-12-31T23:59:59.999Z')],
    ['a reading of today', Date.parse('2026-11-29T02:00:00.123Z')],
    ['far ahead', Date.parse('2200-01-01T00:00:00Z')],
  ])('writes the timestamp of %s as int64 microseconds since 2000-01-01', (_, at) => {
    const buffer = encodeReadings([{ pointNo: 7, at, value: 1.5, flags: 0 }]);
    // header (19) + field count (2) + int4 length and value (8) + timestamptz length (4)
    const micros = buffer.readBigInt64BE(19 + 2 + 8 + 4);
    expect(micros).toBe(BigInt(at - POSTGRES_EPOCH_MS) * 1000n);
  });

  it('writes a null value as SQL NULL and ends with the trailer', () => {
    const buffer = encodeReadings([{ pointNo: 1, at: POSTGRES_EPOCH_MS, value: null, flags: 1 }]);
    expect(buffer.readInt32BE(19 + 2 + 8 + 12)).toBe(-1);
    expect(buffer.readInt16BE(buffer.length - 2)).toBe(-1);
    expect(buffer.subarray(0, 11).toString('latin1')).toBe('PGCOPY\n\xff\r\n\0');
  });
});
