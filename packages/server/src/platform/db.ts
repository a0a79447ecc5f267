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
  return pool;
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
