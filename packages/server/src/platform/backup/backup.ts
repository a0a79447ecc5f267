import { createHash } from 'node:crypto';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { DomainError } from '@anjian/domain';
import type { Clock } from '../clock.ts';
import { inTransaction, type Db } from '../db.ts';
import { migrate, migrationNames } from '../migrate.ts';
import {
  createArchiveWriter,
  openArchive,
  verifyArchive,
  type Manifest,
  type TableEntry,
} from './backup-archive.ts';

/**
 * Backups without a PostgreSQL client (issue 19): one REPEATABLE READ READ ONLY transaction — one
 * snapshot, so the tables agree with one another however much is written meanwhile — copies every
 * table in PostgreSQL's binary COPY format, with the migration version, the sequences and a
 * manifest of row counts and SM3 digests. A restore checks all of it before writing, then loads
 * everything in one transaction into a fresh database: it either holds the whole backup or nothing.
 */
interface TableShape {
  name: string;
  kind: 'r' | 'p';
  columns: string[];
}

async function tablesOf(client: pg.PoolClient): Promise<TableShape[]> {
  const rows = await client.query<TableShape>(
    `SELECT c.relname::text AS name, c.relkind::text AS kind,
            array_agg(a.attname::text ORDER BY a.attnum) AS columns
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                          AND a.attgenerated = ''
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      GROUP BY c.relname, c.relkind
      ORDER BY c.relname`,
  );
  return rows.rows;
}

const columnList = (client: pg.PoolClient, columns: string[]) =>
  columns.map((c) => client.escapeIdentifier(c)).join(', ');

export interface BackupResult {
  manifest: Manifest;
}

/** Writes a backup of the database `db` connects to into `target` (a new file or an empty directory). */
export async function takeBackup(
  db: Db,
  target: string,
  options: { clock: Clock; fieldKeys: readonly string[] },
): Promise<BackupResult> {
  const writer = await createArchiveWriter(target);
  const client = await db.connect().catch(async (error: unknown) => {
    await writer.abort();
    throw error;
  });
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const migrations = (
      await client.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name')
    ).rows.map((r) => r.name);
    const serverVersion = (await client.query<{ v: string }>('SHOW server_version')).rows[0]!.v;
    const tables: TableEntry[] = [];
    for (const table of await tablesOf(client)) {
      const name = client.escapeIdentifier(table.name);
      const columns = columnList(client, table.columns);
      const source = table.kind === 'p' ? `(SELECT ${columns} FROM ${name})` : `${name} (${columns})`;
      const stream = client.query(copyTo(`COPY ${source} TO STDOUT (FORMAT binary)`));
      const written = await writer.addTable(table.name, stream);
      tables.push({ name: table.name, columns: table.columns, rows: stream.rowCount, ...written });
    }
    const sequences: Manifest['sequences'] = [];
    const names = await client.query<{ name: string }>(
      "SELECT sequencename::text AS name FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1",
    );
    for (const { name } of names.rows) {
      const row = await client.query<{ last_value: string; is_called: boolean }>(
        `SELECT last_value::text, is_called FROM ${client.escapeIdentifier(name)}`,
      );
      sequences.push({ name, lastValue: row.rows[0]!.last_value, isCalled: row.rows[0]!.is_called });
    }
    await client.query('COMMIT');
    const manifest: Manifest = {
      format: 'anjian-backup',
      formatVersion: 1,
      takenAt: options.clock.now().toISOString(),
      migrations,
      serverVersion,
      copyFormat: 'binary',
      fieldKeys: [...options.fieldKeys],
      tables,
      sequences,
    };
    await writer.finish(manifest);
    return { manifest };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    await writer.abort();
    throw error;
  } finally {
    client.release();
  }
}

const isPrefix = (prefix: string[], of: string[]) =>
  prefix.length <= of.length && prefix.every((name, i) => of[i] === name);

function versionMismatch(backup: string[], here: string[], target?: string[]) {
  return new DomainError('backup.version_mismatch', {
    details: { backup: backup.at(-1) ?? null, program: here.at(-1) ?? null, target: target?.at(-1) ?? null },
  });
}

/** What the target database holds before a restore: its migrations and whether it is empty. */
async function targetState(db: Db): Promise<{ migrations: string[]; empty: boolean; superuser: boolean }> {
  const row = await db.query<{ superuser: boolean; has_migrations: boolean; has_users: boolean }>(
    `SELECT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
            to_regclass('public.schema_migrations') IS NOT NULL AS has_migrations,
            to_regclass('public.users') IS NOT NULL AND to_regclass('public.audit_log') IS NOT NULL AS has_users`,
  );
  const { superuser, has_migrations, has_users } = row.rows[0]!;
  const migrations = has_migrations
    ? (await db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name')).rows.map(
        (r) => r.name,
      )
    : [];
  const empty =
    !has_users ||
    !(
      await db.query<{ used: boolean }>(
        // Migration 0019's disabled `system` author is in every database; any other account is use.
        `SELECT EXISTS (SELECT 1 FROM users WHERE lower(username) <> 'system')
             OR EXISTS (SELECT 1 FROM audit_log) AS used`,
      )
    ).rows[0]!.used;
  return { migrations, empty, superuser };
}

export interface RestoreResult {
  manifest: Manifest;
  /** Migrations applied after the data was loaded (the backup was of an older version). */
  migratedAfter: string[];
}

/**
 * Restores `source` into the empty database `db` connects to (as a superuser: the load runs with
 * triggers and foreign-key checks off, as pg_restore does, the snapshot being consistent already).
 * Refuses, before writing anything, a damaged backup, another version, missing field keys or a
 * database that is in use.
 */
export async function restoreBackup(
  db: Db,
  source: string,
  options: { fieldKeys: readonly string[] },
): Promise<RestoreResult> {
  const archive = await openArchive(source);
  const { manifest } = archive;
  await verifyArchive(archive);
  const known = migrationNames();
  if (!manifest.migrations.length || !isPrefix(manifest.migrations, known))
    throw versionMismatch(manifest.migrations, known);
  const missingKeys = manifest.fieldKeys.filter((key) => !options.fieldKeys.includes(key));
  if (missingKeys.length)
    throw new DomainError('backup.field_key_missing', { details: { fingerprints: missingKeys } });
  const target = await targetState(db);
  if (!target.superuser) throw new DomainError('backup.needs_superuser');
  if (!isPrefix(target.migrations, manifest.migrations))
    throw versionMismatch(manifest.migrations, known, target.migrations);
  if (!target.empty) throw new DomainError('backup.target_not_empty');

  await migrate(db, { through: manifest.migrations.at(-1)! });
  await inTransaction(db, async (client) => {
    await client.query('SET LOCAL session_replication_role = replica');
    const shapes = new Map((await tablesOf(client)).map((t) => [t.name, t]));
    for (const entry of manifest.tables) {
      const shape = shapes.get(entry.name);
      if (!shape || shape.columns.join(',') !== entry.columns.join(','))
        throw versionMismatch(manifest.migrations, known, target.migrations);
    }
    const all = [...shapes.keys()].map((name) => client.escapeIdentifier(name));
    if (all.length) await client.query(`TRUNCATE ${all.join(', ')}`);
    for (const entry of manifest.tables) {
      await loadTable(client, entry, archive.open(entry));
    }
    for (const seq of manifest.sequences) {
      await client.query('SELECT setval($1::regclass, $2::bigint, $3)', [
        client.escapeIdentifier(seq.name),
        seq.lastValue,
        seq.isCalled,
      ]);
    }
  });
  const migratedAfter = await migrate(db);
  return { manifest, migratedAfter };
}

/** COPY FROM one table's data, holding it against its digest and row count as it streams in. */
async function loadTable(client: pg.PoolClient, entry: TableEntry, data: NodeJS.ReadableStream) {
  const hash = createHash('sm3');
  let bytes = 0;
  const check = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  const columns = columnList(client, entry.columns);
  const sink = client.query(
    copyFrom(`COPY ${client.escapeIdentifier(entry.name)} (${columns}) FROM STDIN (FORMAT binary)`),
  );
  await pipeline(data, check, sink);
  if (bytes !== entry.bytes || hash.digest('hex') !== entry.sm3 || sink.rowCount !== entry.rows)
    throw new DomainError('backup.digest_mismatch', { details: { table: entry.name } });
}
