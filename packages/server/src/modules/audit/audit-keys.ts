import { createHmac, randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The keys of the audit chain's HMAC-SM3 (issue 19, defect 7). They live in configuration
 * (AUDIT_HMAC_KEYS) or in a file under DATA_DIR — never in the database, so whoever holds the
 * database alone cannot write a entry that verifies. Each entry names the key that signed it
 * (key_id), so a new key can be added (rotation) while the older entries still verify.
 */
export interface AuditKeyRing {
  /** The key new entries and checkpoints are signed with. */
  readonly currentId: string;
  has(id: string): boolean;
  /** HMAC-SM3 with the named key, hex; throws for a key this ring does not hold. */
  mac(id: string, data: string): string;
}

const KEY_LINE = /^([A-Za-z0-9_-]{1,32})[:\s]+([0-9a-fA-F]{64})$/;
export const AUDIT_KEY_FILE = 'audit-hmac.keys';

/** `id:hex64` pairs, comma- or newline-separated; the last one is the current key. */
export function parseAuditKeys(text: string): AuditKeyRing {
  const keys = new Map<string, Buffer>();
  let currentId = '';
  for (const part of text.split(/[,\n]/).map((p) => p.trim())) {
    if (!part || part.startsWith('#')) continue;
    const match = KEY_LINE.exec(part);
    if (!match) throw new Error('audit HMAC keys: each key is "id:64 hex characters"');
    keys.set(match[1]!, Buffer.from(match[2]!, 'hex'));
    currentId = match[1]!;
  }
  if (!currentId) throw new Error('audit HMAC keys: no key given');
  return Object.freeze({
    currentId,
    has: (id: string) => keys.has(id),
    mac(id: string, data: string) {
      const key = keys.get(id);
      if (!key) throw new Error(`audit HMAC key ${id} is not configured`);
      return createHmac('sm3', key).update(data, 'utf8').digest('hex');
    },
  });
}

function newKeyLine(id: string): string {
  return `${id}:${randomBytes(32).toString('hex')}\n`;
}

/** The configured keys, or the key file under DATA_DIR (created with one fresh key when missing). */
export function resolveAuditKeys(configured: string | null, dataDir: string): AuditKeyRing {
  if (configured) return parseAuditKeys(configured);
  const file = path.join(dataDir, AUDIT_KEY_FILE);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, newKeyLine('k1'), { mode: 0o600, flag: 'wx' });
  }
  return parseAuditKeys(readFileSync(file, 'utf8'));
}

/** Rotation: adds a new current key to DATA_DIR's key file; older keys stay for verification. */
export function rotateAuditKeyFile(dataDir: string): string {
  const ring = resolveAuditKeys(null, dataDir);
  const next = `k${Number.parseInt(ring.currentId.replace(/^k/, ''), 10) + 1 || Date.now()}`;
  appendFileSync(path.join(dataDir, AUDIT_KEY_FILE), newKeyLine(next), { mode: 0o600 });
  return next;
}
