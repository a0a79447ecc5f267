import { describe, expect, it } from 'vitest';
import { dataScopeSchema, scopeContains, scopeCounties, type DataScope } from './data-scope.ts';

const city: DataScope = { kind: 'city' };
const jiangchuan: DataScope = { kind: 'county', counties: ['530403'] };
const two: DataScope = { kind: 'county', counties: ['530403', '530423'] };
const enterprise: DataScope = {
  kind: 'enterprise',
  enterpriseId: '6f1d2a52-8f0e-4c3e-9a51-0e7f3d9b1c11',
  county: '530403',
};
const otherEnterprise: DataScope = {
  kind: 'enterprise',
  enterpriseId: '7a1d2a52-8f0e-4c3e-9a51-0e7f3d9b1c11',
  county: '530403',
};

describe('data scope', () => {
  it.each([
    [city, city, true],
    [city, enterprise, true],
    [jiangchuan, city, false],
    [jiangchuan, jiangchuan, true],
    [jiangchuan, two, false],
    [two, jiangchuan, true],
    [jiangchuan, enterprise, true],
    [enterprise, enterprise, true],
    [enterprise, otherEnterprise, false],
    [enterprise, jiangchuan, false],
  ] as const)('%j contains %j → %s', (outer, inner, expected) => {
    expect(scopeContains(outer, inner)).toBe(expected);
  });

  it('names the counties it reaches', () => {
    expect(scopeCounties(city)).toBeNull();
    expect(scopeCounties(two)).toEqual(['530403', '530423']);
    expect(scopeCounties(enterprise)).toEqual(['530403']);
  });

  it('accepts only counties of Yuxi and no stray fields', () => {
    expect(dataScopeSchema.safeParse({ kind: 'county', counties: ['530481'] }).success).toBe(true);
    expect(dataScopeSchema.safeParse({ kind: 'county', counties: ['530422'] }).success).toBe(false); // 澄江县, replaced in 2019
    expect(dataScopeSchema.safeParse({ kind: 'county', counties: ['530400'] }).success).toBe(false);
    expect(dataScopeSchema.safeParse({ kind: 'county', counties: [] }).success).toBe(false);
    expect(dataScopeSchema.safeParse({ kind: 'city', counties: ['530403'] }).success).toBe(false);
    expect(
      dataScopeSchema.safeParse({ kind: 'enterprise', enterpriseId: 'x', county: '530403' }).success,
    ).toBe(false);
  });
});
