import { describe, expect, it } from 'vitest';
import { defaultBackoff, reconnectDelay } from './reconnect-backoff.ts';

const noJitter = { ...defaultBackoff, jitter: 0 };

describe('reconnectDelay', () => {
  it('doubles from one second and stops at thirty', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 20].map((n) => reconnectDelay(n, noJitter))).toEqual([
      1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000,
    ]);
  });

  it('takes up to 20 % off at random, never adding to the delay', () => {
    expect(reconnectDelay(2, defaultBackoff, () => 0)).toBe(3200);
    expect(reconnectDelay(2, defaultBackoff, () => 0.5)).toBe(3600);
    expect(reconnectDelay(2, defaultBackoff, () => 1)).toBe(4000);
    expect(reconnectDelay(10, defaultBackoff, () => 1)).toBe(30_000);
    expect(reconnectDelay(10, defaultBackoff, () => 0)).toBe(24_000);
  });

  it('treats a negative or fractional attempt as the whole attempt below it, at least the first', () => {
    expect(reconnectDelay(-3, noJitter)).toBe(1000);
    expect(reconnectDelay(1.7, noJitter)).toBe(2000);
  });
});
