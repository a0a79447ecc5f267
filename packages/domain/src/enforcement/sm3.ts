/*
 * SM3 cryptographic hash (GB/T 32905-2016), in plain TypeScript so that the same code runs in the
 * server and in the browser (the public draw-verification page recomputes commitments with it).
 * Node's OpenSSL has SM3 too, but the domain package may not import node:crypto.
 */

const iv = [0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600, 0xa96f30bc, 0x163138aa, 0xe38dee4d, 0xb0fb0e4e];

const rotl = (x: number, n: number): number => ((x << n) | (x >>> (32 - n))) >>> 0;
const p0 = (x: number): number => (x ^ rotl(x, 9) ^ rotl(x, 17)) >>> 0;
const p1 = (x: number): number => (x ^ rotl(x, 15) ^ rotl(x, 23)) >>> 0;

// §4.2: T_j = 79cc4519 for rounds 0–15, 7a879d8a for rounds 16–63; pre-rotated by j mod 32 (§5.3.3).
const roundConstants = Array.from({ length: 64 }, (_, j) => rotl(j < 16 ? 0x79cc4519 : 0x7a879d8a, j % 32));

// Scratch space of the message expansion, reused by every block (the code is single-threaded).
const w = new Uint32Array(68);
const w1 = new Uint32Array(64);

/** §5.3.2 message expansion: W_0…W_67 and W'_j = W_j ⊕ W_{j+4}. */
function expand(block: Uint8Array, offset: number): void {
  for (let j = 0; j < 16; j++) {
    const i = offset + 4 * j;
    w[j] = ((block[i]! << 24) | (block[i + 1]! << 16) | (block[i + 2]! << 8) | block[i + 3]!) >>> 0;
  }
  for (let j = 16; j < 68; j++) {
    w[j] = (p1(w[j - 16]! ^ w[j - 9]! ^ rotl(w[j - 3]!, 15)) ^ rotl(w[j - 13]!, 7) ^ w[j - 6]!) >>> 0;
  }
  for (let j = 0; j < 64; j++) w1[j] = (w[j]! ^ w[j + 4]!) >>> 0;
}

/** §5.3.3 compression function CF(V, B), updating `v` in place. */
function compress(v: Uint32Array, block: Uint8Array, offset: number): void {
  expand(block, offset);
  let a = v[0]!,
    b = v[1]!,
    c = v[2]!,
    d = v[3]!,
    e = v[4]!,
    f = v[5]!,
    g = v[6]!,
    h = v[7]!;
  for (let j = 0; j < 64; j++) {
    const a12 = rotl(a, 12);
    const ss1 = rotl((a12 + e + roundConstants[j]!) >>> 0, 7);
    const ss2 = (ss1 ^ a12) >>> 0;
    const ff = j < 16 ? a ^ b ^ c : (a & b) | (a & c) | (b & c);
    const gg = j < 16 ? e ^ f ^ g : (e & f) | (~e & g);
    const tt1 = (ff + d + ss2 + w1[j]!) >>> 0;
    const tt2 = (gg + h + ss1 + w[j]!) >>> 0;
    d = c;
    c = rotl(b, 9);
    b = a;
    a = tt1;
    h = g;
    g = rotl(f, 19);
    f = e;
    e = p0(tt2);
  }
  v[0]! ^= a;
  v[1]! ^= b;
  v[2]! ^= c;
  v[3]! ^= d;
  v[4]! ^= e;
  v[5]! ^= f;
  v[6]! ^= g;
  v[7]! ^= h;
}

/** §5.2 padding: a 1 bit, zeros to 448 mod 512 bits, then the bit length as 64-bit big-endian. */
function pad(message: Uint8Array): Uint8Array {
  const blocks = Math.ceil((message.length + 9) / 64);
  const padded = new Uint8Array(blocks * 64);
  padded.set(message);
  padded[message.length] = 0x80;
  const bits = BigInt(message.length) * 8n;
  for (let i = 0; i < 8; i++) padded[padded.length - 1 - i] = Number((bits >> BigInt(8 * i)) & 0xffn);
  return padded;
}

const encoder = new TextEncoder();

/** UTF-8 bytes of a string, as every SM3 input in Anjian is encoded. */
export function utf8Bytes(text: string): Uint8Array {
  return encoder.encode(text);
}

/** SM3 digest (32 bytes) of bytes, or of a string's UTF-8 encoding. */
export function sm3Digest(input: Uint8Array | string): Uint8Array {
  const padded = pad(typeof input === 'string' ? utf8Bytes(input) : input);
  const v = Uint32Array.from(iv);
  for (let offset = 0; offset < padded.length; offset += 64) compress(v, padded, offset);
  const digest = new Uint8Array(32);
  v.forEach((x, i) => {
    digest[4 * i] = x >>> 24;
    digest[4 * i + 1] = (x >>> 16) & 0xff;
    digest[4 * i + 2] = (x >>> 8) & 0xff;
    digest[4 * i + 3] = x & 0xff;
  });
  return digest;
}

/** Lower-case hex of bytes. */
export function bytesToHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** SM3 digest as 64 lower-case hex characters. */
export function sm3DigestHex(input: Uint8Array | string): string {
  return bytesToHex(sm3Digest(input));
}
