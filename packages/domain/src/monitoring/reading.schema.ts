import { z } from 'zod';
import { monitoringPointCodeSchema } from './monitoring-point.schema.ts';
import { readingFlags } from './reading-quality.ts';
import { isoInstant } from '../common/dates.schema.ts';

/** Body of `POST /api/v1/telemetry` and of one MQTT message: at most this many readings. */
export const maxReadingsPerBatch = 10_000;

export const readingTimestampSchema = z
  .union([
    isoInstant().describe('ISO 8601 with offset, e.g. 2025-06-01T08:00:00+08:00'),
    z.int().min(0).describe('Milliseconds since 1970-01-01T00:00:00Z'),
  ])
  .describe('When the value was measured');

export const readingSchema = z
  .object({
    point: monitoringPointCodeSchema,
    ts: readingTimestampSchema,
    value: z
      .number()
      .nullable()
      .describe('The measured value in the point’s unit; null when the device reports no number (NaN)'),
  })
  .strict()
  .describe('One reading; a second reading of the same point and time is a duplicate and ignored');

export const readingBatchSchema = z
  .object({ readings: z.array(readingSchema).min(1).max(maxReadingsPerBatch) })
  .strict()
  .describe(`A batch of at most ${maxReadingsPerBatch} readings`);

export type ReadingInput = z.infer<typeof readingSchema>;
export type ReadingBatchInput = z.infer<typeof readingBatchSchema>;

/** The instant of a validated reading timestamp. */
export function readingInstant(ts: ReadingInput['ts']): Date {
  return new Date(ts);
}

/** Answer to a batch: every reading is stored, duplicates excepted; flagged ones say why. */
export const readingBatchResultSchema = z
  .object({
    accepted: z.int().min(0).describe('Readings stored, flagged ones included'),
    duplicates: z.int().min(0).describe('Readings already stored for the same point and time'),
    unknownPoints: z.array(monitoringPointCodeSchema).describe('Point codes that are not registered'),
    flagged: z
      .array(
        z.object({
          index: z.int().min(0).describe('Position in the batch'),
          flags: z.array(z.enum(readingFlags)).describe('nan, future (clock ahead), out_of_range'),
        }),
      )
      .describe('Readings stored but kept out of alarm evaluation'),
  })
  .describe('Result of a telemetry batch');

export type ReadingBatchResult = z.infer<typeof readingBatchResultSchema>;
