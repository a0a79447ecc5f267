import { z } from 'zod';
import { yuxiCountyCodes } from '../registry/divisions/yuxi-divisions.ts';

/**
 * The data a user may see: the whole city, one or more counties (GB/T 2260 codes), or one
 * enterprise (which lies in one county).
 */
const countyCode = z
  .string()
  .refine((code) => yuxiCountyCodes.includes(code), { message: 'not a county of Yuxi' })
  .describe('GB/T 2260 code of a county-level division of Yuxi, e.g. 530403 江川区');

export const dataScopeSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('city') }).strict(),
    z.object({ kind: z.literal('county'), counties: z.array(countyCode).min(1).max(9) }).strict(),
    z
      .object({
        kind: z.literal('enterprise'),
        enterpriseId: z.uuid().describe('The enterprise this account belongs to'),
        county: countyCode,
      })
      .strict(),
  ])
  .describe('Data scope: city, counties or one enterprise');

export type DataScope = z.infer<typeof dataScopeSchema>;

/** The counties a scope reaches; null means all of them (the city). */
export function scopeCounties(scope: DataScope): readonly string[] | null {
  switch (scope.kind) {
    case 'city':
      return null;
    case 'county':
      return scope.counties;
    case 'enterprise':
      return [scope.county];
  }
}

/** Whether everything `inner` reaches lies inside `outer`. */
export function scopeContains(outer: DataScope, inner: DataScope): boolean {
  if (outer.kind === 'city') return true;
  if (outer.kind === 'enterprise')
    return inner.kind === 'enterprise' && inner.enterpriseId === outer.enterpriseId;
  const innerCounties = scopeCounties(inner);
  if (innerCounties === null) return false;
  return innerCounties.every((code) => outer.counties.includes(code));
}
