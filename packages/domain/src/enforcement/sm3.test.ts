import { describe, expect, it } from 'vitest';
import { bytesToHex, sm3Digest, sm3DigestHex, utf8Bytes } from './sm3.ts';

const repeated = (length: number, byte: number) => new Uint8Array(length).fill(byte);

describe('SM3 (GB/T 32905-2016)', () => {
  it.each<[string, Uint8Array | string, string]>([
    // GB/T 32905-2016 Appendix A, example 1 and example 2.
    ['"abc" (A.1)', 'abc', '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0'],
    [
      '"abcd" × 16, 64 bytes (A.2)',
      'abcd'.repeat(16),
      'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732',
    ],
    // The rest were computed with OpenSSL 3 (Node's createHash('sm3')); they cover the padding edges.
    ['empty input', '', '1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b'],
    [
      '55 bytes: length fits the block',
      repeated(55, 0x61),
      '288337eef51eec62e7544d7270424c8dbe656254c99852870a73b2453a6a7fb1',
    ],
    [
      '56 bytes: padding needs a new block',
      repeated(56, 0x61),
      'ba00ebedaab54065a5fd4f9f56326016203166bcee3eed44ea868d59d67aa3c8',
    ],
    ['63 bytes', repeated(63, 0x61), '587308543551881ebd70d27ad358ff5dcdf24ac54822e2f7b7c3edce0985d21b'],
    ['64 bytes', repeated(64, 0x61), '616ec433c359e7c2b19f360e2b8f2a1b6e9ed76b8dc1a7d207b31a5341c611e9'],
    ['65 bytes', repeated(65, 0x61), '3d1d94afa238ec3e2bbc20ad504702b24c16f2889c94973f2f8da3526c44e4bc'],
    ['119 bytes', repeated(119, 0x61), '53282a90724e9eb79b18d06b5b8f7f02d046e18b29247dcdb064a136d5c4459a'],
    ['120 bytes', repeated(120, 0x61), '4c9f0fe9f36ffe0191af73560c4afb1b671be02ba2d0e0c161b1e03488c2a45c'],
    ['1000 bytes', repeated(1000, 0x61), 'f4bedca973227d45c5b822551d2e762d4cfb0e9af70b241452545727b5fb046f'],
    [
      'bytes 0…255',
      Uint8Array.from({ length: 256 }, (_, i) => i),
      '59d171dbfd251d5a4cd77d6ba2b7109b7d64a4cd7fa8182beb100a016fa3ac44',
    ],
    [
      'UTF-8 Chinese text',
      '玉应急〔2026〕12号',
      'a18584017f7ebc60ef77d6fd2d2847a2f5f2d03e9af3d12616d0b3f6dd8ebe4d',
    ],
  ])('%s', (_name, input, expected) => {
    expect(sm3DigestHex(input)).toBe(expected);
  });

  it('hashes a string as its UTF-8 bytes and returns 32 bytes', () => {
    const digest = sm3Digest(utf8Bytes('玉应急〔2026〕12号'));
    expect(digest).toHaveLength(32);
    expect(bytesToHex(digest)).toBe(sm3DigestHex('玉应急〔2026〕12号'));
  });

  it('does not change its input', () => {
    const input = repeated(70, 0x62);
    sm3Digest(input);
    expect(input).toEqual(repeated(70, 0x62));
  });
});
