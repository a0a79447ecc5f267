import { IngestPipeline } from './ingest-pipeline.ts';
import {
  noIngestStats,
  type IngestStats,
  type PendingReading,
  type PipelineOptions,
  type StoredCounts,
} from './ingest-types.ts';
import type { LivePoint } from './live-points.ts';

/** The writer of a site's points: FNV-1a of its id (a stable, even spread) modulo the writers. */
export function writerOfSite(objectId: string, writers: number): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < objectId.length; index++) {
    hash ^= objectId.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % writers;
}

/**
 * Several writers in one process (issue 19, `INGEST_WRITERS`): each is an IngestPipeline with its
 * own queue, evaluation chain and transaction, and owns the points of a share of the sites — every
 * point of a site goes to the same writer, because a site's warning rolls up all its points. While
 * one writer's COPY and commit wait on PostgreSQL, another evaluates or writes: the database works
 * on two batches at once instead of one after the other. A submission is split by writer and
 * answered once every part is durable (a part that fails fails the whole answer; what the other
 * parts stored is a duplicate when the device sends again, never a loss).
 */
export class IngestWriters {
  private readonly writers: IngestPipeline[];
  private readonly writerOfSite = new Map<string, number>();
  private maxQueued = 0;

  constructor(
    private readonly options: PipelineOptions,
    count: number,
  ) {
    this.writers = Array.from(
      { length: count },
      (_, index) =>
        new IngestPipeline(
          count === 1 ? options : { ...options, owns: (point) => this.writerOf(point) === index },
        ),
    );
  }

  private writerOf(point: LivePoint): number {
    let writer = this.writerOfSite.get(point.objectId);
    if (writer === undefined) {
      writer = writerOfSite(point.objectId, this.writers.length);
      this.writerOfSite.set(point.objectId, writer);
    }
    return writer;
  }

  /** Readings waiting in memory, over all writers. */
  get queuedReadings(): number {
    let queued = 0;
    for (const writer of this.writers) queued += writer.queuedReadings;
    return queued;
  }

  hasRoom(count: number): boolean {
    return this.queuedReadings + count <= this.options.queueLimit;
  }

  /** Where the time goes, summed over the writers (their times overlap: shares, not wall time). */
  get stats(): IngestStats & { writers: number } {
    const total = {
      ...noIngestStats(),
      writers: this.writers.length,
      maxQueued: this.writers.length === 1 ? this.writers[0]!.stats.maxQueued : this.maxQueued,
    };
    for (const { stats } of this.writers) {
      total.transactions += stats.transactions;
      total.readings += stats.readings;
      total.transitions += stats.transitions;
      total.evaluateMs += stats.evaluateMs;
      total.writeMs += stats.writeMs;
      total.alarmsMs += stats.alarmsMs;
      total.commitMs += stats.commitMs;
      total.failures += stats.failures;
    }
    return total;
  }

  /** Resolves once every writer's part is committed, with the counts of all parts. */
  submit(rows: readonly PendingReading[], arrivedAt = Date.now()): Promise<StoredCounts> {
    // One writer: its own promise, nothing wrapped (a one-reading MQTT message comes here alone).
    if (this.writers.length === 1) return this.writers[0]!.submit(rows, arrivedAt);
    return this.submitParts(rows, arrivedAt);
  }

  private async submitParts(rows: readonly PendingReading[], arrivedAt: number): Promise<StoredCounts> {
    const parts: PendingReading[][] = this.writers.map(() => []);
    for (const row of rows) parts[this.writerOf(row.point)]!.push(row);
    const answers = parts.map((part, index) => this.writers[index]!.submit(part, arrivedAt));
    this.maxQueued = Math.max(this.maxQueued, this.queuedReadings);
    let stored = 0;
    let duplicates = 0;
    for (const counts of await Promise.all(answers)) {
      stored += counts.stored;
      duplicates += counts.duplicates;
    }
    return { stored, duplicates };
  }

  /** Re-evaluates the points whose duration or no-data rules are due: each writer its own. */
  async tick(): Promise<void> {
    await Promise.all(this.writers.map((writer) => writer.tick()));
  }

  /** Writes the evaluator state of points that changed since the last write: each writer its own. */
  async snapshot(): Promise<void> {
    await Promise.all(this.writers.map((writer) => writer.snapshot()));
  }

  /** Resolves when everything submitted so far has been processed by every writer. */
  async idle(): Promise<void> {
    await Promise.all(this.writers.map((writer) => writer.idle()));
  }
}
