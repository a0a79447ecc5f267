import pg from 'pg';
import type { Db } from '../db.ts';
import { decodeEvent, encodeEvent, Subscribers, type EventBus, type EventLog } from './event-bus.ts';

export const EVENTS_CHANNEL = 'anjian_events';

export interface PostgresEventBusOptions {
  /** The database the processes share; the listener opens its own connection to it. */
  readonly connectionString: string;
  /** Publishing outside a transaction goes through the pool. */
  readonly db: Db;
  readonly channel?: string;
  readonly log?: EventLog;
  /** Back-off between reconnection attempts: doubles from `initialMs` up to `maxMs`. */
  readonly reconnect?: { readonly initialMs: number; readonly maxMs: number };
}

export interface PostgresEventBus extends EventBus {
  /** Whether the listener is connected now. */
  readonly listening: boolean;
}

/**
 * Events across every process on one PostgreSQL: `pg_notify` on one channel, and one dedicated
 * connection per process that LISTENs on it.
 *
 * A process gets its own events back through NOTIFY like everyone else's, and only that way: each
 * event arrives exactly once, after its commit, and every process sees all events in the same
 * (commit) order — a local shortcut would deliver a process's own events ahead of earlier ones from
 * other processes.
 *
 * When the listener's connection is lost it reconnects with back-off; events published meanwhile
 * are missed (NOTIFY keeps nothing for an absent listener), so once it is back the resync handlers
 * run and consumers re-read the state (the live stream closes its clients, which reconnect and
 * refetch).
 */
export async function startPostgresEventBus(options: PostgresEventBusOptions): Promise<PostgresEventBus> {
  const channel = options.channel ?? EVENTS_CHANNEL;
  const log: EventLog = options.log ?? (() => undefined);
  const backoff = options.reconnect ?? { initialMs: 250, maxMs: 30_000 };
  const subscribers = new Subscribers(log);
  let client: pg.Client | null = null;
  let closed = false;
  let attempt = 0;
  let timer: NodeJS.Timeout | null = null;

  const receive = (message: pg.Notification) => {
    if (message.channel !== channel || message.payload === undefined) return;
    const event = decodeEvent(message.payload);
    if (!event) {
      log('warn', 'event with an unknown type or shape ignored');
      return;
    }
    subscribers.deliver(event.type, event.payload);
  };

  async function connect(): Promise<void> {
    const next = new pg.Client({
      connectionString: options.connectionString,
      application_name: 'anjian-events',
      keepAlive: true,
    });
    // An error event without a listener would crash the process; a lost connection is handled here.
    next.on('error', (error) => lost(next, error));
    next.on('end', () => lost(next, null));
    next.on('notification', receive);
    try {
      await next.connect();
      await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      next.removeListener('notification', receive);
      await next.end().catch(() => undefined);
      throw error;
    }
    if (closed) {
      await next.end().catch(() => undefined);
      return;
    }
    client = next;
  }

  function lost(which: pg.Client, error: unknown): void {
    if (which !== client) return;
    client = null;
    which.removeListener('notification', receive);
    void which.end().catch(() => undefined);
    if (closed) return;
    log(
      'warn',
      'event listener lost its database connection; reconnecting (events meanwhile are missed)',
      error,
    );
    scheduleReconnect();
  }

  function scheduleReconnect(): void {
    const delay = Math.min(backoff.maxMs, backoff.initialMs * 2 ** attempt);
    attempt += 1;
    timer = setTimeout(() => {
      timer = null;
      connect().then(
        () => {
          if (closed) return;
          attempt = 0;
          log('info', 'event listener reconnected');
          subscribers.resync();
        },
        (error: unknown) => {
          if (closed) return;
          log('warn', `event listener could not reconnect; next attempt in up to ${backoff.maxMs} ms`, error);
          scheduleReconnect();
        },
      );
    }, delay);
  }

  await connect();

  return {
    transport: 'postgres',
    get listening() {
      return client !== null;
    },
    async publish(type, payload) {
      await options.db.query('SELECT pg_notify($1, $2)', [channel, encodeEvent(type, payload)]);
    },
    batch() {
      const texts: string[] = [];
      return {
        publish: (type, payload) => void texts.push(encodeEvent(type, payload)),
        async flush(tx) {
          if (texts.length === 0) return;
          // One round trip; NOTIFYs of one transaction are delivered in the order they were sent.
          await tx.query('SELECT pg_notify($1, payload) FROM unnest($2::text[]) AS payload', [
            channel,
            texts.splice(0),
          ]);
        },
        committed: () => undefined,
      };
    },
    subscribe: (type, handler) => subscribers.add(type, handler),
    onResync: (handler) => subscribers.addResync(handler),
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      const current = client;
      client = null;
      if (current) {
        current.removeListener('notification', receive);
        await current.end().catch(() => undefined);
      }
    },
  };
}
