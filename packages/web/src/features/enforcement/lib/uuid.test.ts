import { describe, expect, it } from 'vitest';
import { newUuid } from './uuid.ts';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newUuid', () => {
  it('builds a version-4 UUID from random bytes where randomUUID is missing (plain HTTP)', () => {
    const zeros = { getRandomValues: <T extends ArrayBufferView | null>(array: T) => array };
    expect(newUuid(zeros)).toBe('00000000-0000-4000-8000-000000000000');
    const ones = {
      getRandomValues: <T extends ArrayBufferView | null>(array: T) => {
        (array as unknown as Uint8Array).fill(0xff);
        return array;
      },
    };
    expect(newUuid(ones)).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
  });

  it('gives distinct well-formed ids', () => {
    const ids = new Set(
      Array.from({ length: 200 }, () => newUuid({ getRandomValues: (a) => crypto.getRandomValues(a) })),
    );
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(UUID_V4);
  });
});
