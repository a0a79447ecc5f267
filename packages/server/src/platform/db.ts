import pg from 'pg';

/** The database seam: a pool, and a helper that runs a function in one transaction. */
export type Db = pg.Pool;
export type Queryable = pg.Pool | pg.PoolClient;

// timestamptz and bigint come back as Date and number; counts above 2^53 do not occur here.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export function createPool(connectionString: string, max = 20): Db {
  const pool = new pg.Pool({ connectionString, max, application_name: 'anjian' });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it on the next query.
  });
  // A client in use when the server goes away emits 'error' too; without a listener that event would
  // end the process. The query it was running fails on its own, and the pool drops the client.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}

// SQLSTATE classes 08 (connection exception) and 57P (operator intervention: shutdown, restart).
const unavailableStates = /^(08|57P0)/;
const unavailableErrnos = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** True for errors that mean "the database cannot be reached now" rather than "this query is wrong". */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (unavailableStates.test(code) || unavailableErrnos.has(code))) return true;
  if (error instanceof AggregateError) return error.errors.some(isDatabaseUnavailable);
  return (
    typeof message === 'string' &&
    /^(Connection terminated|Client has encountered a connection error|Client was closed|timeout exceeded when trying to connect)/.test(
      message,
    )
  );
}

export async function inTransaction<T>(db: Db, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await db.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
