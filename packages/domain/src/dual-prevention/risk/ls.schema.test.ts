import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { calculateLs } from './ls.ts';
import { lsRequestSchema, lsResponseSchema } from './ls.schema.ts';

describe('POST /api/v1/calc/ls schemas', () => {
  it('accepts 1–5 for both scores, and the answer fits the response schema', () => {
    for (let l = 1; l <= 5; l += 1) {
      for (let s = 1; s <= 5; s += 1) {
        const request = lsRequestSchema.parse({ l, s });
        expect(lsResponseSchema.parse(calculateLs(request))).toEqual(calculateLs({ l, s }));
      }
    }
  });

  it.each([
    [{ l: 0, s: 1 }, 'l'],
    [{ l: 1, s: 6 }, 's'],
    [{ l: 2.5, s: 1 }, 'l'],
    [{ l: 1 }, 's'],
  ])('rejects %j at %s', (body, path) => {
    expect(lsRequestSchema.safeParse(body).error?.issues.map((issue) => issue.path.join('.'))).toEqual([
      path,
    ]);
  });

  it('documents itself for the OpenAPI document', () => {
    const json = z.toJSONSchema(lsResponseSchema) as { properties: Record<string, { description?: string }> };
    expect(Object.keys(json.properties)).toEqual(['r', 'level', 'colour']);
    expect(json.properties.r?.description).toBe('R = L × S');
  });
});
