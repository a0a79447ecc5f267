import { createFieldCipher, resolveFieldKey, type FieldCipher } from './crypto.ts';
import type { Config } from './config.ts';
import { createPool, type Db } from './db.ts';
import { startEmbeddedPostgres, type EmbeddedServer } from './embedded-postgres.ts';
import { migrate } from './migrate.ts';

/** The database and keys the server and the CLI share: same DATA_DIR / DATABASE_URL, same data. */
export interface Runtime {
  db: Db;
  cipher: FieldCipher;
  embedded: EmbeddedServer | null;
  close(): Promise<void>;
}

export async function openRuntime(
  config: Config,
  options: {
    log?: (line: string) => void;
    /** Another live process holds DATA_DIR's cluster: join it (the CLI) or refuse (a server). */
    whenHeld?: 'join' | 'refuse';
  } = {},
): Promise<Runtime> {
  const embedded = config.databaseUrl
    ? null
    : await startEmbeddedPostgres({
        dataDir: config.dataDir,
        port: config.embeddedPgPort,
        portExplicit: config.embeddedPgPortExplicit,
        database: 'anjian',
        whenHeld: options.whenHeld ?? 'refuse',
        log: options.log,
      });
  const db = createPool(config.databaseUrl ?? embedded!.connectionString);
  try {
    await migrate(db);
  } catch (error) {
    await db.end();
    await embedded?.stop();
    throw error;
  }
  const cipher = createFieldCipher(resolveFieldKey(config.fieldEncryptionKey, config.dataDir));
  return {
    db,
    cipher,
    embedded,
    async close() {
      await db.end();
      await embedded?.stop();
    },
  };
}
