import type { PoolClient } from 'pg';
import type { AlarmEscalationRules, PointAlarmState, ReadingQuality } from '@anjian/domain';
import type { Db } from '../../platform/db.ts';
import type { Clock } from '../../platform/clock.ts';
import type { EventBus } from '../../platform/events/index.ts';
import type { AlarmChange, PointTransition, WarningChange } from './alarm-store.ts';
import type { LivePoint, LivePoints } from './live-points.ts';
import type { StoredReading } from './readings-copy.ts';

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

export interface ReadingsJob {
  readonly kind: 'readings';
  readonly rows: readonly PendingReading[];
  readonly arrivedAt: number;
  stored: number;
  duplicates: number;
  resolve(counts: StoredCounts): void;
  reject(error: unknown): void;
}

export interface ControlJob {
  readonly kind: 'tick' | 'snapshot';
  resolve(): void;
  reject(error: unknown): void;
}

export type Job = ReadingsJob | ControlJob;

/** A batch evaluated and ready to write. */
export interface Prepared {
  readonly batch: readonly ReadingsJob[];
  readonly rows: number;
  readonly now: Date;
  readonly fresh: readonly PendingReading[];
  readonly late: readonly PendingReading[];
  /** Readings repeated within the batch (same point and time as an earlier one): counted, not stored. */
  readonly repeated: ReadonlySet<PendingReading>;
  /** Newest reading time per point in this batch. */
  readonly maxAt: Map<LivePoint, number>;
  readonly drafts: Map<LivePoint, Draft>;
  readonly transitions: PointTransition[];
  readonly arrivals: Map<string, number>;
  readonly warnings: WarningChange[];
}

export interface Draft {
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

/** Stats before anything was ingested. */
export const noIngestStats = (): IngestStats => ({
  transactions: 0,
  readings: 0,
  transitions: 0,
  evaluateMs: 0,
  writeMs: 0,
  alarmsMs: 0,
  commitMs: 0,
  maxQueued: 0,
  failures: 0,
});

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
  /** Other processes take readings too (see ingest-refresh.ts). */
  readonly shared?: boolean;
  /**
   * The points this pipeline writes, when it is one of several writers (ingest-writers.ts): its
   * ticks, refreshes and snapshots touch only these. Absent: every point.
   */
  readonly owns?: (point: LivePoint) => boolean;
  /**
   * Called inside the batch's transaction with its alarm changes, for rows that must commit with
   * them (the county's notices of a natural-hazard site's alarm, decision 0006).
   */
  readonly inTransaction?: (client: PoolClient, changes: readonly AlarmChange[]) => Promise<void>;
  /** Called after commit for alarms that fired (the repeated-alarm rule). */
  readonly onFired?: (changes: readonly AlarmChange[]) => void;
  readonly onError?: (error: unknown) => void;
}
