import { describe, expect, it } from 'vitest';
import { safeRedirect } from './redirect.ts';

describe('safeRedirect', () => {
  it.each([
    ['/admin/users', '/admin/users'],
    ['/profile/sessions?x=1', '/profile/sessions?x=1'],
    ['//evil.example/', null],
    ['/\\evil.example/', null],
    ['https://evil.example/', null],
    [undefined, null],
  ])('%s → %s', (value, expected) => {
    expect(safeRedirect(value)).toBe(expected);
  });
});
