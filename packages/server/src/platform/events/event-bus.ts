import type pg from 'pg';
import { inTransaction, type Db, type Queryable } from '../db.ts';
import { eventTypes, type AppEvents, type EventType } from './event-types.ts';

export type EventHandler<T extends EventType> = (payload: AppEvents[T]) => void | Promise<void>;

/** Where the bus reports what happened to it (a lost listener, a handler that threw). */
export type EventLog = (level: 'info' | 'warn' | 'error', message: string, error?: unknown) => void;

export interface EventPublisher {
  publish<T extends EventType>(type: T, payload: AppEvents[T]): void;
}

/**
 * The events of one write: collected while the transaction runs, sent by `flush` just before its
 * COMMIT (PostgreSQL delivers a NOTIFY only if the transaction commits) and, in one process,
 * delivered by `committed` after it.
 */
export interface EventBatch extends EventPublisher {
  flush(tx: Queryable): Promise<void>;
  committed(): void;
}

export interface EventBus {
  readonly transport: 'memory' | 'postgres';
  /** An event that belongs to no write of the caller's (or to one already committed). */
  publish<T extends EventType>(type: T, payload: AppEvents[T]): Promise<void>;
  /** Events that belong to a write: see `inTransactionWithEvents`. */
  batch(): EventBatch;
  /** Every event of `type` published by any process on the database, in commit order. */
  subscribe<T extends EventType>(type: T, handler: EventHandler<T>): () => void;
  /** Called after events may have been missed (the listener lost its connection and is back). */
  onResync(handler: () => void): () => void;
  close(): Promise<void>;
}

/** NOTIFY refuses payloads of 8,000 bytes or more; ours are ids and a few fields. */
export const MAX_EVENT_BYTES = 7_000;

let sequence = 0;

/**
 * `n` makes every envelope unique: PostgreSQL folds identical notifications of one transaction
 * into one, and two identical events (the same alarm state twice) must both arrive.
 */
export function encodeEvent(type: EventType, payload: unknown): string {
  sequence = (sequence + 1) % Number.MAX_SAFE_INTEGER;
  const text = JSON.stringify({ n: sequence, t: type, p: payload });
  if (Buffer.byteLength(text) > MAX_EVENT_BYTES)
    throw new Error(`event ${type} is ${Buffer.byteLength(text)} bytes; send ids and re-read instead`);
  return text;
}

const known = new Set<string>(eventTypes);

export function decodeEvent(text: string): { type: EventType; payload: unknown } | null {
  try {
    const envelope = JSON.parse(text) as { t?: unknown; p?: unknown };
    if (typeof envelope.t !== 'string' || !known.has(envelope.t)) return null;
    if (typeof envelope.p !== 'object' || envelope.p === null) return null;
    return { type: envelope.t as EventType, payload: envelope.p };
  } catch {
    return null;
  }
}

type AnyHandler = (payload: unknown) => void | Promise<void>;

/** Handlers by type; a handler that throws is logged and reaches neither the others nor the sender. */
export class Subscribers {
  private readonly handlers = new Map<EventType, Set<AnyHandler>>();
  private readonly resyncHandlers = new Set<() => void>();

  constructor(private readonly log: EventLog) {}

  add<T extends EventType>(type: T, handler: EventHandler<T>): () => void {
    const set = this.handlers.get(type) ?? new Set<AnyHandler>();
    this.handlers.set(type, set);
    const entry = handler as AnyHandler;
    set.add(entry);
    return () => void set.delete(entry);
  }

  addResync(handler: () => void): () => void {
    this.resyncHandlers.add(handler);
    return () => void this.resyncHandlers.delete(handler);
  }

  deliver(type: EventType, payload: unknown): void {
    for (const handler of [...(this.handlers.get(type) ?? [])]) {
      try {
        const result = handler(payload);
        if (result instanceof Promise)
          result.catch((error: unknown) => this.log('error', `event handler of ${type} failed`, error));
      } catch (error) {
        this.log('error', `event handler of ${type} failed`, error);
      }
    }
  }

  resync(): void {
    for (const handler of [...this.resyncHandlers]) {
      try {
        handler();
      } catch (error) {
        this.log('error', 'event resync handler failed', error);
      }
    }
  }
}

/**
 * One process: delivered synchronously to this process's subscribers, after the commit for a
 * write's events. Payloads go through the same JSON encoding as on PostgreSQL, so a handler sees
 * exactly what it would see from another process.
 */
export function createMemoryEventBus(options: { log?: EventLog } = {}): EventBus {
  const subscribers = new Subscribers(options.log ?? (() => undefined));
  const deliver = (text: string) => {
    const event = decodeEvent(text)!;
    subscribers.deliver(event.type, event.payload);
  };
  return {
    transport: 'memory',
    publish(type, payload) {
      deliver(encodeEvent(type, payload));
      return Promise.resolve();
    },
    batch() {
      const texts: string[] = [];
      return {
        publish: (type, payload) => void texts.push(encodeEvent(type, payload)),
        flush: () => Promise.resolve(),
        committed: () => texts.splice(0).forEach(deliver),
      };
    },
    subscribe: (type, handler) => subscribers.add(type, handler),
    onResync: (handler) => subscribers.addResync(handler),
    close: () => Promise.resolve(),
  };
}

/**
 * Runs `work` in one transaction; the events it publishes are delivered only if it commits (and
 * then to every process).
 */
export async function inTransactionWithEvents<T>(
  db: Db,
  bus: EventBus,
  work: (tx: pg.PoolClient, events: EventPublisher) => Promise<T>,
): Promise<T> {
  const batch = bus.batch();
  const result = await inTransaction(db, async (tx) => {
    const value = await work(tx, batch);
    await batch.flush(tx);
    return value;
  });
  batch.committed();
  return result;
}
