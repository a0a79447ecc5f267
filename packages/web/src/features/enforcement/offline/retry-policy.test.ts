import { describe, expect, it } from 'vitest';
import { decideOnFailure, retryDelayMs, RETRY_MAX_MS } from './retry-policy.ts';

describe('what a failed attempt leads to', () => {
  it.each([
    [0, 'retry'],
    [408, 'retry'],
    [409, 'retry'],
    [429, 'retry'],
    [500, 'retry'],
    [502, 'retry'],
    [503, 'retry'],
    [401, 'wait_for_sign_in'],
    [400, 'fail'],
    [403, 'fail'],
    [404, 'fail'],
    [413, 'fail'],
    [422, 'fail'],
  ] as const)('status %i → %s', (status, decision) => {
    expect(decideOnFailure(status)).toBe(decision);
  });

  it('fails at once on the conflicts the server says can never apply', () => {
    expect(decideOnFailure(409, 'enforcement.inspection_closed')).toBe('fail');
    expect(decideOnFailure(409, 'enforcement.submission_conflict')).toBe('fail');
    expect(decideOnFailure(409, 'enforcement.submission_in_progress')).toBe('retry');
  });
});

describe('the back-off', () => {
  it('doubles from 2 s and is capped at 5 minutes (random 0.999… = the ceiling)', () => {
    const top = (attempts: number) => retryDelayMs(attempts, 0.999_999_9);
    expect([1, 2, 3, 4, 5].map(top)).toEqual([2_000, 4_000, 8_000, 16_000, 32_000]);
    expect(top(9)).toBe(RETRY_MAX_MS);
    expect(top(500)).toBe(RETRY_MAX_MS);
  });

  it('spreads retries over half to all of the ceiling', () => {
    expect(retryDelayMs(1, 0)).toBe(1_000);
    expect(retryDelayMs(3, 0.5)).toBe(6_000);
    expect(retryDelayMs(0, 0)).toBe(1_000);
  });
});
