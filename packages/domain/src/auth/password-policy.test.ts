import { describe, expect, it } from 'vitest';
import {
  checkPassword,
  countCharacterClasses,
  defaultPasswordPolicy,
  isPasswordExpired,
} from './password-policy.ts';

describe('password policy (等保 level-3 defaults)', () => {
  it.each([
    ['Ab#12345', 'zhangsan', null],
    ['Ab#1234', 'zhangsan', 'password.too_short'],
    ['abcdefgh', 'zhangsan', 'password.too_few_classes'],
    ['abcdef12', 'zhangsan', 'password.too_few_classes'],
    ['abcdef1#', 'zhangsan', null],
    ['ABCDEF1#', 'zhangsan', null],
    ['Abcdefgh', 'zhangsan', 'password.too_few_classes'],
    ['Zhangsan#1', 'zhangsan', 'password.contains_username'],
    ['xxZHANGSANxx1#', 'zhangsan', 'password.contains_username'],
    ['Aa123456', 'zhangsan', 'password.common'],
    ['1qaz@WSX', 'zhangsan', 'password.common'],
    ['P@ssw0rd', 'zhangsan', 'password.common'],
    ['安全生产Ab1#', 'zhangsan', null],
    ['A'.repeat(126) + 'a1#', 'zhangsan', 'password.too_long'],
  ])('%s (user %s) → %s', (password, username, expected) => {
    expect(checkPassword(password, username, defaultPasswordPolicy)).toBe(expected);
  });

  it('counts the four classes', () => {
    expect(countCharacterClasses('aA1#')).toBe(4);
    expect(countCharacterClasses('中文')).toBe(1);
    expect(countCharacterClasses('')).toBe(0);
  });

  it('expires a password exactly 90 days after it was set, and never when rotation is off', () => {
    const set = new Date('2026-01-01T00:00:00Z');
    const day = 24 * 3600_000;
    expect(isPasswordExpired(set, new Date(set.getTime() + 90 * day - 1), defaultPasswordPolicy)).toBe(false);
    expect(isPasswordExpired(set, new Date(set.getTime() + 90 * day), defaultPasswordPolicy)).toBe(true);
    expect(
      isPasswordExpired(set, new Date(set.getTime() + 9000 * day), {
        ...defaultPasswordPolicy,
        maxAgeDays: 0,
      }),
    ).toBe(false);
  });
});
