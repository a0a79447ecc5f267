import { describe, expect, it } from 'vitest';
import { createFieldCipher, hashPassword, parseFieldKeys, sm3Hex, verifyPassword } from './crypto.ts';

describe('国密 primitives', () => {
  it('computes SM3 per GB/T 32905-2016 example 1 ("abc")', () => {
    expect(sm3Hex('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });

  it('seals a field with SM4 and opens it again; tampering is detected', () => {
    const cipher = createFieldCipher('00112233445566778899aabbccddeeff');
    const sealed = cipher.encrypt('13812345678');
    expect(sealed).toMatch(/^v2:k1:/);
    expect(sealed).not.toContain('13812345678');
    expect(cipher.decrypt(sealed)).toBe('13812345678');
    expect(cipher.encrypt('13812345678')).not.toBe(sealed);
    const raw = Buffer.from(sealed.slice(6), 'base64');
    raw[20] = raw[20]! ^ 1;
    expect(() => cipher.decrypt(`v2:k1:${raw.toString('base64')}`)).toThrow(/integrity/);
    expect(() => createFieldCipher('ffeeddccbbaa99887766554433221100').decrypt(sealed)).toThrow(/integrity/);
  });

  it('names the key of each sealed value; opens values of any configured key and from before key ids', () => {
    const keys = parseFieldKeys(`k1:${'00112233445566778899aabbccddeeff'},k2:${'ff'.repeat(16)}`);
    expect(keys.map((k) => k.id)).toEqual(['k1', 'k2']);
    expect(parseFieldKeys('00112233445566778899AABBCCDDEEFF')).toEqual([
      { id: 'k1', hex: '00112233445566778899aabbccddeeff' },
    ]);
    expect(() => parseFieldKeys('k1:short')).toThrow(/id:32 hex/);
    expect(() => parseFieldKeys(`k1:${'ab'.repeat(16)},k1:${'cd'.repeat(16)}`)).toThrow(/twice/);
    const old = createFieldCipher('00112233445566778899aabbccddeeff');
    const both = createFieldCipher(keys);
    const legacy = old.encrypt('13812345678').replace(/^v2:k1:/, 'v1:');
    expect(both.currentKeyId).toBe('k2');
    expect(both.keyIdOf(legacy)).toBeNull();
    expect(both.decrypt(legacy)).toBe('13812345678');
    expect(both.decrypt(old.encrypt('1'))).toBe('1');
    expect(both.keyIdOf(both.encrypt('2'))).toBe('k2');
    expect(() => old.decrypt(both.encrypt('2'))).toThrow(/field key k2 is not configured/);
    expect(both.fingerprints).toHaveLength(2);
  });

  it('hashes passwords with salted scrypt and verifies them', async () => {
    const hash = await hashPassword('Yuxi#2026');
    expect(hash).toMatch(/^scrypt\$32768\$8\$3\$/);
    expect(await hashPassword('Yuxi#2026')).not.toBe(hash);
    expect(await verifyPassword('Yuxi#2026', hash)).toBe(true);
    expect(await verifyPassword('Yuxi#2027', hash)).toBe(false);
    expect(await verifyPassword('Yuxi#2026', 'md5$abc')).toBe(false);
  });
});
