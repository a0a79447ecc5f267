import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Who holds an embedded cluster. The process that starts the postmaster writes
 * `DATA_DIR/embedded-pg.owner` (its PID and the kernel's start time of that PID, so a reused PID is
 * not mistaken for the owner). A live postmaster whose owner is alive belongs to that process: a CLI
 * connects to it, a second server refuses. A live postmaster whose owner is gone was orphaned by a
 * SIGKILL and may be stopped.
 */
export interface Owner {
  readonly pid: number;
  readonly startTime: string;
}

/** What `postmaster.pid` says about a running postmaster (PostgreSQL's own lock file). */
export interface Postmaster {
  readonly pid: number;
  readonly port: number;
  /** `starting`, `ready`, `stopping` (line 8 of the file). */
  readonly status: string;
}

const ownerFile = (dataDir: string) => path.join(dataDir, 'embedded-pg.owner');

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user (the postgres OS user when we run as root).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Field 22 of /proc/<pid>/stat, or '' where there is no /proc (the PID alone is then trusted). */
export function processStartTime(pid: number): string {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? '';
  } catch {
    return '';
  }
}

function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

function isNodeProcess(pid: number): boolean {
  try {
    return /(^|\/)node(\0|$)/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0] + '\0');
  } catch {
    return false;
  }
}

export function claimOwnership(dataDir: string): void {
  const owner: Owner = { pid: process.pid, startTime: processStartTime(process.pid) };
  writeFileSync(ownerFile(dataDir), JSON.stringify(owner), { mode: 0o644 });
}

export function releaseOwnership(dataDir: string): void {
  const owner = readOwnerFile(dataDir);
  if (owner?.pid === process.pid) rmSync(ownerFile(dataDir), { force: true });
}

function readOwnerFile(dataDir: string): Owner | null {
  try {
    const parsed = JSON.parse(readFileSync(ownerFile(dataDir), 'utf8')) as Partial<Owner>;
    if (!Number.isInteger(parsed.pid) || typeof parsed.startTime !== 'string') return null;
    return { pid: parsed.pid!, startTime: parsed.startTime };
  } catch {
    return null;
  }
}

/** The live process holding the cluster, if any (never this process). */
export function liveOwner(dataDir: string, postmaster: Postmaster | null): Owner | null {
  const owner = readOwnerFile(dataDir);
  if (owner && owner.pid !== process.pid && isAlive(owner.pid)) {
    const now = processStartTime(owner.pid);
    if (owner.startTime === '' || now === '' || now === owner.startTime) return owner;
  }
  // A cluster started before owner files existed: its parent, if that is still a Node process.
  if (!owner && postmaster) {
    const parent = parentOf(postmaster.pid);
    if (parent && parent > 1 && parent !== process.pid && isNodeProcess(parent))
      return { pid: parent, startTime: processStartTime(parent) };
  }
  return null;
}

/** The postmaster running on `pgDir`, or null when there is none (a stale pid file is ignored). */
export function runningPostmaster(pgDir: string): Postmaster | null {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  let lines: string[];
  try {
    lines = readFileSync(pidFile, 'utf8').split('\n');
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return null;
  if (lines[1] && path.resolve(lines[1]) !== path.resolve(pgDir)) return null;
  return { pid, port: Number(lines[3]), status: (lines[7] ?? '').trim() };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A postmaster left behind by a killed Node process: ask it to shut down fast, and wait. */
export async function stopPostmaster(pgDir: string, pid: number): Promise<void> {
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 15_000 && isAlive(pid); waited += 100) await sleep(100);
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  // After a fast shutdown the postmaster removes its pid file; children may linger for a moment.
  const pidFile = path.join(pgDir, 'postmaster.pid');
  for (let waited = 0; waited < 5_000 && existsSync(pidFile); waited += 100) await sleep(100);
}

/** Waits until the owner's postmaster accepts connections (it may still be starting). */
export async function readyPostmaster(pgDir: string, owner: Owner, timeoutMs = 60_000) {
  for (let waited = 0; waited < timeoutMs && isAlive(owner.pid); waited += 100) {
    const postmaster = runningPostmaster(pgDir);
    if (postmaster?.status === 'ready') return postmaster;
    await sleep(100);
  }
  return null;
}
