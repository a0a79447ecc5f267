import pg from 'pg';

/** The database seam: a pool, and a helper that runs a function in one transaction. */
export type Db = pg.Pool;
export type Queryable = pg.Pool | pg.PoolClient;

// timestamptz and bigint come back as Date and number; counts above 2^53 do not occur here.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/**
 * A pool; with `role`, every connection starts as that role (the startup option `role`, the same as
 * SET ROLE before any query), so a connection that cannot take the role fails instead of running
 * with the login's rights.
 */
export function createPool(connectionString: string, max = 20, role?: string): Db {
  const pool = new pg.Pool({
    connectionString,
    max,
    application_name: 'anjian',
    ...(role ? { options: `-c role=${role}` } : {}),
  });
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

/** Tables the application role may only add to and read: the audit chain and its checkpoints. */
const appendOnlyTables = ['audit_log', 'audit_checkpoints'];
/** Tables it may only read: written by the migrations or by audit_prune() (as the owner). */
const readOnlyTables = ['audit_prunes', 'audit_chain_marks', 'schema_migrations'];
const GRANTS_LOCK = 74_626_003;
const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * The restricted role the application runs as (issue 19, defect 7): SELECT/INSERT/UPDATE/DELETE on
 * the business tables, only INSERT and SELECT on the audit tables, never their owner — so it cannot
 * ALTER, TRUNCATE or DISABLE TRIGGER on them. Created (or its grants refreshed after the
 * migrations) through the owner's connection; answers false where that connection may not create
 * roles, and the application then runs as the login it was given (said in the health answer).
 */
export async function ensureAppRole(
  owner: Db,
  options: { role: string; password: string | null },
): Promise<boolean> {
  const { role, password } = options;
  if (!ROLE_NAME.test(role)) throw new Error(`bad role name ${role}`);
  const client = await owner.connect();
  try {
    const me = await client.query<{ superuser: boolean; exists: boolean; database: string }>(
      `SELECT rolsuper AS superuser, current_database() AS database,
              EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1) AS exists
         FROM pg_roles WHERE rolname = current_user`,
      [role],
    );
    const { superuser, exists, database } = me.rows[0]!;
    if (!superuser) return false;
    const login = password ? `LOGIN PASSWORD ${client.escapeLiteral(password)}` : 'NOLOGIN';
    const attributes = `${login} NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS`;
    // One process at a time sets the role and refreshes the grants: the processes of one start
    // (ANJIAN_PROCESSES) run this together, and concurrent ALTER ROLE or GRANTs on one catalog row
    // fail with "tuple concurrently updated".
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [GRANTS_LOCK]);
    if (!exists || password) {
      // Roles belong to the cluster and the lock to this database: another database's start may
      // create or alter the same role at the same moment, which leaves it as this one wants it.
      await client.query('SAVEPOINT app_role');
      await client
        .query(exists ? `ALTER ROLE ${role} ${attributes}` : `CREATE ROLE ${role} ${attributes}`)
        .catch(async (error: { code?: string; message?: string }) => {
          const raced =
            error.code === '42710' ||
            error.code === '23505' ||
            (error.code === 'XX000' && /tuple concurrently updated/.test(error.message ?? ''));
          if (!raced) throw error;
          await client.query('ROLLBACK TO SAVEPOINT app_role');
        });
    }
    await client.query(`GRANT CONNECT, TEMPORARY ON DATABASE "${database}" TO ${role}`);
    await client.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
    await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`);
    await client.query(`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
    const present = await client.query<{ name: string }>(
      "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename = ANY ($1)",
      [[...appendOnlyTables, ...readOnlyTables]],
    );
    for (const { name } of present.rows) {
      const denied = readOnlyTables.includes(name) ? 'INSERT, UPDATE, DELETE' : 'UPDATE, DELETE';
      await client.query(`REVOKE ${denied}, TRUNCATE, REFERENCES, TRIGGER ON ${name} FROM ${role}`);
    }
    const prune = await client.query("SELECT 1 FROM pg_proc WHERE proname = 'audit_prune'");
    if (prune.rowCount)
      await client.query(
        `GRANT EXECUTE ON FUNCTION audit_prune(bigint, timestamptz, integer, text, text) TO ${role}`,
      );
    // The readings' day partitions are made and dropped as the owner (monitoring's partition job).
    const partitions = await client.query("SELECT 1 FROM pg_proc WHERE proname = 'ensure_day_partition'");
    if (partitions.rowCount)
      await client.query(
        `GRANT EXECUTE ON FUNCTION ensure_day_partition(text, date), drop_day_partition(text, date) TO ${role}`,
      );
    await client.query('COMMIT');
    return true;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Who the pool's connections act as: the role, and whether it is a superuser. */
export async function databaseRole(db: Queryable): Promise<{ role: string; superuser: boolean }> {
  const row = await db.query<{ role: string; superuser: boolean }>(
    'SELECT current_user AS role, rolsuper AS superuser FROM pg_roles WHERE rolname = current_user',
  );
  return row.rows[0]!;
}
