import type { Queryable } from '../../platform/db.ts';
import {
  checkpointSignature,
  GENESIS_HASH,
  keyedDigest,
  legacyDigest,
  pruneSignature,
  signedBy,
  type Checkpoint,
} from './audit-chain.ts';
import type { AuditChainRepository } from './audit-chain.repository.ts';
import { readCheckpointFile } from './audit-checkpoints.ts';
import type { AuditKeyRing } from './audit-keys.ts';
import { rowToRecord, type AuditRow } from './audit.repository.ts';

export type VerifyResult =
  | { ok: true; checked: number; checkpoints: number }
  | { ok: false; checked: number; brokenSeq?: number; reason: string };

interface Deps {
  chain: AuditChainRepository;
  keys: AuditKeyRing;
  checkpointFile: string;
}

const BATCH = 5000;

/** Why one entry does not verify, or null when it does. */
function entryProblem(row: AuditRow, prevHash: string, legacyUntil: number, keys: AuditKeyRing) {
  if (row.prev_hash !== prevHash) return 'link to previous entry broken';
  if (row.key_id === null) {
    if (row.seq > legacyUntil) return 'entry not signed with an audit key';
    return legacyDigest(row.seq, rowToRecord(row), prevHash) === row.hash
      ? null
      : 'content does not match its hash';
  }
  if (!keys.has(row.key_id)) return `entry signed with key ${row.key_id}, which is not configured`;
  return keyedDigest(keys, row.key_id, row.seq, rowToRecord(row), prevHash) === row.hash
    ? null
    : 'content does not match its hash';
}

const sameCheckpoint = (a: Checkpoint, b: Checkpoint) =>
  a.signature === b.signature && a.headSeq === b.headSeq && a.headHash === b.headHash;

/** The table's and the file's checkpoints, each signed and each in the other; or what is wrong. */
function checkpointProblem(table: Checkpoint[], file: string, keys: AuditKeyRing): string | null {
  const valid = (c: Checkpoint) => signedBy(keys, c.keyId, () => checkpointSignature(keys, c), c.signature);
  const forged = table.find((c) => !valid(c));
  if (forged) return `the checkpoint of ${forged.at} in the table is not signed with an audit key`;
  const written = readCheckpointFile(file);
  if (!written.exists) return table.length ? `the checkpoint file ${file} is missing` : null;
  for (const { line, checkpoint } of written.checkpoints) {
    if (!checkpoint || typeof checkpoint.keyId !== 'string' || !valid(checkpoint))
      return `line ${line} of the checkpoint file is not signed with an audit key`;
    if (!table.some((c) => sameCheckpoint(c, checkpoint)))
      return `line ${line} of the checkpoint file is not in the checkpoints table`;
  }
  const lost = table.find((c) => !written.checkpoints.some((w) => sameCheckpoint(c, w.checkpoint!)));
  return lost ? `the checkpoint of ${lost.at} is missing from the checkpoint file` : null;
}

/**
 * Walks the chain from its start (or from the signed retention record) in order, then holds the
 * result against every checkpoint; names the first entry or record that does not hold. The nine
 * tampering cases it detects are listed in docs/security.md.
 */
export async function verifyAuditChain(deps: Deps, source: Queryable): Promise<VerifyResult> {
  const { chain, keys } = deps;
  if (!(await chain.appendOnlyGuardOn(source)))
    return { ok: false, checked: 0, reason: 'the append-only trigger on audit_log is disabled or missing' };
  const legacyUntil = await chain.legacyUntil(source);
  const prune = await chain.latestPrune(source);
  if (
    prune &&
    !signedBy(
      keys,
      prune.keyId,
      () => pruneSignature(keys, prune.keyId, prune.throughSeq, prune.throughHash),
      prune.signature,
    )
  )
    return { ok: false, checked: 0, brokenSeq: prune.throughSeq, reason: 'retention record not signed' };
  const checkpoints = await chain.checkpoints(source);
  const problem = checkpointProblem(checkpoints, deps.checkpointFile, keys);
  if (problem) return { ok: false, checked: 0, reason: problem };
  const anchored = new Map(checkpoints.map((c) => [c.headSeq, '']));

  let prevHash = prune?.throughHash ?? GENESIS_HASH;
  let expectedSeq = (prune?.throughSeq ?? 0) + 1;
  const checked = () => expectedSeq - 1 - (prune?.throughSeq ?? 0);
  for (;;) {
    const rows = await chain.rowsFrom(expectedSeq, BATCH, source);
    for (const row of rows) {
      if (row.seq !== expectedSeq)
        return { ok: false, checked: checked(), brokenSeq: expectedSeq, reason: 'missing entry' };
      const reason = entryProblem(row, prevHash, legacyUntil, keys);
      if (reason) return { ok: false, checked: checked(), brokenSeq: row.seq, reason };
      if (anchored.has(row.seq)) anchored.set(row.seq, row.hash);
      prevHash = row.hash;
      expectedSeq += 1;
    }
    if (rows.length < BATCH) break;
  }
  for (const c of checkpoints) {
    if (c.headSeq <= (prune?.throughSeq ?? 0)) continue;
    if (c.legacyUntil !== legacyUntil)
      return { ok: false, checked: checked(), reason: 'the unkeyed-entries boundary was moved' };
    if (c.headSeq >= expectedSeq)
      return {
        ok: false,
        checked: checked(),
        brokenSeq: expectedSeq,
        reason: `entries ${expectedSeq}–${c.headSeq} are missing (the checkpoint of ${c.at} covers them)`,
      };
    if (anchored.get(c.headSeq) !== c.headHash)
      return {
        ok: false,
        checked: checked(),
        brokenSeq: c.headSeq,
        reason: `entry differs from the checkpoint of ${c.at}`,
      };
  }
  return { ok: true, checked: checked(), checkpoints: checkpoints.length };
}
