import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  hkdfSync,
  randomBytes,
  scrypt,
  timingSafeEqual,
} from 'node:crypto';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

/** SM3 (GB/T 32905-2016) digest, hex. Node's OpenSSL 3 provides it. */
export function sm3Hex(data: string | Buffer): string {
  return createHash('sm3').update(data).digest('hex');
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** scrypt's work factor: the cost (N), block size (r) and parallelism (p). */
export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

// scrypt: N = 2^15, r = 8, p = 3 (OWASP's alternative setting; 32 MiB per hash).
export const PASSWORD_COST: ScryptCost = { N: 1 << 15, r: 8, p: 3 };
const KEY_LENGTH = 32;
const MAXMEM = 64 * 1024 * 1024;

/** Hashes a password as it is stored; the app takes one as a dependency (the tests' is cheaper). */
export type PasswordHasher = (password: string) => Promise<string>;

function scryptAsync(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, { ...cost, maxmem: MAXMEM }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/**
 * `scrypt$N$r$p$salt$hash`, so parameters can be raised later without breaking stored hashes:
 * verifyPassword reads them from the stored value. Production always uses PASSWORD_COST.
 */
export async function hashPassword(password: string, cost: ScryptCost = PASSWORD_COST): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, cost);
  return `scrypt$${cost.N}$${cost.r}$${cost.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, saltText, hashText] = stored.split('$');
  if (scheme !== 'scrypt' || !saltText || !hashText) return false;
  const expected = Buffer.from(hashText, 'base64');
  const key = await new Promise<Buffer>((resolve, reject) => {
    scrypt(
      password.normalize('NFKC'),
      Buffer.from(saltText, 'base64'),
      expected.length,
      { N: Number(n), r: Number(r), p: Number(p), maxmem: MAXMEM },
      (error, derived) => (error ? reject(error) : resolve(derived)),
    );
  });
  return timingSafeEqual(key, expected);
}

/**
 * Field encryption for sensitive personal data at rest (GB/T 39786-2021 8.4e): SM4-CBC with
 * HMAC-SM3 over IV and ciphertext (encrypt-then-MAC; Node has no SM4-GCM). Both keys are derived
 * from one 128-bit master key by HKDF-SM3. Several master keys may be configured, each with an id
 * (issue 19, key rotation): a value is sealed as `v2:<key id>:<base64>` with the current (last) key
 * and opened with whichever configured key its id names; values sealed before key ids existed
 * (`v1:<base64>`) open with the configured key whose MAC fits.
 */
export interface FieldCipher {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
  /** The id of the key new values are sealed with. */
  readonly currentKeyId: string;
  /** The key id a sealed value names (`null` for a value from before key ids: `v1:`). */
  keyIdOf(sealed: string): string | null;
  /** One short SM3 fingerprint per key this cipher holds (never the key): backups name the keys they need. */
  readonly fingerprints: readonly string[];
}

export interface FieldKey {
  readonly id: string;
  /** 32 hex characters: a 128-bit master key. */
  readonly hex: string;
}

const KEY_ID = /^[A-Za-z0-9_-]{1,16}$/;
const KEY_HEX = /^[0-9a-fA-F]{32}$/;
/** The id a single key without one (FIELD_ENCRYPTION_KEY, an old key file) takes. */
export const FIRST_FIELD_KEY_ID = 'k1';

/**
 * Field keys as configured: one bare key (32 hex, id k1), or `id:hex` pairs separated by commas or
 * new lines, the last being the current key. Throws a message naming the problem (never the key).
 */
export function parseFieldKeys(text: string): FieldKey[] {
  const parts = text
    .split(/[,\n]/)
    .map((part) => part.trim())
    .filter((part) => part && !part.startsWith('#'));
  if (parts.length === 1 && KEY_HEX.test(parts[0]!))
    return [{ id: FIRST_FIELD_KEY_ID, hex: parts[0]!.toLowerCase() }];
  const keys = parts.map((part) => {
    const [id, hex, ...rest] = part.split(':').map((p) => p.trim());
    if (!id || !KEY_ID.test(id) || !hex || !KEY_HEX.test(hex) || rest.length)
      throw new Error(
        'field keys: each key is "id:32 hex characters" (id: letters, digits, _ or -, up to 16)',
      );
    return { id, hex: hex.toLowerCase() };
  });
  if (!keys.length) throw new Error('field keys: no key given');
  if (new Set(keys.map((k) => k.id)).size !== keys.length)
    throw new Error('field keys: an id is given twice');
  return keys;
}

/** A key's fingerprint: SM3 over a value derived from it, so the fingerprint reveals nothing of the key. */
export function fieldKeyFingerprint(masterKeyHex: string): string {
  const derived = hkdfSync('sm3', Buffer.from(masterKeyHex, 'hex'), Buffer.alloc(0), 'anjian field id', 32);
  return sm3Hex(Buffer.from(derived)).slice(0, 16);
}

function derivedKeys(masterKeyHex: string) {
  const master = Buffer.from(masterKeyHex, 'hex');
  return {
    enc: Buffer.from(hkdfSync('sm3', master, Buffer.alloc(0), 'anjian field enc', 16)),
    mac: Buffer.from(hkdfSync('sm3', master, Buffer.alloc(0), 'anjian field mac', 32)),
  };
}

type Derived = ReturnType<typeof derivedKeys>;

function open(raw: Buffer, key: Derived): string | null {
  const iv = raw.subarray(0, 16);
  const body = raw.subarray(16, raw.length - 32);
  const mac = raw.subarray(raw.length - 32);
  const expected = createHmac('sm3', key.mac).update(iv).update(body).digest();
  if (mac.length !== 32 || !timingSafeEqual(mac, expected)) return null;
  const decipher = createDecipheriv('sm4-cbc', key.enc, iv);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
}

/** A cipher over one key (its id k1) or several (the last is current). */
export function createFieldCipher(keys: string | readonly FieldKey[]): FieldCipher {
  const list = typeof keys === 'string' ? [{ id: FIRST_FIELD_KEY_ID, hex: keys }] : keys;
  if (!list.length) throw new Error('field keys: no key given');
  const ring = new Map(list.map((key) => [key.id, derivedKeys(key.hex)]));
  const current = list.at(-1)!;
  const currentKey = ring.get(current.id)!;
  return {
    currentKeyId: current.id,
    fingerprints: list.map((key) => fieldKeyFingerprint(key.hex)),
    keyIdOf(sealed) {
      if (sealed.startsWith('v1:')) return null;
      const match = /^v2:([^:]+):/.exec(sealed);
      if (!match) throw new Error('unknown field cipher version');
      return match[1]!;
    },
    encrypt(plain) {
      const iv = randomBytes(16);
      const cipher = createCipheriv('sm4-cbc', currentKey.enc, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const mac = createHmac('sm3', currentKey.mac).update(iv).update(body).digest();
      return `v2:${current.id}:${Buffer.concat([iv, body, mac]).toString('base64')}`;
    },
    decrypt(sealed) {
      const id = this.keyIdOf(sealed);
      const raw = Buffer.from(sealed.slice(id === null ? 3 : 4 + id.length), 'base64');
      if (id !== null) {
        const key = ring.get(id);
        if (!key) throw new Error(`field key ${id} is not configured`);
        const plain = open(raw, key);
        if (plain === null) throw new Error('field integrity check failed');
        return plain;
      }
      for (const key of ring.values()) {
        const plain = open(raw, key);
        if (plain !== null) return plain;
      }
      throw new Error('field integrity check failed');
    },
  };
}

/** The configured keys or DATA_DIR's key file, without making one: null when there is neither. */
export function existingFieldKeys(
  configured: string | null,
  dataDir: string,
  fileName = FIELD_KEY_FILE,
): FieldKey[] | null {
  if (configured) return parseFieldKeys(configured);
  const file = path.join(dataDir, fileName);
  return existsSync(file) ? parseFieldKeys(readFileSync(file, 'utf8')) : null;
}

/** A fresh 128-bit SM4 key as 32 hexadecimal characters. */
export function newFieldKeyHex(): string {
  return randomBytes(16).toString('hex');
}

export const FIELD_KEY_FILE = 'field-encryption.key';
/** The whistleblowers' identities (issue 16) are sealed under a key of their own, in its own file. */
export const WHISTLEBLOWER_KEY_FILE = 'whistleblower-encryption.key';

/**
 * The configured keys (FIELD_ENCRYPTION_KEYS, or FIELD_ENCRYPTION_KEY as key k1), or in embedded
 * mode DATA_DIR/field-encryption.key — generated once with one key; `field-key add` appends more.
 */
export function resolveFieldKeys(
  configured: string | null,
  dataDir: string,
  fileName = FIELD_KEY_FILE,
): FieldKey[] {
  const existing = existingFieldKeys(configured, dataDir, fileName);
  if (existing) return existing;
  mkdirSync(dataDir, { recursive: true });
  const key = newFieldKeyHex();
  writeFileSync(path.join(dataDir, fileName), `${key}\n`, { mode: 0o600 });
  return parseFieldKeys(key);
}

/**
 * Adds a new current key to DATA_DIR's key file (the field keys' unless `fileName` names the
 * whistleblowers'; a bare old key becomes `k1:`); answers its id.
 * The older keys stay: values sealed with them open until `rotate-field-key` has re-sealed them.
 */
export function addFieldKeyToFile(dataDir: string, fileName = FIELD_KEY_FILE): string {
  const keys = resolveFieldKeys(null, dataDir, fileName);
  const numbers = keys.map((k) => Number.parseInt(k.id.replace(/^k/, ''), 10)).filter(Number.isFinite);
  const id = `k${Math.max(0, ...numbers) + 1}`;
  const lines = [...keys, { id, hex: newFieldKeyHex() }].map((k) => `${k.id}:${k.hex}\n`);
  writeFileSync(path.join(dataDir, fileName), lines.join(''), { mode: 0o600 });
  return id;
}
