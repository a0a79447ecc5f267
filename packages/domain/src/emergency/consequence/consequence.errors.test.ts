import { describe, expect, it } from 'vitest';
import {
  ConsequenceError,
  consequenceErrorCodes,
  requireInRange,
  requirePositive,
} from './consequence.errors.ts';

describe('ConsequenceError', () => {
  it('has the shape of DomainError: code, fields, details and a 400 status', () => {
    const error = new ConsequenceError('calc.consequence_unknown_chemical', { details: { chemical: '苯' } });
    expect(error).toMatchObject({
      code: 'calc.consequence_unknown_chemical',
      fields: [],
      details: { chemical: '苯' },
      status: 400,
    });
    expect(error.message).toBe('calc.consequence_unknown_chemical');
    expect(consequenceErrorCodes).toHaveLength(4);
  });

  it('names the field that is out of range', () => {
    expect(() => requirePositive('massKg', 0)).toThrow(ConsequenceError);
    try {
      requireInRange('method.groundFactor', 3, 1, 2);
    } catch (error) {
      expect((error as ConsequenceError).fields[0]).toMatchObject({
        path: 'method.groundFactor',
        message: 'must be a number 1 to 2',
      });
      expect((error as ConsequenceError).details).toEqual({
        field: 'method.groundFactor',
        value: 3,
        min: 1,
        max: 2,
      });
    }
    expect(requirePositive('x', 5)).toBe(5);
  });
});
