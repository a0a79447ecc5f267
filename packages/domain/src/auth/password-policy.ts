import type { ErrorCode } from '../errors/error-catalogue.ts';
import { commonPasswords } from './common-passwords.ts';

/**
 * Password rules. Defaults follow 等保 2.0 level-3 evaluator practice (GB/T 22239-2019
 * 8.1.4.1a): at least 8 characters, 3 of 4 character classes, not containing the username,
 * changed every 90 days, not one of the last 5. Every number is configurable.
 */
export interface PasswordPolicy {
  readonly minLength: number;
  readonly maxLength: number;
  readonly minClasses: number;
  readonly maxAgeDays: number;
  readonly historySize: number;
}

export const defaultPasswordPolicy: PasswordPolicy = {
  minLength: 8,
  maxLength: 128,
  minClasses: 3,
  maxAgeDays: 90,
  historySize: 5,
};

export function countCharacterClasses(password: string): number {
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/];
  return classes.filter((pattern) => pattern.test(password)).length;
}

/** The first rule the password breaks, or null when it is acceptable. History is checked by the caller. */
export function checkPassword(password: string, username: string, policy: PasswordPolicy): ErrorCode | null {
  if ([...password].length < policy.minLength) return 'password.too_short';
  if ([...password].length > policy.maxLength) return 'password.too_long';
  if (countCharacterClasses(password) < policy.minClasses) return 'password.too_few_classes';
  if (username.length > 0 && password.toLowerCase().includes(username.toLowerCase())) {
    return 'password.contains_username';
  }
  if (commonPasswords.has(password.toLowerCase())) return 'password.common';
  return null;
}

/** Whether a password set at `changedAt` must be changed at `now`. A max age of 0 turns rotation off. */
export function isPasswordExpired(changedAt: Date, now: Date, policy: PasswordPolicy): boolean {
  if (policy.maxAgeDays <= 0) return false;
  return now.getTime() - changedAt.getTime() >= policy.maxAgeDays * 24 * 60 * 60 * 1000;
}
