import { classifyReading, readingSchema, type ReadingFlag } from '@anjian/domain';
import type { PendingReading } from './ingest-pipeline.ts';
import type { Device } from './device-tokens.ts';
import type { LivePoints } from './live-points.ts';
import { readingFlagBits } from './readings-copy.ts';

export interface RejectedReading {
  readonly index: number;
  readonly code: 'telemetry.invalid_reading' | 'telemetry.unknown_point';
  readonly point?: string;
  /** What is wrong with a malformed reading (field: problem), for the device's developer. */
  readonly detail?: string;
}

export interface PreparedReadings {
  readonly rows: PendingReading[];
  readonly rejected: RejectedReading[];
  readonly flagged: { index: number; flags: ReadingFlag[] }[];
  readonly unknownPoints: string[];
}

const CODE = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** The instant of a reading's ts (epoch ms or ISO 8601 with offset), or null when it is not one. */
function instantOf(ts: unknown): number | null {
  if (typeof ts === 'number') return Number.isSafeInteger(ts) && ts >= 0 ? ts : null;
  if (typeof ts !== 'string' || !ISO_WITH_OFFSET.test(ts)) return null;
  const at = Date.parse(ts);
  return Number.isNaN(at) ? null : at;
}

/** Whether a parsed object has exactly three own keys (without listing them: once per reading). */
function hasThreeKeys(candidate: object): boolean {
  let count = 0;
  for (const key in candidate) if (Object.hasOwn(candidate, key) && ++count > 3) return false;
  return count === 3;
}

/** The problem of a malformed reading, worded by the domain schema. */
function problemOf(raw: unknown): string {
  const parsed = readingSchema.safeParse(raw);
  if (parsed.success) return 'invalid timestamp';
  return parsed.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'reading'}: ${issue.message}`)
    .join('; ');
}

/**
 * An enterprise's device sends its enterprise's points; a county's device (enterprise null: a rain
 * gauge or crack meter on a natural-hazard site, decision 0006) the county's points without one.
 */
function deviceMaySend(
  device: Pick<Device, 'enterpriseId' | 'county'>,
  point: { enterpriseId: string | null; county: string },
): boolean {
  if (device.enterpriseId !== null) return point.enterpriseId === device.enterpriseId;
  return point.enterpriseId === null && point.county === device.county;
}

/**
 * Checks each reading on its own: a malformed one, or one of a point that does not exist or belongs
 * to another enterprise, is rejected with its index while the others go on; a value out of range,
 * null (NaN) or a time from the future is kept and flagged, never dropped (issue 5, item 3).
 */
export function prepareReadings(
  raw: readonly unknown[],
  device: Pick<Device, 'enterpriseId' | 'county'>,
  points: LivePoints,
  now: Date,
): PreparedReadings {
  const rows: PendingReading[] = [];
  const rejected: RejectedReading[] = [];
  const flagged: { index: number; flags: ReadingFlag[] }[] = [];
  const unknown = new Set<string>();
  for (let index = 0; index < raw.length; index++) {
    const reading = raw[index];
    const candidate = reading as { point?: unknown; ts?: unknown; value?: unknown } | null;
    const shapeOk =
      candidate !== null &&
      typeof candidate === 'object' &&
      !Array.isArray(candidate) &&
      hasThreeKeys(candidate) &&
      typeof candidate.point === 'string' &&
      CODE.test(candidate.point) &&
      (candidate.value === null || typeof candidate.value === 'number');
    const at = shapeOk ? instantOf(candidate.ts) : null;
    if (!shapeOk || at === null) {
      rejected.push({ index, code: 'telemetry.invalid_reading', detail: problemOf(reading) });
      continue;
    }
    const code = candidate.point as string;
    const point = points.get(code);
    if (!point || !deviceMaySend(device, point)) {
      unknown.add(code);
      rejected.push({ index, code: 'telemetry.unknown_point', point: code });
      continue;
    }
    const value = candidate.value as number | null;
    const quality = classifyReading(point, { at, value }, now);
    let flags = 0;
    for (const flag of quality.flags) flags |= readingFlagBits[flag];
    if (quality.flags.length > 0) flagged.push({ index, flags: [...quality.flags] });
    rows.push({ point, pointNo: point.no, at, value, flags, quality: quality.quality });
  }
  return { rows, rejected, flagged, unknownPoints: [...unknown] };
}
