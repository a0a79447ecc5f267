import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Db } from './db.ts';
import { inTransaction } from './db.ts';

const migrationsDir = path.resolve(import.meta.dirname, '../../migrations');
// Any constant works; it only has to be the same for every process that migrates this database.
const MIGRATION_LOCK = 74_626_001;

/** The migrations this code knows, in the order they apply (their file names). */
export function migrationNames(): string[] {
  return readdirSync(migrationsDir)
    .filter((name) => /^\d{4}_[a-z0-9_]+\.sql$/.test(name))
    .sort();
}

/**
 * Applies migrations/NNNN_*.sql in order, each once, in one transaction. Forward-only. With
 * `through`, stops after that migration (a restore brings an empty database to its backup's version).
 */
export async function migrate(db: Db, options: { through?: string } = {}): Promise<string[]> {
  const all = migrationNames();
  const files = options.through ? all.slice(0, all.indexOf(options.through) + 1) : all;
  return inTransaction(db, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = new Set(
      (await client.query<{ name: string }>('SELECT name FROM schema_migrations')).rows.map((r) => r.name),
    );
    const applied: string[] = [];
    for (const file of files) {
      if (done.has(file)) continue;
      await client.query(readFileSync(path.join(migrationsDir, file), 'utf8'));
      await client.query('INSERT INTO schema_migrations (name) VALUES ($1)', [file]);
      applied.push(file);
    }
    return applied;
  });
}
