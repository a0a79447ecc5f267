import { describe, expect, it } from 'vitest';
import { freePort } from './embedded-postgres.ts';

describe('freePort', () => {
  it('never gives the same port twice among the last 64, though the system may offer one again', async () => {
    // Asked one after the other without binding, the system handed out a port again about once in
    // a hundred calls here: two servers started side by side then clashed on one port.
    const ports: number[] = [];
    for (let i = 0; i < 64; i++) ports.push(await freePort());
    expect(new Set(ports).size).toBe(64);
    for (const port of ports) expect(port).toBeGreaterThan(1023);
  });
});
