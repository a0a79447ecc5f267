import { describe, expect, it } from 'vitest';
import { dedupeReadings } from './reading-dedupe.ts';
import { classifyReading, type ReadingFlag, type ReadingQuality } from './reading-quality.ts';
import { readingBatchSchema, readingInstant } from './reading.schema.ts';

const now = new Date('2025-06-02T08:00:00+08:00');
const seconds = (n: number) => new Date(now.getTime() + n * 1000);
const point = { range: { min: 0, max: 100 } };

describe('classifyReading', () => {
  it.each<[string, Date, number | null, ReadingQuality, ReadingFlag[]]>([
    ['in range, now', now, 50, 'ok', []],
    ['exactly at range.min', now, 0, 'ok', []],
    ['exactly at range.max', now, 100, 'ok', []],
    ['just below range.min', now, -0.001, 'out_of_range', ['out_of_range']],
    ['just above range.max', now, 100.001, 'out_of_range', ['out_of_range']],
    ['exactly 60 s ahead (the allowed skew)', seconds(60), 50, 'ok', []],
    ['60.001 s ahead', seconds(60.001), 50, 'future', ['future']],
    ['an hour old', seconds(-3600), 50, 'ok', []],
    ['null (the device sent NaN)', now, null, 'nan', ['nan']],
    ['NaN', now, Number.NaN, 'nan', ['nan']],
    ['Infinity', now, Number.POSITIVE_INFINITY, 'nan', ['nan']],
    ['ahead and out of range', seconds(120), 150, 'future', ['future', 'out_of_range']],
    ['ahead and NaN', seconds(120), null, 'nan', ['nan', 'future']],
  ])('%s → %s %j', (_, at, value, quality, flags) => {
    expect(classifyReading(point, { at, value }, now)).toEqual({ quality, flags });
  });

  it('takes another allowed skew', () => {
    expect(classifyReading(point, { at: seconds(61), value: 1 }, now, 300).quality).toBe('ok');
    expect(classifyReading(point, { at: seconds(1), value: 1 }, now, 0).quality).toBe('future');
  });
});

describe('dedupeReadings', () => {
  it('keeps the first reading of each point and instant and returns the repeats', () => {
    const readings = [
      { point: 'A', at: now, value: 1 },
      { point: 'B', at: now, value: 2 },
      { point: 'A', at: new Date(now.getTime()), value: 9 },
      { point: 'A', at: seconds(1), value: 3 },
    ];
    expect(dedupeReadings(readings)).toEqual({
      unique: [readings[0], readings[1], readings[3]],
      duplicates: [readings[2]],
    });
  });
});

describe('readingBatchSchema', () => {
  const reading = { point: 'GT-101', ts: '2025-06-02T08:00:00+08:00', value: 12.5 };

  it.each<[string, unknown, boolean]>([
    ['one reading with an ISO time', { readings: [reading] }, true],
    ['epoch milliseconds', { readings: [{ ...reading, ts: 1_748_822_400_000 }] }, true],
    ['null for NaN', { readings: [{ ...reading, value: null }] }, true],
    ['10,000 readings', { readings: Array.from({ length: 10_000 }, () => reading) }, true],
    ['10,001 readings', { readings: Array.from({ length: 10_001 }, () => reading) }, false],
    ['no readings', { readings: [] }, false],
    ['a time without offset', { readings: [{ ...reading, ts: '2025-06-02T08:00:00' }] }, false],
    ['a string value', { readings: [{ ...reading, value: '12.5' }] }, false],
    ['an unknown field', { readings: [{ ...reading, unit: 'm' }] }, false],
  ])('%s: valid %s', (_, body, valid) => {
    expect(readingBatchSchema.safeParse(body).success).toBe(valid);
  });

  it('reads both timestamp forms as the same instant', () => {
    expect(readingInstant('2025-06-02T08:00:00+08:00')).toEqual(readingInstant(1_748_822_400_000));
  });
});
