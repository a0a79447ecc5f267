import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Clock } from '../../platform/clock.ts';
import { checkpointSignature, type Checkpoint } from './audit-chain.ts';
import type { AuditChainRepository } from './audit-chain.repository.ts';
import type { AuditKeyRing } from './audit-keys.ts';

/** What the checkpoint file holds: the checkpoints it could read, and the lines it could not. */
export interface CheckpointFile {
  exists: boolean;
  checkpoints: { line: number; checkpoint: Checkpoint | null }[];
}

export function readCheckpointFile(file: string): CheckpointFile {
  if (!existsSync(file)) return { exists: false, checkpoints: [] };
  const lines = readFileSync(file, 'utf8').split('\n');
  const checkpoints = lines.flatMap((text, i): CheckpointFile['checkpoints'] => {
    if (!text.trim()) return [];
    try {
      return [{ line: i + 1, checkpoint: JSON.parse(text) as Checkpoint }];
    } catch {
      return [{ line: i + 1, checkpoint: null }];
    }
  });
  return { exists: true, checkpoints };
}

/**
 * Periodic signed checkpoints of the chain's head (seq, hash, count): one row in audit_checkpoints
 * (append-only, the application role may only add) and one line in a file outside the database.
 * Deleting the newest entries, or the whole table, then no longer verifies.
 */
export function createCheckpointService(deps: {
  chain: AuditChainRepository;
  keys: AuditKeyRing;
  file: string;
  clock: Clock;
}) {
  const { chain, keys, file, clock } = deps;
  return {
    file,
    /** Takes a checkpoint when the head moved since the last one; answers it, or null. */
    async take(): Promise<Checkpoint | null> {
      const taken = await chain.withHead(async (head, client) => {
        if (!head) return null;
        const previous = (await chain.checkpoints(client)).at(-1);
        if (previous?.headSeq === head.seq && previous.headHash === head.hash) return null;
        const unsigned = {
          at: clock.now().toISOString(),
          headSeq: head.seq,
          headHash: head.hash,
          entryCount: head.count,
          legacyUntil: await chain.legacyUntil(client),
          keyId: keys.currentId,
        };
        const checkpoint = { ...unsigned, signature: checkpointSignature(keys, unsigned) };
        await chain.insertCheckpoint(checkpoint, client);
        return checkpoint;
      });
      if (taken) {
        mkdirSync(path.dirname(file), { recursive: true });
        appendFileSync(file, `${JSON.stringify(taken)}\n`, { mode: 0o600 });
      }
      return taken;
    },
    /**
     * After a restore into a DATA_DIR without a checkpoint file: the file again from the restored
     * table (each checkpoint is signed with an audit key, so the table alone cannot forge one).
     * Answers whether it wrote the file; an existing file is left as it is.
     */
    async restoreFile(): Promise<boolean> {
      if (existsSync(file)) return false;
      const lines = (await chain.checkpoints()).map((c) => `${JSON.stringify(c)}\n`);
      if (!lines.length) return false;
      mkdirSync(path.dirname(file), { recursive: true });
      appendFileSync(file, lines.join(''), { mode: 0o600 });
      return true;
    },
    /** Every checkpoint in the table, for `audit checkpoint export` (JSON lines, signatures included). */
    async exportLines(): Promise<string[]> {
      return (await chain.checkpoints()).map((c) => JSON.stringify(c));
    },
  };
}

export type CheckpointService = ReturnType<typeof createCheckpointService>;
