import type { Clock } from '../../platform/clock.ts';
import { pruneSignature } from './audit-chain.ts';
import type { AuditChainRepository } from './audit-chain.repository.ts';
import type { AuditKeyRing } from './audit-keys.ts';

/** 等保 2.0 (GB/T 22239-2019 8.1.4.3c, with the Cybersecurity Law art. 21): at least six months. */
export const MIN_AUDIT_RETENTION_DAYS = 180;
const DAY_MS = 86_400_000;

/**
 * Removes the entries older than the retention period, oldest first, through audit_prune() —
 * which itself refuses anything younger than 180 days by the database's clock. The newest entry
 * always stays so the chain goes on; the signed retention record says where it now starts.
 */
export function createAuditRetention(deps: {
  chain: AuditChainRepository;
  keys: AuditKeyRing;
  clock: Clock;
  retentionDays: number;
}) {
  const { chain, keys, clock, retentionDays } = deps;
  if (!Number.isInteger(retentionDays) || retentionDays < MIN_AUDIT_RETENTION_DAYS)
    throw new Error(`audit retention of ${retentionDays} days refused: at least ${MIN_AUDIT_RETENTION_DAYS}`);
  return {
    /** Prunes what has expired; answers how many entries went. */
    async run(): Promise<number> {
      const cutoff = new Date(clock.now().getTime() - retentionDays * DAY_MS);
      const candidate = await chain.pruneCandidate(cutoff);
      if (!candidate) return 0;
      const done = await chain.latestPrune();
      if (done && done.throughSeq >= candidate.seq) return 0;
      const keyId = keys.currentId;
      const signature = pruneSignature(keys, keyId, candidate.seq, candidate.hash);
      return chain.prune(candidate.seq, cutoff, retentionDays, keyId, signature);
    },
  };
}
