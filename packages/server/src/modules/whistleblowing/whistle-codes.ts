import { randomBytes, timingSafeEqual } from 'node:crypto';
import { sm3Hex } from '../../platform/crypto.ts';

// Crockford base 32: no I, L, O or U, so a code read aloud over 12350 is not misheard.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function randomBase32(length: number): string {
  const bytes = randomBytes(length);
  // 256 is a multiple of 32: taking the low five bits keeps every character equally likely.
  return Array.from(bytes, (byte) => ALPHABET[byte & 31]).join('');
}

/** 查询码: 60 random bits in three groups of four. */
export function newQueryCode(): string {
  const raw = randomBase32(12);
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
}

/** The secret given once with the code: 100 random bits. */
export function newSecret(): string {
  return randomBase32(20);
}

export function newSalt(): string {
  return randomBytes(16).toString('hex');
}

/** A short label for a real-name reporter (实名举报人 K7Q2): not derived from who they are. */
export function newPseudonym(): string {
  return randomBase32(4);
}

/** SM3 over salt and secret: the secret carries 100 random bits, so a fast hash suffices. */
export function secretHash(salt: string, secret: string): string {
  return sm3Hex(`${salt}:${secret}`);
}

/** Compares in constant time; an unknown code is compared against a dummy so both paths cost the same. */
export function secretMatches(stored: { salt: string; hash: string } | null, secret: string): boolean {
  const salt = stored?.salt ?? DUMMY.salt;
  const expected = Buffer.from(stored?.hash ?? DUMMY.hash, 'hex');
  const actual = Buffer.from(secretHash(salt, secret), 'hex');
  return timingSafeEqual(expected, actual) && stored !== null;
}

const DUMMY = (() => {
  const salt = newSalt();
  return { salt, hash: secretHash(salt, newSecret()) };
})();

/** An IP address or device id as abuse control keeps it: hashed, never the address itself. */
export function clientKey(kind: 'ip' | 'device', value: string): string {
  return sm3Hex(`anjian whistle ${kind}:${value}`);
}
