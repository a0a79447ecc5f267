import { describe, expect, it } from 'vitest';
import { classifyAccident } from './accident-level.ts';
import { accidentLevelRequestSchema, accidentLevelResponseSchema } from './accident-level.schema.ts';

describe('accident level schemas', () => {
  it.each([
    ['string loss', { deaths: 3, seriousInjuries: 0, directLossWan: '999.99' }],
    ['number loss', { deaths: 0, seriousInjuries: 10, directLossWan: 1000 }],
    ['zero loss', { deaths: 0, seriousInjuries: 0, directLossWan: '0' }],
  ])('accepts a request with a %s', (_name, body) => {
    expect(accidentLevelRequestSchema.safeParse(body).success).toBe(true);
  });

  it.each([
    ['fractional deaths', { deaths: 2.5, seriousInjuries: 0, directLossWan: '0' }],
    ['negative injuries', { deaths: 0, seriousInjuries: -1, directLossWan: '0' }],
    ['a negative loss', { deaths: 0, seriousInjuries: 0, directLossWan: '-5' }],
    ['a loss with a unit', { deaths: 0, seriousInjuries: 0, directLossWan: '1000万' }],
    ['a missing loss', { deaths: 0, seriousInjuries: 0 }],
    ['an unknown field', { deaths: 0, seriousInjuries: 0, directLossWan: '0', type: '08' }],
  ])('refuses a request with %s', (_name, body) => {
    expect(accidentLevelRequestSchema.safeParse(body).success).toBe(false);
  });

  it('shapes the answer of classifyAccident', () => {
    const request = accidentLevelRequestSchema.parse({ deaths: 10, seriousInjuries: 0, directLossWan: '1' });
    const answer = classifyAccident(request);
    expect(accidentLevelResponseSchema.parse(answer)).toEqual(answer);
    expect(answer.level).toBe('major');
  });
});
