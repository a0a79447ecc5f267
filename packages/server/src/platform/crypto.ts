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

// scrypt: N = 2^15, r = 8, p = 3 (OWASP's alternative setting; 32 MiB per hash).
const SCRYPT = { N: 1 << 15, r: 8, p: 3, keyLength: 32, maxmem: 64 * 1024 * 1024 } as const;

function scryptAsync(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize('NFKC'),
      salt,
      SCRYPT.keyLength,
      { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p, maxmem: SCRYPT.maxmem },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

/** `scrypt$N$r$p$salt$hash`, so parameters can be raised later without breaking stored hashes. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${key.toString('base64')}`;
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
      { N: Number(n), r: Number(r), p: Number(p), maxmem: SCRYPT.maxmem },
      (error, derived) => (error ? reject(error) : resolve(derived)),
    );
  });
  return timingSafeEqual(key, expected);
}

/**
 * Field encryption for sensitive personal data at rest (GB/T 39786-2021 8.4e): SM4-CBC with
 * HMAC-SM3 over IV and ciphertext (encrypt-then-MAC; Node has no SM4-GCM). Both keys are derived
 * from one 128-bit master key by HKDF-SM3.
 */
export interface FieldCipher {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
}

export function createFieldCipher(masterKeyHex: string): FieldCipher {
  const master = Buffer.from(masterKeyHex, 'hex');
  const encKey = Buffer.from(hkdfSync('sm3', master, Buffer.alloc(0), 'anjian field enc', 16));
  const macKey = Buffer.from(hkdfSync('sm3', master, Buffer.alloc(0), 'anjian field mac', 32));
  return {
    encrypt(plain) {
      const iv = randomBytes(16);
      const cipher = createCipheriv('sm4-cbc', encKey, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const mac = createHmac('sm3', macKey).update(iv).update(body).digest();
      return `v1:${Buffer.concat([iv, body, mac]).toString('base64')}`;
    },
    decrypt(sealed) {
      if (!sealed.startsWith('v1:')) throw new Error('unknown field cipher version');
      const raw = Buffer.from(sealed.slice(3), 'base64');
      const iv = raw.subarray(0, 16);
      const body = raw.subarray(16, raw.length - 32);
      const mac = raw.subarray(raw.length - 32);
      const expected = createHmac('sm3', macKey).update(iv).update(body).digest();
      if (!timingSafeEqual(mac, expected)) throw new Error('field integrity check failed');
      const decipher = createDecipheriv('sm4-cbc', encKey, iv);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    },
  };
}

/** The configured key, or in embedded mode a key generated once into DATA_DIR/field-encryption.key. */
export function resolveFieldKey(configured: string | null, dataDir: string): string {
  if (configured) return configured;
  const file = path.join(dataDir, 'field-encryption.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(16).toString('hex');
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return key;
}
