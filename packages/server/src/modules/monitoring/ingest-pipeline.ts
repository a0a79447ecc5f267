import { performance } from 'node:perf_hooks';
import {
  evaluatePoint,
  rollUpSite,
  type AlarmEscalationRules,
  type PointAlarmState,
  type ReadingQuality,
} from '@anjian/domain';
import type { PoolClient } from 'pg';
import { isDatabaseUnavailable, type Db } from '../../platform/db.ts';
import type { Clock } from '../../platform/clock.ts';
import type { EventBatch, EventBus } from '../../platform/events/index.ts';
import {
  persistStates,
  persistTransitions,
  persistWarnings,
  type AlarmChange,
  type PointTransition,
  type WarningChange,
} from './alarm-store.ts';
import { presetFor, type LivePoint, type LivePoints } from './live-points.ts';
import { copyReadings, insertReadingsIfNew, readingKey, type StoredReading } from './readings-copy.ts';

/** A reading ready to store: resolved point, quality and flag bits. */
export interface PendingReading extends StoredReading {
  readonly point: LivePoint;
  readonly quality: ReadingQuality;
}

export interface StoredCounts {
  /** Readings written (flagged ones included). */
  readonly stored: number;
  /** Readings already stored, or repeated in what was submitted together. */
  readonly duplicates: number;
}

interface ReadingsJob {
  readonly kind: 'readings';
  readonly rows: readonly PendingReading[];
  readonly arrivedAt: number;
  stored: number;
  duplicates: number;
  resolve(counts: StoredCounts): void;
  reject(error: unknown): void;
}

interface ControlJob {
  readonly kind: 'tick' | 'snapshot';
  resolve(): void;
  reject(error: unknown): void;
}

type Job = ReadingsJob | ControlJob;

/** A batch evaluated and ready to write. */
interface Prepared {
  readonly batch: readonly ReadingsJob[];
  readonly rows: number;
  readonly now: Date;
  readonly fresh: readonly PendingReading[];
  readonly late: readonly PendingReading[];
  readonly owners: Map<PendingReading, ReadingsJob>;
  /** Newest reading time per point in this batch. */
  readonly maxAt: Map<LivePoint, number>;
  readonly drafts: Map<LivePoint, Draft>;
  readonly transitions: PointTransition[];
  readonly arrivals: Map<string, number>;
  readonly warnings: WarningChange[];
}

interface Draft {
  state: PointAlarmState;
  nextCheckAt: number | null;
  evaluated: boolean;
}

/** Where the time goes, cumulative since start (the benchmark and the operations page read it). */
export interface IngestStats {
  transactions: number;
  readings: number;
  transitions: number;
  /** Alarm evaluation over the in-memory state. */
  evaluateMs: number;
  /** Writing readings (binary COPY and the duplicate-aware insert). */
  writeMs: number;
  /** Alarms, site warnings and point states. */
  alarmsMs: number;
  commitMs: number;
  /** Highest number of readings waiting at once. */
  maxQueued: number;
  failures: number;
}

export interface SiteWarningState {
  level: string | null;
  signature: string;
}

export interface PipelineOptions {
  readonly db: Db;
  readonly clock: Clock;
  readonly points: LivePoints;
  readonly events: EventBus;
  readonly escalation: () => AlarmEscalationRules;
  readonly siteWarnings: Map<string, SiteWarningState>;
  /** Readings that may wait in memory; beyond it, submissions are refused (503 / no MQTT ack). */
  readonly queueLimit: number;
  /** Rows per transaction (tech-measurements.md: ~10k-row COPY batches). */
  readonly batchRows: number;
  /** How long the first waiting reading may wait for others to share its commit. */
  readonly lingerMs: number;
  /** Called after commit for alarms that fired (the repeated-alarm rule). */
  readonly onFired?: (changes: readonly AlarmChange[]) => void;
  readonly onError?: (error: unknown) => void;
}

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
  readonly stats: IngestStats = {
    transactions: 0,
    readings: 0,
    transitions: 0,
    evaluateMs: 0,
    writeMs: 0,
    alarmsMs: 0,
    commitMs: 0,
    maxQueued: 0,
    failures: 0,
  };

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
    const batch: ReadingsJob[] = [];
    let rows = 0;
    while (this.jobs[0]?.kind === 'readings' && (batch.length === 0 || rows < this.options.batchRows)) {
      const job = this.jobs.shift() as ReadingsJob;
      batch.push(job);
      rows += job.rows.length;
    }
    return { batch, rows };
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
        if (!(await this.write(this.prepare([], 0, null)))) throw new Error('tick not stored');
      } else await this.writeDirtyStates();
      job.resolve();
    } catch (error) {
      job.reject(error);
      this.options.onError?.(error);
    }
  }

  private async writeDirtyStates(): Promise<void> {
    const dirty = [...this.options.points.all()].filter((point) => point.dirty);
    if (dirty.length === 0) return;
    const client = await this.options.db.connect();
    let broken = false;
    try {
      await persistStates(client, dirty, this.options.clock.now());
      for (const point of dirty) point.dirty = false;
    } catch (error) {
      broken = isDatabaseUnavailable(error);
      throw error;
    } finally {
      client.release(broken);
    }
  }

  /**
   * Evaluates a batch (no batch: a worker tick) over the point states — the committed ones, or
   * those `after` leaves once it commits. Pure computation; nothing changes until `write`.
   */
  private prepare(batch: readonly ReadingsJob[], rows: number, after: Prepared | null): Prepared {
    const started = performance.now();
    const now = this.options.clock.now();
    const baseState = (point: LivePoint) => after?.drafts.get(point)?.state ?? point.state;
    const baseNextCheck = (point: LivePoint) => {
      const draft = after?.drafts.get(point);
      return draft ? draft.nextCheckAt : point.nextCheckAt;
    };
    const storedUpTo = (point: LivePoint) =>
      Math.max(point.lastStoredAt, after?.maxAt.get(point) ?? -Infinity);
    const { fresh, late, owners, maxAt } = this.split(batch, storedUpTo);
    const drafts = new Map<LivePoint, Draft>();
    const transitions: PointTransition[] = [];
    const arrivals = new Map<string, number>();
    const draftOf = (point: LivePoint): Draft => {
      let draft = drafts.get(point);
      if (!draft) {
        draft = { state: baseState(point), nextCheckAt: baseNextCheck(point), evaluated: false };
        drafts.set(point, draft);
      }
      return draft;
    };

    if (batch.length > 0) {
      for (const [point, group] of this.byPoint(fresh, late)) {
        const draft = draftOf(point);
        for (const row of group) {
          const input = {
            kind: 'reading',
            at: new Date(row.at),
            value: row.value,
            quality: row.quality,
          } as const;
          const result = evaluatePoint(draft.state, input, point.rules, now);
          if (result.ignored) continue;
          draft.state = result.state;
          draft.nextCheckAt = result.nextCheckAt ? result.nextCheckAt.getTime() : null;
          draft.evaluated = true;
          for (const transition of result.transitions) transitions.push({ point, transition });
          if (result.transitions.length > 0 && !arrivals.has(point.id))
            arrivals.set(point.id, owners.get(row)!.arrivedAt);
        }
      }
    } else {
      for (const point of this.options.points.all()) {
        const nextCheckAt = baseNextCheck(point);
        if (nextCheckAt === null || nextCheckAt > now.getTime()) continue;
        const result = evaluatePoint(baseState(point), { kind: 'tick' }, point.rules, now);
        const draft = draftOf(point);
        draft.state = result.state;
        draft.nextCheckAt = result.nextCheckAt ? result.nextCheckAt.getTime() : null;
        draft.evaluated = true;
        for (const transition of result.transitions) transitions.push({ point, transition });
      }
    }
    transitions.sort((a, b) => a.transition.at.getTime() - b.transition.at.getTime());
    const warnings = this.warningChanges(transitions, drafts, now, after);
    this.stats.evaluateMs += performance.now() - started;
    return { batch, rows, now, fresh, late, owners, maxAt, drafts, transitions, arrivals, warnings };
  }

  /** The stream's events of a batch, sent inside its transaction so that only a commit delivers them. */
  private eventsOf(
    warnings: readonly WarningChange[],
    alarmChanges: readonly AlarmChange[],
    arrivals: ReadonlyMap<string, number>,
  ): EventBatch {
    const events = this.options.events.batch();
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

  /** One transaction: the batch's readings, everything they change and their events; then memory, answers. */
  private async write(prepared: Prepared): Promise<boolean> {
    const { batch, now, fresh, late, owners, drafts, transitions, arrivals, warnings } = prepared;
    const started = performance.now();
    let written = started;
    let stored = started;
    let client: PoolClient | null = null;
    let committed = false;
    let failure: unknown = null;
    let alarmChanges: AlarmChange[] = [];
    let newLate = new Set<string>();
    let lateRows = late;
    let events: EventBatch | null = null;
    try {
      // Inside the try: with the database away, connecting fails too, and the submitters must hear.
      client = await this.options.db.connect();
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
        }
      }
      newLate = await insertReadingsIfNew(client, lateRows);
      written = performance.now();
      alarmChanges = await persistTransitions(client, transitions, this.options.escalation());
      await persistWarnings(client, warnings);
      const changedStates = [...new Set(transitions.map((entry) => entry.point))].map((point) => ({
        id: point.id,
        state: drafts.get(point)!.state,
        nextCheckAt: drafts.get(point)!.nextCheckAt,
      }));
      await persistStates(client, changedStates, now);
      events = this.eventsOf(warnings, alarmChanges, arrivals);
      await events.flush(client);
      stored = performance.now();
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
    if (!committed) return false;

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
        if (owners.get(row) !== job) continue;
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
    events?.committed();
    const fired = alarmChanges.filter((change) => change.fired);
    if (fired.length > 0) this.options.onFired?.(fired);
    return true;
  }

  /**
   * De-duplicates by (point, time) across the batch; readings newer than anything stored for their
   * point cannot be duplicates (fast COPY path), the others may be (duplicate-aware insert).
   */
  private split(batch: readonly ReadingsJob[], storedUpTo: (point: LivePoint) => number) {
    const seen = new Set<string>();
    const fresh: PendingReading[] = [];
    const late: PendingReading[] = [];
    const owners = new Map<PendingReading, ReadingsJob>();
    const maxAt = new Map<LivePoint, number>();
    for (const job of batch) {
      for (const row of job.rows) {
        const key = readingKey(row.pointNo, row.at);
        if (seen.has(key)) {
          job.duplicates += 1;
          continue;
        }
        seen.add(key);
        owners.set(row, job);
        (row.at > storedUpTo(row.point) ? fresh : late).push(row);
        if (row.at > (maxAt.get(row.point) ?? -Infinity)) maxAt.set(row.point, row.at);
      }
    }
    return { fresh, late, owners, maxAt };
  }

  private byPoint(...lists: (readonly PendingReading[])[]): Map<LivePoint, PendingReading[]> {
    const groups = new Map<LivePoint, PendingReading[]>();
    for (const row of lists.flat()) {
      if (row.quality !== 'ok') continue;
      const group = groups.get(row.point);
      if (group) group.push(row);
      else groups.set(row.point, [row]);
    }
    for (const group of groups.values()) if (group.length > 1) group.sort((a, b) => a.at - b.at);
    return groups;
  }

  private warningChanges(
    transitions: readonly PointTransition[],
    drafts: Map<LivePoint, Draft>,
    now: Date,
    after: Prepared | null,
  ): WarningChange[] {
    const sites = new Map<string, LivePoint>();
    for (const { point } of transitions) sites.set(point.objectId, point);
    const changes: WarningChange[] = [];
    for (const [objectId, sample] of sites) {
      const members = this.options.points.siteMembers(
        objectId,
        (point) => drafts.get(point)?.state ?? after?.drafts.get(point)?.state ?? point.state,
      );
      const warning = rollUpSite(members, presetFor(sample.objectKind));
      // The batch being written may already change the site: compare with what it leaves.
      const pending = after?.warnings.find((change) => change.objectId === objectId);
      const previous = pending
        ? { level: pending.to, signature: JSON.stringify(pending.warning.reasons) }
        : this.options.siteWarnings.get(objectId);
      const signature = JSON.stringify(warning.reasons);
      if (previous && previous.level === warning.level && previous.signature === signature) continue;
      if (!previous && warning.level === null) continue;
      changes.push({
        objectId,
        county: sample.county,
        enterpriseId: sample.enterpriseId,
        from: previous?.level ?? null,
        to: warning.level,
        warning,
        at: now,
      });
    }
    return changes;
  }
}
