import { performance } from 'node:perf_hooks';
import type { AlarmEscalationRules } from '@anjian/domain';
import type { PoolClient } from 'pg';
import { isDatabaseUnavailable, type Db } from '../../platform/db.ts';
import type { Clock } from '../../platform/clock.ts';
import type { EventBatch, EventBus } from '../../platform/events/index.ts';
import {
  persistStates,
  persistTransitions,
  persistWarnings,
  type AlarmChange,
  type WarningChange,
} from './alarm-store.ts';
import type { PendingReading, Prepared } from './ingest-types.ts';
import type { LivePoint } from './live-points.ts';
import { markLateReadings } from './readings-aggregates.ts';
import { copyReadings, insertReadingsIfNew, readingKey } from './readings-copy.ts';

/** What a batch's transaction wrote, for the pipeline to apply once it commits. */
export interface BatchWritten {
  readonly alarmChanges: AlarmChange[];
  /** Keys of the possibly-duplicate readings that were new. */
  readonly newLate: Set<string>;
  /** Readings that went through the duplicate-aware insert. */
  readonly lateRows: readonly PendingReading[];
  readonly events: EventBatch;
  /** performance.now() when the readings were written, and when everything else was. */
  readonly written: number;
  readonly stored: number;
}

/**
 * The body of a batch's transaction, up to (not including) COMMIT: its readings (binary COPY, or the
 * duplicate-aware insert when another writer stored some first), alarm changes, site warnings,
 * changed point states and its events.
 */
export async function writeBatch(
  client: PoolClient,
  prepared: Prepared,
  escalation: () => AlarmEscalationRules,
  bus: EventBus,
  inTransaction?: (client: PoolClient, changes: readonly AlarmChange[]) => Promise<void>,
): Promise<BatchWritten> {
  const { now, fresh, late, drafts, transitions, arrivals, warnings } = prepared;
  let lateRows = late;
  let copied: readonly PendingReading[] = fresh;
  await client.query('BEGIN');
  if (fresh.length > 0) {
    await client.query('SAVEPOINT fresh');
    try {
      await copyReadings(client, fresh);
    } catch (error) {
      // Another writer stored some of them first: fall back to the duplicate-aware path.
      if ((error as { code?: string }).code !== '23505') throw error;
      await client.query('ROLLBACK TO SAVEPOINT fresh');
      lateRows = [...late, ...fresh];
      copied = [];
    }
  }
  const newLate = await insertReadingsIfNew(client, lateRows);
  // The roll-up job builds the aggregates; a stored reading it may have passed marks its bucket dirty.
  await markLateReadings(client, [
    ...copied,
    ...lateRows.filter((row) => newLate.has(readingKey(row.pointNo, row.at))),
  ]);
  const written = performance.now();
  const alarmChanges = await persistTransitions(client, transitions, escalation());
  if (inTransaction && alarmChanges.length > 0) await inTransaction(client, alarmChanges);
  await persistWarnings(client, warnings);
  const changedStates = [...new Set(transitions.map((entry) => entry.point))].map((point) => ({
    id: point.id,
    state: drafts.get(point)!.state,
    nextCheckAt: drafts.get(point)!.nextCheckAt,
  }));
  await persistStates(client, changedStates, now);
  const events = eventsOf(bus, warnings, alarmChanges, arrivals);
  await events.flush(client);
  const stored = performance.now();
  return { alarmChanges, newLate, lateRows, events, written, stored };
}

/** The stream's events of a batch, sent inside its transaction so that only a commit delivers them. */
export function eventsOf(
  bus: EventBus,
  warnings: readonly WarningChange[],
  alarmChanges: readonly AlarmChange[],
  arrivals: ReadonlyMap<string, number>,
): EventBatch {
  const events = bus.batch();
  for (const change of warnings) {
    events.publish('monitoring.site-level-changed', {
      objectId: change.objectId,
      county: change.county,
      enterpriseId: change.enterpriseId,
      from: change.from,
      to: change.to,
      at: change.at.toISOString(),
    });
  }
  for (const change of alarmChanges) {
    const arrivedAt = arrivals.get(change.pointId);
    events.publish('alarm.changed', {
      id: change.id,
      pointId: change.pointId,
      status: change.status,
      colour: change.colour,
      county: change.county,
      enterpriseId: change.enterpriseId,
      objectId: change.objectId,
      at: change.at.toISOString(),
      ...(arrivedAt !== undefined ? { arrivedAt } : {}),
    });
  }
  return events;
}

/** Writes the evaluator state of points that changed since the last write (for a restart). */
export async function writeDirtyStates(db: Db, points: Iterable<LivePoint>, clock: Clock): Promise<void> {
  const dirty = [...points].filter((point) => point.dirty);
  if (dirty.length === 0) return;
  const client = await db.connect();
  let broken = false;
  try {
    await persistStates(client, dirty, clock.now());
    for (const point of dirty) point.dirty = false;
  } catch (error) {
    broken = isDatabaseUnavailable(error);
    throw error;
  } finally {
    client.release(broken);
  }
}
