import { describe, expect, it } from 'vitest';
import { loginDefence } from './login-defences.ts';

const policy = { ipMaxFailures: 30, globalMaxFailures: 500, captchaAfterFailures: 3 };

describe('sign-in defences', () => {
  it.each([
    [
      { ip: 0, username: 0, global: 0 },
      { kind: 'open', captcha: null },
    ],
    [
      { ip: 2, username: 2, global: 499 },
      { kind: 'open', captcha: null },
    ],
    [
      { ip: 3, username: 0, global: 0 },
      { kind: 'open', captcha: 'ip' },
    ],
    [
      { ip: 0, username: 3, global: 0 },
      { kind: 'open', captcha: 'username' },
    ],
    [
      { ip: 0, username: 0, global: 500 },
      { kind: 'open', captcha: 'global' },
    ],
    [
      { ip: 29, username: 29, global: 10_000 },
      { kind: 'open', captcha: 'ip' },
    ],
    [{ ip: 30, username: 0, global: 0 }, { kind: 'throttled' }],
  ])('%o → %o', (counts, expected) => {
    expect(loginDefence(counts, policy)).toEqual(expected);
  });
});
