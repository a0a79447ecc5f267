import { describe, expect, it } from 'vitest';
import { createFieldCipher, hashPassword, sm3Hex, verifyPassword } from './crypto.ts';

describe('国密 primitives', () => {
  it('computes SM3 per GB/T 32905-2016 example 1 ("abc")', () => {
    expect(sm3Hex('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });

  it('seals a field with SM4 and opens it again; tampering is detected', () => {
    const cipher = createFieldCipher('00112233445566778899aabbccddeeff');
    const sealed = cipher.encrypt('13812345678');
    expect(sealed).toMatch(/^v1:/);
    expect(sealed).not.toContain('13812345678');
    expect(cipher.decrypt(sealed)).toBe('13812345678');
    expect(cipher.encrypt('13812345678')).not.toBe(sealed);
    const raw = Buffer.from(sealed.slice(3), 'base64');
    raw[20] = raw[20]! ^ 1;
    expect(() => cipher.decrypt(`v1:${raw.toString('base64')}`)).toThrow(/integrity/);
    expect(() => createFieldCipher('ffeeddccbbaa99887766554433221100').decrypt(sealed)).toThrow(/integrity/);
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
