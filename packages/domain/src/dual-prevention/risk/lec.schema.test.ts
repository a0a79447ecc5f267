import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { calculateLec, lecConsequenceScores, lecExposureScores, lecLikelihoodScores } from './lec.ts';
import { lecRequestSchema, lecResponseSchema } from './lec.schema.ts';

describe('POST /api/v1/calc/lec schemas', () => {
  it('accepts every combination of standard scores, and the answer fits the response schema', () => {
    for (const l of lecLikelihoodScores) {
      for (const e of lecExposureScores) {
        for (const c of lecConsequenceScores) {
          const request = lecRequestSchema.parse({ l, e, c });
          expect(lecResponseSchema.safeParse(calculateLec(request)).success).toBe(true);
        }
      }
    }
  });

  it.each([
    [{ l: 2, e: 1, c: 1 }, 'l'],
    [{ l: 1, e: 0.2, c: 1 }, 'e'],
    [{ l: 1, e: 1, c: 50 }, 'c'],
    [{ l: '1', e: 1, c: 1 }, 'l'],
    [{ e: 1, c: 1 }, 'l'],
  ])('rejects %j at %s', (body, path) => {
    const result = lecRequestSchema.safeParse(body);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual([path]);
  });

  it('rejects unknown fields', () => {
    expect(lecRequestSchema.safeParse({ l: 1, e: 1, c: 1, d: 1 }).error?.issues[0]?.code).toBe(
      'unrecognized_keys',
    );
  });

  it('documents the score sets for the OpenAPI document', () => {
    const json = z.toJSONSchema(lecRequestSchema) as {
      properties: Record<string, { enum: number[]; description: string }>;
    };
    expect(json.properties.l?.enum).toEqual([10, 6, 3, 1, 0.5, 0.2, 0.1]);
    expect(json.properties.e?.enum).toEqual([10, 6, 3, 2, 1, 0.5]);
    expect(json.properties.c?.enum).toEqual([100, 40, 15, 7, 3, 1]);
    expect(json.properties.l?.description).toContain('likelihood');
    const response = z.toJSONSchema(lecResponseSchema) as {
      properties: Record<string, { description: string }>;
    };
    expect(Object.keys(response.properties)).toEqual(['d', 'band', 'level', 'colour']);
    expect(response.properties.band?.description).toContain('D > 320');
  });
});
