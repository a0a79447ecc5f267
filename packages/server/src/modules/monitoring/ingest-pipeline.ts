import { performance } from 'node:perf_hooks';
import type { PoolClient } from 'pg';
import { isDatabaseUnavailable } from '../../platform/db.ts';
import { evaluateBatch } from './ingest-evaluate.ts';
import { refreshDuePointsFromDatabase } from './ingest-refresh.ts';
import { writeBatch, writeDirtyStates, type BatchWritten } from './ingest-transaction.ts';
import {
  noIngestStats,
  type ControlJob,
  type IngestStats,
  type Job,
  type PendingReading,
  type PipelineOptions,
  type Prepared,
  type ReadingsJob,
  type StoredCounts,
} from './ingest-types.ts';
import { readingKey } from './readings-copy.ts';

export type {
  IngestStats,
  PendingReading,
  PipelineOptions,
  SiteWarningState,
  StoredCounts,
} from './ingest-types.ts';

/**
 * The hot path (ARCHITECTURE.md §4): readings wait in a bounded queue; one writer takes up to
 * `batchRows` of them, evaluates the alarm rules over the in-memory point state, writes readings
 * (binary COPY), alarm changes, site warnings and the changed states in ONE transaction, and only
 * then answers the submitters; its events are sent inside that transaction, so they go out with the
 * commit. If the transaction fails nothing in memory changes, no event is delivered and the
 * submitters get the error: what was acknowledged is durable, nothing else is.
 */
export class IngestPipeline {
  private readonly jobs: Job[] = [];
  private queued = 0;
  private running = false;
  private timer: NodeJS.Timeout | null = null;
  private idleWaiters: (() => void)[] = [];
  readonly stats: IngestStats = noIngestStats();

  constructor(private readonly options: PipelineOptions) {}

  /** Readings waiting in memory. */
  get queuedReadings(): number {
    return this.queued;
  }

  hasRoom(count: number): boolean {
    return this.queued + count <= this.options.queueLimit;
  }

  /** Resolves once the readings are committed, with how many were new and how many duplicates. */
  submit(rows: readonly PendingReading[], arrivedAt = Date.now()): Promise<StoredCounts> {
    if (rows.length === 0) return Promise.resolve({ stored: 0, duplicates: 0 });
    return new Promise((resolve, reject) => {
      this.jobs.push({ kind: 'readings', rows, arrivedAt, stored: 0, duplicates: 0, resolve, reject });
      this.queued += rows.length;
      if (this.queued > this.stats.maxQueued) this.stats.maxQueued = this.queued;
      this.schedule(this.queued >= this.options.batchRows ? 0 : this.options.lingerMs);
    });
  }

  /** Re-evaluates points whose duration or no-data rules are due, without new readings. */
  tick(): Promise<void> {
    return this.control('tick');
  }

  /** Writes the evaluator state of points that changed since the last write (for a restart). */
  snapshot(): Promise<void> {
    return this.control('snapshot');
  }

  /** Resolves when everything submitted so far has been processed. */
  idle(): Promise<void> {
    if (!this.running && this.jobs.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private control(kind: ControlJob['kind']): Promise<void> {
    return new Promise((resolve, reject) => {
      this.jobs.push({ kind, resolve, reject });
      this.schedule(0);
    });
  }

  private schedule(delay: number): void {
    if (this.running) return;
    if (this.timer && delay > 0) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.run();
    }, delay);
  }

  private takeBatch(): { batch: ReadingsJob[]; rows: number } {
    // One splice, not a shift per job: with one-reading messages a batch is thousands of jobs.
    let count = 0;
    let rows = 0;
    for (
      let job = this.jobs[0];
      job?.kind === 'readings' && (count === 0 || rows < this.options.batchRows);
    ) {
      rows += job.rows.length;
      job = this.jobs[++count];
    }
    return { batch: this.jobs.splice(0, count) as ReadingsJob[], rows };
  }

  /**
   * One writer, with the next batch's evaluation overlapping the current batch's transaction (the
   * event loop evaluates while PostgreSQL writes). The next batch is evaluated on top of the
   * current one's uncommitted states; if that transaction fails, it is evaluated again from the
   * committed states. Transactions stay strictly one after another, in arrival order.
   */
  private async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    let inflight = null as { prepared: Prepared; done: Promise<boolean> } | null;
    try {
      while (this.jobs.length > 0 || inflight) {
        const first = this.jobs[0];
        if (first && first.kind !== 'readings') {
          if (inflight) await inflight.done;
          inflight = null;
          this.jobs.shift();
          await this.runControl(first);
          continue;
        }
        const next = first ? this.takeBatch() : null;
        let prepared: Prepared | null = next
          ? this.prepare(next.batch, next.rows, inflight?.prepared ?? null)
          : null;
        if (inflight) {
          const committed = await inflight.done;
          if (!committed && next) prepared = this.prepare(next.batch, next.rows, null);
        }
        inflight = prepared ? { prepared, done: this.write(prepared) } : null;
      }
    } catch (error) {
      // write() answers its own submitters; this is a defect, and must not end the process.
      this.options.onError?.(error);
    } finally {
      this.running = false;
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  private async runControl(job: ControlJob): Promise<void> {
    try {
      if (job.kind === 'tick') {
        if (this.options.shared)
          await refreshDuePointsFromDatabase(
            this.options.db,
            this.options.points.owned(this.options.owns),
            this.options.clock.now().getTime(),
          );
        if (!(await this.write(this.prepare([], 0, null)))) throw new Error('tick not stored');
      } else {
        const points = this.options.points.owned(this.options.owns);
        await writeDirtyStates(this.options.db, points, this.options.clock);
      }
      job.resolve();
    } catch (error) {
      job.reject(error);
      this.options.onError?.(error);
    }
  }

  /** Evaluates a batch (see evaluateBatch), counting the time it takes. */
  private prepare(batch: readonly ReadingsJob[], rows: number, after: Prepared | null): Prepared {
    const started = performance.now();
    const prepared = evaluateBatch(this.options, batch, rows, after);
    this.stats.evaluateMs += performance.now() - started;
    return prepared;
  }

  /** One transaction: the batch's readings, everything they change and their events; then memory, answers. */
  private async write(prepared: Prepared): Promise<boolean> {
    const { batch, fresh, late, repeated, drafts, transitions, warnings } = prepared;
    const started = performance.now();
    let client: PoolClient | null = null;
    let committed = false;
    let failure: unknown = null;
    let result: BatchWritten | null = null;
    try {
      // Inside the try: with the database away, connecting fails too, and the submitters must hear.
      client = await this.options.db.connect();
      result = await writeBatch(
        client,
        prepared,
        this.options.escalation,
        this.options.events,
        this.options.inTransaction,
      );
      await client.query('COMMIT');
      committed = true;
    } catch (error) {
      failure = error;
      this.stats.failures += 1;
      for (const job of batch) job.reject(error);
      this.options.onError?.(error);
    } finally {
      if (client) {
        if (!committed) await client.query('ROLLBACK').catch(() => undefined);
        // A client whose connection broke is dropped, not returned to the pool.
        client.release(failure !== null && isDatabaseUnavailable(failure));
      }
      this.queued -= prepared.rows;
    }
    if (!committed || !result) return false;
    const { alarmChanges, newLate, lateRows, events, written, stored } = result;

    // Committed: now memory may follow, the submitters may hear, the stream may tell.
    const done = performance.now();
    this.stats.transactions += 1;
    this.stats.readings += fresh.length + late.length;
    this.stats.transitions += transitions.length;
    this.stats.writeMs += written - started;
    this.stats.alarmsMs += stored - written;
    this.stats.commitMs += done - stored;
    const persisted = new Set(transitions.map((entry) => entry.point));
    for (const [point, draft] of drafts) {
      point.state = draft.state;
      point.nextCheckAt = draft.nextCheckAt;
      if (draft.evaluated && !persisted.has(point)) point.dirty = true;
    }
    const lateSet = new Set(lateRows);
    for (const job of batch) {
      for (const row of job.rows) {
        if (repeated.has(row)) continue;
        const isNew = !lateSet.has(row) || newLate.has(readingKey(row.pointNo, row.at));
        if (isNew) {
          job.stored += 1;
          if (row.at > row.point.lastStoredAt) row.point.lastStoredAt = row.at;
        } else job.duplicates += 1;
      }
      job.resolve({ stored: job.stored, duplicates: job.duplicates });
    }
    for (const change of warnings) {
      this.options.siteWarnings.set(change.objectId, {
        level: change.to,
        signature: JSON.stringify(change.warning.reasons),
      });
    }
    events.committed();
    const fired = alarmChanges.filter((change) => change.fired);
    if (fired.length > 0) this.options.onFired?.(fired);
    return true;
  }
}
