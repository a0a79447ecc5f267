import { createFieldCipher, resolveFieldKeys, WHISTLEBLOWER_KEY_FILE, type FieldCipher } from './crypto.ts';
import type { Config } from './config.ts';
import { createPool, databaseRole, ensureAppRole, type Db } from './db.ts';
import { startEmbeddedPostgres, type EmbeddedServer } from './embedded-postgres.ts';
import { migrate } from './migrate.ts';

/** The database and keys the server and the CLI share: same DATA_DIR / DATABASE_URL, same data. */
export interface Runtime {
  /** The application's pool: the restricted role (AUDIT_DB_ROLE) wherever it could be set up. */
  db: Db;
  /** The owner's (migrator's) pool: migrations, role grants. */
  ownerDb: Db;
  /** The role `db` acts as, and whether it is a superuser (said at start and in the health answer). */
  role: { role: string; superuser: boolean };
  cipher: FieldCipher;
  /** Seals whistleblowers' identities, under its own key (WHISTLEBLOWER_ENCRYPTION_KEY). */
  whistleCipher: FieldCipher;
  embedded: EmbeddedServer | null;
  close(): Promise<void>;
}

/**
 * The application's pool. Embedded: the cluster's own login role for the application (password in
 * DATA_DIR). External: the same login, switched to the restricted role at connection start, when
 * the login is a superuser that could create it; otherwise the login as given.
 */
async function applicationPool(config: Config, ownerDb: Db, embedded: EmbeddedServer | null): Promise<Db> {
  const ownerUrl = config.databaseUrl ?? embedded!.connectionString;
  const app = embedded?.app ?? null;
  const ready = await ensureAppRole(ownerDb, {
    role: app?.user ?? config.audit.dbRole,
    password: app?.password ?? null,
  });
  if (!ready) return ownerDb;
  const size = config.databasePoolSize;
  return app ? createPool(app.connectionString, size) : createPool(ownerUrl, size, config.audit.dbRole);
}

/** DATA_DIR's embedded cluster, unless an external database is configured. */
function embeddedCluster(
  config: Config,
  whenHeld: 'join' | 'refuse',
  log?: (line: string) => void,
): Promise<EmbeddedServer | null> {
  if (config.databaseUrl) return Promise.resolve(null);
  return startEmbeddedPostgres({
    dataDir: config.dataDir,
    port: config.embeddedPgPort,
    portExplicit: config.embeddedPgPortExplicit,
    database: 'anjian',
    appRole: config.audit.dbRole,
    whenHeld,
    log,
  });
}

/**
 * The owner's connection alone — no migrations, no application role: what a restore needs, which
 * must find the database as it is. The embedded cluster is started (a fresh DATA_DIR gets one) and
 * never shared with a running server.
 */
export async function openOwnerDatabase(
  config: Config,
  options: { log?: (line: string) => void } = {},
): Promise<{ db: Db; close(): Promise<void> }> {
  const embedded = await embeddedCluster(config, 'refuse', options.log);
  const db = createPool(config.databaseUrl ?? embedded!.connectionString, 4);
  return {
    db,
    async close() {
      await db.end();
      await embedded?.stop();
    },
  };
}

export async function openRuntime(
  config: Config,
  options: {
    log?: (line: string) => void;
    /** Another live process holds DATA_DIR's cluster: join it (the CLI) or refuse (a server). */
    whenHeld?: 'join' | 'refuse';
  } = {},
): Promise<Runtime> {
  const embedded = await embeddedCluster(config, options.whenHeld ?? 'refuse', options.log);
  const ownerDb = createPool(config.databaseUrl ?? embedded!.connectionString, 4);
  let db: Db = ownerDb;
  try {
    await migrate(ownerDb);
    db = await applicationPool(config, ownerDb, embedded);
    const role = await databaseRole(db);
    const cipher = createFieldCipher(resolveFieldKeys(config.fieldEncryptionKey, config.dataDir));
    const whistleCipher = createFieldCipher(
      resolveFieldKeys(config.whistleblowerEncryptionKey, config.dataDir, WHISTLEBLOWER_KEY_FILE),
    );
    return {
      db,
      ownerDb,
      role,
      cipher,
      whistleCipher,
      embedded,
      async close() {
        if (db !== ownerDb) await db.end();
        await ownerDb.end();
        await embedded?.stop();
      },
    };
  } catch (error) {
    if (db !== ownerDb) await db.end();
    await ownerDb.end();
    await embedded?.stop();
    throw error;
  }
}
