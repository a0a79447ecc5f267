import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { open, readFile, rename, rm, writeFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { DomainError } from '@anjian/domain';

/**
 * Where a backup lives: one file (the data of every table one after the other, then the manifest
 * and a trailer that points at it) or a directory (manifest.json and one file per table). The
 * manifest names each table's rows, bytes and SM3 digest; the file's trailer carries the manifest's
 * own SM3, so a damaged or cut-short backup is refused before anything is restored.
 */
export interface TableEntry {
  name: string;
  columns: string[];
  rows: number;
  bytes: number;
  sm3: string;
  /** Single file: where the table's data starts. Directory: its file under tables/. */
  offset?: number;
  file?: string;
}

export interface Manifest {
  format: 'anjian-backup';
  formatVersion: 1;
  takenAt: string;
  /** The migrations applied to the database, in order; the last one is its version. */
  migrations: string[];
  serverVersion: string;
  copyFormat: 'binary';
  /** Fingerprints of the field keys the sealed values may need (never the keys). */
  fieldKeys: string[];
  tables: TableEntry[];
  sequences: { name: string; lastValue: string; isCalled: boolean }[];
}

const MAGIC = Buffer.from('ANJIAN-BACKUP-1\n');
const TRAILER_MAGIC = Buffer.from('ANJIAN-BACKUP-END\n');
const TRAILER_BYTES = 8 + 8 + 64 + TRAILER_MAGIC.length;

const unreadable = (detail: string) => new DomainError('backup.unreadable', { details: { detail } });

export interface ArchiveWriter {
  /** Streams one table's data into the archive; answers its size and SM3 digest. */
  addTable(
    name: string,
    data: AsyncIterable<Buffer>,
  ): Promise<Pick<TableEntry, 'bytes' | 'sm3' | 'offset' | 'file'>>;
  finish(manifest: Manifest): Promise<void>;
  /** Removes what was written (a failed backup leaves nothing that looks like one). */
  abort(): Promise<void>;
}

async function drain(data: AsyncIterable<Buffer>, write: (chunk: Buffer) => Promise<unknown>) {
  const hash = createHash('sm3');
  let bytes = 0;
  for await (const chunk of data) {
    hash.update(chunk);
    bytes += chunk.length;
    await write(chunk);
  }
  return { bytes, sm3: hash.digest('hex') };
}

/**
 * A directory target is one that exists (and must be empty) or whose name ends in a slash; anything
 * else is a new single file. An existing file or a non-empty directory is never overwritten.
 */
export async function createArchiveWriter(target: string): Promise<ArchiveWriter> {
  const asDirectory = /[/\\]$/.test(target) || (existsSync(target) && statSync(target).isDirectory());
  if (asDirectory) {
    if (existsSync(target) && readdirSync(target).length > 0)
      throw new DomainError('backup.target_exists', { details: { target } });
    return directoryWriter(target);
  }
  if (existsSync(target)) throw new DomainError('backup.target_exists', { details: { target } });
  return fileWriter(target);
}

async function fileWriter(target: string): Promise<ArchiveWriter> {
  mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const partial = `${target}.partial`;
  const handle: FileHandle = await open(partial, 'wx', 0o600);
  let position = 0;
  const write = async (chunk: Buffer) => {
    await handle.write(chunk, 0, chunk.length, position);
    position += chunk.length;
  };
  await write(MAGIC);
  return {
    async addTable(_name, data) {
      const offset = position;
      return { offset, ...(await drain(data, write)) };
    },
    async finish(manifest) {
      const body = Buffer.from(JSON.stringify(manifest));
      const at = position;
      await write(body);
      const trailer = Buffer.alloc(16);
      trailer.writeBigUInt64BE(BigInt(at), 0);
      trailer.writeBigUInt64BE(BigInt(body.length), 8);
      const digest = Buffer.from(createHash('sm3').update(body).digest('hex'));
      await write(Buffer.concat([trailer, digest, TRAILER_MAGIC]));
      await handle.sync();
      await handle.close();
      await rename(partial, target);
    },
    async abort() {
      await handle.close().catch(() => undefined);
      await rm(partial, { force: true });
    },
  };
}

async function directoryWriter(target: string): Promise<ArchiveWriter> {
  mkdirSync(path.join(target, 'tables'), { recursive: true, mode: 0o700 });
  let index = 0;
  return {
    async addTable(name, data) {
      index += 1;
      const file = `tables/${String(index).padStart(3, '0')}_${name}.copy`;
      const handle = await open(path.join(target, file), 'wx', 0o600);
      try {
        return { file, ...(await drain(data, (chunk) => handle.write(chunk))) };
      } finally {
        await handle.close();
      }
    },
    async finish(manifest) {
      const body = JSON.stringify(manifest, null, 2);
      await writeFile(path.join(target, 'manifest.json'), `${body}\n`, { mode: 0o600 });
    },
    async abort() {
      await rm(target, { recursive: true, force: true });
    },
  };
}

export interface ArchiveReader {
  manifest: Manifest;
  /** One table's data as it was written. */
  open(entry: TableEntry): Readable;
}

function checkManifest(value: unknown): Manifest {
  const m = value as Partial<Manifest> | null;
  if (
    !m ||
    m.format !== 'anjian-backup' ||
    m.formatVersion !== 1 ||
    !Array.isArray(m.migrations) ||
    !Array.isArray(m.tables) ||
    !Array.isArray(m.sequences) ||
    !Array.isArray(m.fieldKeys)
  )
    throw unreadable('the manifest is not an Anjian backup manifest');
  return m as Manifest;
}

export async function openArchive(source: string): Promise<ArchiveReader> {
  if (!existsSync(source)) throw unreadable(`${source} does not exist`);
  if (statSync(source).isDirectory()) {
    let manifest: Manifest;
    try {
      manifest = checkManifest(JSON.parse(await readFile(path.join(source, 'manifest.json'), 'utf8')));
    } catch (error) {
      throw error instanceof DomainError ? error : unreadable('manifest.json is missing or not JSON');
    }
    return {
      manifest,
      open(entry) {
        const file = path.join(source, entry.file ?? '');
        if (!entry.file || !existsSync(file)) throw unreadable(`the data of ${entry.name} is missing`);
        return createReadStream(file);
      },
    };
  }
  const size = statSync(source).size;
  const handle = await open(source, 'r');
  let manifest: Manifest;
  try {
    if (size < MAGIC.length + TRAILER_BYTES) throw unreadable('too short');
    const head = Buffer.alloc(MAGIC.length);
    await handle.read(head, 0, head.length, 0);
    const trailer = Buffer.alloc(TRAILER_BYTES);
    await handle.read(trailer, 0, TRAILER_BYTES, size - TRAILER_BYTES);
    if (!head.equals(MAGIC) || !trailer.subarray(80).equals(TRAILER_MAGIC))
      throw unreadable('no Anjian backup header or trailer (cut short?)');
    const at = Number(trailer.readBigUInt64BE(0));
    const length = Number(trailer.readBigUInt64BE(8));
    if (at + length + TRAILER_BYTES !== size) throw unreadable('the trailer does not fit the file');
    const body = Buffer.alloc(length);
    await handle.read(body, 0, length, at);
    if (createHash('sm3').update(body).digest('hex') !== trailer.subarray(16, 80).toString())
      throw new DomainError('backup.digest_mismatch', { details: { detail: 'manifest' } });
    try {
      manifest = checkManifest(JSON.parse(body.toString('utf8')));
    } catch (error) {
      throw error instanceof DomainError ? error : unreadable('the manifest is not JSON');
    }
  } finally {
    await handle.close();
  }
  return {
    manifest,
    open(entry) {
      if (entry.offset === undefined) throw unreadable(`no offset for ${entry.name}`);
      if (entry.bytes === 0) return Readable.from([]);
      return createReadStream(source, { start: entry.offset, end: entry.offset + entry.bytes - 1 });
    },
  };
}

/** Reads every table's data once and holds it against the manifest's sizes and digests. */
export async function verifyArchive(archive: ArchiveReader): Promise<void> {
  for (const entry of archive.manifest.tables) {
    const hash = createHash('sm3');
    let bytes = 0;
    for await (const chunk of archive.open(entry) as AsyncIterable<Buffer>) {
      hash.update(chunk);
      bytes += chunk.length;
    }
    if (bytes !== entry.bytes || hash.digest('hex') !== entry.sm3)
      throw new DomainError('backup.digest_mismatch', { details: { table: entry.name } });
  }
}
