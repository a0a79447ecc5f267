import { describe, expect, it } from 'vitest';
import { maskPhone, userCreateSchema } from './user.schema.ts';

describe('users', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['0877-2012345', '0877-***2345'],
    ['08772012345', '0877***2345'],
  ])('masks %s as %s', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });

  it('validates a new user', () => {
    const valid = { username: 'li.si', displayName: ' 李四 ', roles: ['inspector'], scope: { kind: 'city' } };
    expect(userCreateSchema.parse(valid).displayName).toBe('李四');
    expect(userCreateSchema.safeParse({ ...valid, username: 'li si' }).success).toBe(false);
    expect(userCreateSchema.safeParse({ ...valid, phone: '1381234567' }).success).toBe(false);
    expect(userCreateSchema.safeParse({ ...valid, phone: '0877-2012345' }).success).toBe(true);
    expect(userCreateSchema.safeParse({ ...valid, admin: true }).success).toBe(false);
  });
});
