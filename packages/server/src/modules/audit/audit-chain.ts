import { sm3Hex } from '../../platform/crypto.ts';
import type { AuditKeyRing } from './audit-keys.ts';
import type { AuditOutcome } from '@anjian/domain';

/** One entry's stored content, in the order the hash covers it. */
export interface AuditRecord {
  at: Date;
  actorId: string | null;
  actorName: string;
  roles: readonly string[];
  scope: string;
  action: string;
  target: string | null;
  ip: string;
  userAgent: string;
  outcome: AuditOutcome;
  status: number;
  detail: string | null;
}

export const GENESIS_HASH = '0'.repeat(64);
// Serialises appends (and pruning, in audit_prune()) so each entry chains to the one before it.
export const AUDIT_CHAIN_LOCK = 74_626_002;

/** An entry's fields in their one order: the hashed content and the stored row both follow it. */
export function auditFields(record: AuditRecord) {
  return [
    record.at,
    record.actorId,
    record.actorName,
    record.roles,
    record.scope,
    record.action,
    record.target,
    record.ip,
    record.userAgent,
    record.outcome,
    record.status,
    record.detail,
  ] as const;
}

function contentOf(seq: number, record: AuditRecord): string {
  const [at, ...rest] = auditFields(record);
  return JSON.stringify([seq, at.toISOString(), ...rest]);
}

/** Entries written before migration 0026: plain SM3 over the previous hash and the content. */
export function legacyDigest(seq: number, record: AuditRecord, prevHash: string): string {
  return sm3Hex(`${prevHash}\n${contentOf(seq, record)}`);
}

/** Entries from migration 0026 on: HMAC-SM3 with the named key over key id, previous hash, content. */
export function keyedDigest(
  keys: AuditKeyRing,
  keyId: string,
  seq: number,
  record: AuditRecord,
  prevHash: string,
): string {
  return keys.mac(keyId, `anjian-audit-entry\n${keyId}\n${prevHash}\n${contentOf(seq, record)}`);
}

/** A checkpoint of the chain's head: what is signed, and the signed record. */
export interface Checkpoint {
  at: string;
  headSeq: number;
  headHash: string;
  entryCount: number;
  legacyUntil: number;
  keyId: string;
  signature: string;
}

export function checkpointSignature(keys: AuditKeyRing, c: Omit<Checkpoint, 'signature'>): string {
  const payload = JSON.stringify([c.at, c.headSeq, c.headHash, c.entryCount, c.legacyUntil, c.keyId]);
  return keys.mac(c.keyId, `anjian-audit-checkpoint\n${payload}`);
}

export function pruneSignature(keys: AuditKeyRing, keyId: string, throughSeq: number, throughHash: string) {
  return keys.mac(keyId, `anjian-audit-prune\n${throughSeq}\n${throughHash}`);
}

/** A signature check that says false (never throws) for a key the ring does not hold. */
export function signedBy(keys: AuditKeyRing, keyId: string, sign: () => string, signature: string) {
  return keys.has(keyId) && sign() === signature;
}
