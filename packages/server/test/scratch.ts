import { accessSync, constants, mkdtempSync, statfsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const MEMORY = '/dev/shm';
const ROOM_NEEDED = 4 * 1024 ** 3;

/** /dev/shm when this machine has it writable with 4 GiB free, else the OS temporary directory. */
function scratchRoot(): string {
  try {
    accessSync(MEMORY, constants.W_OK | constants.X_OK);
    const { bavail, bsize } = statfsSync(MEMORY);
    if (bavail * bsize >= ROOM_NEEDED) return MEMORY;
  } catch {
    // No /dev/shm (not Linux) or no room: the disk will do.
  }
  return os.tmpdir();
}

const root = scratchRoot();

/**
 * A new directory for a test's throwaway data: PostgreSQL clusters, DATA_DIRs, uploads (issue 12).
 * In memory (tmpfs) where the machine has room: the test clusters clone a 17 MB template database
 * (some 2,000 files) for every test file and drop it again, and on the disk's file system creating
 * and deleting those files cost more kernel time than PostgreSQL's own work (perf: a third of the
 * suite's CPU was system time, most of it PostgreSQL's in ext4's inode allocation). What the tests
 * check does not depend on where the directory is; nothing in it outlives the run.
 */
export function scratchDir(prefix: string): string {
  return mkdtempSync(path.join(root, prefix));
}
